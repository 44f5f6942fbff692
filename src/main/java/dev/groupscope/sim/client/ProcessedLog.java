package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
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

    private final TreeMap<TopicPartition, List<Run>> runs;

    ProcessedLog() {
        this.runs = new TreeMap<>();
    }

    private ProcessedLog(ProcessedLog other) {
        this.runs = new TreeMap<>();
        other.runs.forEach((tp, list) -> this.runs.put(tp, new ArrayList<>(list)));
    }

    ProcessedLog copy() {
        return new ProcessedLog(this);
    }

    void processed(TopicPartition tp, long offset) {
        List<Run> list = runs.computeIfAbsent(tp, key -> new ArrayList<>());
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
        runs.forEach((tp, list) -> view.put(tp.toString(),
                list.stream().map(run -> List.of(run.first(), run.last())).toList()));
        return Collections.unmodifiableMap(view);
    }

    long total() {
        return runs.values().stream().flatMap(List::stream).mapToLong(Run::count).sum();
    }
}
