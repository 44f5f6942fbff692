package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this consumer's application processed, per partition, in processing order: runs of consecutive offsets.
 * An offset processed twice shows up in two runs, which is what a ledger of duplicates and losses reads.
 */
final class ProcessedLog {

    /** Offsets {@code first} … {@code last}, processed one after another. */
    record Run(long first, long last) {
        long count() {
            return last - first + 1;
        }
    }

    /**
     * One partition's runs: those before the last, and the last as two numbers. Immutable (a record processed puts
     * a new one in the map, and a new run a longer list), so copies of the log share them with no owner to track: a
     * snapshot holds 32 bytes per partition processed since the last one, where a copied list with its chunk held 128.
     */
    private record Runs(List<Run> earlier, long first, long last) {

        /** The runs after processing {@code offset}: the last run extended if it follows, else a new run. */
        Runs then(long offset) {
            if (last + 1 == offset) {
                return new Runs(earlier, first, offset);
            }
            List<Run> grown = new ArrayList<>(earlier.size() + 1);
            grown.addAll(earlier);
            grown.add(new Run(first, last));
            return new Runs(List.copyOf(grown), offset, offset);
        }

        /** Every run, in processing order. */
        List<Run> all() {
            List<Run> all = new ArrayList<>(earlier);
            all.add(new Run(first, last));
            return all;
        }
    }

    /** Per partition processed, its runs (a copy of the log shares this map's arrays until either side writes). */
    private final SortedArrayMap<TopicPartition, Runs> runs;

    ProcessedLog() {
        this.runs = new SortedArrayMap<>();
    }

    private ProcessedLog(ProcessedLog other) {
        this.runs = new SortedArrayMap<>(other.runs);
    }

    ProcessedLog copy() {
        return new ProcessedLog(this);
    }

    void processed(TopicPartition tp, long offset) {
        Runs entry = runs.get(tp);
        runs.put(tp, entry == null ? new Runs(List.of(), offset, offset) : entry.then(offset));
    }

    /** Per partition, the runs as {@code [first, last]} pairs: a JSON-friendly value. */
    Map<String, List<List<Long>>> view() {
        Map<String, List<List<Long>>> view = new TreeMap<>();
        runs.forEach((tp, entry) -> view.put(tp.toString(),
                entry.all().stream().map(run -> List.of(run.first(), run.last())).toList()));
        return Collections.unmodifiableMap(view);
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    long total() {
        return runs.values().stream().flatMap(entry -> entry.all().stream()).mapToLong(Run::count).sum();
    }
}
