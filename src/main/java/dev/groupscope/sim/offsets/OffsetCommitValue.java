package dev.groupscope.sim.offsets;

/**
 * A committed offset: the <em>next</em> offset the group will read from the partition (not the last one it
 * read), with the leader epoch the commit carried (KIP-320's {@code committedLeaderEpoch}, -1 without one), the
 * commit's metadata string and time, as Kafka's OffsetCommitValue holds them.
 */
public record OffsetCommitValue(long offset, int leaderEpoch, String metadata, long commitTimestamp) {

    /** A commit without a leader epoch. */
    public OffsetCommitValue(long offset, String metadata, long commitTimestamp) {
        this(offset, -1, metadata, commitTimestamp);
    }
}
