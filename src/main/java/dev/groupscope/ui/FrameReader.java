package dev.groupscope.ui;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.groupscope.ui.PlaygroundFrame.ConsumerRow;
import dev.groupscope.ui.PlaygroundFrame.GroupRow;

/**
 * Reads a {@link PlaygroundFrame} out of the world's views: a pure function of the state, one group. It copies
 * what the model says and decides nothing Kafka would decide (the coordinator, owners and offsets all come from
 * the cluster's and the consumers' own views).
 */
public final class FrameReader {

    static final String OFFSETS_TOPIC = "__consumer_offsets";

    private final String groupId;

    public FrameReader(String groupId) {
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    public PlaygroundFrame read(long time, Map<String, Object> views, Optional<SimEvent> current,
                                List<SimEvent> recent) {
        ClusterActorView clusterActor = (ClusterActorView) views.get("cluster");
        ClusterView cluster = clusterActor.cluster();
        Optional<ShardView> shard = clusterActor.coordinators().values().stream()
                .filter(s -> s.groups().containsKey(groupId)).findFirst();
        List<ConsumerView> all = views.values().stream().filter(ConsumerView.class::isInstance)
                .map(ConsumerView.class::cast).toList();
        GroupRow group = group(cluster, shard);
        List<ConsumerRow> consumers = new ArrayList<>();
        List<String> spares = new ArrayList<>();
        for (int slot = 0; slot < all.size(); slot++) {
            ConsumerView consumer = all.get(slot);
            if (neverStarted(consumer)) {
                spares.add(consumer.clientId());
            } else {
                consumers.add(new ConsumerRow(consumer.clientId(), slot, consumer.state().name(),
                        consumer.leader() && consumer.state().running(), consumer.generation(), consumer.assigned()));
            }
        }
        Map<TopicPartition, Long> committed = shard.map(s -> s.committedOffsets().getOrDefault(groupId, Map.of()))
                .orElse(Map.of());
        List<PlaygroundFrame.PartitionRow> partitions = new ArrayList<>();
        cluster.topics().forEach((topic, rows) -> {
            if (topic.startsWith("__")) {
                return;
            }
            for (ClusterView.PartitionView row : rows) {
                String name = topic + "-" + row.partition();
                Optional<ConsumerRow> owner = consumers.stream()
                        .filter(c -> MemberState.valueOf(c.state()).running() && c.assigned().contains(name))
                        .findFirst();
                Long position = owner.flatMap(o -> all.stream().filter(v -> v.clientId().equals(o.clientId()))
                        .findFirst()).map(v -> v.positions().get(name)).map(p -> ((Number) p).longValue())
                        .orElse(null);
                partitions.add(new PlaygroundFrame.PartitionRow(topic, row.partition(), row.leader(),
                        row.logEndOffset(), committed.get(new TopicPartition(topic, row.partition())),
                        owner.map(ConsumerRow::clientId).orElse(null), owner.map(ConsumerRow::slot).orElse(-1),
                        position));
            }
        });
        List<PlaygroundFrame.BrokerRow> brokers = new ArrayList<>();
        cluster.brokersUp().forEach((id, up) ->
                brokers.add(new PlaygroundFrame.BrokerRow(id, up, id == group.coordinatorBroker())));
        return new PlaygroundFrame(time, brokers, partitions, group, consumers, spares, current, recent);
    }

    private GroupRow group(ClusterView cluster, Optional<ShardView> shard) {
        int offsetsPartitions = cluster.topics().getOrDefault(OFFSETS_TOPIC, List.of()).size();
        int offsetsPartition = shard.map(ShardView::partition).orElseGet(() -> offsetsPartitions == 0 ? -1
                : GroupCoordinatorPartitioning.partitionFor(groupId, offsetsPartitions).partition());
        int coordinator = shard.map(ShardView::broker).orElse(-1);
        Optional<GroupView> view = shard.map(s -> s.groups().get(groupId));
        if (view.isEmpty()) {
            return new GroupRow(groupId, "Unknown", 0, "", "", coordinator, offsetsPartition);
        }
        GroupView g = view.get();
        String leader = g.members().stream().filter(m -> m.memberId().equals(g.leaderId()))
                .map(GroupView.MemberView::clientId).findFirst().orElse("");
        return new GroupRow(groupId, g.state(), g.generationId(), g.protocolName() == null ? "" : g.protocolName(),
                leader, coordinator, offsetsPartition);
    }

    /** A consumer the script has not started yet: the spares "Add consumer" starts. */
    static boolean neverStarted(ConsumerView consumer) {
        return consumer.state() == MemberState.STOPPED && consumer.generation() < 0 && consumer.processed().isEmpty()
                && consumer.restarts() == 0 && consumer.memberId().isEmpty();
    }

}
