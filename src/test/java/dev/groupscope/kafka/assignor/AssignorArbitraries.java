package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random assignor inputs for differential tests against kafka-clients: small groups (so thousands of cases run
 * in seconds) that still reach every branch — homogeneous and heterogeneous subscriptions, static members,
 * subscriptions to deleted topics, partitions added since the previous round, members that joined (own nothing)
 * or left (their partitions are owned by nobody), and partitions claimed by two members with equal or different
 * generations.
 *
 * <p>Each case is built from one random seed so that a shrunk failure is still a readable, realistic group.
 */
public final class AssignorArbitraries {

    private static final List<String> TOPIC_NAMES = List.of("t0", "t1", "t2", "orders", "a-b", "t10");
    private static final List<String> MEMBER_NAMES = List.of(
            "C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "c10", "consumer-1-9f2a", "consumer-2-03bc",
            "Aa", "BB", "member");

    private AssignorArbitraries() {
    }

    /** Any case: no previous assignment, a random one, or one with conflicting claims. */
    public static Arbitrary<AssignCase> cases() {
        return Arbitraries.longs().map(seed -> build(new Random(seed)));
    }

    /** Cases where every member subscribes to the same topics (Kafka's sticky constrained path). */
    public static Arbitrary<AssignCase> homogeneousCases() {
        return Arbitraries.longs().map(seed -> build(new Random(seed), true));
    }

    /**
     * Inputs the assignor contract allows though a coordinator rarely or never sends them, for assignors that
     * must match Kafka on every input: bigger groups (up to 40 members, 8 topics, 60 partitions a topic), topics
     * whose metadata lists 0 partitions, a topic listed twice in one subscription, members subscribed to nothing,
     * and static members sharing a {@code group.instance.id}. Nobody owns anything (a first join).
     */
    public static Arbitrary<AssignCase> irregularCases() {
        return Arbitraries.longs().map(seed -> buildIrregular(new Random(seed)));
    }

    static AssignCase buildIrregular(Random random) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (int t = 0, count = 1 + random.nextInt(8); t < count; t++) {
            topics.put("topic-" + random.nextInt(12), random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(60));
        }
        List<String> candidates = new ArrayList<>(topics.keySet());
        candidates.add("gone");
        boolean sharedInstanceIds = random.nextInt(4) == 0;
        List<GroupMember> members = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int m = 0, count = 1 + random.nextInt(40); m < count; m++) {
            String id = "consumer-" + random.nextInt(100);
            if (!ids.add(id)) {
                continue;
            }
            List<String> memberTopics = pick(random, candidates, random.nextInt(10) == 0 ? 0
                    : 1 + random.nextInt(candidates.size()));
            if (!memberTopics.isEmpty() && random.nextInt(10) == 0) {
                memberTopics.add(memberTopics.get(0));
            }
            Optional<String> instanceId = random.nextInt(10) < 3
                    ? Optional.of("i" + (sharedInstanceIds ? random.nextInt(3) : m)) : Optional.empty();
            members.add(new GroupMember(id, instanceId, memberTopics, List.of(), GroupMember.NO_GENERATION));
        }
        return new AssignCase(topics, members);
    }

    static AssignCase build(Random random) {
        return build(random, random.nextBoolean());
    }

    static AssignCase build(Random random, boolean homogeneous) {
        Map<String, Integer> topics = topics(random);
        List<String> deleted = random.nextInt(5) == 0 ? List.of("gone") : List.of();
        List<String> memberIds = pick(random, MEMBER_NAMES, 1 + random.nextInt(7));
        List<String> sharedTopics = subscription(random, topics.keySet(), deleted);
        Map<String, List<TopicPartition>> owned = previousOwnership(random, topics, deleted, memberIds);
        int commonGeneration = 1 + random.nextInt(5);
        boolean sameGeneration = random.nextBoolean();
        List<GroupMember> members = new ArrayList<>();
        int instance = 0;
        for (String id : memberIds) {
            List<String> memberTopics = homogeneous ? sharedTopics : subscription(random, topics.keySet(), deleted);
            Optional<String> instanceId = random.nextInt(10) < 3 ? Optional.of("i" + instance++) : Optional.empty();
            List<TopicPartition> memberOwned = owned.getOrDefault(id, List.of());
            int generation = generationOf(random, memberOwned, sameGeneration, commonGeneration);
            members.add(new GroupMember(id, instanceId, memberTopics, memberOwned, generation));
        }
        return new AssignCase(topics, members);
    }

    private static Map<String, Integer> topics(Random random) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String name : pick(random, TOPIC_NAMES, 1 + random.nextInt(4))) {
            topics.put(name, random.nextInt(8) == 0 ? 9 + random.nextInt(12) : 1 + random.nextInt(8));
        }
        return topics;
    }

    /** A non-empty set of topics, sometimes including one that has no metadata. */
    private static List<String> subscription(Random random, Set<String> topics, List<String> deleted) {
        List<String> candidates = new ArrayList<>(topics);
        candidates.addAll(deleted);
        return pick(random, candidates, 1 + random.nextInt(candidates.size()));
    }

    /**
     * Who owned what in the previous round. Partitions are drawn from a previous, possibly smaller partition
     * count (partitions added since), owners may have left (ids outside the group), and a few partitions are
     * claimed twice.
     */
    private static Map<String, List<TopicPartition>> previousOwnership(Random random, Map<String, Integer> topics,
                                                                       List<String> deleted, List<String> members) {
        Map<String, List<TopicPartition>> owned = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) {
            return owned;
        }
        Map<String, Integer> previousTopics = new LinkedHashMap<>();
        topics.forEach((topic, count) -> previousTopics.put(topic, random.nextInt(4) == 0 ? 1 + random.nextInt(count)
                : count));
        deleted.forEach(topic -> previousTopics.put(topic, 1 + random.nextInt(3)));
        List<String> previousMembers = new ArrayList<>(members);
        previousMembers.add("departed");
        int conflictOdds = random.nextInt(3) == 0 ? 4 : 0;
        previousTopics.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                TopicPartition partition = new TopicPartition(topic, p);
                String owner = previousMembers.get(random.nextInt(previousMembers.size()));
                owned.computeIfAbsent(owner, k -> new ArrayList<>()).add(partition);
                if (conflictOdds > 0 && random.nextInt(conflictOdds) == 0) {
                    String second = previousMembers.get(random.nextInt(previousMembers.size()));
                    if (!second.equals(owner)) {
                        owned.computeIfAbsent(second, k -> new ArrayList<>()).add(partition);
                    }
                }
            }
        });
        return owned;
    }

    private static int generationOf(Random random, List<TopicPartition> owned, boolean same, int common) {
        if (owned.isEmpty() && random.nextBoolean()) {
            return GroupMember.NO_GENERATION;
        }
        return same ? common : 1 + random.nextInt(5);
    }

    /** {@code count} distinct elements of {@code from}, in random order. */
    private static <T> List<T> pick(Random random, List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        Set<T> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(count, pool.size())) {
            chosen.add(pool.get(random.nextInt(pool.size())));
        }
        return new ArrayList<>(chosen);
    }
}
