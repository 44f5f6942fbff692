package dev.groupscope.sim.ledger;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The world's processing ledger (see the package documentation for what each count means). Consumers call
 * {@link #delivered} and {@link #processed} while they handle a step; nothing is ever scheduled for it.
 */
public final class Ledger implements Actor {

    /** The actor id; scenario ids may not take it. */
    public static final String ID = "ledger";

    /** Records {@code first} … {@code last} of one partition, processed one after another by {@code consumer}. */
    public record Run(String consumer, long first, long last, long fromMs, long toMs) {
        public long count() {
            return last - first + 1;
        }
    }

    /** Offsets {@code first} … {@code last}, each processed {@code times} times. */
    record Segment(long first, long last, int times) {
    }

    /** Counts of one consumer or one group. */
    public record Counts(long processed, long duplicates, long orderBreaks) {
        static final Counts ZERO = new Counts(0, 0, 0);

        Counts plus(long processedMore, long duplicatesMore, long breaksMore) {
            return new Counts(processed + processedMore, duplicates + duplicatesMore, orderBreaks + breaksMore);
        }
    }

    /** One partition of one group. */
    static final class PartitionLedger {
        /** Processing counts by first offset; disjoint, maximal, only offsets processed at least once. */
        TreeMap<Long, Segment> segments = new TreeMap<>();
        List<Run> runs = new ArrayList<>();
        /** Per consumer, the index in {@code runs} of its last run (to extend it). */
        TreeMap<String, Integer> lastRun = new TreeMap<>();
        /** Delivery runs (what poll() returned to whom), for attributing losses. */
        List<Run> delivered = new ArrayList<>();
        long maxProcessed = -1;
        long firstDelivered = -1;
        /** The ledger copy that may change this one in place (see {@link Ledger#partition}). */
        Object owner;

        PartitionLedger(Object owner) {
            this.owner = owner;
        }

        PartitionLedger copy(Object newOwner) {
            PartitionLedger copy = new PartitionLedger(newOwner);
            copy.segments = new TreeMap<>(segments);
            copy.runs = new ArrayList<>(runs);
            copy.lastRun = new TreeMap<>(lastRun);
            copy.delivered = new ArrayList<>(delivered);
            copy.maxProcessed = maxProcessed;
            copy.firstDelivered = firstDelivered;
            return copy;
        }

        /** Adds one processing of {@code offset}; returns how many times it had been processed before. */
        int count(long offset) {
            Map.Entry<Long, Segment> floor = segments.floorEntry(offset);
            if (floor != null && floor.getValue().last() >= offset) {
                Segment seg = floor.getValue();
                segments.remove(seg.first());
                if (seg.first() < offset) {
                    segments.put(seg.first(), new Segment(seg.first(), offset - 1, seg.times()));
                }
                if (seg.last() > offset) {
                    segments.put(offset + 1, new Segment(offset + 1, seg.last(), seg.times()));
                }
                put(new Segment(offset, offset, seg.times() + 1));
                return seg.times();
            }
            put(new Segment(offset, offset, 1));
            return 0;
        }

        /** Inserts a one-offset segment, merging with neighbours of the same count. */
        private void put(Segment one) {
            Segment merged = one;
            Map.Entry<Long, Segment> left = segments.lowerEntry(one.first());
            if (left != null && left.getValue().last() == one.first() - 1 && left.getValue().times() == one.times()) {
                segments.remove(left.getKey());
                merged = new Segment(left.getValue().first(), merged.last(), merged.times());
            }
            Segment right = segments.get(one.last() + 1);
            if (right != null && right.times() == one.times()) {
                segments.remove(right.first());
                merged = new Segment(merged.first(), right.last(), merged.times());
            }
            segments.put(merged.first(), merged);
        }

        void addRun(String consumer, long offset, long now) {
            Integer index = lastRun.get(consumer);
            if (index != null) {
                Run last = runs.get(index);
                if (last.last() + 1 == offset) {
                    runs.set(index, new Run(consumer, last.first(), offset, last.fromMs(), now));
                    return;
                }
            }
            runs.add(new Run(consumer, offset, offset, now, now));
            lastRun.put(consumer, runs.size() - 1);
        }

        /** Offsets in [from, to) processed at least once. */
        long processedIn(long from, long to) {
            long covered = 0;
            Map.Entry<Long, Segment> start = segments.floorEntry(from);
            Long key = start != null ? start.getKey() : segments.ceilingKey(from);
            if (key == null) {
                return 0;
            }
            for (Segment seg : segments.tailMap(key, true).values()) {
                if (seg.first() >= to) {
                    break;
                }
                long lo = Math.max(seg.first(), from);
                long hi = Math.min(seg.last(), to - 1);
                if (hi >= lo) {
                    covered += hi - lo + 1;
                }
            }
            return covered;
        }
    }

    /** group → partition → its ledger. */
    private final TreeMap<String, TreeMap<TopicPartition, PartitionLedger>> groups;
    /** group → consumer → counts; group → counts. */
    private final TreeMap<String, TreeMap<String, Counts>> consumers;
    private final TreeMap<String, Counts> totals;
    /**
     * group → consumer → the batch poll() last returned to it while its process is alive: records in hand, still
     * to be processed, are not lost (yet). A crash, close or failure empties it.
     */
    private final TreeMap<String, TreeMap<String, List<Run>>> inHand;
    /**
     * Partition ledgers are copied on write: a copy of the ledger shares them, and each side copies one (marking it
     * with its own token) before changing it, so a snapshot costs only the partitions processed since the last.
     */
    private Object token = new Object();

    public Ledger() {
        this.groups = new TreeMap<>();
        this.consumers = new TreeMap<>();
        this.totals = new TreeMap<>();
        this.inHand = new TreeMap<>();
    }

    private Ledger(Ledger other) {
        this.groups = new TreeMap<>();
        other.groups.forEach((group, partitions) -> {
            this.groups.put(group, new TreeMap<>(partitions));
        });
        other.token = new Object();
        this.consumers = new TreeMap<>();
        other.consumers.forEach((group, counts) -> this.consumers.put(group, new TreeMap<>(counts)));
        this.totals = new TreeMap<>(other.totals);
        this.inHand = new TreeMap<>();
        other.inHand.forEach((group, batches) -> this.inHand.put(group, new TreeMap<>(batches)));
    }

    /** The world's ledger, or null when the world has none (worlds built by hand in tests). */
    public static Ledger of(Context context) {
        return context.hasActor(ID) ? context.actor(ID, Ledger.class) : null;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Actor copy() {
        return new Ledger(this);
    }

    @Override
    public void handle(Task task, Context context) {
        // Nothing is ever addressed to the ledger.
    }

    /** The partition's ledger, ready to change: created if new, copied first if a copy of this ledger shares it. */
    private PartitionLedger partition(String group, TopicPartition tp) {
        TreeMap<TopicPartition, PartitionLedger> partitions = groups.computeIfAbsent(group, key -> new TreeMap<>());
        PartitionLedger ledger = partitions.get(tp);
        if (ledger == null) {
            ledger = new PartitionLedger(token);
            partitions.put(tp, ledger);
        } else if (ledger.owner != token) {
            ledger = ledger.copy(token);
            partitions.put(tp, ledger);
        }
        return ledger;
    }

    /** poll() returned {@code first} … {@code last} of {@code tp} to {@code consumer} of {@code group}. */
    public void delivered(String group, String consumer, TopicPartition tp, long first, long last, long now) {
        PartitionLedger ledger = partition(group, tp);
        if (ledger.firstDelivered < 0 || first < ledger.firstDelivered) {
            ledger.firstDelivered = first;
        }
        Run run = new Run(consumer + "@" + tp, first, last, now, now);
        ledger.delivered.add(new Run(consumer, first, last, now, now));
        List<Run> batch = new ArrayList<>(inHand.computeIfAbsent(group, key -> new TreeMap<>())
                .getOrDefault(consumer, List.of()));
        batch.add(run);
        inHand.get(group).put(consumer, List.copyOf(batch));
    }

    /** {@code consumer} starts a new batch, or its process ended: what it had in hand is no longer in hand. */
    public void handsEmpty(String group, String consumer) {
        TreeMap<String, List<Run>> batches = inHand.get(group);
        if (batches != null) {
            batches.remove(consumer);
        }
    }

    private boolean inHand(String group, TopicPartition tp, long offset) {
        String suffix = "@" + tp;
        for (List<Run> batch : inHand.getOrDefault(group, new TreeMap<>()).values()) {
            for (Run run : batch) {
                if (run.consumer().endsWith(suffix) && run.first() <= offset && offset <= run.last()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code consumer} of {@code group} finished processing record {@code offset} of {@code tp} at {@code now}. */
    public void processed(String group, String consumer, TopicPartition tp, long offset, long now) {
        PartitionLedger ledger = partition(group, tp);
        int before = ledger.count(offset);
        boolean duplicate = before > 0;
        boolean orderBreak = !duplicate && offset < ledger.maxProcessed;
        ledger.maxProcessed = Math.max(ledger.maxProcessed, offset);
        ledger.addRun(consumer, offset, now);
        long dup = duplicate ? 1 : 0;
        long brk = orderBreak ? 1 : 0;
        consumers.computeIfAbsent(group, key -> new TreeMap<>()).merge(consumer, Counts.ZERO.plus(1, dup, brk),
                (a, b) -> a.plus(b.processed(), b.duplicates(), b.orderBreaks()));
        totals.merge(group, Counts.ZERO.plus(1, dup, brk),
                (a, b) -> a.plus(b.processed(), b.duplicates(), b.orderBreaks()));
    }

    /** How many times {@code group} processed record {@code offset} of {@code tp}. */
    public int timesProcessed(String group, TopicPartition tp, long offset) {
        PartitionLedger ledger = groups.getOrDefault(group, new TreeMap<>()).get(tp);
        if (ledger == null) {
            return 0;
        }
        Map.Entry<Long, Segment> floor = ledger.segments.floorEntry(offset);
        return floor != null && floor.getValue().last() >= offset ? floor.getValue().times() : 0;
    }

    /** Who processed record {@code offset} of {@code tp} and when: the runs that contain it, in order. */
    public List<Run> processings(String group, TopicPartition tp, long offset) {
        PartitionLedger ledger = groups.getOrDefault(group, new TreeMap<>()).get(tp);
        if (ledger == null) {
            return List.of();
        }
        return ledger.runs.stream().filter(run -> run.first() <= offset && offset <= run.last()).toList();
    }

    /** The group's counts (zero if it processed nothing). */
    public Counts counts(String group) {
        return totals.getOrDefault(group, Counts.ZERO);
    }

    /** A consumer's counts in its group. */
    public Counts counts(String group, String consumer) {
        return consumers.getOrDefault(group, new TreeMap<>()).getOrDefault(consumer, Counts.ZERO);
    }

    /**
     * Losses of {@code group} given its committed offsets: per consumer it is attributed to ("" for records poll()
     * never returned to anyone), how many records below the committed offset nobody processed and no live consumer
     * still holds in the batch it is processing.
     */
    public Map<String, Long> lost(String group, Map<TopicPartition, Long> committed) {
        TreeMap<String, Long> lost = new TreeMap<>();
        TreeMap<TopicPartition, PartitionLedger> partitions = groups.getOrDefault(group, new TreeMap<>());
        committed.forEach((tp, offset) -> {
            PartitionLedger ledger = partitions.get(tp);
            if (ledger == null || ledger.firstDelivered < 0 || offset <= ledger.firstDelivered) {
                return;
            }
            long from = ledger.firstDelivered;
            if (offset - from == ledger.processedIn(from, offset)) {
                return;
            }
            for (long o = from; o < offset; o++) {
                if (ledger.processedIn(o, o + 1) == 0 && !inHand(group, tp, o)) {
                    lost.merge(lastDeliveredTo(ledger, o), 1L, Long::sum);
                }
            }
        });
        return lost;
    }

    private static String lastDeliveredTo(PartitionLedger ledger, long offset) {
        for (int i = ledger.delivered.size() - 1; i >= 0; i--) {
            Run run = ledger.delivered.get(i);
            if (run.first() <= offset && offset <= run.last()) {
                return run.consumer();
            }
        }
        return "";
    }

    @Override
    public Object view() {
        Map<String, Object> view = new TreeMap<>();
        groups.forEach((group, partitions) -> {
            Map<String, Object> byPartition = new TreeMap<>();
            partitions.forEach((tp, ledger) -> byPartition.put(tp.toString(), List.of(
                    ledger.segments.values().stream().map(s -> List.of(s.first(), s.last(), (long) s.times()))
                            .toList(),
                    ledger.runs.size(), ledger.firstDelivered, ledger.maxProcessed)));
            view.put(group, Map.of("partitions", Collections.unmodifiableMap(byPartition),
                    "totals", counts(group), "consumers",
                    Collections.unmodifiableMap(new TreeMap<>(consumers.getOrDefault(group, new TreeMap<>())))));
        });
        return Collections.unmodifiableMap(view);
    }
}
