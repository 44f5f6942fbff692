package dev.groupscope.scenario;

import dev.groupscope.kafka.Errors;

import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.Scenario.ClusterSpec;
import dev.groupscope.scenario.Scenario.ConsumerSpec;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.client.ListenerPolicy;
import dev.groupscope.sim.client.ProducerConfig;
import dev.groupscope.scenario.Scenario.ProducerSpec;
import dev.groupscope.scenario.Scenario.TopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random but realistic scenarios for property tests: 1–3 brokers, one or two groups under any assignor (static or
 * dynamic members, eager or cooperative), producers, and a fault schedule — crashes and restarts, closes with and
 * without LeaveGroup, late joins, stalls, broker stops and restarts, added partitions, and the application's blocking
 * offsetsForTimes calls — all before a quiet last stretch in which every group can settle. Built from one seed, so a failing case is reproducible and readable.
 */
final class RandomScenarios {

    static final long QUIET_MS = 40_000;
    private static final List<List<String>> STRATEGIES = List.of(List.of("range"), List.of("roundrobin"),
            List.of("sticky"), List.of("cooperative-sticky"), List.of("range", "cooperative-sticky"));

    private RandomScenarios() {
    }

    static Scenario build(long seed) {
        Random random = new Random(seed);
        int brokers = 1 + random.nextInt(3);
        long faultsUntil = 20_000 + random.nextInt(20_000);
        long duration = faultsUntil + QUIET_MS;
        List<TopicSpec> topics = new ArrayList<>();
        topics.add(new TopicSpec("t0", 1 + random.nextInt(8), 1 + random.nextInt(brokers)));
        if (random.nextBoolean()) {
            topics.add(new TopicSpec("t1", 1 + random.nextInt(4), 1 + random.nextInt(brokers)));
        }
        List<ProducerSpec> producers = new ArrayList<>();
        for (TopicSpec topic : topics) {
            producers.add(new ProducerSpec("P-" + topic.name(), topic.name(), 5 + random.nextInt(30),
                    random.nextInt(4) == 0 ? "none" : "uniform", 1 + random.nextInt(50), 1.0, Optional.empty(),
                    ProducerConfig.DEFAULT_METADATA_MAX_AGE_MS));
        }
        List<ConsumerSpec> consumers = new ArrayList<>();
        int groups = 1 + random.nextInt(2);
        for (int g = 0; g < groups; g++) {
            // The commit policy comes from its own random source, so the rest of the scenario stays as it was.
            consumers.addAll(withCommitPolicy(new Random(seed * 31 + g), group(random, "g" + g, topics)));
        }
        List<ActionSpec> actions = faults(random, consumers, brokers, topics, faultsUntil);
        // The application's blocking offsetsForTimes (no seek: offsets stay where processing put them), from a
        // random source of its own, so the rest of the scenario stays as it was.
        actions.addAll(offsetsForTimes(new Random(seed * 17 + 5), consumers, faultsUntil));
        actions.sort(java.util.Comparator.comparingLong(ActionSpec::atMs));
        // A new coordinator's load time (none half the time) from a random source of its own, likewise.
        Random loads = new Random(seed * 13 + 3);
        long coordinatorLoadMs = loads.nextBoolean() ? 0 : 1 + loads.nextInt(4_000);
        ClusterSpec cluster = new ClusterSpec(brokers, Map.of("group.initial.rebalance.delay.ms",
                random.nextInt(4) * 1000), 1 + random.nextInt(5), random.nextInt(3), 100, 5 + random.nextInt(30), 5_000,
                coordinatorLoadMs);
        return new Scenario("random-" + seed + ".json", "random " + seed, "", seed, duration, cluster, topics,
                producers, consumers, actions);
    }

    /** The group's application: Kafka's auto commit half the time, else one of the other policies and listeners. */
    private static List<ConsumerSpec> withCommitPolicy(Random random, List<ConsumerSpec> members) {
        if (random.nextBoolean()) {
            return members;
        }
        CommitPolicy policy = switch (random.nextInt(4)) {
            case 0 -> CommitPolicy.of(CommitPolicy.Kind.SYNC_AFTER_BATCH);
            case 1 -> CommitPolicy.of(CommitPolicy.Kind.ASYNC_AFTER_BATCH);
            case 2 -> CommitPolicy.everyN(1 + random.nextInt(50));
            default -> CommitPolicy.of(CommitPolicy.Kind.BEFORE_PROCESSING);
        };
        ListenerPolicy listener = random.nextBoolean() ? ListenerPolicy.COMMIT_ON_REVOKE : ListenerPolicy.NONE;
        List<ConsumerSpec> changed = new ArrayList<>();
        for (ConsumerSpec member : members) {
            Map<String, Object> settings = new LinkedHashMap<>(member.settings());
            settings.put("enable.auto.commit", false);
            changed.add(new ConsumerSpec(member.id(), member.groupId(), member.topics(), settings,
                    member.processingMsPerRecord(), member.startAtMs(), policy, listener));
        }
        return changed;
    }

    private static List<ConsumerSpec> group(Random random, String groupId, List<TopicSpec> topics) {
        List<String> strategy = STRATEGIES.get(random.nextInt(STRATEGIES.size()));
        boolean staticMembers = random.nextInt(3) == 0;
        int sessionTimeout = 6_000 + 1_000 * random.nextInt(7);
        List<String> subscription = random.nextBoolean() || topics.size() == 1 ? List.of("t0")
                : topics.stream().map(TopicSpec::name).toList();
        List<ConsumerSpec> members = new ArrayList<>();
        int size = 2 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            String id = groupId + "-c" + i;
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("partition.assignment.strategy", String.join(",", strategy));
            settings.put("session.timeout.ms", sessionTimeout);
            settings.put("heartbeat.interval.ms", sessionTimeout / 3);
            settings.put("max.poll.interval.ms", 10_000 + 5_000 * random.nextInt(3));
            settings.put("max.poll.records", 10 + random.nextInt(200));
            settings.put("auto.commit.interval.ms", 1_000 + 1_000 * random.nextInt(5));
            settings.put("auto.offset.reset", random.nextBoolean() ? "earliest" : "latest");
            if (staticMembers) {
                settings.put("group.instance.id", id);
            }
            Optional<Long> start = i == size - 1 && random.nextBoolean() ? Optional.empty() : Optional.of(0L);
            members.add(new ConsumerSpec(id, groupId, subscription, settings, random.nextInt(20), start));
        }
        return members;
    }

    private static List<ActionSpec> faults(Random random, List<ConsumerSpec> consumers, int brokers,
                                           List<TopicSpec> topics, long until) {
        List<ActionSpec> actions = new ArrayList<>();
        for (ConsumerSpec consumer : consumers) {
            if (consumer.startAtMs().isEmpty()) {
                actions.add(action(1_000 + random.nextInt((int) until / 2), ActionType.START_CONSUMER,
                        consumer.id(), Map.of()));
            }
        }
        int faults = random.nextInt(5);
        Map<String, Integer> partitions = new LinkedHashMap<>();
        topics.forEach(topic -> partitions.put(topic.name(), topic.partitions()));
        for (int f = 0; f < faults; f++) {
            long at = 2_000 + random.nextInt((int) until - 2_000);
            String consumer = consumers.get(random.nextInt(consumers.size())).id();
            switch (random.nextInt(10)) {
                case 0 -> {
                    actions.add(action(at, ActionType.CRASH_CONSUMER, consumer, Map.of()));
                    actions.add(action(Math.min(until, at + 1_000 + random.nextInt(15_000)),
                            ActionType.RESTART_CONSUMER, consumer, Map.of()));
                }
                case 1 -> actions.add(action(at, ActionType.CLOSE_CONSUMER, consumer,
                        Map.of("leaveGroup", random.nextBoolean())));
                case 2 -> actions.add(action(at, ActionType.STALL_CONSUMER, consumer,
                        Map.of("durationMs", (long) (1_000 + random.nextInt(15_000)))));
                case 3 -> {
                    String broker = Integer.toString(1 + random.nextInt(brokers));
                    actions.add(action(at, ActionType.STOP_BROKER, broker, Map.of()));
                    actions.add(action(Math.min(until, at + 1_000 + random.nextInt(10_000)),
                            ActionType.START_BROKER, broker, Map.of()));
                }
                case 4 -> {
                    int grown = partitions.get("t0") + 1 + random.nextInt(3);
                    partitions.put("t0", grown);
                    actions.add(action(at, ActionType.INCREASE_PARTITIONS, "t0", Map.of("partitions", grown)));
                }
                // One more consumer joins the group (a new one, built like the group's first).
                case 5 -> actions.add(action(at, ActionType.ADD_CONSUMER,
                        consumers.stream().filter(c -> c.id().equals(consumer)).findFirst().orElseThrow().groupId(),
                        Map.of()));
                case 6 -> actions.add(action(at, ActionType.CUT_OFF_CONSUMER, consumer,
                        Map.of("durationMs", (long) (1_000 + random.nextInt(20_000)))));
                case 7 -> actions.add(action(at, ActionType.FAIL_COMMITS, consumer, Map.of("count",
                        1 + random.nextInt(3), "error", random.nextBoolean() ? Errors.COORDINATOR_LOAD_IN_PROGRESS
                                : Errors.NOT_COORDINATOR)));
                case 8 -> actions.add(action(at, ActionType.DELAY_COMMITS, consumer, Map.of("count",
                        1 + random.nextInt(5), "delayMs", (long) (100 + random.nextInt(2_000)))));
                case 9 -> {
                    actions.add(action(at, ActionType.PAUSE, consumer, Map.of("partitions", List.of())));
                    actions.add(action(Math.min(until, at + 500 + random.nextInt(5_000)), ActionType.RESUME,
                            consumer, Map.of("partitions", List.of())));
                }
                default -> actions.add(action(at, ActionType.CRASH_CONSUMER, consumer, Map.of()));
            }
        }
        // Partition counts only grow, so increases must be in time order of their size.
        actions.sort(java.util.Comparator.comparingLong(ActionSpec::atMs));
        return renumberIncreases(actions, topics);
    }

    /** After sorting by time, give increases ascending sizes so each one grows the topic. */
    private static List<ActionSpec> renumberIncreases(List<ActionSpec> actions, List<TopicSpec> topics) {
        int count = topics.get(0).partitions();
        List<ActionSpec> result = new ArrayList<>();
        for (ActionSpec action : actions) {
            if (action.type() == ActionType.INCREASE_PARTITIONS) {
                count += 1;
                result.add(action(action.atMs(), action.type(), action.target(), Map.of("partitions", count)));
            } else {
                result.add(action);
            }
        }
        return result;
    }

    /** Now and then a consumer's application calls offsetsForTimes on its assignment, without seeking. */
    private static List<ActionSpec> offsetsForTimes(Random random, List<ConsumerSpec> consumers, long until) {
        List<ActionSpec> calls = new ArrayList<>();
        int count = random.nextInt(3);
        for (int c = 0; c < count; c++) {
            long at = 2_000 + random.nextInt((int) until - 2_000);
            String consumer = consumers.get(random.nextInt(consumers.size())).id();
            calls.add(action(at, ActionType.OFFSETS_FOR_TIMES, consumer, Map.of("partitions", List.of(),
                    "timestampMs", (long) random.nextInt((int) at), "seek", false)));
        }
        return calls;
    }

    private static ActionSpec action(long at, ActionType type, String target, Map<String, Object> params) {
        return new ActionSpec(at, type, target, params, "$.actions");
    }
}
