package dev.groupscope.ui;

import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
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
 */
public record PlaygroundFrame(long time, List<BrokerRow> brokers, List<PartitionRow> partitions, GroupRow group,
                              List<ConsumerRow> consumers, List<String> spares, Optional<SimEvent> current,
                              List<SimEvent> recent, FrameDetails details) {

    public PlaygroundFrame {
        brokers = List.copyOf(brokers);
        partitions = List.copyOf(partitions);
        consumers = List.copyOf(consumers);
        spares = List.copyOf(spares);
        recent = List.copyOf(recent);
        java.util.Objects.requireNonNull(details, "details");
    }

    /** A frame without details (tooltips, calculator and settings sheet then have nothing to show). */
    public PlaygroundFrame(long time, List<BrokerRow> brokers, List<PartitionRow> partitions, GroupRow group,
                           List<ConsumerRow> consumers, List<String> spares, Optional<SimEvent> current,
                           List<SimEvent> recent) {
        this(time, brokers, partitions, group, consumers, spares, current, recent, FrameDetails.NONE);
    }

    /** This frame with {@code more} details. */
    public PlaygroundFrame withDetails(FrameDetails more) {
        return new PlaygroundFrame(time, brokers, partitions, group, consumers, spares, current, recent, more);
    }

    /** The group states Kafka's classic protocol has, in the order the window lists them. */
    public static final List<String> GROUP_STATES =
            List.of("Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead");

    public Optional<ConsumerRow> consumer(String clientId) {
        return consumers.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public record BrokerRow(int id, boolean up, boolean coordinator) {
    }

    /**
     * One partition's log: leader, log-end offset, the group's committed offset (null before the first commit),
     * and its owner's position (null when no consumer owns it).
     */
    public record PartitionRow(String topic, int partition, int leader, long logEndOffset, Long committed,
                               String owner, int ownerSlot, Long position) {
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
     */
    public record GroupRow(String groupId, String state, int generation, String protocol, String leader,
                           int coordinatorBroker, int offsetsPartition) {
    }

    /** One running (or crashed) consumer, with its palette slot (stable per client id). */
    public record ConsumerRow(String clientId, int slot, String state, boolean leader, int generation,
                              List<String> assigned) {
        public ConsumerRow {
            assigned = List.copyOf(assigned);
        }
    }
}
