package dev.groupscope.sim.offsets;

/** Key of a classic group's metadata in {@code __consumer_offsets} (record type 2): one per group. */
public record GroupMetadataKey(String group) implements CoordinatorKey {
}
