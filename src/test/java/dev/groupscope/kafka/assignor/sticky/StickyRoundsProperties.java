package dev.groupscope.kafka.assignor.sticky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignCase;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A group living through rebalances, compared with kafka-clients at every round: it forms with nothing owned,
 * members report what they got (in generation g), then members join or leave or topics gain partitions, and the
 * group rebalances again. For cooperative-sticky a third round follows, in which every partition withheld in the
 * second round reaches its new owner.
 */
class StickyRoundsProperties {

    private static final List<String> IDS = List.of("C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "c10", "member");

    @Property(tries = 600)
    void stickyFollowsKafkaThroughARebalance(@ForAll long seed) {
        Random random = new Random(seed);
        Group group = Group.random(random);
        GroupAssignment first = matchKafka(StickyAssignor.NAME, group.topics, group.members);
        Group changed = group.reporting(first, 1 + random.nextInt(5)).change(random);
        matchKafka(StickyAssignor.NAME, changed.topics, changed.members);
    }

    @Property(tries = 600)
    void cooperativeFollowsKafkaAndCompletesTheHandoverNextRound(@ForAll long seed) {
        Random random = new Random(seed);
        Group group = Group.random(random);
        GroupAssignment first = matchKafka(CooperativeStickyAssignor.NAME, group.topics, group.members);
        int generation = 1 + random.nextInt(5);
        Group changed = group.reporting(first, generation).change(random);
        GroupAssignment second = matchKafka(CooperativeStickyAssignor.NAME, changed.topics, changed.members);
        Group settled = changed.reporting(second, generation + 1);
        GroupAssignment third = matchKafka(CooperativeStickyAssignor.NAME, settled.topics, settled.members);
        List<TopicPartition> handedOver = new ArrayList<>();
        third.assignment().values().forEach(handedOver::addAll);
        assertThat(handedOver).containsAll(second.withheld());
    }

    /**
     * Groups of 13 to 80 members: Kafka's HashMaps resize past 12 entries, which reshuffles the member order that
     * decides who keeps the most, so small groups alone would not prove we walk members as Kafka does.
     */
    // A fixed seed: on rare large groups Kafka's own general sticky builder (the oracle) ran for over 18 minutes of
    // CPU in a verify of 2026-12-06; a fixed set of groups keeps the suite's time bounded and every run the same.
    @Property(tries = 150, seed = "20261206")
    void bothFollowKafkaInGroupsLargeEnoughToResizeKafkasMaps(@ForAll long seed) {
        Random random = new Random(seed);
        Group group = Group.large(random);
        for (String strategy : List.of(StickyAssignor.NAME, CooperativeStickyAssignor.NAME)) {
            GroupAssignment first = matchKafka(strategy, group.topics, group.members);
            Group changed = group.reporting(first, 1 + random.nextInt(5)).change(random);
            matchKafka(strategy, changed.topics, changed.members);
        }
    }

    private static GroupAssignment matchKafka(String strategy, Map<String, Integer> topics,
                                              List<GroupMember> members) {
        GroupAssignment result = StickyDifferentialProperties.assertSameAsKafka(strategy,
                new AssignCase(topics, members));
        assertThat(result).as("kafka-clients fails only on contrived inputs, never on a living group").isNotNull();
        return result;
    }

    /** A group between two rebalances. */
    private static final class Group {
        final Map<String, Integer> topics;
        final List<GroupMember> members;

        Group(Map<String, Integer> topics, List<GroupMember> members) {
            this.topics = topics;
            this.members = members;
        }

        static Group random(Random random) {
            Map<String, Integer> topics = new LinkedHashMap<>();
            int topicCount = 1 + random.nextInt(3);
            for (int t = 0; t < topicCount; t++) {
                topics.put("t" + t, 1 + random.nextInt(12));
            }
            boolean sameTopics = random.nextInt(5) < 3;
            List<String> shared = someTopics(random, topics);
            List<GroupMember> members = new ArrayList<>();
            for (String id : IDS.subList(0, 2 + random.nextInt(5))) {
                members.add(GroupMember.of(id, sameTopics ? shared : someTopics(random, topics)));
            }
            return new Group(topics, members);
        }

        static Group large(Random random) {
            Map<String, Integer> topics = new LinkedHashMap<>();
            int topicCount = 1 + random.nextInt(3);
            for (int t = 0; t < topicCount; t++) {
                topics.put("topic-" + t, 1 + random.nextInt(120));
            }
            boolean sameTopics = random.nextInt(4) < 3;
            List<String> shared = someTopics(random, topics);
            List<GroupMember> members = new ArrayList<>();
            int size = 13 + random.nextInt(68);
            for (int m = 0; m < size; m++) {
                String id = "consumer-" + Integer.toHexString(random.nextInt(1 << 20)) + "-" + m;
                members.add(GroupMember.of(id, sameTopics ? shared : someTopics(random, topics)));
            }
            return new Group(topics, members);
        }

        /** Every member reports the partitions it was given, in {@code generation}. */
        Group reporting(GroupAssignment result, int generation) {
            List<GroupMember> reporting = new ArrayList<>();
            for (GroupMember member : members) {
                reporting.add(new GroupMember(member.memberId(), Optional.empty(), member.topics(),
                        result.assignment().get(member.memberId()), generation));
            }
            return new Group(topics, reporting);
        }

        /** Members join, leave, or both; or topics gain partitions. */
        Group change(Random random) {
            switch (random.nextInt(4)) {
                case 0:
                    return join(random);
                case 1:
                    return leave(random);
                case 2:
                    return join(random).leave(random);
                default:
                    return addPartitions(random);
            }
        }

        private Group join(Random random) {
            List<GroupMember> grown = new ArrayList<>(members);
            int joining = 1 + random.nextInt(2);
            for (String id : IDS) {
                if (joining > 0 && grown.stream().noneMatch(member -> member.memberId().equals(id))) {
                    List<String> subscription = random.nextBoolean() ? members.get(0).topics()
                            : someTopics(random, topics);
                    grown.add(GroupMember.of(id, subscription));
                    joining--;
                }
            }
            return new Group(topics, grown);
        }

        private Group leave(Random random) {
            List<GroupMember> remaining = new ArrayList<>(members);
            int leaving = Math.min(1 + random.nextInt(2), remaining.size() - 1);
            for (int i = 0; i < leaving; i++) {
                remaining.remove(random.nextInt(remaining.size()));
            }
            return new Group(topics, remaining);
        }

        private Group addPartitions(Random random) {
            Map<String, Integer> grown = new LinkedHashMap<>(topics);
            grown.replaceAll((topic, count) -> random.nextBoolean() ? count + 1 + random.nextInt(4) : count);
            return new Group(grown, members);
        }

        private static List<String> someTopics(Random random, Map<String, Integer> topics) {
            List<String> chosen = new ArrayList<>();
            for (String topic : topics.keySet()) {
                if (random.nextBoolean()) {
                    chosen.add(topic);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(new ArrayList<>(topics.keySet()).get(random.nextInt(topics.size())));
            }
            return chosen;
        }
    }
}
