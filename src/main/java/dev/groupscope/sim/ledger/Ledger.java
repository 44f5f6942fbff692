package dev.groupscope.sim.ledger;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.SortedArrayMap;
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

    /**
     * Offsets {@code first} … {@code last} of {@code tp} in a batch poll() returned: in hand until processed. Its own
     * record, not a Run named "consumer@partition": a snapshot held some sixty such new names.
     */
    private record Held(TopicPartition tp, long first, long last) {
    }

    /** Offsets {@code first} … {@code last}, each processed {@code times} times. */
    record Segment(long first, long last, int times) {
    }

    /**
     * Counts of one consumer or one group. {@code orderBreaks}: records processed after a higher offset of their
     * partition (what one thread per partition never does); {@code keyOrderBreaks}: after a higher offset of their
     * partition with the same key (what a pool ordered by key never does, though it breaks partition order).
     */
    public record Counts(long processed, long duplicates, long orderBreaks, long keyOrderBreaks) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts more) {
            return new Counts(processed + more.processed, duplicates + more.duplicates,
                    orderBreaks + more.orderBreaks, keyOrderBreaks + more.keyOrderBreaks);
        }
    }

    /** One partition of one group. */
    static final class PartitionLedger {
        /** Processing counts by first offset; disjoint, maximal, only offsets processed at least once. */
        Segments segments = new Segments();
        RunList runs = RunList.EMPTY;
        /** Delivery runs (what poll() returned to whom), for attributing losses. */
        RunList delivered = RunList.EMPTY;
        long maxProcessed = -1;
        long firstDelivered = -1;
        /**
         * 0 when the partition was added to a topic the group was already reading: the group was meant to read it
         * from its first record, whatever auto.offset.reset skips. -1 otherwise: counted from the first delivery.
         */
        long readFrom = -1;
        long orderBreaks;
        /** Per record key (only for processings that said their key): the highest offset processed. */
        KeyMaxima maxByKey = new KeyMaxima();
        long keyOrderBreaks;
        /** Whether a record of it was processed more than once (so frames need not look through every partition). */
        boolean repeated;
        /** The ledger copy that may change this one in place (see {@link Ledger#partition}). */
        Object owner;

        PartitionLedger(Object owner) {
            this.owner = owner;
        }

        PartitionLedger copy(Object newOwner) {
            PartitionLedger copy = new PartitionLedger(newOwner);
            copy.orderBreaks = orderBreaks;
            copy.maxByKey = maxByKey.copy();
            copy.keyOrderBreaks = keyOrderBreaks;
            copy.repeated = repeated;
            copy.segments = segments.copy();
            copy.runs = runs; // immutable: shared
            copy.delivered = delivered;
            copy.maxProcessed = maxProcessed;
            copy.firstDelivered = firstDelivered;
            copy.readFrom = readFrom;
            return copy;
        }

        /** The first offset losses are counted from, or -1 while the group has no start here. */
        long countedFrom() {
            return readFrom >= 0 ? readFrom : firstDelivered;
        }

        /** Adds one processing of {@code offset}; returns how many times it had been processed before. */
        int count(long offset) {
            Segment seg = segments.floor(offset);
            if (seg != null && seg.last() >= offset) {
                segments.remove(seg.first());
                if (seg.first() < offset) {
                    segments.put(new Segment(seg.first(), offset - 1, seg.times()));
                }
                if (seg.last() > offset) {
                    segments.put(new Segment(offset + 1, seg.last(), seg.times()));
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
            Segment left = segments.floor(one.first() - 1); // TreeMap's lowerEntry(first)
            if (left != null && left.last() == one.first() - 1 && left.times() == one.times()) {
                segments.remove(left.first());
                merged = new Segment(left.first(), merged.last(), merged.times());
            }
            Segment right = segments.startingAt(one.last() + 1);
            if (right != null && right.times() == one.times()) {
                segments.remove(right.first());
                merged = new Segment(merged.first(), right.last(), merged.times());
            }
            segments.put(merged);
        }

        /**
         * Extends {@code consumer}'s last run when {@code offset} follows it, else starts a new run. The last run is
         * found from the end: it is almost always the last or next to last (a per-consumer index of it grew with
         * every consumer that ever held the partition and was copied with every snapshot).
         */
        void addRun(String consumer, long offset, long now) {
            for (int index = runs.size() - 1; index >= 0; index--) {
                Run last = runs.get(index);
                if (last.consumer().equals(consumer)) {
                    if (last.last() + 1 == offset) {
                        runs = runs.with(index, new Run(consumer, last.first(), offset, last.fromMs(), now));
                        return;
                    }
                    break;
                }
            }
            runs = runs.plus(new Run(consumer, offset, offset, now, now));
        }

        /** Offsets in [from, to) processed at least once. */
        long processedIn(long from, long to) {
            long covered = 0;
            // From the segment holding from (or starting before it), else from the first one (all start after it).
            for (int index = Math.max(0, segments.floorIndex(from)); index < segments.size(); index++) {
                Segment seg = segments.at(index);
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

    private static final SortedArrayMap<TopicPartition, PartitionLedger> EMPTY_GROUP = new SortedArrayMap<>();

    /** group → partition → its ledger. */
    private final TreeMap<String, SortedArrayMap<TopicPartition, PartitionLedger>> groups;
    /**
     * group → consumer → counts; group → counts. The consumers' counts in sorted arrays, not a TreeMap: every
     * snapshot copies them (a consumer's count changes with each record), and a TreeMap copy is an entry per consumer.
     */
    private final TreeMap<String, SortedArrayMap<String, Counts>> consumers;
    private final TreeMap<String, Counts> totals;
    /**
     * group → consumer → the batch poll() last returned to it while its process is alive: records in hand, still
     * to be processed, are not lost (yet). A crash, close or failure empties it. Sorted arrays, as {@link #consumers}.
     */
    private final TreeMap<String, SortedArrayMap<String, List<Held>>> inHand;
    /**
     * group → consumer → partition → the span a worker pool still holds ({@code first} … {@code last} of a Run: its
     * window from the low mark to the highest dispatched offset). Records in it are in hand, as a batch is.
     */
    private final TreeMap<String, TreeMap<String, TreeMap<TopicPartition, Run>>> pools;
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
        this.pools = new TreeMap<>();
    }

    private Ledger(Ledger other) {
        this.groups = new TreeMap<>();
        other.groups.forEach((group, partitions) -> {
            this.groups.put(group, new SortedArrayMap<>(partitions));
        });
        other.token = new Object();
        this.consumers = new TreeMap<>();
        other.consumers.forEach((group, counts) -> this.consumers.put(group, new SortedArrayMap<>(counts)));
        this.totals = new TreeMap<>(other.totals);
        this.inHand = new TreeMap<>();
        other.inHand.forEach((group, batches) -> this.inHand.put(group, new SortedArrayMap<>(batches)));
        this.pools = new TreeMap<>();
        other.pools.forEach((group, byConsumer) -> {
            TreeMap<String, TreeMap<TopicPartition, Run>> copy = new TreeMap<>();
            byConsumer.forEach((consumer, spans) -> copy.put(consumer, new TreeMap<>(spans)));
            this.pools.put(group, copy);
        });
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
        SortedArrayMap<TopicPartition, PartitionLedger> partitions = groups.computeIfAbsent(group, key -> new SortedArrayMap<>());
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

    /**
     * {@code topic} grew from {@code from} to {@code to} partitions. Every group already reading the topic is meant to
     * read the new partitions from their first record; auto.offset.reset=latest starts it at their log end instead,
     * and the records written there before are lost. That is the pitfall Kafka's documentation warns of. On a
     * partition that existed when the group started, latest skips older records on purpose, and those are not
     * counted as losses.
     */
    public void partitionsAdded(String topic, int from, int to) {
        for (String group : new ArrayList<>(groups.keySet())) {
            boolean reading = groups.get(group).entrySet().stream().anyMatch(entry ->
                    entry.getKey().topic().equals(topic) && entry.getValue().firstDelivered >= 0);
            for (int p = from; reading && p < to; p++) {
                partition(group, new TopicPartition(topic, p)).readFrom = 0;
            }
        }
    }

    /** poll() returned {@code first} … {@code last} of {@code tp} to {@code consumer} of {@code group}. */
    public void delivered(String group, String consumer, TopicPartition tp, long first, long last, long now) {
        deliveredToPool(group, consumer, tp, first, last, now);
        List<Held> batch = new ArrayList<>(inHand.computeIfAbsent(group, key -> new SortedArrayMap<>())
                .getOrDefault(consumer, List.of()));
        batch.add(new Held(tp, first, last));
        inHand.get(group).put(consumer, List.copyOf(batch));
    }

    /**
     * {@code consumer}'s poller handed {@code first} … {@code last} of {@code tp} to its worker pool: a delivery, but
     * not a batch in hand (the pool's window says what it holds: {@link #holding}).
     */
    public void deliveredToPool(String group, String consumer, TopicPartition tp, long first, long last, long now) {
        PartitionLedger ledger = partition(group, tp);
        if (ledger.firstDelivered < 0 || first < ledger.firstDelivered) {
            ledger.firstDelivered = first;
        }
        // A delivery that continues the previous one to the same consumer extends it: the list only breaks where
        // the records went to someone else or were delivered again (a few runs per partition, not one per poll,
        // which over an hour at 1,000 partitions was most of the heap and of every snapshot's copy).
        int previous = ledger.delivered.size() - 1;
        Run tail = previous >= 0 ? ledger.delivered.get(previous) : null;
        if (tail != null && tail.consumer().equals(consumer) && tail.last() + 1 == first) {
            ledger.delivered = ledger.delivered.with(previous,
                    new Run(consumer, tail.first(), last, tail.fromMs(), now));
        } else {
            ledger.delivered = ledger.delivered.plus(new Run(consumer, first, last, now, now));
        }
    }

    /** {@code consumer} starts a new batch, or its process ended: what it had in hand is no longer in hand. */
    public void handsEmpty(String group, String consumer) {
        SortedArrayMap<String, List<Held>> batches = inHand.get(group);
        if (batches != null) {
            batches.remove(consumer);
        }
        TreeMap<String, TreeMap<TopicPartition, Run>> held = pools.get(group);
        if (held != null) {
            held.remove(consumer);
        }
    }

    /**
     * {@code consumer}'s worker pool holds offsets {@code from} … {@code to} − 1 of {@code tp} (its window; empty
     * when {@code to <= from}): unfinished records there are in hand, not lost.
     */
    public void holding(String group, String consumer, TopicPartition tp, long from, long to) {
        TreeMap<TopicPartition, Run> spans = pools.computeIfAbsent(group, key -> new TreeMap<>())
                .computeIfAbsent(consumer, key -> new TreeMap<>());
        if (to <= from) {
            spans.remove(tp);
        } else {
            spans.put(tp, new Run(consumer, from, to - 1, 0, 0));
        }
    }

    private boolean inHand(String group, TopicPartition tp, long offset) {
        for (List<Held> batch : inHand.getOrDefault(group, new SortedArrayMap<>()).values()) {
            for (Held held : batch) {
                if (held.tp().equals(tp) && held.first() <= offset && offset <= held.last()) {
                    return true;
                }
            }
        }
        for (TreeMap<TopicPartition, Run> spans : pools.getOrDefault(group, new TreeMap<>()).values()) {
            Run span = spans.get(tp);
            if (span != null && span.first() <= offset && offset <= span.last()) {
                return true;
            }
        }
        return false;
    }

    /** {@code consumer} of {@code group} finished processing record {@code offset} of {@code tp} at {@code now}. */
    public void processed(String group, String consumer, TopicPartition tp, long offset, long now) {
        processed(group, consumer, tp, offset, now, null);
    }

    /**
     * As {@link #processed(String, String, TopicPartition, long, long)}, for a record whose key is {@code key}
     * (null: keyless or not known): also counts a key order break when a record of the same key and partition with a
     * higher offset was already processed (a first processing, not a re-delivery).
     */
    public void processed(String group, String consumer, TopicPartition tp, long offset, long now, String key) {
        PartitionLedger ledger = partition(group, tp);
        boolean keyOrderBreak = false;
        if (key != null) {
            long highest = ledger.maxByKey.get(key);
            if (highest >= 0 && offset < highest && timesProcessed(ledger, offset) == 0) {
                ledger.keyOrderBreaks++;
                keyOrderBreak = true;
            }
            if (offset > highest) {
                ledger.maxByKey.put(key, offset);
            }
        }
        int before = ledger.count(offset);
        boolean duplicate = before > 0;
        ledger.repeated |= duplicate;
        boolean orderBreak = !duplicate && offset < ledger.maxProcessed;
        ledger.maxProcessed = Math.max(ledger.maxProcessed, offset);
        if (orderBreak) {
            ledger.orderBreaks++;
        }
        ledger.addRun(consumer, offset, now);
        Counts one = new Counts(1, duplicate ? 1 : 0, orderBreak ? 1 : 0, keyOrderBreak ? 1 : 0);
        consumers.computeIfAbsent(group, g -> new SortedArrayMap<>()).merge(consumer, one, Counts::plus);
        totals.merge(group, one, Counts::plus);
    }

    /** How many times {@code group} processed record {@code offset} of {@code tp}. */
    public int timesProcessed(String group, TopicPartition tp, long offset) {
        PartitionLedger ledger = groups.getOrDefault(group, EMPTY_GROUP).get(tp);
        if (ledger == null) {
            return 0;
        }
        Segment floor = ledger.segments.floor(offset);
        return floor != null && floor.last() >= offset ? floor.times() : 0;
    }

    /** Who processed record {@code offset} of {@code tp} and when: the runs that contain it, in order. */
    public List<Run> processings(String group, TopicPartition tp, long offset) {
        PartitionLedger ledger = groups.getOrDefault(group, EMPTY_GROUP).get(tp);
        if (ledger == null) {
            return List.of();
        }
        return ledger.runs.asList().stream().filter(run -> run.first() <= offset && offset <= run.last()).toList();
    }

    /**
     * Offsets {@code first} … {@code last} of a partition that the group processed {@code times} times, and the runs
     * that processed them, in the order they started ({@code by}: each run's offsets cut to this range). The ledger
     * keeps when a run started and ended, not when each record was processed, so a run's {@code fromMs} is the time
     * it processed {@code first} only when the run starts there, and its {@code toMs} the time of {@code last} only
     * when it ends there; otherwise it is -1. That is the usual story of a duplicate: the first run ends at the last
     * record its consumer processed before a crash or revocation, the next starts at the committed offset.
     */
    public record Repeat(long first, long last, int times, List<Run> by) {
        public Repeat {
            by = List.copyOf(by);
        }

        public long count() {
            return last - first + 1;
        }
    }

    /** Whether {@code group} has processed any record more than once. */
    public boolean hasRepeats(String group) {
        return counts(group).duplicates() > 0;
    }

    /**
     * The ranges of {@code tp} that {@code group} processed more than once, the newest (highest offsets) first, at
     * most {@code limit} of them: what a learner asks of a duplicate ("processed twice: by C1, then by C3").
     */
    public List<Repeat> repeats(String group, TopicPartition tp, int limit) {
        PartitionLedger ledger = groups.getOrDefault(group, EMPTY_GROUP).get(tp);
        if (ledger == null) {
            return List.of();
        }
        List<Repeat> repeats = new ArrayList<>();
        for (int index = ledger.segments.size() - 1; index >= 0; index--) {
            Segment segment = ledger.segments.at(index);
            if (repeats.size() == limit) {
                break;
            }
            if (segment.times() > 1) {
                repeats.add(new Repeat(segment.first(), segment.last(), segment.times(), ledger.runs.asList().stream()
                        .filter(run -> run.first() <= segment.last() && segment.first() <= run.last())
                        .map(run -> new Run(run.consumer(), Math.max(run.first(), segment.first()),
                                Math.min(run.last(), segment.last()),
                                run.first() >= segment.first() ? run.fromMs() : -1,
                                run.last() <= segment.last() ? run.toMs() : -1))
                        .toList()));
            }
        }
        return repeats;
    }

    /** How many processings of {@code tp}'s records by {@code group} were of a record it had processed before. */
    public long processedAgain(String group, TopicPartition tp) {
        PartitionLedger ledger = groups.getOrDefault(group, EMPTY_GROUP).get(tp);
        if (ledger == null || !ledger.repeated) {
            return 0;
        }
        long again = 0;
        for (Segment segment : ledger.segments.values()) {
            again += (segment.last() - segment.first() + 1) * (segment.times() - 1);
        }
        return again;
    }

    /** The partitions of {@code group} with a record processed more than once. */
    public List<TopicPartition> partitionsWithRepeats(String group) {
        List<TopicPartition> found = new ArrayList<>();
        groups.getOrDefault(group, EMPTY_GROUP).forEach((tp, ledger) -> {
            if (ledger.repeated) {
                found.add(tp);
            }
        });
        return found;
    }

    /** How many order breaks {@code group} made in partition {@code tp}. */
    public long orderBreaks(String group, TopicPartition tp) {
        PartitionLedger ledger = groups.getOrDefault(group, EMPTY_GROUP).get(tp);
        return ledger == null ? 0 : ledger.orderBreaks;
    }

    /** How many key order breaks {@code group} made in {@code tp}: records of one key processed out of order. */
    public long keyOrderBreaks(String group, TopicPartition tp) {
        PartitionLedger ledger = groups.getOrDefault(group, EMPTY_GROUP).get(tp);
        return ledger == null ? 0 : ledger.keyOrderBreaks;
    }

    private static int timesProcessed(PartitionLedger ledger, long offset) {
        Segment floor = ledger.segments.floor(offset);
        return floor != null && floor.last() >= offset ? floor.times() : 0;
    }

    /** Per partition of {@code group} that had any, its order breaks. */
    public Map<TopicPartition, Long> orderBreaksByPartition(String group) {
        TreeMap<TopicPartition, Long> breaks = new TreeMap<>();
        groups.getOrDefault(group, EMPTY_GROUP).forEach((tp, ledger) -> {
            if (ledger.orderBreaks > 0) {
                breaks.put(tp, ledger.orderBreaks);
            }
        });
        return breaks;
    }

    /** The group's counts (zero if it processed nothing). */
    public Counts counts(String group) {
        return totals.getOrDefault(group, Counts.ZERO);
    }

    /** A consumer's counts in its group. */
    public Counts counts(String group, String consumer) {
        return consumers.getOrDefault(group, new SortedArrayMap<>()).getOrDefault(consumer, Counts.ZERO);
    }

    /**
     * Losses of {@code group} given its committed offsets: per consumer it is attributed to ("" for records poll()
     * never returned to anyone), how many records below the committed offset nobody processed and no live consumer
     * still holds in the batch it is processing.
     */
    public Map<String, Long> lost(String group, Map<TopicPartition, Long> committed) {
        TreeMap<String, Long> lost = new TreeMap<>();
        forEachLost(group, committed, (tp, ledger, offset) -> lost.merge(lastDeliveredTo(ledger, offset), 1L,
                Long::sum));
        return lost;
    }

    /** As {@link #lost}, counted per partition (only partitions that lost any). */
    public Map<TopicPartition, Long> lostByPartition(String group, Map<TopicPartition, Long> committed) {
        TreeMap<TopicPartition, Long> lost = new TreeMap<>();
        forEachLost(group, committed, (tp, ledger, offset) -> lost.merge(tp, 1L, Long::sum));
        return lost;
    }

    private interface LostRecord {
        void found(TopicPartition tp, PartitionLedger ledger, long offset);
    }

    /** Each offset of {@code group} below its committed offset that nobody processed and nobody holds. */
    private void forEachLost(String group, Map<TopicPartition, Long> committed, LostRecord lost) {
        Map<TopicPartition, PartitionLedger> partitions = groups.getOrDefault(group, EMPTY_GROUP);
        committed.forEach((tp, offset) -> {
            PartitionLedger ledger = partitions.get(tp);
            long from = ledger == null ? -1 : ledger.countedFrom();
            if (from < 0 || offset <= from || offset - from == ledger.processedIn(from, offset)) {
                return;
            }
            for (long o = from; o < offset; o++) {
                if (ledger.processedIn(o, o + 1) == 0 && !inHand(group, tp, o)) {
                    lost.found(tp, ledger, o);
                }
            }
        });
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
                    Collections.unmodifiableMap(new TreeMap<>(consumers.getOrDefault(group, new SortedArrayMap<>())))));
        });
        return Collections.unmodifiableMap(view);
    }
}
