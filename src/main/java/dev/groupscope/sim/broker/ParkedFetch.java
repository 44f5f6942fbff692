package dev.groupscope.sim.broker;

import dev.groupscope.sim.protocol.Requests.FetchRequest;

/**
 * A fetch the broker holds until enough data arrives or fetch.max.wait.ms passes (Kafka's DelayedFetch in the
 * fetch purgatory): plain data, so a snapshot copies it.
 */
public record ParkedFetch(long id, int broker, String client, FetchRequest request, long parkedAt) {
}
