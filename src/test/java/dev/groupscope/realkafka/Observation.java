package dev.groupscope.realkafka;

/**
 * One thing a member of a scripted group run was seen to do. Observations are plain data, free of wall-clock
 * time and of Kafka's generated member ids, so that the simulator's run of the same script can be compared
 * with them field by field.
 */
public sealed interface Observation permits ListenerCallback, RecordsProcessed, OffsetsCommitted {

    /** The member's name, which is also its {@code group.instance.id} (static) or {@code client.id}. */
    String member();
}
