package dev.groupscope.ui;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.diagram.EventGroups;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import java.util.function.Predicate;
import dev.groupscope.kafka.OffsetsTopicMetadata;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.engine.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.groupscope.ui.PlaygroundFrame.ConsumerRow;
import dev.groupscope.ui.PlaygroundFrame.GroupRow;

/**
 * Reads a {@link PlaygroundFrame} out of the world's views: a pure function of the state, for one group. It copies
 * what the model says and decides nothing Kafka would decide (the coordinator, owners and offsets all come from
 * the cluster's and the consumers' own views). A scenario may run several groups on the same topics; the frame shows
 * one of them: its consumers (a consumer's view does not carry its group, so the reader is told each client's group),
 * the owners and positions among its members only, its committed offsets and its coordinator.
 */
public final class FrameReader {

    static final String OFFSETS_TOPIC = "__consumer_offsets";

    private final String groupId;
    private final Map<String, String> groupOfClient;
    private final EventGroups eventGroups;

    /**
     * @param groupId       the group the frames show
     * @param groupOfClient each consumer's group, by client id; consumers of other groups are left out of the frame
     * @param eventGroups   which group each event is about: the frames explain only this group's (and no group's)
     */
    public FrameReader(String groupId, Map<String, String> groupOfClient, EventGroups eventGroups) {
        this.groupId = java.util.Objects.requireNonNull(groupId, "groupId");
        this.groupOfClient = Map.copyOf(groupOfClient);
        this.eventGroups = java.util.Objects.requireNonNull(eventGroups, "eventGroups");
    }

    /** A reader of {@code groupId}'s frames in a run of {@code scenario}. */
    public static FrameReader of(dev.groupscope.scenario.Scenario scenario, String groupId) {
        return new FrameReader(groupId, scenario.groupOfClient(), new EventGroups(scenario.groupOfClient(),
                dev.groupscope.kafka.config.BrokerSettings.from(scenario.cluster().brokerSettings())
                        .offsetsTopicNumPartitions()));
    }

    public String groupId() {
        return groupId;
    }

    /**
     * The events this group's frames name as current and recent, and that stepping lands on: those that matter to a
     * learner ({@link LearnerFilter}) and are about this group or about none (a broker, a producer, a topic).
     */
    public Predicate<SimEvent> learnerEvents() {
        return event -> LearnerFilter.INSTANCE.test(event) && eventGroups.shows(event, groupId);
    }

    /** The frame at {@code time} with its {@link FrameDetails}: replicas, every group's offsets, settings, timers. */
    public PlaygroundFrame read(long time, World world, Optional<SimEvent> current, List<SimEvent> recent) {
        Map<String, Object> views = world.views();
        PlaygroundFrame frame = read(time, views, current, recent);
        return frame.withDetails(details(world, views));
    }

    private static FrameDetails details(World world, Map<String, Object> views) {
        ClusterActorView clusterActor = (ClusterActorView) views.get("cluster");
        ClusterView cluster = clusterActor.cluster();
        List<ClusterView.PartitionView> offsets = cluster.topics().getOrDefault(OFFSETS_TOPIC, List.of());
        Map<Integer, Integer> leaders = new TreeMap<>();
        offsets.forEach(p -> {
            if (p.leader() >= 0) {
                leaders.put(p.partition(), p.leader());
            }
        });
        Set<Integer> live = new TreeSet<>();
        cluster.brokersUp().forEach((id, up) -> {
            if (up) {
                live.add(id);
            }
        });
        OffsetsTopicMetadata metadata = offsets.isEmpty() ? OffsetsTopicMetadata.missing()
                : OffsetsTopicMetadata.of(leaders, live);
        Map<String, FrameDetails.ConsumerDetail> consumers = new LinkedHashMap<>();
        Map<String, ConsumerView> consumerViews = new LinkedHashMap<>();
        world.actors().forEach((id, actor) -> {
            if (actor instanceof ConsumerActor consumer && views.get(id) instanceof ConsumerView view) {
                consumerViews.put(id, view);
                consumers.put(id, new FrameDetails.ConsumerDetail(id, consumer.config().groupId(), view.memberId(),
                        consumer.config().groupInstanceId(), consumer.config().settings(), consumer.commitPolicy(),
                        consumer.timerDeadline(world, "HEARTBEAT"), consumer.timerDeadline(world, "POLL_TIMEOUT"),
                        consumer.timerDeadline(world, "AUTO_COMMIT")));
            }
        });
        Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();
        clusterActor.coordinators().values().forEach(shard -> shard.committedOffsets()
                .forEach((group, byPartition) -> committed.merge(group, byPartition, (a, b) -> a)));
        Set<String> groups = new TreeSet<>(committed.keySet());
        consumers.values().forEach(c -> groups.add(c.groupId()));
        // Each group's owner of each partition, looked up once per frame rather than per partition and group.
        Map<String, Map<String, ConsumerView>> ownerByGroup = new TreeMap<>();
        consumerViews.forEach((id, view) -> {
            if (view.state().running()) {
                Map<String, ConsumerView> owners = ownerByGroup.computeIfAbsent(consumers.get(id).groupId(),
                        group -> new java.util.HashMap<>());
                view.assigned().forEach(partition -> owners.putIfAbsent(partition, view));
            }
        });
        Map<String, FrameDetails.PartitionDetail> partitions = new LinkedHashMap<>();
        cluster.topics().forEach((topic, rows) -> {
            if (topic.startsWith("__")) {
                return;
            }
            for (ClusterView.PartitionView row : rows) {
                String name = topic + "-" + row.partition();
                TopicPartition tp = new TopicPartition(topic, row.partition());
                List<FrameDetails.GroupOnPartition> onIt = new ArrayList<>();
                for (String group : groups) {
                    Optional<ConsumerView> owner = Optional.ofNullable(
                            ownerByGroup.getOrDefault(group, Map.of()).get(name));
                    Long offset = committed.getOrDefault(group, Map.of()).get(tp);
                    if (owner.isEmpty() && offset == null) {
                        continue;
                    }
                    Long position = owner.map(v -> v.positions().get(name)).map(p -> ((Number) p).longValue())
                            .orElse(null);
                    onIt.add(new FrameDetails.GroupOnPartition(group, owner.map(ConsumerView::clientId).orElse(null),
                            offset, position));
                }
                partitions.put(name, new FrameDetails.PartitionDetail(name, row.leader(), row.replicas(),
                        row.logEndOffset(), onIt));
            }
        });
        return new FrameDetails(offsets.size(), metadata, partitions, consumers);
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
        // The palette slot counts every consumer of the run, so each client keeps its colour whichever group is shown.
        for (int slot = 0; slot < all.size(); slot++) {
            ConsumerView consumer = all.get(slot);
            if (!groupId.equals(groupOfClient.get(consumer.clientId()))) {
                continue;
            }
            if (neverStarted(consumer)) {
                spares.add(consumer.clientId());
            } else {
                consumers.add(new ConsumerRow(consumer.clientId(), slot, consumer.state().name(),
                        consumer.leader() && consumer.state().running(), consumer.generation(), consumer.assigned()));
            }
        }
        Map<TopicPartition, Long> committed = shard.map(s -> s.committedOffsets().getOrDefault(groupId, Map.of()))
                .orElse(Map.of());
        // The first running member of the group that lists a partition owns it; found once per frame, not per partition.
        Map<String, ConsumerRow> owners = new java.util.HashMap<>();
        Map<String, ConsumerView> viewById = new java.util.HashMap<>();
        all.stream().filter(view -> groupId.equals(groupOfClient.get(view.clientId())))
                .forEach(view -> viewById.putIfAbsent(view.clientId(), view));
        for (ConsumerRow consumer : consumers) {
            if (MemberState.valueOf(consumer.state()).running()) {
                consumer.assigned().forEach(partition -> owners.putIfAbsent(partition, consumer));
            }
        }
        List<PlaygroundFrame.PartitionRow> partitions = new ArrayList<>();
        cluster.topics().forEach((topic, rows) -> {
            if (topic.startsWith("__")) {
                return;
            }
            for (ClusterView.PartitionView row : rows) {
                String name = topic + "-" + row.partition();
                Optional<ConsumerRow> owner = Optional.ofNullable(owners.get(name));
                Long position = owner.map(o -> viewById.get(o.clientId())).map(v -> v.positions().get(name))
                        .map(p -> ((Number) p).longValue()).orElse(null);
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
