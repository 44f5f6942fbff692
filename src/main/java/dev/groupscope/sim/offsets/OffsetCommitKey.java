package dev.groupscope.sim.offsets;

/** Key of an offset commit in {@code __consumer_offsets} (record type 1): one per group, topic and partition. */
public record OffsetCommitKey(String group, String topic, int partition) implements CoordinatorKey {
}
