/**
 * Kafka 4.1's classic group coordinator, one {@link dev.groupscope.sim.coordinator.CoordinatorShard} per partition of
 * {@code __consumer_offsets}, hosted by that partition's leader in the cluster actor
 * ({@link dev.groupscope.sim.broker.ClusterActor}). The logic follows {@code GroupMetadataManager},
 * {@code ClassicGroup}, {@code ClassicGroupMember}, {@code OffsetMetadataManager} and {@code GroupCoordinatorService}
 * method by method; each class names the Kafka method it reproduces.
 *
 * <h2>Events (all with a rule key in {@code sim.coordinator.*}, explained in both bundles)</h2>
 * Actor {@code group:<groupId>}, kind STATE: {@code GroupStateChange} (from, to, generation, protocol, leader,
 * members), {@code GroupCreated}, {@code GroupLoaded}, {@code GroupDeleted}, {@code MemberAdded},
 * {@code MemberRemoved}, {@code PendingMemberAdded}, {@code PendingMemberRemoved}, {@code StaticMemberReplaced},
 * {@code LeaderChanged}, {@code ProtocolSelected} (votes), {@code InitialDelayScheduled}, {@code JoinPhaseExtended},
 * {@code EmptyAssignmentsFilled}. Kind TIMER: {@code HeartbeatExpiration}, {@code InitialRebalanceDelay},
 * {@code RebalanceTimeout}, {@code SyncTimeout}.
 *
 * <p>Actor {@code broker-<id>}, kind REQUEST, peer = the client: {@code JoinGroupParked}, {@code JoinGroupReleased},
 * {@code SyncGroupParked}, {@code SyncGroupReleased} (a held request, and its answer when it comes). Kind PRODUCE:
 * {@code GroupMetadataRecord}, {@code OffsetCommitRecord} and their {@code ...Tombstone}s (partition, offset, group).
 * Kind STATE: {@code CoordinatorLoading} (a load that takes time: its length and end, the groups waiting),
 * {@code CoordinatorLoaded}, {@code CoordinatorUnloaded}. While a shard loads, its groups' requests are answered
 * COORDINATOR_LOAD_IN_PROGRESS and heartbeats NONE ({@link dev.groupscope.sim.coordinator.GroupCoordinatorService}),
 * which the broker's arrival event of each request explains.
 */
package dev.groupscope.sim.coordinator;
