package dev.groupscope.sim.ledger;

import java.util.Arrays;

/**
 * Per record key of one partition, the highest offset processed. The sorted keys are shared between copies (a new
 * key replaces the array, never changes it) and only the offsets are cloned: a partition's ledger is copied whenever a
 * snapshot shares it, and as a TreeMap its ~10 keys cost ~450 bytes a copy, most of the ledger's share of a snapshot.
 */
final class KeyMaxima {

    private static final String[] NO_KEYS = new String[0];
    private static final long[] NO_OFFSETS = new long[0];

    private String[] keys = NO_KEYS;
    private long[] highest = NO_OFFSETS;

    KeyMaxima copy() {
        KeyMaxima copy = new KeyMaxima();
        copy.keys = keys;
        copy.highest = highest.length == 0 ? NO_OFFSETS : highest.clone();
        return copy;
    }

    /** The highest offset processed with {@code key}, or -1 when none was. */
    long get(String key) {
        int index = Arrays.binarySearch(keys, key);
        return index >= 0 ? highest[index] : -1;
    }

    /** Records {@code offset} as the highest processed with {@code key}. */
    void put(String key, long offset) {
        int index = Arrays.binarySearch(keys, key);
        if (index >= 0) {
            highest[index] = offset;
            return;
        }
        int at = -index - 1;
        String[] grownKeys = new String[keys.length + 1];
        long[] grownOffsets = new long[keys.length + 1];
        System.arraycopy(keys, 0, grownKeys, 0, at);
        System.arraycopy(highest, 0, grownOffsets, 0, at);
        grownKeys[at] = key;
        grownOffsets[at] = offset;
        System.arraycopy(keys, at, grownKeys, at + 1, keys.length - at);
        System.arraycopy(highest, at, grownOffsets, at + 1, keys.length - at);
        keys = grownKeys;
        highest = grownOffsets;
    }
}
