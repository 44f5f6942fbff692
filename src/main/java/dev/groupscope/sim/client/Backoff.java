package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.DeterministicRandom;

/**
 * kafka-clients' {@code ExponentialBackoff} as the consumer builds it from retry.backoff.ms and
 * retry.backoff.max.ms (multiplier 2, jitter 0.2), with the jitter drawn from the run's seeded random source
 * instead of {@code ThreadLocalRandom}.
 */
record Backoff(long initialMs, long maxMs) {

    private static final int MULTIPLIER = 2;
    private static final double JITTER = 0.2;

    /**
     * The wait before retry number {@code attempts} (0-based), at least 1 ms: with retry.backoff.ms = 0 a retry that
     * fails at once (no broker up to ask) would otherwise be retried forever within one virtual millisecond, where
     * Kafka's real clock moves on.
     */
    long backoff(long attempts, DeterministicRandom random) {
        return Math.max(1, kafkaBackoff(attempts, random));
    }

    private long kafkaBackoff(long attempts, DeterministicRandom random) {
        long initial = Math.min(maxMs, initialMs);
        double expMax = maxMs > initial ? Math.log(maxMs / (double) Math.max(initial, 1)) / Math.log(MULTIPLIER) : 0;
        if (expMax == 0) {
            return initial;
        }
        double term = initial * Math.pow(MULTIPLIER, Math.min(attempts, expMax));
        double randomFactor = (1 - JITTER) + random.nextDouble() * (2 * JITTER);
        return Math.min((long) (randomFactor * term), maxMs);
    }
}
