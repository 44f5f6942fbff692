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

    /**
     * Heterogeneous subscriptions after a realistic previous round: each partition was owned by a member that
     * subscribes to its topic (or by one that has left), some members are a generation behind and still report
     * partitions that have since moved on (Kafka's "previous owner" on the general path), some joined with nothing,
     * and a few partitions were added. Reaches the general path's balancing moves, reverts and cycle avoidance.
     */
    public static Arbitrary<AssignCase> heterogeneousRebalanceCases() {
        return Arbitraries.longs().map(seed -> buildHeterogeneousRebalance(new Random(seed)));
    }

    /**
     * Previous assignments in which some partitions are claimed by two or three members: in the same generation
     * (Kafka trusts neither) or in different ones (the newer wins), including a newer third claim after a
     * same-generation tie.
     */
    public static Arbitrary<AssignCase> conflictingClaimCases() {
        return Arbitraries.longs().map(seed -> buildConflictingClaims(new Random(seed)));
    }

    static AssignCase buildHeterogeneousRebalance(Random random) {
        Map<String, Integer> topics = topics(random);
        List<String> memberIds = pick(random, MEMBER_NAMES, 2 + random.nextInt(6));
        Map<String, List<String>> subscriptions = new LinkedHashMap<>();
        for (String id : memberIds) {
            subscriptions.put(id, pick(random, new ArrayList<>(topics.keySet()), 1 + random.nextInt(topics.size())));
        }
        int generation = 2 + random.nextInt(4);
        Map<String, Integer> generations = new LinkedHashMap<>();
        for (String id : memberIds) {
            int roll = random.nextInt(10);
            generations.put(id, roll < 6 ? generation : roll < 8 ? generation - 1 : GroupMember.NO_GENERATION);
        }
        Map<String, List<TopicPartition>> owned = subscriberOwnership(random, topics, subscriptions, generations);
        List<GroupMember> members = new ArrayList<>();
        for (String id : memberIds) {
            List<TopicPartition> mine = owned.getOrDefault(id, List.of());
            int memberGeneration = mine.isEmpty() && generations.get(id) < 0 ? GroupMember.NO_GENERATION
                    : Math.max(generations.get(id), 1);
            members.add(new GroupMember(id, Optional.empty(), subscriptions.get(id), mine, memberGeneration));
        }
        return new AssignCase(grown(random, topics), members);
    }

    /** Owners drawn among each topic's subscribers (sometimes skewed to one), stale members echoing others. */
    private static Map<String, List<TopicPartition>> subscriberOwnership(Random random, Map<String, Integer> topics,
                                                                        Map<String, List<String>> subscriptions,
                                                                        Map<String, Integer> generations) {
        Map<String, List<TopicPartition>> owned = new LinkedHashMap<>();
        boolean skewed = random.nextBoolean();
        topics.forEach((topic, count) -> {
            List<String> subscribers = new ArrayList<>();
            subscriptions.forEach((id, subscribed) -> {
                if (subscribed.contains(topic) && generations.get(id) >= 0) {
                    subscribers.add(id);
                }
            });
            subscribers.add("departed");
            for (int p = 0; p < count; p++) {
                if (random.nextInt(6) == 0) {
                    continue;
                }
                int choice = skewed && random.nextBoolean() ? 0 : random.nextInt(subscribers.size());
                owned.computeIfAbsent(subscribers.get(choice), k -> new ArrayList<>())
                        .add(new TopicPartition(topic, p));
            }
        });
        List<String> stale = new ArrayList<>();
        generations.forEach((id, generation) -> {
            if (generation >= 0 && random.nextInt(3) == 0) {
                stale.add(id);
            }
        });
        for (String id : stale) {
            if (owned.isEmpty()) {
                break;
            }
            String echoed = new ArrayList<>(owned.keySet()).get(random.nextInt(owned.size()));
            for (TopicPartition partition : owned.get(echoed)) {
                if (random.nextInt(3) == 0 && !echoed.equals(id)) {
                    owned.computeIfAbsent(id, k -> new ArrayList<>()).add(partition);
                }
            }
        }
        return owned;
    }

    /** Sometimes a topic gained partitions since the previous round. */
    private static Map<String, Integer> grown(Random random, Map<String, Integer> topics) {
        if (random.nextInt(4) != 0) {
            return topics;
        }
        Map<String, Integer> grown = new LinkedHashMap<>(topics);
        String topic = new ArrayList<>(topics.keySet()).get(random.nextInt(topics.size()));
        grown.put(topic, topics.get(topic) + 1 + random.nextInt(3));
        return grown;
    }

    static AssignCase buildConflictingClaims(Random random) {
        Map<String, Integer> topics = topics(random);
        List<String> memberIds = pick(random, MEMBER_NAMES, 2 + random.nextInt(5));
        boolean homogeneous = random.nextInt(3) != 0;
        List<String> shared = pick(random, new ArrayList<>(topics.keySet()), 1 + random.nextInt(topics.size()));
        Map<String, List<TopicPartition>> owned = new LinkedHashMap<>();
        Map<String, Integer> generations = new LinkedHashMap<>();
        int generation = 1 + random.nextInt(3);
        for (String id : memberIds) {
            generations.put(id, random.nextInt(4) == 0 ? generation + 1 : generation);
            owned.put(id, new ArrayList<>());
        }
        topics.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                List<String> claimants = pick(random, memberIds, 1 + random.nextInt(Math.min(3, memberIds.size())));
                for (String claimant : claimants) {
                    owned.get(claimant).add(new TopicPartition(topic, p));
                }
            }
        });
        List<GroupMember> members = new ArrayList<>();
        for (String id : memberIds) {
            List<String> memberTopics = homogeneous ? shared
                    : pick(random, new ArrayList<>(topics.keySet()), 1 + random.nextInt(topics.size()));
            members.add(new GroupMember(id, Optional.empty(), memberTopics, owned.get(id), generations.get(id)));
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
