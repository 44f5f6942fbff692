package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.DeterministicRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ZipfDrawsTest {

    /** The draw as the distribution defines it: add up every weight, then walk the keys until the target is passed. */
    private static String byAPassOverEveryKey(int keys, double exponent, DeterministicRandom random) {
        double total = 0;
        for (int i = 0; i < keys; i++) {
            total += 1.0 / Math.pow(i + 1, exponent);
        }
        double target = random.nextDouble() * total;
        double sum = 0;
        for (int i = 0; i < keys; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            if (target < sum) {
                return "key-" + i;
            }
        }
        return "key-" + (keys - 1);
    }

    @Property(tries = 200)
    void drawsTheSameKeysAsAPassOverEveryKeyWeight(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3_000) int keys,
                                                   @ForAll @DoubleRange(min = 0, max = 4) double exponent) {
        KeyDistribution zipf = new KeyDistribution.Zipf(keys, exponent);
        DeterministicRandom drawn = new DeterministicRandom(seed);
        DeterministicRandom expected = new DeterministicRandom(seed);
        for (int i = 0; i < 200; i++) {
            assertThat(zipf.next(drawn)).isEqualTo(byAPassOverEveryKey(keys, exponent, expected));
        }
    }
}
