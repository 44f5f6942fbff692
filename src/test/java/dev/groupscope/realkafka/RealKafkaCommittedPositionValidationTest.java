package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.Metadata.LeaderAndEpoch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.SubscriptionState;
import org.apache.kafka.clients.consumer.internals.SubscriptionState.FetchPosition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for KIP-320 on committed offsets: a Kafka 4.1 classic consumer that commits what it consumed
 * ({@code commitSync()}: {@code allConsumed()}) commits the leader epoch of the last record it read, the broker
 * stores it and OffsetFetch returns it, and the next consumer of the group seeks "unvalidated" to each committed
 * offset with that epoch: every such position awaits validation, and one OffsetForLeaderEpoch goes to each leader
 * before any fetch of those partitions. The model is run through the same story and must take the same decisions:
 * the same partitions validated, with the same epochs, one request per leader.
 *
 * <p>The story: three brokers, a topic of three partitions, the leader of partition 0 stopped (its leadership moves,
 * its leader epoch goes up), ten records written to each partition, consumer A reads them all and commits, closes;
 * consumer B starts. Timing is read loosely (B's positions are read between polls of zero ms); the decisions exactly.
 * Measured (Kafka 4.1.1, 2 cores): partition 0 committed with epoch 1, partitions 1 and 2 with epoch 0 (stopping a
 * follower does not bump a leader epoch); B's three positions awaited validation with those epochs as both offset
 * and leader epoch; two requests, one to each of the two live leaders; the model gave the same.
 *
 * <p>When: Kafka's updateFetchPositions validates before it takes the OffsetFetch answer, so the validation goes out
 * at poll()'s next pass; that pass comes at once, not after a network wait of up to retry.backoff.ms, because
 * completing the OffsetFetch's future wakes the selector. Consumer C, after B, shows it: with retry.backoff.ms at
 * 2 s and poll(10 s), its OffsetForLeaderEpoch reached the brokers 6–7 ms after its OffsetFetch (2 cores, also
 * with both kept busy by other processes; a connection to the leader included; 4–19 ms in a one-broker probe with
 * retry.backoff.ms at 1 s); the test asks for less than half of retry.backoff.ms. The model's C2, with the same
 * retry.backoff.ms, sends it in the instant its poll loop takes the answer.
 */
class RealKafkaCommittedPositionValidationTest {

    private static final String TOPIC = "payments";
    private static final String GROUP = "ledger";
    private static final int PARTITIONS = 3;
    private static final int RECORDS_PER_PARTITION = 10;
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Consumer C's retry.backoff.ms (and the model's C2's): a wait of it after the OffsetFetch would be plain. */
    private static final long RETRY_BACKOFF_MS = 2000;

    /** What B's SubscriptionState held for a partition when it first had a position. */
    record FirstPosition(long offset, int offsetEpoch, int leaderEpoch, int leader, boolean awaitingValidation) {
    }

    @Test
    @Timeout(180)
    void aConsumerStartingFromCommittedOffsetsValidatesThemWithTheirLeadersBeforeFetching() throws Exception {
        Map<Integer, FirstPosition> real;
        long realRequests;
        long realGapMs;
        Map<Integer, Integer> committedEpochs = new TreeMap<>();
        try (RealKafkaCluster cluster = RealKafkaCluster.start(3)) {
            cluster.createTopic(TOPIC, PARTITIONS);
            int stopped = cluster.leaderOf(TOPIC, 0).orElseThrow();
            cluster.stopBroker(stopped);
            Bounded.await("partition 0 has a new leader", Duration.ofSeconds(30),
                    () -> cluster.leaderOf(TOPIC, 0).filter(l -> l != stopped).isPresent(), () -> TOPIC + "-0");
            produce(cluster);

            long atStart = RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch");
            try (KafkaConsumer<String, String> a = new KafkaConsumer<>(consumerConfig(cluster))) {
                a.subscribe(List.of(TOPIC));
                readAll(a);
                a.commitSync(); // allConsumed(): each position with the epoch of its last record
            }
            assertThat(RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch") - atStart)
                    .as("A's positions came from a reset (ListOffsets): never validated").isZero();
            Map<TopicPartition, OffsetAndMetadata> committed = Bounded.get(cluster.admin()
                    .listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata(), Duration.ofSeconds(15),
                    "listing the group's offsets");
            committed.forEach((tp, offset) -> {
                assertThat(offset.offset()).isEqualTo(RECORDS_PER_PARTITION);
                assertThat(offset.leaderEpoch()).as("the broker stores and returns the committed epoch of %s", tp)
                        .isPresent();
                committedEpochs.put(tp.partition(), offset.leaderEpoch().orElseThrow());
            });
            assertThat(committedEpochs).hasSize(PARTITIONS);

            long beforeB = RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch");
            try (KafkaConsumer<String, String> b = new KafkaConsumer<>(consumerConfig(cluster))) {
                b.subscribe(List.of(TOPIC));
                real = firstPositions(b);
                awaitValidPositions(b);
                for (TopicPartition tp : b.assignment()) {
                    assertThat(b.position(tp)).as("B resumes at the committed offset").isEqualTo(RECORDS_PER_PARTITION);
                }
            }
            realRequests = RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch") - beforeB;
            realGapMs = nextPassGapMs(cluster);
        }

        real.forEach((p, first) -> {
            assertThat(first.offset()).isEqualTo(RECORDS_PER_PARTITION);
            assertThat(first.offsetEpoch()).as("partition %s: the committed epoch is the position's", p)
                    .isEqualTo(committedEpochs.get(p));
            assertThat(first.leaderEpoch()).as("no leader change since the commit").isEqualTo(first.offsetEpoch());
            assertThat(first.awaitingValidation()).as("partition %s awaits validation before any fetch", p).isTrue();
        });
        assertThat(committedEpochs.get(0)).as("partition 0's leader moved: its records carry a newer epoch")
                .isPositive();
        long leaders = real.values().stream().map(FirstPosition::leader).distinct().count();
        assertThat(realRequests).as("one OffsetForLeaderEpoch to each leader").isEqualTo(leaders);

        Simulation model = model();
        assertThat(modelValidated(model)).as("the model validates the same partitions with the same epochs")
                .isEqualTo(validatedEpochs(real));
        assertModelValidatesBeforeFetching(model);
        assertThat(events(model, request("OffsetForLeaderEpoch", "C2")).size())
                .as("the model also sends one OffsetForLeaderEpoch to each leader").isEqualTo(realRequests);

        assertThat(realGapMs).as("C's validation comes at poll()'s next pass, which does not wait retry.backoff.ms")
                .isBetween(0L, RETRY_BACKOFF_MS / 2);
        long answered = events(model, e -> e.kind() == EventKind.RESPONSE && e.type().equals("OffsetFetchResponse")
                && "C2".equals(e.actor())).get(0).time();
        assertThat(events(model, request("OffsetForLeaderEpoch", "C2")))
                .as("the model's next pass also comes at once, retry.backoff.ms %s", RETRY_BACKOFF_MS)
                .allSatisfy(asked -> assertThat(((Number) asked.fields().get("sentAt")).longValue())
                        .isEqualTo(answered));
    }

    /**
     * Consumer C (retry.backoff.ms {@value #RETRY_BACKOFF_MS}) starts from the same commits, polling with a long
     * timeout: the time from its OffsetFetch to its OffsetForLeaderEpoch, as the brokers count them (sampled
     * every 0.2 ms by another thread).
     */
    private static long nextPassGapMs(RealKafkaCluster cluster) throws InterruptedException {
        long fetchesBefore = RealKafkaCluster.requestsReceived("OffsetFetch");
        long validationsBefore = RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch");
        java.util.concurrent.atomic.AtomicLongArray seenAt = new java.util.concurrent.atomic.AtomicLongArray(2);
        Thread sampler = new Thread(() -> {
            while (seenAt.get(1) == 0 && !Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                if (seenAt.get(0) == 0 && RealKafkaCluster.requestsReceived("OffsetFetch") > fetchesBefore) {
                    seenAt.set(0, now);
                }
                if (seenAt.get(0) != 0
                        && RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch") > validationsBefore) {
                    seenAt.set(1, now);
                }
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Map<String, Object> config = new java.util.HashMap<>(consumerConfig(cluster));
        config.put(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, (int) RETRY_BACKOFF_MS);
        config.put(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, (int) RETRY_BACKOFF_MS);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config)) {
            c.subscribe(List.of(TOPIC));
            awaitValidPositions(c, Duration.ofSeconds(10));
        } finally {
            sampler.join(TimeUnit.SECONDS.toMillis(5));
            sampler.interrupt();
        }
        assertThat(seenAt.get(0)).as("C's OffsetFetch reached the coordinator").isNotZero();
        assertThat(seenAt.get(1)).as("C's OffsetForLeaderEpoch reached a leader").isNotZero();
        return TimeUnit.NANOSECONDS.toMillis(seenAt.get(1) - seenAt.get(0));
    }

    // ---- real Kafka ------------------------------------------------------------------------------------------------

    private static void produce(RealKafkaCluster cluster) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.stringProducerConfig())) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, null, "r" + i)).get(15, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static void readAll(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        int read = 0;
        while (read < PARTITIONS * RECORDS_PER_PARTITION) {
            assertThat(System.nanoTime()).as("A read every record in time").isLessThan(deadline);
            read += consumer.poll(Duration.ofMillis(100)).count();
        }
    }

    /**
     * Polls B with a zero timeout, so that poll() returns right after the pass that reads the OffsetFetch answer
     * (Kafka sends the validation at the next pass), and notes each partition's first position.
     */
    private static Map<Integer, FirstPosition> firstPositions(KafkaConsumer<String, String> consumer)
            throws InterruptedException {
        SubscriptionState subscriptions = subscriptions(consumer);
        Map<Integer, FirstPosition> first = new TreeMap<>();
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (first.size() < PARTITIONS) {
            assertThat(System.nanoTime()).as("B positioned in time").isLessThan(deadline);
            assertThat(consumer.poll(Duration.ZERO).isEmpty()).as("nothing left to read").isTrue();
            for (TopicPartition tp : consumer.assignment()) {
                FetchPosition position = subscriptions.positionOrNull(tp);
                if (position != null && !first.containsKey(tp.partition())) {
                    first.put(tp.partition(), firstPosition(subscriptions, tp, position));
                }
            }
            Thread.sleep(1);
        }
        return first;
    }

    private static FirstPosition firstPosition(SubscriptionState subscriptions, TopicPartition tp,
                                               FetchPosition position) {
        Optional<Integer> offsetEpoch = read(position, "offsetEpoch");
        LeaderAndEpoch leader = read(position, "currentLeader");
        return new FirstPosition(position.offset, offsetEpoch.orElse(-1), leader.epoch.orElse(-1),
                leader.leader.map(node -> node.id()).orElse(-1), subscriptions.awaitingValidation(tp));
    }

    private static void awaitValidPositions(KafkaConsumer<String, String> consumer) {
        awaitValidPositions(consumer, Duration.ofMillis(100));
    }

    private static void awaitValidPositions(KafkaConsumer<String, String> consumer, Duration pollTimeout) {
        SubscriptionState subscriptions = subscriptions(consumer);
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (consumer.assignment().isEmpty()
                || !consumer.assignment().stream().allMatch(subscriptions::hasValidPosition)) {
            assertThat(System.nanoTime()).as("validated in time").isLessThan(deadline);
            consumer.poll(pollTimeout);
        }
    }

    /** The classic consumer's SubscriptionState: the positions with their epochs, which no public API shows. */
    private static SubscriptionState subscriptions(KafkaConsumer<String, String> consumer) {
        Object delegate = read(consumer, "delegate");
        return read(delegate, "subscriptions");
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Object target, String name) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("kafka-clients 4.1.1 has no " + name + " in " + target.getClass(), e);
        }
    }

    private static Map<Integer, List<Integer>> validatedEpochs(Map<Integer, FirstPosition> positions) {
        Map<Integer, List<Integer>> epochs = new TreeMap<>();
        positions.forEach((p, first) -> {
            if (first.awaitingValidation()) {
                epochs.put(p, List.of(first.offsetEpoch(), first.leaderEpoch()));
            }
        });
        return epochs;
    }

    private static Map<String, Object> consumerConfig(RealKafkaCluster cluster) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }


    // ---- the model -------------------------------------------------------------------------------------------------

    /**
     * The same story in the model: the leader of payments-0 stops at 1 s, a producer writes from 2 s to 4 s, C1
     * (commitSync() after each batch) reads from 5 s and closes at 8 s, C2 starts at 9 s.
     */
    private static Simulation model() {
        int stopped = modelLeaderOfPartition0();
        return simulate("""
                ,
                 "actions": [{"atMs": 1000, "action": "stopBroker", "broker": %d},
                             {"atMs": 4000, "action": "stopProducer", "producer": "P1"},
                             {"atMs": 8000, "action": "closeConsumer", "consumer": "C1"}]""".formatted(stopped));
    }

    private static int modelLeaderOfPartition0() {
        Simulation probe = simulate("");
        SimEvent fetch = events(probe, e -> e.type().equals("FetchRequest")
                && ((Map<?, ?>) e.fields().get("fetchOffsets")).containsKey(TOPIC + "-0")).get(0);
        return Integer.parseInt(fetch.actor().substring("broker-".length()));
    }

    private static Simulation simulate(String actions) {
        Scenario scenario = ScenarioReader.read("oracle.json", """
                {"name": "oracle", "seed": 5, "durationMs": 13000,
                 "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "%s", "partitions": %d, "replicationFactor": 3}],
                 "producers": [{"id": "P1", "topic": "%s", "recordsPerSecond": 100, "startAtMs": 2000}],
                 "consumers": [
                   {"id": "C1", "groupId": "%s", "topics": ["%s"], "startAtMs": 5000,
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                    "commitPolicy": {"type": "syncAfterBatch"}},
                   {"id": "C2", "groupId": "%s", "topics": ["%s"], "startAtMs": 9000,
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest",
                                 "retry.backoff.ms": %d},
                    "commitPolicy": {"type": "syncAfterBatch"}}]%s}
                """.formatted(TOPIC, PARTITIONS, TOPIC, GROUP, TOPIC, GROUP, TOPIC, RETRY_BACKOFF_MS, actions));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    /** C2's positions from committed offsets that await validation: partition → [offsetEpoch, leaderEpoch]. */
    private static Map<Integer, List<Integer>> modelValidated(Simulation run) {
        Map<Integer, List<Integer>> epochs = new TreeMap<>();
        events(run, request("OffsetForLeaderEpoch", "C2")).forEach(asked -> {
            Map<?, ?> offsetEpochs = (Map<?, ?>) asked.fields().get("leaderEpochs");
            Map<?, ?> current = (Map<?, ?>) asked.fields().get("currentLeaderEpochs");
            offsetEpochs.forEach((tp, epoch) -> epochs.put(partition(tp),
                    List.of(((Number) epoch).intValue(), ((Number) current.get(tp)).intValue())));
        });
        SimEvent fromCommitted = events(run, e -> e.type().equals("PositionFromCommitted")
                && "C2".equals(e.actor())).get(0);
        Map<Integer, Integer> awaiting = new TreeMap<>();
        ((Map<?, ?>) fromCommitted.fields().get("awaitingValidation")).forEach((tp, epoch) ->
                awaiting.put(partition(tp), ((Number) epoch).intValue()));
        Map<Integer, Integer> asked = new TreeMap<>();
        epochs.forEach((p, pair) -> asked.put(p, pair.get(0)));
        assertThat(asked).as("the model asks about every position from a committed epoch").isEqualTo(awaiting);
        return epochs;
    }

    /** No fetch of a partition by C2 before the answer that validated it. */
    private static void assertModelValidatesBeforeFetching(Simulation run) {
        Set<String> validated = new TreeSet<>();
        for (SimEvent event : run.log()) {
            if (request("Fetch", "C2").test(event)) {
                Map<?, ?> fetched = (Map<?, ?>) event.fields().get("fetchOffsets");
                fetched.keySet().forEach(tp -> assertThat(validated).as("%s fetched only once validated", tp)
                        .contains(String.valueOf(tp)));
            } else if (event.kind() == EventKind.RESPONSE && event.type().equals("OffsetForLeaderEpochResponse")
                    && "C2".equals(event.actor())) {
                ((Map<?, ?>) event.fields().get("ends")).keySet().forEach(tp -> validated.add(String.valueOf(tp)));
            }
        }
        assertThat(validated).hasSize(PARTITIONS);
    }

    private static int partition(Object topicPartition) {
        String name = String.valueOf(topicPartition);
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    private static List<SimEvent> events(Simulation run, Predicate<SimEvent> filter) {
        return run.log().stream().filter(filter).toList();
    }

    private static Predicate<SimEvent> request(String api, String client) {
        return e -> e.kind() == EventKind.REQUEST && e.type().equals(api + "Request") && client.equals(e.peer());
    }
}
