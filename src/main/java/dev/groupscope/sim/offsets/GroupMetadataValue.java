package dev.groupscope.sim.offsets;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Subscription;
import java.util.List;

/**
 * What a classic group's coordinator persists after each rebalance (Kafka's GroupMetadataValue v3): the
 * generation, the protocol chosen, the leader and each member with its subscription and assignment. A new
 * coordinator rebuilds the group from this after a failover.
 */
public record GroupMetadataValue(String protocolType, int generation, String protocol, String leader,
                                 long currentStateTimestamp, List<Member> members) {

    public GroupMetadataValue {
        members = List.copyOf(members);
    }

    /**
     * One member as persisted. {@code subscription} is the member's metadata for the group's protocol, as Kafka
     * stores the serialized ConsumerProtocolSubscription (topics, owned partitions, generation): a coordinator that
     * loads the group hands it to the leader again if the leader must list the members.
     */
    public record Member(String memberId, String groupInstanceId, String clientId, int rebalanceTimeoutMs,
                         int sessionTimeoutMs, Subscription subscription, List<TopicPartition> assignment) {
        public Member {
            assignment = List.copyOf(assignment);
        }
    }
}
