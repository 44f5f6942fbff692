package dev.groupscope.diagram;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link Topology} out of a world: a pure function of its state. Groups come in the order their first
 * consumer appears among the actors (ordered by id), so the same world always gives the same topology.
 */
public final class TopologyReader {

    static final String OFFSETS_TOPIC = "__consumer_offsets";

    private TopologyReader() {
    }

    public static Topology read(World world) {
        ClusterActorView clusterActor = (ClusterActorView) world.actors().get("cluster").view();
        ClusterView cluster = clusterActor.cluster();
        Map<String, List<ConsumerView>> consumersByGroup = new LinkedHashMap<>();
        Map<String, Integer> slots = new LinkedHashMap<>();
        Map<String, ConsumerView> viewOf = new LinkedHashMap<>();
        Map<String, WorkerPoolView> pools = new LinkedHashMap<>();
        for (Actor actor : world.actors().values()) {
            if (actor instanceof ConsumerActor consumer) {
                ConsumerView view = (ConsumerView) consumer.view();
                slots.put(view.clientId(), slots.size());
                viewOf.put(view.clientId(), view);
                consumer.runningWorkerPool().ifPresent(pool -> pools.put(view.clientId(), pool));
                consumersByGroup.computeIfAbsent(consumer.config().groupId(), g -> new ArrayList<>()).add(view);
            }
        }
        int offsetsPartitions = cluster.topics().getOrDefault(OFFSETS_TOPIC, List.of()).size();
        List<Topology.Group> groups = new ArrayList<>();
        consumersByGroup.forEach((groupId, views) ->
                groups.add(group(groupId, views, slots, pools, clusterActor, offsetsPartitions)));
        List<Topology.Topic> topics = new ArrayList<>();
        cluster.topics().forEach((topic, rows) -> {
            if (!topic.startsWith("__")) {
                topics.add(topic(topic, rows, groups, clusterActor, viewOf));
            }
        });
        List<Topology.Broker> brokers = new ArrayList<>();
        cluster.brokersUp().forEach((id, up) -> {
            List<String> leads = new ArrayList<>();
            topics.forEach(t -> t.partitions().stream().filter(p -> p.leader() == id).forEach(p -> leads.add(p.name())));
            brokers.add(new Topology.Broker(id, up, leads));
        });
        return new Topology(world.now(), brokers, topics, offsetsTopic(cluster, clusterActor, groups), groups);
    }

    private static Topology.Group group(String groupId, List<ConsumerView> views, Map<String, Integer> slots,
                                        Map<String, WorkerPoolView> pools, ClusterActorView clusterActor,
                                        int offsetsPartitions) {
        Optional<ShardView> shard = shardOf(clusterActor, groupId);
        int offsetsPartition = shard.map(ShardView::partition).orElseGet(() -> offsetsPartitions == 0 ? -1
                : GroupCoordinatorPartitioning.partitionFor(groupId, offsetsPartitions).partition());
        // Before any member has reached it the group does not exist yet, but its coordinator is already decided:
        // the leader of the partition its id hashes to.
        int coordinator = shard.map(ShardView::broker)
                .orElseGet(() -> clusterActor.cluster().leaderOf(OFFSETS_TOPIC, offsetsPartition));
        List<Topology.Member> members = new ArrayList<>();
        for (ConsumerView view : views) {
            if (!neverStarted(view)) {
                boolean running = view.state().running();
                members.add(new Topology.Member(view.clientId(), slots.get(view.clientId()), view.state().name(),
                        running, view.leader() && view.state().inGroup(), view.generation(),
                        running ? view.assigned() : List.of(), pools.get(view.clientId())));
            }
        }
        Optional<GroupView> held = shard.map(s -> s.groups().get(groupId));
        if (held.isEmpty()) {
            return new Topology.Group(groupId, "Unknown", 0, "", "", coordinator, offsetsPartition, members);
        }
        GroupView g = held.get();
        String leader = g.members().stream().filter(m -> m.memberId().equals(g.leaderId()))
                .map(GroupView.MemberView::clientId).findFirst().orElse("");
        return new Topology.Group(groupId, g.state(), g.generationId(),
                g.protocolName() == null ? "" : g.protocolName(), leader, coordinator, offsetsPartition, members);
    }

    private static Topology.Topic topic(String topic, List<ClusterView.PartitionView> rows,
                                        List<Topology.Group> groups, ClusterActorView clusterActor,
                                        Map<String, ConsumerView> viewOf) {
        List<Topology.Partition> partitions = new ArrayList<>();
        Map<String, Map<String, String>> stable = new HashMap<>();
        groups.forEach(group -> stable.put(group.groupId(), shardOf(clusterActor, group.groupId())
                .map(shard -> shard.groups().get(group.groupId())).map(GroupView::stableAssignment).orElse(Map.of())));
        for (ClusterView.PartitionView row : rows) {
            String name = topic + "-" + row.partition();
            List<Topology.GroupOffsets> offsets = new ArrayList<>();
            for (Topology.Group group : groups) {
                Long committed = shardOf(clusterActor, group.groupId())
                        .map(s -> s.committedOffsets().getOrDefault(group.groupId(), Map.of())
                                .get(new TopicPartition(topic, row.partition())))
                        .orElse(null);
                // A zombie (cut off from its coordinator) still holds its old generation's partitions after the
                // group has handed them on: the owner is the member of the newest generation that holds it.
                Optional<Topology.Member> owner = group.members().stream()
                        .filter(m -> m.running() && m.assigned().contains(name))
                        .reduce((first, later) -> later.generation() > first.generation() ? later : first);
                offsets.add(new Topology.GroupOffsets(group.groupId(), committed,
                        owner.map(Topology.Member::clientId).orElse(null),
                        owner.map(Topology.Member::slot).orElse(-1),
                        owner.map(m -> viewOf.get(m.clientId()).positions().get(name))
                                .map(p -> ((Number) p).longValue()).orElse(null),
                        owner.map(Topology.Member::pool).map(pool -> pool.windows().get(name)).orElse(null),
                        owner.isPresent() ? null : Topology.Assignee.of(stable.get(group.groupId()).get(name),
                                client -> group.members().stream()
                                        .anyMatch(m -> m.clientId().equals(client) && m.running()))));
            }
            partitions.add(new Topology.Partition(topic, row.partition(), row.leader(), row.logEndOffset(), offsets));
        }
        return new Topology.Topic(topic, partitions);
    }

    private static Topology.OffsetsTopic offsetsTopic(ClusterView cluster, ClusterActorView clusterActor,
                                                      List<Topology.Group> groups) {
        List<Integer> leaders = new ArrayList<>();
        List<Integer> records = new ArrayList<>();
        for (ClusterView.PartitionView row : cluster.topics().getOrDefault(OFFSETS_TOPIC, List.of())) {
            leaders.add(row.leader());
            records.add(clusterActor.offsetsLogs().getOrDefault(row.partition(), List.of()).size());
        }
        List<Topology.GroupPlace> places = groups.stream().filter(g -> g.offsetsPartition() >= 0)
                .map(g -> new Topology.GroupPlace(g.groupId(), g.offsetsPartition())).toList();
        return new Topology.OffsetsTopic(leaders, records, places);
    }

    private static Optional<ShardView> shardOf(ClusterActorView clusterActor, String groupId) {
        return clusterActor.coordinators().values().stream().filter(s -> s.groups().containsKey(groupId)).findFirst();
    }

    /** A consumer the script has not started yet (the main window lists it as a spare, not as a member). */
    static boolean neverStarted(ConsumerView consumer) {
        return consumer.state() == MemberState.STOPPED && consumer.generation() < 0 && consumer.processed().isEmpty()
                && consumer.restarts() == 0 && consumer.memberId().isEmpty();
    }
}
