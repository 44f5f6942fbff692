package dev.groupscope.sim.broker;

import dev.groupscope.sim.engine.Task;

/**
 * fetch.max.wait.ms of a parked fetch has passed: it is answered with whatever there is. The task is its own timer
 * key (equal by its fetch id): a parked fetch per consumer and broker is held by every snapshot, and a name per fetch
 * was 3 % of a large run's history.
 */
public record FetchTimeout(String target, long fetchId) implements Task {
}
