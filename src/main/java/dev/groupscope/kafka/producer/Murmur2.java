package dev.groupscope.kafka.producer;

/**
 * MurmurHash2 (32-bit, Austin Appleby's algorithm) with the seed Kafka's producer uses, so keys hash to the same
 * partitions as a real producer sends them to. Plus {@link #toPositive}, the producer's way of dropping the sign.
 */
public final class Murmur2 {

    private static final int SEED = 0x9747b28c;
    private static final int MULTIPLIER = 0x5bd1e995;
    private static final int SHIFT = 24;

    private Murmur2() {
    }

    /** The 32-bit hash of {@code data}, as Kafka's {@code Utils.murmur2} computes it. */
    public static int hash(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int wholeBlocks = length & ~3;
        for (int offset = 0; offset < wholeBlocks; offset += 4) {
            h = (h * MULTIPLIER) ^ scramble(littleEndianInt(data, offset));
        }
        h = mixTail(h, data, wholeBlocks, length - wholeBlocks);
        return avalanche(h);
    }

    /**
     * Clears the sign bit, as Kafka's {@code Utils.toPositive}. Unlike {@code Math.abs} it never stays negative,
     * and unlike the coordinator's {@code Utils.abs} it maps -1 to {@link Integer#MAX_VALUE}, not to 1.
     */
    public static int toPositive(int n) {
        return n & 0x7fffffff;
    }

    private static int littleEndianInt(byte[] data, int offset) {
        return (data[offset] & 0xff)
                | (data[offset + 1] & 0xff) << 8
                | (data[offset + 2] & 0xff) << 16
                | (data[offset + 3] & 0xff) << 24;
    }

    private static int scramble(int block) {
        int k = block * MULTIPLIER;
        k ^= k >>> SHIFT;
        return k * MULTIPLIER;
    }

    /** The last 1 to 3 bytes, little-endian, folded in with one multiplication (none when there are none). */
    private static int mixTail(int h, byte[] data, int from, int remaining) {
        if (remaining == 0) {
            return h;
        }
        for (int i = 0; i < remaining; i++) {
            h ^= (data[from + i] & 0xff) << (8 * i);
        }
        return h * MULTIPLIER;
    }

    private static int avalanche(int h) {
        h ^= h >>> 13;
        h *= MULTIPLIER;
        return h ^ (h >>> 15);
    }
}
