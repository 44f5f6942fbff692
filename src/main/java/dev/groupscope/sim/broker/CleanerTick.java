package dev.groupscope.sim.broker;

import dev.groupscope.sim.engine.Task;

/** The log cleaner wakes up to look for {@code __consumer_offsets} partitions worth compacting. */
public record CleanerTick(String target) implements Task {

    static final String KEY = "log-cleaner";
}
