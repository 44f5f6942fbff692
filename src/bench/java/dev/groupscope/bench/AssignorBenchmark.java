package dev.groupscope.bench;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.KafkaAssignorOracle;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.common.Cluster;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our assignors against kafka-clients 4.1.1's on the reference's large groups (kafka-model.md §9): 2,000 members
 * (consumer-00000…, all subscribed to everything) over one topic of 1,000,000 partitions or 1,000 topics of 1,000.
 * "initial": nothing owned. "join": the first assignment fed back as owned at generation 1 (Kafka's sticky gets it
 * as user data, cooperative-sticky as owned partitions), plus consumer-02000 joining; only that second assignment is
 * timed. Ours run with the trace off. Each trial first checks that both give every member the same partitions, so a
 * fast wrong answer cannot enter the table.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class AssignorBenchmark {

    private static final int MEMBERS = 2000;

    @Param({"range", "roundrobin", "sticky", "cooperative-sticky"})
    public String strategy;

    @Param({"1x1000000", "1000x1000"})
    public String shape;

    @Param({"initial", "join"})
    public String scenario;

    @Param({"groupscope", "kafka"})
    public String impl;

    private Map<String, Integer> topics;
    private List<GroupMember> members;
    private Cluster cluster;
    private GroupSubscription kafkaSubscription;
    private PartitionAssignor ours;
    private ConsumerPartitionAssignor theirs;

    @Setup(Level.Trial)
    public void buildGroup() {
        topics = topics(shape);
        List<String> subscription = List.copyOf(topics.keySet());
        members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(GroupMember.of(memberId(i), subscription));
        }
        if (scenario.equals("join")) {
            members = ownFirstAssignmentThenJoin(members, subscription);
        }
        cluster = KafkaAssignorOracle.clusterOf(topics);
        kafkaSubscription = KafkaAssignorOracle.groupSubscription(strategy, members);
        if (impl.equals("groupscope")) {
            requireSameAnswerAsKafka();
        }
    }

    @Setup(Level.Invocation)
    public void freshAssignor() {
        // Kafka's sticky assignors keep state between calls: a fresh instance per run, and a clean heap.
        ours = Assignors.byName(strategy).orElseThrow();
        theirs = KafkaAssignorOracle.newAssignor(strategy);
        System.gc();
    }

    @Benchmark
    public Object assign() {
        if (impl.equals("groupscope")) {
            return ours.assign(topics, members);
        }
        return theirs.assign(cluster, kafkaSubscription);
    }

    private List<GroupMember> ownFirstAssignmentThenJoin(List<GroupMember> initial, List<String> subscription) {
        Map<String, List<TopicPartition>> first = KafkaAssignorOracle.assign(strategy, topics, initial);
        List<GroupMember> rejoining = new ArrayList<>();
        first.forEach((id, owned) -> rejoining.add(new GroupMember(id, Optional.empty(), subscription, owned, 1)));
        rejoining.add(GroupMember.of(memberId(MEMBERS), subscription));
        return rejoining;
    }

    private void requireSameAnswerAsKafka() {
        Map<String, List<TopicPartition>> ourAnswer =
                Assignors.byName(strategy).orElseThrow().assign(topics, members).assignment();
        Map<String, Set<TopicPartition>> kafkaAnswer = KafkaAssignorOracle.assignAsSets(strategy, topics, members);
        for (GroupMember member : members) {
            Set<TopicPartition> ourSet = new TreeSet<>(ourAnswer.getOrDefault(member.memberId(), List.of()));
            if (!ourSet.equals(kafkaAnswer.get(member.memberId()))) {
                throw new IllegalStateException(strategy + " " + shape + " " + scenario
                        + ": our assignment differs from Kafka's for " + member.memberId());
            }
        }
    }

    static Map<String, Integer> topics(String shape) {
        String[] parts = shape.split("x");
        int topicCount = Integer.parseInt(parts[0]);
        int partitions = Integer.parseInt(parts[1]);
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (int t = 0; t < topicCount; t++) {
            topics.put(String.format("topic-%04d", t), partitions);
        }
        return topics;
    }

    static String memberId(int index) {
        return String.format("consumer-%05d", index);
    }
}
