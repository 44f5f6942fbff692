package dev.groupscope.ui;

import dev.groupscope.diagram.Topology;
import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.OffsetsTopicMetadata;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.ClassicGroup;
import dev.groupscope.sim.coordinator.ClassicGroupMember;
import dev.groupscope.sim.coordinator.CoordinatorShard;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.ledger.Ledger;
import dev.groupscope.sim.report.EventGroups;
import dev.groupscope.ui.PlaygroundFrame.ConsumerRow;
import dev.groupscope.ui.PlaygroundFrame.GroupRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads a {@link PlaygroundFrame} out of the world's actors: a pure function of the state, for one group. It copies
 * what the model says and decides nothing Kafka would decide (the coordinator, owners and offsets all come from
 * the cluster's and the consumers' own state). A scenario may run several groups on the same topics; the frame shows
 * one of them: its consumers (a consumer's view does not carry its group, so the reader is told each client's group),
 * the owners and positions among its members only, its committed offsets and its coordinator.
 */
public final class FrameReader {

    static final String OFFSETS_TOPIC = "__consumer_offsets";

    private final String groupId;
    private final Map<String, String> groupOfClient;
    private final EventGroups eventGroups;
    /** Partition names already made (read on the worker only; a frame lists every owned partition by name). */
    private final Map<TopicPartition, String> names = new java.util.concurrent.ConcurrentHashMap<>();

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
        return new FrameReader(groupId, scenario.groupOfClient(), new EventGroups(scenario.groupOfEveryClient(),
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
        return LearnerFilter.INSTANCE.and(groupEvents());
    }

    /** The events a view of this reader's group shows: about that group, or about none ({@link EventGroups#shows}). */
    public Predicate<SimEvent> groupEvents() {
        return event -> eventGroups.shows(event, groupId);
    }

    /**
     * The frame at {@code time} with its {@link FrameDetails}: replicas, every group's offsets, settings, timers.
     * Read straight from the actors of {@code world}, which must not change while this reads: {@link World#views}
     * would copy every consumer's positions, commits and processed runs and every shard's offsets, most of which a
     * frame never looks at (at 60 frames a second that was half the worker's time and most of what it allocated).
     */
    public PlaygroundFrame read(long time, World world, Optional<SimEvent> current, List<SimEvent> recent) {
        ClusterActor clusterActor = (ClusterActor) world.actors().get(ClusterActor.ID);
        ClusterView cluster = clusterActor.metadata();
        List<ConsumerActor> all = new ArrayList<>();
        world.actors().values().forEach(actor -> {
            if (actor instanceof ConsumerActor consumer) {
                all.add(consumer);
            }
        });
        Optional<CoordinatorShard> shard = clusterActor.loadedShards().stream()
                .filter(s -> s.group(groupId) != null).findFirst();
        // The first running member of the group that lists a partition owns it.
        GroupColumns shown = GroupColumns.read(groupId, cluster, all, this::shownMember, shard.orElse(null));
        PlaygroundFrame frame = read(time, cluster, all, shard, shown, current, recent);
        return frame.withDetails(details(world, cluster, clusterActor, all, shard, shown))
                .withOffsetsTopic(offsetsTopic(cluster, clusterActor, frame.group().offsetsPartition()));
    }

    /** A member of the shown group, as the frame lists them. */
    private boolean shownMember(ConsumerActor consumer) {
        return groupId.equals(groupOf(consumer)) && !neverStarted(consumer);
    }

    /**
     * The consumer's group: the scenario's word for its own consumers, and for one added while the run goes on (an
     * addConsumer action, which the scenario does not list) the group its configuration names.
     */
    private String groupOf(ConsumerActor consumer) {
        String declared = groupOfClient.get(consumer.id());
        return declared != null ? declared : consumer.config().groupId();
    }

    private FrameDetails details(World world, ClusterView cluster, ClusterActor clusterActor,
                                 List<ConsumerActor> all, Optional<CoordinatorShard> shard, GroupColumns shown) {
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
        Ledger ledger = (Ledger) world.actors().get(Ledger.ID);
        Map<String, FrameDetails.ConsumerDetail> consumers = new LinkedHashMap<>();
        for (ConsumerActor consumer : all) {
            consumers.put(consumer.id(), new FrameDetails.ConsumerDetail(consumer.id(), consumer.config().groupId(),
                    consumer.memberId(), consumer.config().groupInstanceId(), consumer.config().settings(),
                    consumer.commitPolicy(), consumer.timerDeadline(world, "HEARTBEAT"),
                    consumer.timerDeadline(world, "POLL_TIMEOUT"), consumer.timerDeadline(world, "AUTO_COMMIT"),
                    ledger == null ? Ledger.Counts.ZERO : ledger.counts(consumer.config().groupId(), consumer.id()),
                    consumer.state().running() ? consumer.joinGroupSentAt() : -1, consumer.joinGroupTimeoutMs()));
        }
        // Each group's commits come from the first shard that holds any for it.
        Map<String, CoordinatorShard> committedIn = new TreeMap<>();
        clusterActor.loadedShards().forEach(loaded ->
                loaded.groupsWithOffsets().forEach(group -> committedIn.putIfAbsent(group, loaded)));
        Set<String> groups = new TreeSet<>(committedIn.keySet());
        all.forEach(consumer -> groups.add(consumer.config().groupId()));
        List<GroupColumns> columns = new ArrayList<>();
        for (String group : groups) {
            Predicate<ConsumerActor> member = consumer -> group.equals(consumer.config().groupId());
            // The shown group's reading, unless its commits or members are told apart differently here.
            boolean same = group.equals(groupId) && committedIn.get(group) == shard.orElse(null)
                    && all.stream().allMatch(consumer -> !consumer.state().running()
                            || member.test(consumer) == shownMember(consumer));
            columns.add(same ? shown : GroupColumns.read(group, cluster, all, member, committedIn.get(group)));
        }
        return new FrameDetails(offsets.size(), metadata,
                new PartitionDetails(cluster, columns, PartitionDetails.ledgerSays(ledger, columns)), consumers);
    }

    private PlaygroundFrame read(long time, ClusterView cluster, List<ConsumerActor> all,
                                 Optional<CoordinatorShard> shard, GroupColumns shown, Optional<SimEvent> current,
                                 List<SimEvent> recent) {
        GroupRow group = group(cluster, shard);
        List<ConsumerRow> consumers = new ArrayList<>();
        List<String> spares = new ArrayList<>();
        Map<String, Integer> slots = new java.util.HashMap<>();
        Map<String, WorkerPoolView> pools = new java.util.HashMap<>();
        // The palette slot counts every consumer of the run, so each client keeps its colour whichever group is shown;
        // the scenario's own consumers first, so one added while the run goes on (C11 sorts before C2) takes the next
        // colour and recolours nobody.
        List<ConsumerActor> coloured = new ArrayList<>(all);
        coloured.sort(java.util.Comparator.comparing(consumer -> !groupOfClient.containsKey(consumer.id())));
        for (int slot = 0; slot < coloured.size(); slot++) {
            ConsumerActor consumer = coloured.get(slot);
            if (!groupId.equals(groupOf(consumer))) {
                continue;
            }
            if (neverStarted(consumer)) {
                spares.add(consumer.id());
            } else {
                slots.put(consumer.id(), slot);
                WorkerPoolView pool = consumer.runningWorkerPool().orElse(null);
                if (pool != null) {
                    pools.put(consumer.id(), pool);
                }
                consumers.add(new ConsumerRow(consumer.id(), slot, consumer.state().name(),
                        consumer.isLeader() && consumer.state().inGroup(), consumer.generationId(),
                        names(consumer.positions().keySet()), consumer.revoking(), removed(consumer, shard), pool));
            }
        }
        List<PlaygroundFrame.PartitionRow> partitions = new ArrayList<>();
        // Read only when a partition has no owner: nearly every frame of a large run has none such.
        List<Map<String, String>> stable = new ArrayList<>(1);
        cluster.topics().forEach((topic, rows) -> {
            if (topic.startsWith("__")) {
                return;
            }
            for (ClusterView.PartitionView row : rows) {
                int p = row.partition();
                String owner = shown.ownerId(topic, p);
                WorkerPoolView pool = owner == null ? null : pools.get(owner);
                partitions.add(new PlaygroundFrame.PartitionRow(topic, p, row.leader(), row.logEndOffset(),
                        shown.committed(topic, p), owner, owner == null ? -1 : slots.get(owner),
                        shown.position(topic, p), pool == null ? null : pool.windows().get(topic + "-" + p),
                        owner == null ? Topology.Assignee.of(stableAssignment(stable, shard).get(topic + "-" + p),
                                client -> all.stream().anyMatch(consumer -> consumer.id().equals(client)
                                        && consumer.state().running())) : null));
            }
        });
        // Which partitions each broker leads now, as the cluster's metadata says (a stopped broker's have moved).
        Map<Integer, List<PlaygroundFrame.TopicLeads>> leads = new TreeMap<>();
        List<String> topics = new ArrayList<>();
        cluster.topics().keySet().stream().filter(topic -> !topic.startsWith("__")).forEach(topics::add);
        if (cluster.topics().containsKey(OFFSETS_TOPIC)) {
            topics.add(OFFSETS_TOPIC);
        }
        for (String topic : topics) {
            Map<Integer, List<Integer>> led = new TreeMap<>();
            for (ClusterView.PartitionView row : cluster.topics().get(topic)) {
                if (row.leader() >= 0) {
                    led.computeIfAbsent(row.leader(), b -> new ArrayList<>()).add(row.partition());
                }
            }
            led.forEach((broker, numbers) -> leads.computeIfAbsent(broker, b -> new ArrayList<>())
                    .add(new PlaygroundFrame.TopicLeads(topic, numbers)));
        }
        List<PlaygroundFrame.BrokerRow> brokers = new ArrayList<>();
        cluster.brokersUp().forEach((id, up) -> brokers.add(new PlaygroundFrame.BrokerRow(id, up,
                id == group.coordinatorBroker(), leads.getOrDefault(id, List.of()))));
        return new PlaygroundFrame(time, brokers, partitions, group, consumers, spares, current, recent);
    }

    /** Who the coordinator's stored assignment gives each partition of the shown group to (Stable only). */
    private Map<String, String> stableAssignment(List<Map<String, String>> read, Optional<CoordinatorShard> shard) {
        if (read.isEmpty()) {
            ClassicGroup group = shard.map(loaded -> loaded.group(groupId)).orElse(null);
            read.add(group == null ? Map.of() : GroupView.of(group).stableAssignment());
        }
        return read.get(0);
    }

    /**
     * Whether the group's coordinator no longer lists a consumer that believes it is a stable member: the member the
     * coordinator removed (its session timed out) while the consumer, cut off, never heard of it. While no
     * coordinator has the group loaded nothing is known, so nobody is removed.
     */
    private boolean removed(ConsumerActor consumer, Optional<CoordinatorShard> shard) {
        ClassicGroup group = shard.map(loaded -> loaded.group(groupId)).orElse(null);
        return group != null && consumer.state() == MemberState.STABLE && !consumer.memberId().isEmpty()
                && !group.hasMember(consumer.memberId());
    }

    /**
     * {@code __consumer_offsets} as the cluster holds it now: each partition's leader and record count, the shown
     * group's partition in numbers (records, distinct keys, log end) and where each group of the run keeps its
     * offsets (Kafka's abs(hashCode) mod the partition count, {@link GroupCoordinatorPartitioning}).
     */
    private PlaygroundFrame.OffsetsTopicRow offsetsTopic(ClusterView cluster, ClusterActor clusterActor,
                                                         int groupPartition) {
        List<ClusterView.PartitionView> rows = cluster.topics().getOrDefault(OFFSETS_TOPIC, List.of());
        if (rows.isEmpty()) {
            return PlaygroundFrame.OffsetsTopicRow.NONE;
        }
        List<Integer> leaders = new ArrayList<>(rows.size());
        List<Integer> records = new ArrayList<>(rows.size());
        for (ClusterView.PartitionView row : rows) {
            leaders.add(row.leader());
            records.add(clusterActor.offsetsLog(row.partition()).size());
        }
        List<dev.groupscope.sim.offsets.OffsetsLogEntry> log = clusterActor.offsetsLog(groupPartition);
        Set<dev.groupscope.sim.offsets.CoordinatorKey> keys = new java.util.HashSet<>();
        log.forEach(entry -> keys.add(entry.key()));
        long logEnd = groupPartition >= 0 && groupPartition < rows.size() ? rows.get(groupPartition).logEndOffset() : 0;
        Map<Integer, List<String>> groups = new TreeMap<>();
        new TreeSet<>(groupOfClient.values()).forEach(group -> groups.computeIfAbsent(
                GroupCoordinatorPartitioning.partitionFor(group, rows.size()).partition(), p -> new ArrayList<>())
                .add(group));
        return new PlaygroundFrame.OffsetsTopicRow(leaders, records, groupPartition, log.size(), keys.size(), logEnd,
                groups);
    }

    /** Partition names, each made once per reader rather than once per frame. */
    private List<String> names(Set<TopicPartition> partitions) {
        List<String> names = new ArrayList<>(partitions.size());
        for (TopicPartition tp : partitions) {
            names.add(this.names.computeIfAbsent(tp, TopicPartition::toString));
        }
        return names;
    }

    private GroupRow group(ClusterView cluster, Optional<CoordinatorShard> shard) {
        int offsetsPartitions = cluster.topics().getOrDefault(OFFSETS_TOPIC, List.of()).size();
        int offsetsPartition = shard.map(CoordinatorShard::partition).orElseGet(() -> offsetsPartitions == 0 ? -1
                : GroupCoordinatorPartitioning.partitionFor(groupId, offsetsPartitions).partition());
        // Before any member has reached it the group does not exist yet, but its coordinator is already decided:
        // the leader of the partition its id hashes to.
        int coordinator = shard.map(CoordinatorShard::broker)
                .orElseGet(() -> cluster.leaderOf(OFFSETS_TOPIC, offsetsPartition));
        long loadEndsAt = shard.filter(CoordinatorShard::loading).map(CoordinatorShard::loadEndsAt).orElse(-1L);
        Optional<ClassicGroup> found = shard.map(s -> s.group(groupId));
        if (found.isEmpty()) {
            return new GroupRow(groupId, "Unknown", 0, "", "", coordinator, offsetsPartition, loadEndsAt);
        }
        ClassicGroup g = found.get();
        ClassicGroupMember leaderMember = g.leaderId() == null ? null : g.member(g.leaderId());
        return new GroupRow(groupId, g.state().kafkaName(), g.generationId(),
                g.protocolName() == null ? "" : g.protocolName(), leaderMember == null ? "" : leaderMember.clientId(),
                coordinator, offsetsPartition, loadEndsAt);
    }

    /** A consumer the script has not started yet: the spares "Add consumer" starts. */
    static boolean neverStarted(ConsumerActor consumer) {
        return consumer.state() == MemberState.STOPPED && consumer.generationId() < 0 && !consumer.processedAny()
                && consumer.restarts() == 0 && consumer.memberId().isEmpty();
    }

}
