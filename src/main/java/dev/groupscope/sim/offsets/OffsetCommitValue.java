package dev.groupscope.sim.offsets;

/**
 * A committed offset: the <em>next</em> offset the group will read from the partition (not the last one it
 * read), with the commit's metadata string and time, as Kafka's OffsetCommitValue holds them.
 */
public record OffsetCommitValue(long offset, String metadata, long commitTimestamp) {
}
