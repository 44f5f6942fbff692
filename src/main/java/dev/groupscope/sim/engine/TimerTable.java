package dev.groupscope.sim.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Timer key (any value with equals and hashCode) → the armed task: an open-addressing hash table (linear probing,
 * deletion by shifting back) in one array of the armed tasks, each found by the key it carries
 * ({@link Scheduled#timerKey}). Every snapshot copies the world's timers whole — hundreds of them in a large group, a
 * fetch timeout per parked fetch — and a HashMap copy allocates a node per timer (a tenth of a snapshot); this copy
 * is one array copy. (A second array of the keys, which the tasks already hold, was 1.7 % of the light benchmark's
 * history.) Never iterated, so its layout cannot leak into a trace.
 */
final class TimerTable {

    private static final int MIN_CAPACITY = 16;

    /** The armed tasks by their keys' slots; null where free. */
    private Scheduled[] slots;
    private int size;

    TimerTable() {
        this.slots = new Scheduled[MIN_CAPACITY];
    }

    /**
     * A copy at the capacity its timers need now: a table never shrinks, so one that once held more timers (a moment
     * with many parked fetches) would otherwise make every later snapshot copy an array twice as long as needed.
     */
    private TimerTable(TimerTable other) {
        int capacity = capacityFor(other.size);
        if (capacity >= other.slots.length) {
            this.slots = other.slots.clone();
        } else {
            this.slots = new Scheduled[capacity];
            for (Scheduled armed : other.slots) {
                if (armed != null) {
                    slots[slotOf(armed.timerKey())] = armed;
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
        return slots.length;
    }

    Scheduled get(Object key) {
        return slots[slotOf(key)];
    }

    /** Arms {@code armed} under its timer key, in place of whatever that key armed before. */
    void put(Scheduled armed) {
        Object key = Objects.requireNonNull(armed.timerKey(), "timerKey");
        int slot = slotOf(key);
        if (slots[slot] == null) {
            if (2 * (size + 1) > slots.length) {
                grow();
                slot = slotOf(key);
            }
            size++;
        }
        slots[slot] = armed;
    }

    void remove(Object key) {
        int slot = slotOf(key);
        if (slots[slot] == null) {
            return;
        }
        slots[slot] = null;
        size--;
        shiftBack(slot);
    }

    /** The slot holding {@code key}'s task, or the empty slot where it would go. */
    private int slotOf(Object key) {
        int mask = slots.length - 1;
        int slot = home(key);
        while (slots[slot] != null && !slots[slot].timerKey().equals(key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Knuth's deletion for linear probing: moves later entries of the run into the gap they may now reach. */
    private void shiftBack(int gap) {
        int mask = slots.length - 1;
        int slot = (gap + 1) & mask;
        while (slots[slot] != null) {
            int home = home(slots[slot].timerKey());
            // The entry may fill the gap unless its home lies cyclically in (gap, slot].
            boolean reachable = gap <= slot ? home <= gap || home > slot : home <= gap && home > slot;
            if (reachable) {
                slots[gap] = slots[slot];
                slots[slot] = null;
                gap = slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        Scheduled[] old = slots;
        slots = new Scheduled[old.length * 2];
        for (Scheduled armed : old) {
            if (armed != null) {
                slots[slotOf(armed.timerKey())] = armed;
            }
        }
    }

    /**
     * The key's home slot by Fibonacci hashing (the top bits of the hash times 2^32/φ): the keys of fetch timeouts
     * are numbered, so their hash codes are consecutive, and masking their low bits made long runs that linear
     * probing then walked on every lookup.
     */
    private int home(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(slots.length) + 1);
    }

    @Override
    public String toString() {
        return "TimerTable" + Arrays.toString(slots);
    }
}
