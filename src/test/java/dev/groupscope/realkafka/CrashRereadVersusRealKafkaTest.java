package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ActionType;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.client.ListenerPolicy;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.ledger.Ledger;
import dev.groupscope.sim.protocol.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a crash costs under a fixed commit policy, on real Kafka 4.1.1 and in the simulator. A topic of one partition
 * holds 100 records; consumer A (max.poll.records 10) processes them one by one under the policy, and its process
 * dies right after its K-th record (no commit, no LeaveGroup). Consumer B then joins the same group and reads to the
 * end from the committed offset. On real Kafka the re-read offsets are those both A and B processed, the lost ones
 * those neither did; in the simulator they are the ledger's duplicates and losses for the same script (A's crash
 * inserted right after its K-th record, B started 1 ms later). The two must name the same offsets.
 */
@Timeout(120)
class CrashRereadVersusRealKafkaTest {

    private static final int RECORDS = 100;
    private static final int MAX_POLL_RECORDS = 10;
    private static final int SESSION_MS = 6000;
    private static final Duration CALL = Duration.ofSeconds(15);

    private static RealKafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RealKafkaCluster.start(1);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The application's commit policy, as A's poll loop runs it on both sides. */
    enum Policy {
        /** commitSync(offsets) of what was processed, every 7 records. */
        EVERY_7,
        /** records = poll(); commitSync(); process(records): at most once. */
        BEFORE_PROCESSING,
        /** Kafka's auto commit, every 5 minutes: nothing is committed before the crash. */
        AUTO_5_MIN
    }

    /** What one side's run came to: the offsets re-read after the crash, and those never processed. */
    record Outcome(TreeSet<Long> processedByA, TreeSet<Long> reread, TreeSet<Long> lost) {
    }

    @Test
    void commitSyncEverySevenRecordsAndACrashAfterForty() {
        Outcome real = real("crash-every7", Policy.EVERY_7, 40);
        Outcome sim = simulated("crash-every7", Policy.EVERY_7, 40);

        assertThat(real.reread()).as("real Kafka: the records since A's last commit (at 35)")
                .containsExactly(35L, 36L, 37L, 38L, 39L);
        assertThat(sim).isEqualTo(real);
    }

    @Test
    void commitBeforeProcessingAndACrashAfterFortyThree() {
        Outcome real = real("crash-before", Policy.BEFORE_PROCESSING, 43);
        Outcome sim = simulated("crash-before", Policy.BEFORE_PROCESSING, 43);

        assertThat(real.reread()).isEmpty();
        assertThat(real.lost()).as("real Kafka: the rest of the batch committed before processing")
                .containsExactly(43L, 44L, 45L, 46L, 47L, 48L, 49L);
        assertThat(sim).isEqualTo(real);
    }

    @Test
    void autoCommitThatNeverCameAndACrashAfterTwentyFive() {
        Outcome real = real("crash-auto", Policy.AUTO_5_MIN, 25);
        Outcome sim = simulated("crash-auto", Policy.AUTO_5_MIN, 25);

        assertThat(real.reread()).hasSize(25).first().isEqualTo(0L);
        assertThat(real.lost()).isEmpty();
        assertThat(sim).isEqualTo(real);
    }

    // ---- real Kafka ------------------------------------------------------------------------------------------------

    private static Outcome real(String name, Policy policy, int crashAfter) {
        cluster.createTopic(name, 1);
        KeyedProducer.produce(cluster.bootstrapServers(), name, 0, RECORDS);
        TreeSet<Long> byA = runA(name, policy, crashAfter);
        TreeSet<Long> byB = runB(name, policy);
        return outcome(byA, byB, RECORDS);
    }

    private static TreeSet<Long> runA(String name, Policy policy, int crashAfter) {
        TreeSet<Long> processed = new TreeSet<>();
        KafkaConsumer<String, String> a = new KafkaConsumer<>(config(name, "A", policy));
        a.subscribe(List.of(name));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int count = 0;
        while (count < crashAfter) {
            assertThat(System.nanoTime()).as("A processed %d of %d records in time", count, crashAfter)
                    .isLessThan(deadline);
            var records = a.poll(Duration.ofMillis(100));
            if (policy == Policy.BEFORE_PROCESSING && !records.isEmpty()) {
                a.commitSync(CALL);
            }
            for (ConsumerRecord<String, String> record : records) {
                processed.add(record.offset());
                count++;
                if (policy == Policy.EVERY_7 && count % 7 == 0) {
                    a.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)), CALL);
                }
                if (count == crashAfter) {
                    break;
                }
            }
        }
        crash(a);
        return processed;
    }

    /**
     * The process dies: in-process, a close that sends no LeaveGroup and does not wait. With auto commit on, close()
     * would still commit the positions, which a dead process never does: the positions are first rewound to the
     * committed offsets (lazily to the beginning where nothing is committed, which auto commit then skips).
     */
    private static void crash(KafkaConsumer<String, String> consumer) {
        var owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(owned, CALL);
        for (TopicPartition partition : owned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
        consumer.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(Duration.ZERO));
    }

    private static TreeSet<Long> runB(String name, Policy policy) {
        TreeSet<Long> processed = new TreeSet<>();
        try (KafkaConsumer<String, String> b = new KafkaConsumer<>(config(name, "B", policy))) {
            b.subscribe(List.of(name));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (processed.isEmpty() || processed.last() < RECORDS - 1) {
                assertThat(System.nanoTime()).as("B read to the end in time (it waits for A's session to expire)")
                        .isLessThan(deadline);
                b.poll(Duration.ofMillis(100)).forEach(record -> processed.add(record.offset()));
            }
        }
        return processed;
    }

    private static Map<String, Object> config(String group, String client, Policy policy) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, client);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.putAll(settings(policy));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    /** The consumer settings both sides use, under Kafka's names. */
    private static Map<String, Object> settings(Policy policy) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("session.timeout.ms", SESSION_MS);
        settings.put("heartbeat.interval.ms", 1000);
        settings.put("max.poll.records", MAX_POLL_RECORDS);
        settings.put("auto.offset.reset", "earliest");
        settings.put("enable.auto.commit", policy == Policy.AUTO_5_MIN);
        settings.put("auto.commit.interval.ms", 300_000);
        return settings;
    }

    // ---- the simulator ---------------------------------------------------------------------------------------------

    private static Outcome simulated(String name, Policy policy, int crashAfter) {
        Simulation simulation = ScenarioWorld.simulation(scenario(name, policy));
        while (processed(simulation, name) < crashAfter) {
            assertThat(simulation.step()).as("the simulation ran out before A processed %d records", crashAfter)
                    .isTrue();
        }
        long at = simulation.current().now();
        simulation = simulation.fork(at + 1, new ConsumerTasks.Crash("A"));
        simulation = simulation.fork(at + 2, new ConsumerTasks.Start("B"));
        simulation.runUntil(at + 40_000);

        Ledger ledger = (Ledger) simulation.current().actors().get(Ledger.ID);
        dev.groupscope.kafka.TopicPartition tp = new dev.groupscope.kafka.TopicPartition(name, 0);
        assertThat(dev.groupscope.sim.client.ClusterAccess.of(simulation.current()).logEndOffset(name, 0))
                .as("the simulated topic holds the same records").isEqualTo(RECORDS);
        TreeSet<Long> byA = new TreeSet<>();
        TreeSet<Long> byB = new TreeSet<>();
        for (long offset = 0; offset < RECORDS; offset++) {
            for (Ledger.Run run : ledger.processings(name, tp, offset)) {
                (run.consumer().equals("A") ? byA : byB).add(offset);
            }
        }
        assertThat(ledger.counts(name).duplicates()).as("the ledger's duplicates are the re-read offsets")
                .isEqualTo(intersection(byA, byB).size());
        return outcome(byA, byB, RECORDS);
    }

    private static long processed(Simulation simulation, String group) {
        return ((Ledger) simulation.current().actors().get(Ledger.ID)).counts(group).processed();
    }

    /** One broker, one partition, 100 records written before A starts; B is started by the test after the crash. */
    private static Scenario scenario(String name, Policy policy) {
        Map<String, Object> broker = Map.of("group.initial.rebalance.delay.ms", 0,
                "group.min.session.timeout.ms", RealKafkaCluster.MIN_SESSION_TIMEOUT_MS);
        Scenario.ClusterSpec cluster = new Scenario.ClusterSpec(1, broker, Network.DEFAULT.delayMs(), 0, 100, 20,
                15_000, 0);
        CommitPolicy commits = switch (policy) {
            case EVERY_7 -> CommitPolicy.everyN(7);
            case BEFORE_PROCESSING -> CommitPolicy.of(CommitPolicy.Kind.BEFORE_PROCESSING);
            case AUTO_5_MIN -> CommitPolicy.AUTO;
        };
        List<Scenario.ConsumerSpec> consumers = new ArrayList<>();
        for (String id : List.of("A", "B")) {
            consumers.add(new Scenario.ConsumerSpec(id, name, List.of(name), settings(policy), 1,
                    id.equals("A") ? Optional.of(1_000L) : Optional.empty(), commits, ListenerPolicy.NONE));
        }
        // 100 records at 1000 a second (at 1 … 100 ms), all written before A starts at 1 s.
        List<Scenario.ActionSpec> actions = List.of(new Scenario.ActionSpec(RECORDS, ActionType.STOP_PRODUCER,
                "P", Map.of(), "$.actions[0]"));
        return new Scenario("versus:" + name, name, "crash after K records, simulated", 1, 120_000, cluster,
                List.of(new Scenario.TopicSpec(name, 1, 1)),
                List.of(new Scenario.ProducerSpec("P", name, 1000, "none", 1, 1.0, Optional.of(0L),
                        dev.groupscope.sim.client.ProducerConfig.DEFAULT_METADATA_MAX_AGE_MS)), consumers,
                actions);
    }

    // ---- both ------------------------------------------------------------------------------------------------------

    private static Outcome outcome(TreeSet<Long> byA, TreeSet<Long> byB, long records) {
        TreeSet<Long> lost = new TreeSet<>();
        for (long offset = 0; offset < records; offset++) {
            if (!byA.contains(offset) && !byB.contains(offset)) {
                lost.add(offset);
            }
        }
        return new Outcome(byA, intersection(byA, byB), lost);
    }

    private static TreeSet<Long> intersection(TreeSet<Long> a, TreeSet<Long> b) {
        TreeSet<Long> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
