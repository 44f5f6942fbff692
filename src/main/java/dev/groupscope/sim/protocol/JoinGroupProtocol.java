package dev.groupscope.sim.protocol;

/** One (assignor name, metadata) pair a member offers in JoinGroup, in the client's preference order. */
public record JoinGroupProtocol(String name, Subscription metadata) {
}
