package dev.groupscope.sim.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Timer key (any value with equals and hashCode) → the armed task: an open-addressing hash table (linear probing,
 * deletion by shifting back) in two arrays. Every snapshot copies the world's timers whole — hundreds of them in a
 * large group, a fetch timeout per parked fetch — and a HashMap copy allocates a node per timer (a tenth of a
 * snapshot); this copy is two array copies. Never iterated, so its layout cannot leak into a trace.
 */
final class TimerTable {

    private static final int MIN_CAPACITY = 16;

    private Object[] keys;
    private Scheduled[] values;
    private int size;

    TimerTable() {
        this.keys = new Object[MIN_CAPACITY];
        this.values = new Scheduled[MIN_CAPACITY];
    }

    /**
     * A copy at the capacity its timers need now: a table never shrinks, so one that once held more timers (a moment
     * with many parked fetches) would otherwise make every later snapshot copy arrays twice as long as needed.
     */
    private TimerTable(TimerTable other) {
        int capacity = capacityFor(other.size);
        if (capacity >= other.keys.length) {
            this.keys = other.keys.clone();
            this.values = other.values.clone();
        } else {
            this.keys = new Object[capacity];
            this.values = new Scheduled[capacity];
            for (int i = 0; i < other.keys.length; i++) {
                if (other.keys[i] != null) {
                    int slot = slotOf(other.keys[i]);
                    keys[slot] = other.keys[i];
                    values[slot] = other.values[i];
                }
            }
        }
        this.size = other.size;
    }

    /** The least power-of-two capacity that holds {@code size} timers at most half full, as {@link #put} keeps it. */
    private static int capacityFor(int size) {
        int capacity = MIN_CAPACITY;
        while (2 * (size + 1) > capacity) {
            capacity *= 2;
        }
        return capacity;
    }

    TimerTable copy() {
        return new TimerTable(this);
    }

    int size() {
        return size;
    }

    /** Slots allocated: what a snapshot's copy of this table costs. */
    int capacity() {
        return keys.length;
    }

    Scheduled get(Object key) {
        int slot = slotOf(key);
        return keys[slot] == null ? null : values[slot];
    }

    void put(Object key, Scheduled value) {
        Objects.requireNonNull(value, "value");
        int slot = slotOf(Objects.requireNonNull(key, "key"));
        if (keys[slot] == null) {
            if (2 * (size + 1) > keys.length) {
                grow();
                slot = slotOf(key);
            }
            keys[slot] = key;
            size++;
        }
        values[slot] = value;
    }

    void remove(Object key) {
        int slot = slotOf(key);
        if (keys[slot] == null) {
            return;
        }
        keys[slot] = null;
        values[slot] = null;
        size--;
        shiftBack(slot);
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(Object key) {
        int mask = keys.length - 1;
        int slot = home(key);
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Knuth's deletion for linear probing: moves later entries of the run into the gap they may now reach. */
    private void shiftBack(int gap) {
        int mask = keys.length - 1;
        int slot = (gap + 1) & mask;
        while (keys[slot] != null) {
            int home = home(keys[slot]);
            // The entry may fill the gap unless its home lies cyclically in (gap, slot].
            boolean reachable = gap <= slot ? home <= gap || home > slot : home <= gap && home > slot;
            if (reachable) {
                keys[gap] = keys[slot];
                values[gap] = values[slot];
                keys[slot] = null;
                values[slot] = null;
                gap = slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        Object[] oldKeys = keys;
        Scheduled[] oldValues = values;
        keys = new Object[oldKeys.length * 2];
        values = new Scheduled[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /**
     * The key's home slot by Fibonacci hashing (the top bits of the hash times 2^32/φ): the keys of fetch timeouts
     * are numbered, so their hash codes are consecutive, and masking their low bits made long runs that linear
     * probing then walked on every lookup.
     */
    private int home(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(keys.length) + 1);
    }

    @Override
    public String toString() {
        return "TimerTable" + Arrays.toString(keys);
    }
}
