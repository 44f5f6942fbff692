package dev.groupscope.sim.client;

import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small cooperative assignor for the client's tests (the real cooperative-sticky lives in another branch): the
 * target is round-robin over members sorted by id, and, as Kafka's cooperative assignors do, a partition still owned
 * by another member is withheld from its new owner for this round.
 */
final class RoundRobinCooperative implements PartitionAssignor {

    static final String NAME = "rr-cooperative";

    /**
     * Kafka's assignors, with this one standing in under {@code cooperative-sticky} while the real CooperativeSticky
     * is merged elsewhere: the settings accept only Kafka's four names, and these tests are about the client's
     * reactions, not the assignments.
     */
    static final AssignorLookup LOOKUP = name -> name.equals("cooperative-sticky")
            ? Optional.of(new RoundRobinCooperative()) : Assignors.byName(name);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
    }

    @Override
    public GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members,
                                  AssignmentTrace trace) {
        List<GroupMember> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(GroupMember::memberId));
        Map<TopicPartition, String> owner = new TreeMap<>();
        members.forEach(member -> member.ownedPartitions().forEach(tp -> owner.put(tp, member.memberId())));
        Map<String, List<TopicPartition>> result = new LinkedHashMap<>();
        members.forEach(member -> result.put(member.memberId(), new ArrayList<>()));
        Set<TopicPartition> withheld = new TreeSet<>();
        int next = 0;
        for (Map.Entry<String, Integer> topic : new TreeMap<>(partitionsPerTopic).entrySet()) {
            for (int p = 0; p < topic.getValue(); p++) {
                TopicPartition tp = new TopicPartition(topic.getKey(), p);
                String target = sorted.get(next++ % sorted.size()).memberId();
                String current = owner.get(tp);
                if (current != null && !current.equals(target) && result.containsKey(current)) {
                    withheld.add(tp);
                } else {
                    result.get(target).add(tp);
                }
            }
        }
        return new GroupAssignment(result, withheld, trace.steps());
    }
}
