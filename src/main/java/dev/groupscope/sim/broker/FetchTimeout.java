package dev.groupscope.sim.broker;

import dev.groupscope.sim.engine.Task;

/** fetch.max.wait.ms of a parked fetch has passed: it is answered with whatever there is. */
public record FetchTimeout(String target, long fetchId) implements Task {

    static String key(long fetchId) {
        return "fetch-wait/" + fetchId;
    }
}
