package dev.groupscope.sim.coordinator;

/**
 * A JoinGroup or SyncGroup the coordinator holds without answering (Kafka keeps its response future): who sent it,
 * its correlation id to answer with, and when it arrived. Plain data, so a snapshot copies it.
 */
public record ParkedRequest(String client, long correlationId, long arrivedAt) {
}
