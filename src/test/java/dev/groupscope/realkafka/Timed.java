package dev.groupscope.realkafka;

/**
 * An observation with the wall-clock milliseconds since the run started. Time is kept apart from the observation
 * itself: real Kafka's timing is only roughly repeatable, and only the timing tests look at it.
 */
public record Timed(long elapsedMs, Observation observation) {
}
