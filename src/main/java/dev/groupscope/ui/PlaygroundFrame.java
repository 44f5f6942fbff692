package dev.groupscope.ui;

import dev.groupscope.diagram.Topology;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the main window draws at one moment: an immutable reading of the simulation's state at {@code time}
 * (see {@link FrameReader}), with the event that explains it. Nothing here is decided by the UI; every value is
 * read from the model's views.
 *
 * @param time     virtual time in ms
 * @param current  the learner event the explanation shows (the one stepped to, or the last at or before time)
 * @param recent   the last few learner events up to and including {@code current}, oldest first
 * @param stateChange the group's most recent {@code GroupStateChange} event at or before this moment, if any
 * @param since    the latest event like {@code current} (same type, same actor) after it and up to this moment, if
 *                 any: routine traffic a learner does not step to ({@link SinceThen})
 */
public record PlaygroundFrame(long time, List<BrokerRow> brokers, List<PartitionRow> partitions, GroupRow group,
                              List<ConsumerRow> consumers, List<String> spares, Optional<SimEvent> current,
                              List<SimEvent> recent, FrameDetails details, OffsetsTopicRow offsetsTopic,
                              Optional<SimEvent> stateChange, Optional<SimEvent> since) {

    public PlaygroundFrame {
        brokers = List.copyOf(brokers);
        partitions = List.copyOf(partitions);
        consumers = List.copyOf(consumers);
        spares = List.copyOf(spares);
        recent = List.copyOf(recent);
        java.util.Objects.requireNonNull(details, "details");
        java.util.Objects.requireNonNull(offsetsTopic, "offsetsTopic");
        java.util.Objects.requireNonNull(stateChange, "stateChange");
        java.util.Objects.requireNonNull(since, "since");
    }

    public PlaygroundFrame(long time, List<BrokerRow> brokers, List<PartitionRow> partitions, GroupRow group,
                           List<ConsumerRow> consumers, List<String> spares, Optional<SimEvent> current,
                           List<SimEvent> recent, FrameDetails details, OffsetsTopicRow offsetsTopic) {
        this(time, brokers, partitions, group, consumers, spares, current, recent, details, offsetsTopic,
                Optional.empty(), Optional.empty());
    }

    /** A frame without details (tooltips, calculator and settings sheet then have nothing to show). */
    public PlaygroundFrame(long time, List<BrokerRow> brokers, List<PartitionRow> partitions, GroupRow group,
                           List<ConsumerRow> consumers, List<String> spares, Optional<SimEvent> current,
                           List<SimEvent> recent) {
        this(time, brokers, partitions, group, consumers, spares, current, recent, FrameDetails.NONE,
                OffsetsTopicRow.NONE);
    }

    /** This frame with {@code more} details. */
    public PlaygroundFrame withDetails(FrameDetails more) {
        return new PlaygroundFrame(time, brokers, partitions, group, consumers, spares, current, recent, more,
                offsetsTopic, stateChange, since);
    }

    /** This frame with {@code offsets} as its {@code __consumer_offsets} row. */
    public PlaygroundFrame withOffsetsTopic(OffsetsTopicRow offsets) {
        return new PlaygroundFrame(time, brokers, partitions, group, consumers, spares, current, recent, details,
                offsets, stateChange, since);
    }

    /** This frame with the group's most recent {@code GroupStateChange} up to it. */
    public PlaygroundFrame withStateChange(Optional<SimEvent> change) {
        return new PlaygroundFrame(time, brokers, partitions, group, consumers, spares, current, recent, details,
                offsetsTopic, change, since);
    }

    /** This frame with the latest event like its current one since it ({@link SinceThen}). */
    public PlaygroundFrame withSince(Optional<SimEvent> latest) {
        return new PlaygroundFrame(time, brokers, partitions, group, consumers, spares, current, recent, details,
                offsetsTopic, stateChange, latest);
    }

    /**
     * The transition that brought the group into the state it is in now: the most recent {@code GroupStateChange}, if
     * it ended in that state. A group loaded by a new coordinator (after its broker stopped) is in a state no
     * transition led to on this coordinator (the last one was into Dead on the old): then none.
     */
    public Optional<Transition> lastTransition() {
        return stateChange.filter(event -> group.state().equals(event.fields().get("to")))
                .map(event -> new Transition(String.valueOf(event.fields().get("from")),
                        String.valueOf(event.fields().get("to")), event));
    }

    /** A transition of the group's state machine, and the event in which the coordinator took it. */
    public record Transition(String from, String to, SimEvent event) {
    }

    /** The group states Kafka's classic protocol has, in the order the window lists them. */
    public static final List<String> GROUP_STATES =
            List.of("Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead");

    public Optional<ConsumerRow> consumer(String clientId) {
        return consumers.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    /**
     * A broker: up or down, whether it coordinates the group shown, and the partitions it leads now, per topic
     * (ordinary topics in the cluster's order, then {@code __consumer_offsets}; a topic it leads none of is left out).
     */
    public record BrokerRow(int id, boolean up, boolean coordinator, List<TopicLeads> leads) {
        public BrokerRow {
            leads = List.copyOf(leads);
        }

        /** A broker whose leaderships are not read (tests that build frames by hand). */
        public BrokerRow(int id, boolean up, boolean coordinator) {
            this(id, up, coordinator, List.of());
        }

        /** How many partitions it leads, of every topic. */
        public int leadCount() {
            return leads.stream().mapToInt(TopicLeads::count).sum();
        }
    }

    /** The partitions of one topic a broker leads, ascending. */
    public record TopicLeads(String topic, List<Integer> partitions) {
        public TopicLeads {
            partitions = List.copyOf(partitions);
        }

        public int count() {
            return partitions.size();
        }
    }

    /**
     * {@code __consumer_offsets} at this moment, as the cluster holds it: each partition's leader (-1: none) and how
     * many records its log holds now (appended commits and group metadata, less what compaction removed); the shown
     * group's partition with its log in numbers; and which groups of the run keep their offsets in which partition.
     *
     * @param groupPartition the shown group's partition, or -1 (no offsets topic yet)
     * @param groupRecords   records in the shown group's partition now
     * @param groupKeys      distinct keys among them (what compaction would keep: the latest record per key)
     * @param groupLogEnd    that partition's log-end offset: every record ever appended, removed ones too
     * @param groups         the run's groups by the partition that holds their offsets, each list in id order
     */
    public record OffsetsTopicRow(List<Integer> leaders, List<Integer> records, int groupPartition, int groupRecords,
                                  int groupKeys, long groupLogEnd, Map<Integer, List<String>> groups) {

        /** No {@code __consumer_offsets} (yet), or a frame built by hand. */
        public static final OffsetsTopicRow NONE = new OffsetsTopicRow(List.of(), List.of(), -1, 0, 0, 0, Map.of());

        public OffsetsTopicRow {
            leaders = List.copyOf(leaders);
            records = List.copyOf(records);
            groups = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(groups));
        }

        public int partitions() {
            return leaders.size();
        }
    }

    /**
     * One partition's log: leader, log-end offset, the group's committed offset (null before the first commit),
     * its owner's position (null when no consumer owns it), and when its owner hands records to a worker pool, the
     * partition's sliding window in that pool (null otherwise, or before the poller dispatched any of it).
     */
    public record PartitionRow(String topic, int partition, int leader, long logEndOffset, Long committed,
                               String owner, int ownerSlot, Long position, WorkerPoolView.Window window,
                               Topology.Assignee assignee) {

        public PartitionRow(String topic, int partition, int leader, long logEndOffset, Long committed,
                            String owner, int ownerSlot, Long position) {
            this(topic, partition, leader, logEndOffset, committed, owner, ownerSlot, position, null, null);
        }

        public String name() {
            return topic + "-" + partition;
        }

        /**
         * Records not yet committed by the group: log-end minus committed. Empty before the group's first commit,
         * as {@code kafka-consumer-groups.sh} shows "-": with nothing committed, where the group would start is up to
         * auto.offset.reset, so there is no lag to speak of.
         */
        public OptionalLong lag() {
            return committed == null ? OptionalLong.empty() : OptionalLong.of(logEndOffset - committed);
        }
    }

    /**
     * The group as its coordinator holds it; {@code state} is "Unknown" while no coordinator has it loaded.
     *
     * @param coordinatorBroker the broker leading the group's {@code __consumer_offsets} partition, or -1
     * @param loadEndsAt        while that broker still reads the partition (the group as stored, its requests
     *                          refused), when the read ends; else -1
     */
    public record GroupRow(String groupId, String state, int generation, String protocol, String leader,
                           int coordinatorBroker, int offsetsPartition, long loadEndsAt) {

        /** Whether the coordinator is still reading the group's partition. */
        public boolean loading() {
            return loadEndsAt >= 0;
        }
    }

    /**
     * One running (or crashed) consumer, with its palette slot (stable per client id).
     *
     * @param state    its {@code MemberState}, as the group protocol sees it
     * @param revoking whether its application is inside onPartitionsRevoked, the callback not returned yet
     * @param removed  whether its coordinator no longer lists it although it believes it is a stable member: cut off,
     *                 it missed its session timeout and still works on the partitions the group has handed on
     * @param pool     its worker pool (one polling thread feeding N workers), or null when it processes on its poll loop
     */
    public record ConsumerRow(String clientId, int slot, String state, boolean leader, int generation,
                              List<String> assigned, boolean revoking, boolean removed, WorkerPoolView pool) {
        public ConsumerRow {
            assigned = List.copyOf(assigned);
        }

        public ConsumerRow(String clientId, int slot, String state, boolean leader, int generation,
                           List<String> assigned, boolean revoking, boolean removed) {
            this(clientId, slot, state, leader, generation, assigned, revoking, removed, null);
        }

        public ConsumerRow(String clientId, int slot, String state, boolean leader, int generation,
                           List<String> assigned) {
            this(clientId, slot, state, leader, generation, assigned, false, false);
        }

        /**
         * What its card says it is doing: {@code REMOVED} when the coordinator has removed it (whatever it is doing,
         * that is what the class must see), {@code REVOKING} while onPartitionsRevoked runs, {@code IDLE} when it is
         * stable in the group with no partition, otherwise its member state.
         */
        public String displayState() {
            if (removed) {
                return "REMOVED";
            }
            if (revoking) {
                return "REVOKING";
            }
            return state.equals("STABLE") && assigned.isEmpty() ? "IDLE" : state;
        }
    }
}
