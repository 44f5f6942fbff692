package dev.groupscope.sim.report;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.client.ProducerActor;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.ledger.Ledger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run came to, at its last computed moment: every group as its coordinator holds it (state, generation,
 * protocol, leader, members and their partitions, committed offsets and lag), what each consumer processed, and
 * the rebalances along the way. From the {@link Ledger}: per group and consumer the duplicates, losses, and order
 * breaks by partition and by key (see {@link Ledger.Counts} and {@code dev.groupscope.sim.ledger} for their exact
 * meaning). Plain data in a stable order, so the same run always prints the same bytes.
 */
public record RunSummary(long timeMs, long events, long recordsProduced, List<GroupSummary> groups,
                         List<ConsumerSummary> consumers) {

    /**
     * A group as its coordinator holds it. {@code committed} and {@code lag} cover every partition with a committed
     * offset and every partition a member is assigned; one assigned but never committed has null for both, as
     * kafka-consumer-groups.sh prints "-" for it (lag is counted from a committed offset), and {@code totalLag}
     * sums the known lags only.
     */
    public record GroupSummary(String groupId, String state, int generation, String protocol, String leader,
                               int coordinator, int offsetsPartition, List<MemberSummary> members,
                               Map<String, Long> committed, Map<String, Long> lag, long totalLag,
                               long recordsProcessed, long duplicates, long lost, long orderBreaks,
                               long keyOrderBreaks, List<Rebalance> rebalances) {
    }

    /** A member: its client id (what people call it), member id, static instance id and partitions. */
    public record MemberSummary(String clientId, String memberId, String groupInstanceId, List<String> assignment) {
    }

    /** A consumer as it sees itself. */
    public record ConsumerSummary(String clientId, String groupId, String state, int generation,
                                  List<String> assigned, long recordsProcessed, long duplicates, long lost,
                                  long orderBreaks, long keyOrderBreaks) {
    }

    /** Summarises {@code simulation} at its furthest step; {@code groupOfClient} maps client ids to group ids. */
    public static RunSummary of(Simulation simulation, Map<String, String> groupOfClient) {
        World world = simulation.current();
        ClusterActorView cluster = null;
        for (Object view : world.views().values()) {
            if (view instanceof ClusterActorView clusterView) {
                cluster = clusterView;
            }
        }
        if (cluster == null) {
            throw new IllegalStateException("the simulation has no cluster");
        }
        Ledger ledger = world.actors().get(Ledger.ID) instanceof Ledger l ? l : new Ledger();
        // Losses need the committed offsets, which the coordinators hold.
        Map<String, Map<String, Long>> lostByGroup = new TreeMap<>();
        for (ShardView shard : cluster.coordinators().values()) {
            shard.committedOffsets().forEach((groupId, offsets) -> lostByGroup.put(groupId,
                    ledger.lost(groupId, offsets)));
        }
        List<ConsumerSummary> consumers = new ArrayList<>();
        for (Object view : world.views().values()) {
            if (view instanceof ConsumerView consumer) {
                // A consumer an addConsumer action started is not the scenario's: its configuration names its group.
                String groupId = groupOfClient.containsKey(consumer.clientId())
                        ? groupOfClient.get(consumer.clientId())
                        : ((dev.groupscope.sim.client.ConsumerActor) world.actors().get(consumer.clientId()))
                                .config().groupId();
                Ledger.Counts counts = ledger.counts(groupId, consumer.clientId());
                consumers.add(new ConsumerSummary(consumer.clientId(), groupId, consumer.state().name(),
                        consumer.generation(), consumer.assigned(), processed(consumer), counts.duplicates(),
                        lostByGroup.getOrDefault(groupId, Map.of()).getOrDefault(consumer.clientId(), 0L),
                        counts.orderBreaks(), counts.keyOrderBreaks()));
            }
        }
        List<Rebalance> rebalances = RebalanceHistory.of(simulation.log(), groupOfClient);
        List<GroupSummary> groups = new ArrayList<>();
        for (ShardView shard : cluster.coordinators().values()) {
            for (GroupView group : shard.groups().values()) {
                groups.add(group(group, shard, cluster.cluster(), consumers, rebalances, ledger.counts(
                        group.groupId()), lostByGroup.getOrDefault(group.groupId(), Map.of()).values().stream()
                        .mapToLong(Long::longValue).sum()));
            }
        }
        return new RunSummary(world.now(), simulation.log().size(), produced(world), groups, consumers);
    }

    private static GroupSummary group(GroupView group, ShardView shard, ClusterView cluster,
                                      List<ConsumerSummary> consumers, List<Rebalance> rebalances,
                                      Ledger.Counts counts, long lost) {
        Map<String, String> clientOfMember = new LinkedHashMap<>();
        List<MemberSummary> members = new ArrayList<>();
        for (GroupView.MemberView member : group.members()) {
            clientOfMember.put(member.memberId(), member.clientId());
            members.add(new MemberSummary(member.clientId(), member.memberId(), member.groupInstanceId(),
                    member.assignment().stream().sorted().map(TopicPartition::toString).toList()));
        }
        members.sort(java.util.Comparator.comparing(MemberSummary::clientId));
        Map<String, Long> committed = new TreeMap<>();
        Map<String, Long> lag = new TreeMap<>();
        long totalLag = 0;
        Map<TopicPartition, Long> commits = shard.committedOffsets().getOrDefault(group.groupId(), Map.of());
        for (Map.Entry<TopicPartition, Long> entry : commits.entrySet()) {
            TopicPartition partition = entry.getKey();
            committed.put(partition.toString(), entry.getValue());
            long end = logEndOffset(cluster, partition);
            if (end >= 0) {
                long partitionLag = Math.max(0, end - entry.getValue());
                lag.put(partition.toString(), partitionLag);
                totalLag += partitionLag;
            }
        }
        for (GroupView.MemberView member : group.members()) {
            for (TopicPartition partition : member.assignment()) {
                if (!commits.containsKey(partition)) {
                    committed.put(partition.toString(), null);
                    lag.put(partition.toString(), null);
                }
            }
        }
        long processed = consumers.stream().filter(c -> group.groupId().equals(c.groupId()))
                .mapToLong(ConsumerSummary::recordsProcessed).sum();
        String leader = group.leaderId() == null ? null : clientOfMember.getOrDefault(group.leaderId(),
                group.leaderId());
        return new GroupSummary(group.groupId(), group.state(), group.generationId(), group.protocolName(), leader,
                shard.broker(), shard.partition(), members, committed, lag, totalLag, processed,
                counts.duplicates(), lost, counts.orderBreaks(), counts.keyOrderBreaks(), rebalances.stream().filter(r -> r.groupId().equals(group.groupId())).toList());
    }

    private static long logEndOffset(ClusterView cluster, TopicPartition partition) {
        List<ClusterView.PartitionView> partitions = cluster.topics().get(partition.topic());
        if (partitions == null || partition.partition() >= partitions.size()) {
            return -1;
        }
        return partitions.get(partition.partition()).logEndOffset();
    }

    /**
     * Records the producers appended, whatever became of their topics since: the logs' ends would forget a deleted
     * topic's records, which the groups may well have processed.
     */
    private static long produced(World world) {
        long total = 0;
        for (Object view : world.views().values()) {
            if (view instanceof ProducerActor.ProducerView producer) {
                total += producer.produced();
            }
        }
        return total;
    }

    /** Records processed, counting each processing (a record processed twice counts twice). */
    private static long processed(ConsumerView consumer) {
        long total = 0;
        for (List<List<Long>> runs : consumer.processed().values()) {
            for (List<Long> run : runs) {
                total += run.get(1) - run.get(0) + 1;
            }
        }
        return total;
    }
}
