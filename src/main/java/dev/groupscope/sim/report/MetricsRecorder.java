package dev.groupscope.sim.report;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.ledger.Ledger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows one run of a simulation as it is computed, for charts and a timeline: every {@code intervalMs} of virtual
 * time it reads each followed group's numbers from the state at exactly that moment ({@link MetricSample}: lag per
 * partition, duplicates and losses from the {@link Ledger}, rebalances with each member's stop-the-world time), and
 * it reads every new event of the log once, for the timeline's marks. Reading as the run advances costs one pass over
 * the log in all, where reading the log again for every frame would grow with the run; following every group of a
 * scenario in that one pass lets a window switch the group it shows without reading the run again.
 *
 * <p>The run is advanced through {@link #runUntil}, which stops at each sampling time. A fork shares the run's past:
 * {@link #forkedAt} keeps the samples taken before the fork and reads the new run's (shared) log once. Confined to
 * the thread that computes the simulation.
 */
public final class MetricsRecorder {

    /** Sampling period: fine enough for a rebalance of a few seconds to show, coarse enough for an hour's run. */
    public static final long DEFAULT_INTERVAL_MS = 500;

    private final List<String> groupIds;
    private final EventGroups groups;
    private final long intervalMs;
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private RebalanceHistory history;
    private int readEvents;
    private long nextSampleMs;

    /** Follows one group. */
    public MetricsRecorder(String groupId, Map<String, String> groupOfClient, long intervalMs) {
        this(List.of(groupId), groupOfClient, intervalMs);
    }

    /** Follows each of {@code groupIds} (at least one; the first is the one the one-group methods answer for). */
    public MetricsRecorder(List<String> groupIds, Map<String, String> groupOfClient, long intervalMs) {
        this(groupIds, new EventGroups(groupOfClient), intervalMs);
    }

    /** As above, deciding which group an event concerns as every other view of the run does ({@code groups}). */
    public MetricsRecorder(List<String> groupIds, EventGroups groups, long intervalMs) {
        if (intervalMs < 1) {
            throw new IllegalArgumentException("intervalMs must be at least 1");
        }
        if (groupIds.isEmpty()) {
            throw new IllegalArgumentException("a recorder follows at least one group");
        }
        this.groupIds = List.copyOf(new java.util.LinkedHashSet<>(groupIds));
        this.groups = groups;
        this.intervalMs = intervalMs;
        this.history = RebalanceHistory.reading(groups.groupOfClient());
        this.groupIds.forEach(group -> tracks.put(group, new Track()));
    }

    /** The first group followed. */
    public String groupId() {
        return groupIds.get(0);
    }

    /** Every group followed, in the order given. */
    public List<String> groupIds() {
        return groupIds;
    }

    public long intervalMs() {
        return intervalMs;
    }

    /** Runs {@code simulation} up to {@code time} (as {@link Simulation#runUntil}), sampling on the way. */
    public void runUntil(Simulation simulation, long time) {
        while (nextSampleMs <= time) {
            simulation.runUntil(nextSampleMs);
            readNewEvents(simulation);
            World world = simulation.current();
            List<Rebalance> rebalances = history.soFar(nextSampleMs);
            for (Map.Entry<String, Track> track : tracks.entrySet()) {
                track.getValue().samples.add(sample(track.getKey(), track.getValue(), nextSampleMs, world,
                        rebalances));
            }
            nextSampleMs += intervalMs;
        }
        simulation.runUntil(time);
        readNewEvents(simulation);
    }

    /**
     * A recorder for {@code forked}, a fork of this recorder's run at {@code forkTime}: the samples before the fork
     * are the same in both runs and are kept; the fork's log (its shared past) is read again for rebalances and marks.
     */
    public MetricsRecorder forkedAt(long forkTime, Simulation forked) {
        MetricsRecorder copy = new MetricsRecorder(groupIds, groups, intervalMs);
        tracks.forEach((group, track) -> {
            Track kept = copy.tracks.get(group);
            for (MetricSample sample : track.samples) {
                if (sample.timeMs() >= forkTime) {
                    break;
                }
                kept.samples.add(sample);
                copy.nextSampleMs = sample.timeMs() + intervalMs;
            }
            kept.lastRebalances = kept.samples.isEmpty() ? List.of() : kept.samples.get(kept.samples.size() - 1)
                    .rebalances();
        });
        copy.readNewEvents(forked);
        return copy;
    }

    private void readNewEvents(Simulation simulation) {
        List<SimEvent> log = simulation.log();
        for (; readEvents < log.size(); readEvents++) {
            SimEvent event = log.get(readEvents);
            history.read(event);
            TimelineMark.Kind kind = markKind(event);
            if (kind != null) {
                tracks.forEach((group, track) -> {
                    if (groups.shows(event, group)) {
                        track.eventMarks.add(TimelineMark.of(kind, event));
                        track.marksChanged = true;
                    }
                });
            }
        }
    }

    /** Which mark an event makes on the timeline, or null for the steady traffic that makes none. */
    static TimelineMark.Kind markKind(SimEvent event) {
        if (event.type().equals("RequestLost") || event.type().equals("ResponseLost")) {
            // A cut's consequences, one every heartbeat or commit: a row of them hid the rebalance they cause. The
            // cut and its heal are marked; the lost messages are on the Protocol tab and in the explanation.
            return null;
        }
        if (event.kind() == EventKind.FAULT) {
            return TimelineMark.Kind.FAULT;
        }
        if (event.kind() == EventKind.ACTION) {
            return event.type().equals("ActionRefused") ? TimelineMark.Kind.FAULT : TimelineMark.Kind.ACTION;
        }
        if (event.type().equals("OffsetCommitResponse")) {
            return TimelineMark.Kind.COMMIT;
        }
        return null;
    }

    /** The group's committed offsets in {@code world}, from every coordinator shard. */
    private static Map<TopicPartition, Long> committedIn(World world, String groupId) {
        ClusterActorView cluster = (ClusterActorView) world.actors().get(ClusterActor.ID).view();
        Map<TopicPartition, Long> committed = new TreeMap<>();
        for (ShardView shard : cluster.coordinators().values()) {
            committed.putAll(shard.committedOffsets().getOrDefault(groupId, Map.of()));
        }
        return committed;
    }

    private MetricSample sample(String groupId, Track track, long time, World world, List<Rebalance> all) {
        Map<TopicPartition, Long> committed = committedIn(world, groupId);
        Map<String, Long> lag = lagIn(world, committed);
        List<Rebalance> rebalances = all.stream().filter(r -> r.groupId().equals(groupId)).toList();
        // Rebalances rarely change: share one list between the samples they are the same in.
        if (rebalances.equals(track.lastRebalances)) {
            rebalances = track.lastRebalances;
        } else {
            track.lastRebalances = rebalances;
            track.marksChanged = true;
        }
        return measured(time, world, groupId, committed, lag, rebalances);
    }

    /** Per partition with a committed offset, its lag in {@code world}: log-end offset minus committed offset. */
    private static Map<String, Long> lagIn(World world, Map<TopicPartition, Long> committed) {
        ClusterActorView cluster = (ClusterActorView) world.actors().get(ClusterActor.ID).view();
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((partition, offset) -> {
            long end = logEndOffset(cluster.cluster(), partition);
            if (end >= 0) {
                lag.put(partition.toString(), Math.max(0, end - offset));
            }
        });
        return lag;
    }

    /** The group's ledger counts and losses in {@code world}, with the lag and rebalances given. */
    private static MetricSample measured(long time, World world, String groupId, Map<TopicPartition, Long> committed,
                                         Map<String, Long> lag, List<Rebalance> rebalances) {
        Ledger ledger = world.actors().get(Ledger.ID) instanceof Ledger l ? l : new Ledger();
        Ledger.Counts counts = ledger.counts(groupId);
        long lost = ledger.lost(groupId, committed).values().stream().mapToLong(Long::longValue).sum();
        return new MetricSample(time, lag, counts.processed(), counts.duplicates(), lost, rebalances);
    }

    private static long logEndOffset(ClusterView cluster, TopicPartition partition) {
        List<ClusterView.PartitionView> partitions = cluster.topics().get(partition.topic());
        if (partitions == null || partition.partition() >= partitions.size()) {
            return -1;
        }
        return partitions.get(partition.partition()).logEndOffset();
    }

    /** Every sample of the first group taken so far, oldest first. */
    public List<MetricSample> samples() {
        return samples(groupId());
    }

    /** Every sample of {@code groupId} taken so far, oldest first. */
    public List<MetricSample> samples(String groupId) {
        return List.copyOf(track(groupId).samples);
    }

    /** {@link #frameAt(String, long, long)} of the first group. */
    public MetricsFrame frameAt(long time, long windowMs) {
        return frameAt(groupId(), time, windowMs);
    }

    /**
     * {@code groupId}'s numbers as of {@code time}: the samples in the {@code windowMs} up to it, and the latest
     * sample at or before it (whose rebalances are the ones that had started by then). Nothing after {@code time} is
     * shown, so scrubbing back shows the past as it was.
     */
    public MetricsFrame frameAt(String groupId, long time, long windowMs) {
        // The group shown first, then the others in the order followed.
        Map<String, List<MetricSample>> groups = new LinkedHashMap<>();
        groups.put(groupId, window(track(groupId).samples, time, windowMs));
        tracks.forEach((group, track) -> groups.computeIfAbsent(group, g -> window(track.samples, time, windowMs)));
        return new MetricsFrame(time, windowMs, groups.get(groupId), marks(groupId), groups);
    }

    /**
     * As {@link #frameAt(String, long, long)}, with the group's numbers at exactly {@code time} measured in
     * {@code world} (the state shown then), besides the samples; nothing is recorded.
     */
    public MetricsFrame frameAt(String groupId, long time, long windowMs, World world) {
        MetricsFrame sampled = frameAt(groupId, time, windowMs);
        MetricSample latest = sampled.latest().orElse(null);
        Map<TopicPartition, Long> committed = committedIn(world, groupId);
        MetricSample now = measured(time, world, groupId, committed, lagIn(world, committed),
                latest == null ? List.of() : latest.rebalances());
        return new MetricsFrame(sampled.timeMs(), sampled.windowMs(), sampled.window(), sampled.marks(),
                sampled.groups(), now);
    }

    /** The samples in the {@code windowMs} up to {@code time}, oldest first. */
    private static List<MetricSample> window(List<MetricSample> samples, long time, long windowMs) {
        int last = lastSampleAtOrBefore(samples, time);
        int first = last;
        while (first > 0 && samples.get(first - 1).timeMs() > time - windowMs) {
            first--;
        }
        return last < 0 ? List.of() : List.copyOf(samples.subList(first, last + 1));
    }

    /** {@link #marks(String)} of the first group. */
    public List<TimelineMark> marks() {
        return marks(groupId());
    }

    /**
     * {@code groupId}'s timeline marks over everything computed so far: its rebalances (as spans) and the events that
     * mark it (its members' and everyone's, not another group's), in time order. The same list object is returned
     * until something new is marked, so a view can skip redrawing.
     */
    public List<TimelineMark> marks(String groupId) {
        Track track = track(groupId);
        if (track.marksChanged) {
            List<TimelineMark> all = new ArrayList<>(track.eventMarks);
            track.lastRebalances.forEach(rebalance -> all.add(TimelineMark.of(rebalance)));
            all.sort(java.util.Comparator.comparingLong(TimelineMark::startMs));
            track.publishedMarks = List.copyOf(all);
            track.marksChanged = false;
        }
        return track.publishedMarks;
    }

    private Track track(String groupId) {
        Track track = tracks.get(groupId);
        if (track == null) {
            throw new IllegalArgumentException("not followed: group " + groupId + " (followed: " + groupIds + ")");
        }
        return track;
    }

    private static int lastSampleAtOrBefore(List<MetricSample> samples, long time) {
        int low = 0;
        int high = samples.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (samples.get(mid).timeMs() <= time) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /** One group's samples and marks. */
    private static final class Track {
        final List<MetricSample> samples = new ArrayList<>();
        final List<TimelineMark> eventMarks = new ArrayList<>();
        List<Rebalance> lastRebalances = List.of();
        List<TimelineMark> publishedMarks = List.of();
        boolean marksChanged;
    }
}
