package dev.groupscope.sim.offsets;

/** A record key of {@code __consumer_offsets}; compaction keeps the latest record per key. */
public sealed interface CoordinatorKey permits OffsetCommitKey, GroupMetadataKey {

    String group();
}
