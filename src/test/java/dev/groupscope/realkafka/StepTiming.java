package dev.groupscope.realkafka;

/**
 * When one script step ran, in milliseconds since the run started, and the index in the run's timeline of the
 * first observation made after it started (exact where two events share a millisecond).
 */
public record StepTiming(Step step, long startedMs, long finishedMs, int firstObservation) {
}
