package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.DeterministicRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

        /**
         * Each distribution's running sums of its weights, made once: a draw used to add up every key's weight twice,
         * which at 10,000 keys was 20,000 powers per record.
         */
        private static final Map<Zipf, double[]> RUNNING_SUMS = new ConcurrentHashMap<>();

        @Override
        public String next(DeterministicRandom random) {
            double[] sums = RUNNING_SUMS.computeIfAbsent(this, Zipf::runningSums);
            double target = random.nextDouble() * sums[keys - 1];
            // The first key whose running sum exceeds the target (the last if rounding leaves none).
            int low = 0;
            int high = keys - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (target < sums[mid]) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return KeyNames.name(low);
        }

        /** The weights summed in key order: the same additions, so the same doubles, as a pass over the keys. */
        private double[] runningSums() {
            double[] sums = new double[keys];
            double sum = 0;
            for (int i = 0; i < keys; i++) {
                sum += weight(i);
                sums[i] = sum;
            }
            return sums;
        }

        private double weight(int index) {
            return 1.0 / Math.pow(index + 1, exponent);
        }
    }
}
