package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.DeterministicRandom;

/**
 * Which key a producer puts on its next record. Immutable; every draw comes from the run's seeded random source.
 */
public sealed interface KeyDistribution {

    /** The key of the next record, or null for a record without a key. */
    String next(DeterministicRandom random);

    /** Records without a key: the partitioner's sticky batches place them. */
    record NoKey() implements KeyDistribution {
        @Override
        public String next(DeterministicRandom random) {
            return null;
        }
    }

    /** Each of {@code keys} keys ({@code key-0} …) equally likely. */
    record Uniform(int keys) implements KeyDistribution {
        public Uniform {
            if (keys < 1) {
                throw new IllegalArgumentException("a key distribution needs at least one key");
            }
        }

        @Override
        public String next(DeterministicRandom random) {
            return KeyNames.name(random.nextInt(keys));
        }
    }

    /**
     * Zipf-like skew: key {@code key-i} has weight {@code 1 / (i + 1)^exponent}, so {@code key-0} is the hot key.
     * Exponent 0 is uniform; 1 is classic Zipf.
     */
    record Zipf(int keys, double exponent) implements KeyDistribution {
        public Zipf {
            if (keys < 1 || exponent < 0 || Double.isNaN(exponent)) {
                throw new IllegalArgumentException("Zipf needs at least one key and a non-negative exponent");
            }
        }

        @Override
        public String next(DeterministicRandom random) {
            double total = 0;
            for (int i = 0; i < keys; i++) {
                total += weight(i);
            }
            double target = random.nextDouble() * total;
            double sum = 0;
            for (int i = 0; i < keys; i++) {
                sum += weight(i);
                if (target < sum) {
                    return KeyNames.name(i);
                }
            }
            return KeyNames.name(keys - 1);
        }

        private double weight(int index) {
            return 1.0 / Math.pow(index + 1, exponent);
        }
    }
}
