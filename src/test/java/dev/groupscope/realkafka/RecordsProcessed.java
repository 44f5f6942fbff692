package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Objects;

/** The offsets of one partition that one {@code poll()} handed to a member, in the order it processed them. */
public record RecordsProcessed(String member, TopicPartition partition, List<Long> offsets) implements Observation {

    public RecordsProcessed {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(partition, "partition");
        offsets = List.copyOf(offsets);
    }
}
