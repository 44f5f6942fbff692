package dev.groupscope.diagram;

import dev.groupscope.sim.client.WorkerPoolView;
import java.util.List;

/**
 * The cluster and its groups at one moment, as data read from the model ({@link TopologyReader}); the
 * {@link TopologyLayout} turns it into a {@link Drawing}. Nothing here is decided by the diagram: owners, offsets,
 * leaders and coordinators are copied from the simulation's own views.
 *
 * @param time virtual time in ms
 */
public record Topology(long time, List<Broker> brokers, List<Topic> topics, OffsetsTopic offsets,
                       List<Group> groups) {

    public Topology {
        brokers = List.copyOf(brokers);
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
    }

    /** A broker, whether it is up, and the partitions it leads (user topics only, as {@code topic-n}). */
    public record Broker(int id, boolean up, List<String> leads) {
        public Broker {
            leads = List.copyOf(leads);
        }
    }

    public record Topic(String name, List<Partition> partitions) {
        public Topic {
            partitions = List.copyOf(partitions);
        }
    }

    /** One partition's log with, per group (in {@link Topology#groups()} order), where that group is in it. */
    public record Partition(String topic, int partition, int leader, long logEndOffset, List<GroupOffsets> groups) {
        public Partition {
            groups = List.copyOf(groups);
        }

        public String name() {
            return topic + "-" + partition;
        }
    }

    /**
     * The consumer the coordinator's stored assignment gives a partition nobody reads ({@code GroupView.stableAssignment}):
     * it has not heard yet (its SyncGroup answer is on the way, or lost), or it is down and the coordinator has not
     * noticed yet ({@code down}).
     */
    public record Assignee(String clientId, boolean down) {

        /** The assignee named {@code clientId} (null: none), down unless {@code running} says it runs. */
        public static Assignee of(String clientId, java.util.function.Predicate<String> running) {
            return clientId == null ? null : new Assignee(clientId, !running.test(clientId));
        }
    }

    /**
     * A group's place in one partition: its committed offset (null before its first commit), the owning consumer
     * and that owner's position (null when no running member owns it), and when that owner hands records to a worker
     * pool, the partition's sliding window in it (null otherwise, or before the poller dispatched any of it); with no
     * owner, the {@link Assignee} the coordinator gave it to (null if none).
     */
    public record GroupOffsets(String groupId, Long committed, String owner, int ownerSlot, Long position,
                               WorkerPoolView.Window window, Assignee assignee) {
        /** Records the group has not committed yet: log-end minus committed (all of them before a commit). */
        public long lag(long logEndOffset) {
            return Math.max(0, logEndOffset - (committed == null ? 0 : committed));
        }
    }

    /**
     * {@code __consumer_offsets}: its partition count, each partition's leader, how many records each holds now,
     * and for each group the partition that stores its offsets.
     */
    public record OffsetsTopic(List<Integer> leaders, List<Integer> records, List<GroupPlace> places) {
        public OffsetsTopic {
            leaders = List.copyOf(leaders);
            records = List.copyOf(records);
            places = List.copyOf(places);
        }

        public int partitions() {
            return leaders.size();
        }
    }

    public record GroupPlace(String groupId, int partition) {
    }

    /**
     * A group as its coordinator holds it ({@code state} "Unknown" while no coordinator has it loaded) and the
     * consumers started in it.
     *
     * @param coordinator the broker leading the group's offsets partition, or -1
     */
    public record Group(String groupId, String state, int generation, String protocol, String leader,
                        int coordinator, int offsetsPartition, List<Member> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    /**
     * One consumer. {@code slot} is its palette colour, stable per client id (its place among all consumers in id
     * order, as the main window has it); {@code state} is a {@code MemberState} name; {@code pool} its worker pool
     * (one polling thread feeding N workers), or null when it processes on its poll loop or is not running (a
     * stopped process has no threads, so its pool's last state is not something it is doing).
     */
    public record Member(String clientId, int slot, String state, boolean running, boolean leader, int generation,
                         List<String> assigned, WorkerPoolView pool) {
        public Member {
            assigned = List.copyOf(assigned);
        }
    }
}
