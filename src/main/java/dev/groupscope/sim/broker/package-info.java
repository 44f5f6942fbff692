/**
 * The simulated brokers, all in one actor, {@link dev.groupscope.sim.broker.ClusterActor} (id {@code "cluster"}).
 *
 * <h2>For clients</h2>
 * Send requests with {@code Network.send(context, myId, "cluster", brokerId, request)}. Answers arrive as
 * {@code Deliver}s from {@code "broker-<id>"} carrying that broker's id; a request to a stopped (or unknown) broker
 * is answered with {@code Disconnected} after the network delay. FindCoordinator may go to any live broker; group
 * requests must go to the coordinator (else NOT_COORDINATOR); a fetch must go to each partition's leader (else
 * NOT_LEADER_OR_FOLLOWER), as must ListOffsets and OffsetForLeaderEpoch (KIP-320: answered from the partition's
 * leader epoch cache, with FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH for a stale or unknown current epoch). The
 * client id of a JoinGroup is the sender's actor id (Kafka reads it from the request
 * header). Metadata and producing are synchronous through {@code ClusterAccess}.
 *
 * <h2>For scenarios</h2>
 * {@link dev.groupscope.sim.broker.ClusterActor#install} builds the cluster of a
 * {@link dev.groupscope.sim.broker.ClusterSetup} into a world; {@link dev.groupscope.sim.broker.ClusterActions} are
 * the scripted actions (stop/start a broker, create/grow/delete a topic).
 *
 * <h2>Events (rule keys in {@code sim.cluster.*}, and {@code coordinator.reason.*} for FindCoordinator)</h2>
 * Kind REQUEST, actor {@code broker-<id>}, peer = sender: {@code <Api>Request} for every arrival, with the request's
 * fields, {@code sentAt} and {@code correlationId}; {@code FetchParked}, {@code FetchReleased}. Kind TIMER:
 * {@code FetchMaxWait}. Kind FAULT: {@code ConnectionFailed}, {@code BrokerStopped}. Kind ACTION:
 * {@code BrokerStarted}, {@code TopicCreated}, {@code PartitionsIncreased}, {@code TopicDeleted},
 * {@code ActionRefused}. Kind STATE: {@code LeaderChange} (actor {@code cluster}; rule
 * {@code sim.cluster.preferredLeaderElected} when the controller's preferred-leader check moved it back, see
 * {@code PreferredLeaderBalancer}), {@code TopicCreated} /
 * {@code TopicCreationFailed} (auto-creation of {@code __consumer_offsets}), {@code LogCompaction}. Kind PRODUCE:
 * {@code Produce} (actor the leader, peer the producer).
 */
package dev.groupscope.sim.broker;
