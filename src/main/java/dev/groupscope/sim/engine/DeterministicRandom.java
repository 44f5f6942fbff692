package dev.groupscope.sim.engine;

/**
 * The simulation's one source of chance: SplitMix64, whose whole state is one long, so a snapshot copies it
 * exactly and a replay from the snapshot draws the same numbers. Never the wall clock, never
 * {@code Math.random()}.
 */
public final class DeterministicRandom {

    private long state;

    public DeterministicRandom(long seed) {
        this.state = seed;
    }

    public DeterministicRandom copy() {
        return new DeterministicRandom(state);
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform int in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.remainderUnsigned(-1L, bound);
        while (true) {
            long bits = nextLong();
            if (Long.compareUnsigned(bits, -1L - limit) <= 0) {
                return (int) Long.remainderUnsigned(bits, bound);
            }
        }
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
