package dev.groupscope.sim.cluster;

/** A partition whose leadership moved, e.g. because its leader's broker stopped. */
public record LeaderChange(String topic, int partition, int oldLeader, int newLeader) {
}
