package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SharedList;
import dev.groupscope.sim.engine.SortedArrayMap;
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

    /** One partition's runs and the copy of the log that may change them in place. */
    private record Runs(Object owner, SharedList<Run> list) {
    }

    /**
     * Copied on write per partition, like the ledger's: a copy of the log shares every partition's runs and each side
     * copies a partition's (marking it with its own token) before changing it. A consumer processes a handful of
     * partitions between two snapshots, but over an hour of rebalances it has held many more.
     */
    private final SortedArrayMap<TopicPartition, Runs> runs;
    private Object token = new Object();

    ProcessedLog() {
        this.runs = new SortedArrayMap<>();
    }

    private ProcessedLog(ProcessedLog other) {
        this.runs = new SortedArrayMap<>(other.runs);
        other.token = new Object();
    }

    ProcessedLog copy() {
        return new ProcessedLog(this);
    }

    void processed(TopicPartition tp, long offset) {
        Runs entry = runs.get(tp);
        if (entry == null || entry.owner() != token) {
            entry = new Runs(token, entry == null ? new SharedList<>() : entry.list().copy());
            runs.put(tp, entry);
        }
        List<Run> list = entry.list();
        Run last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && last.last() + 1 == offset) {
            list.set(list.size() - 1, new Run(last.first(), offset));
        } else {
            list.add(new Run(offset, offset));
        }
    }

    /** Per partition, the runs as {@code [first, last]} pairs: a JSON-friendly value. */
    Map<String, List<List<Long>>> view() {
        Map<String, List<List<Long>>> view = new TreeMap<>();
        runs.forEach((tp, entry) -> view.put(tp.toString(),
                entry.list().stream().map(run -> List.of(run.first(), run.last())).toList()));
        return Collections.unmodifiableMap(view);
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    long total() {
        return runs.values().stream().flatMap(entry -> entry.list().stream()).mapToLong(Run::count).sum();
    }
}
