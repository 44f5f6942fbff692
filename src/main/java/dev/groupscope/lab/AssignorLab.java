package dev.groupscope.lab;

import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One consumer group in the assignor lab, without any JavaFX: the members in join order, what each was given in
 * the last generation, and who last held every partition. Each change of membership or topics runs the chosen
 * assignor once, the way a group leader would after a rebalance, feeding every member's previous partitions as
 * owned with the generation they came from. The assignor alone decides; this class only keeps the books and
 * describes the result (moves, revocations, idle members) for the view.
 *
 * <p>Every member is configured with this one assignor, so the group runs the most advanced rebalance protocol the
 * assignor supports (Kafka's {@code ConsumerPartitionAssignor.supportedProtocols()}), and that protocol, not the
 * assignment, decides what each member revokes: under EAGER, everything it owned; under COOPERATIVE, only what the
 * assignment takes from it. A member that leaves revokes everything it owned under either protocol.
 */
public final class AssignorLab {

    private final String strategy;
    private final Function<String, Optional<PartitionAssignor>> assignors;
    private final RebalanceProtocol protocol;
    private final List<String> members = new ArrayList<>();
    private final Map<TopicPartition, String> lastHolder = new HashMap<>();
    private Map<String, Integer> topics;
    private Map<String, List<TopicPartition>> owned = Map.of();
    private int generation;
    private int nextMemberNumber;
    private LabRound round;

    /** A new group of {@code consumers} members that has never been assigned; runs generation 1 at once. */
    public AssignorLab(String strategy, Map<String, Integer> topics, int consumers,
                       Function<String, Optional<PartitionAssignor>> assignors) {
        this.strategy = strategy;
        this.assignors = assignors;
        this.protocol = RebalanceProtocol.highest(assignor().supportedProtocols());
        this.topics = new LinkedHashMap<>(topics);
        for (int i = 0; i < consumers; i++) {
            members.add(nextMemberId());
        }
        round = runRound(Set.copyOf(members), Optional.empty());
    }

    public LabRound round() {
        return round;
    }

    public List<String> members() {
        return List.copyOf(members);
    }

    /** A new consumer (the next unused {@code Cn}) joins and the group rebalances. */
    public LabRound join() {
        String member = nextMemberId();
        members.add(member);
        return round = runRound(Set.of(member), Optional.empty());
    }

    /**
     * {@code member} leaves the group (as with LeaveGroup) and the rest rebalance; unknown ids change nothing. On its
     * way out it revokes everything it owned, whatever the protocol (see {@link Departure}).
     */
    public LabRound leave(String member) {
        if (members.remove(member)) {
            List<TopicPartition> revoked = owned.getOrDefault(member, List.of()).stream().sorted().toList();
            round = runRound(Set.of(), Optional.of(new Departure(member, revoked)));
        }
        return round;
    }

    /** The newest member leaves. */
    public LabRound leaveNewest() {
        return members.isEmpty() ? round : leave(members.get(members.size() - 1));
    }

    /** The topics change (partitions added, topics created or deleted) and the group rebalances. */
    public LabRound changeTopics(Map<String, Integer> newTopics) {
        topics = new LinkedHashMap<>(newTopics);
        return round = runRound(Set.of(), Optional.empty());
    }

    /** Another round with the same members: the second round of a cooperative rebalance, for instance. */
    public LabRound rebalance() {
        return round = runRound(Set.of(), Optional.empty());
    }

    private String nextMemberId() {
        return "C" + nextMemberNumber++;
    }

    private PartitionAssignor assignor() {
        return assignors.apply(strategy).orElseThrow(() -> new IllegalStateException("no assignor named " + strategy));
    }

    private LabRound runRound(Set<String> joined, Optional<Departure> departure) {
        List<GroupMember> subscriptions = members.stream().map(this::subscription).toList();
        GroupAssignment result = assignor().assign(Collections.unmodifiableMap(topics), subscriptions, AssignmentTrace.recording());
        generation++;
        LabRound described = describe(result, joined, departure);
        remember(result);
        return described;
    }

    /** What the member tells the leader: every topic, and what it owns from the generation it was last given. */
    private GroupMember subscription(String member) {
        List<TopicPartition> previous = owned.get(member);
        return new GroupMember(member, Optional.empty(), List.copyOf(topics.keySet()),
                previous == null ? List.of() : previous,
                previous == null ? GroupMember.NO_GENERATION : generation);
    }

    private LabRound describe(GroupAssignment result, Set<String> joined, Optional<Departure> departure) {
        List<String> topicOrder = List.copyOf(topics.keySet());
        List<MemberRow> rows = new ArrayList<>();
        for (String member : members) {
            List<PartitionChip> chips = result.sortedPartitionsOf(member).stream()
                    .map(partition -> chip(partition, topicOrder, movedFrom(partition, member)))
                    .toList();
            Optional<IdleReason> idle = chips.isEmpty() ? Optional.of(idleReason(result)) : Optional.empty();
            List<TopicPartition> revoked = revoked(owned.getOrDefault(member, List.of()),
                    result.assignment().getOrDefault(member, List.of()));
            rows.add(new MemberRow(member, chips, joined.contains(member), idle, revoked));
        }
        List<PartitionChip> withheld = result.withheld().stream().sorted()
                .map(partition -> chip(partition, topicOrder, Optional.ofNullable(lastHolder.get(partition))))
                .toList();
        return new LabRound(strategy, protocol, generation, topics, rows, departure, withheld, result.steps());
    }

    /**
     * What a member gives up in this rebalance (its {@code onPartitionsRevoked}), as {@code ConsumerCoordinator}
     * decides: under EAGER, {@code onJoinPrepare} revokes everything it owned before it even rejoins, so partitions
     * it is given back were stopped too; under COOPERATIVE, {@code onJoinComplete} revokes only
     * {@code owned - assigned}, and the member rejoins so a second round can hand them over.
     */
    private List<TopicPartition> revoked(List<TopicPartition> ownedBefore, List<TopicPartition> assigned) {
        return ownedBefore.stream()
                .filter(partition -> protocol == RebalanceProtocol.EAGER || !assigned.contains(partition))
                .sorted().toList();
    }

    private Optional<String> movedFrom(TopicPartition partition, String newOwner) {
        String before = lastHolder.get(partition);
        return before == null || before.equals(newOwner) ? Optional.empty() : Optional.of(before);
    }

    private static PartitionChip chip(TopicPartition partition, List<String> topicOrder, Optional<String> from) {
        return new PartitionChip(partition, Math.max(0, topicOrder.indexOf(partition.topic())), from);
    }

    private IdleReason idleReason(GroupAssignment result) {
        int partitions = topics.values().stream().mapToInt(Integer::intValue).sum();
        if (members.size() > partitions) {
            return IdleReason.TOO_FEW_PARTITIONS;
        }
        return result.withheld().isEmpty() ? IdleReason.LEFT_OUT_BY_STRATEGY : IdleReason.WAITING_FOR_REVOCATION;
    }

    /**
     * Keeps this generation's assignment as next round's owned partitions. A withheld partition keeps its last
     * holder, so when a later round hands it out the lab can still say where it came from.
     */
    private void remember(GroupAssignment result) {
        Map<String, List<TopicPartition>> next = new LinkedHashMap<>();
        for (String member : members) {
            List<TopicPartition> partitions = result.assignment().getOrDefault(member, List.of());
            next.put(member, List.copyOf(partitions));
            partitions.forEach(partition -> lastHolder.put(partition, member));
        }
        owned = next;
        lastHolder.keySet().removeIf(partition -> !topics.containsKey(partition.topic())
                || partition.partition() >= topics.get(partition.topic()));
    }
}
