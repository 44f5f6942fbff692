package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/**
 * Decides when a rebalance is really over, from both sides: the coordinator (through the admin client) reports
 * the group Stable with the expected members and every partition assigned, and each live member's listener has
 * caught up with what the coordinator holds for it. The coordinator alone is not enough: it turns Stable when the
 * leader's SyncGroup is stored, before the members run {@code onPartitionsAssigned}, and between the two rounds of
 * a cooperative rebalance it is Stable with partitions still withheld.
 */
final class GroupProbe {

    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final String group;
    /** Changes when a step adds partitions ({@link #grownTo}). */
    private volatile int topicPartitions;
    private ConsumerGroupDescription lastSeen;
    private String lastError = "";

    GroupProbe(Admin admin, String group, int topicPartitions) {
        this.admin = admin;
        this.group = group;
        this.topicPartitions = topicPartitions;
    }

    /**
     * @param logs the members' logs now
     * @param live the members still polling; members the coordinator lists but that closed or crashed are not
     *             asked to agree, they will not run callbacks any more
     */
    boolean isStable(int members, Map<String, MemberLog> logs, Set<String> live) {
        if (!describe()) {
            return false;
        }
        if (members == 0) {
            return lastSeen.groupState() == GroupState.EMPTY;
        }
        return lastSeen.groupState() == GroupState.STABLE
                && lastSeen.members().size() == members
                && everyPartitionAssigned()
                && liveMembersAgree(logs, live);
    }

    /** The topic now has {@code partitions}: a stable group is one that has them all assigned. */
    void grownTo(int partitions) {
        topicPartitions = partitions;
    }

    String diagnostics(Map<String, MemberLog> logs) {
        StringBuilder text = new StringBuilder("coordinator's view: ")
                .append(lastSeen == null ? "none yet" : lastSeen.groupState() + " " + assignments())
                .append(lastError.isEmpty() ? "" : "\nlast describe error: " + lastError)
                .append("\nmembers' view (owned, last assigned generation):");
        logs.forEach((member, log) -> text.append("\n  ").append(member).append(": ")
                .append(log.owned()).append(", ").append(log.lastAssignedGeneration()));
        return text.toString();
    }

    private boolean describe() {
        try {
            lastSeen = Bounded.get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group),
                    DESCRIBE_TIMEOUT, "describing group " + group);
            lastError = "";
            return true;
        } catch (AssertionError e) {
            // Not found yet, coordinator loading or moving: the caller polls again until its own deadline.
            lastError = e.getMessage();
            return false;
        }
    }

    private boolean everyPartitionAssigned() {
        Set<TopicPartition> assigned = new HashSet<>();
        for (MemberDescription member : lastSeen.members()) {
            assigned.addAll(Partitions.of(member.assignment().topicPartitions()));
        }
        return assigned.size() == topicPartitions;
    }

    private boolean liveMembersAgree(Map<String, MemberLog> logs, Set<String> live) {
        Set<Integer> generations = new HashSet<>();
        for (MemberDescription member : lastSeen.members()) {
            String name = nameOf(member);
            if (!live.contains(name)) {
                continue;
            }
            MemberLog log = logs.get(name);
            SortedSet<TopicPartition> held = Partitions.of(member.assignment().topicPartitions());
            if (log == null || !log.owned().equals(held)) {
                return false;
            }
            generations.add(log.lastAssignedGeneration());
        }
        return generations.size() <= 1;
    }

    private Map<String, SortedSet<TopicPartition>> assignments() {
        Map<String, SortedSet<TopicPartition>> byMember = new TreeMap<>();
        for (MemberDescription member : lastSeen.members()) {
            byMember.put(nameOf(member), Partitions.of(member.assignment().topicPartitions()));
        }
        return byMember;
    }

    /** Static members are named by their instance id, dynamic ones by the client id the run gave them. */
    private static String nameOf(MemberDescription member) {
        return member.groupInstanceId().orElse(member.clientId());
    }
}
