package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;

/** How long the application takes to process one record. Implementations must be immutable. */
@FunctionalInterface
public interface RecordProcessor {

    long processingMs(TopicPartition partition, long offset);

    /** Every record takes {@code millis}. */
    static RecordProcessor fixed(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("processing time must not be negative: " + millis);
        }
        return new Fixed(millis);
    }

    /** A constant processing time (a record, so that two equal processors compare equal). */
    record Fixed(long millis) implements RecordProcessor {
        @Override
        public long processingMs(TopicPartition partition, long offset) {
            return millis;
        }
    }
}
