package dev.groupscope.sim.engine;

import java.util.Arrays;

/**
 * An array of longs whose copies share its pages of {@link #PAGE} slots: a copy takes the list of pages, and
 * whichever side first writes to a shared page clones that page. A producer counts its records per partition in
 * one (1,000 partitions): copying the whole array at every snapshot repeated 8 KiB per producer of which a
 * snapshot's interval changes a few slots.
 */
public final class PagedLongs {

    private static final int PAGE_BITS = 4;
    private static final int PAGE = 1 << PAGE_BITS;

    private long[][] pages;
    /** Which pages this side has cloned since the last copy, and so may write in place. */
    private boolean[] owned;
    private int length;

    public PagedLongs() {
        this.pages = new long[0][];
        this.owned = new boolean[0];
    }

    private PagedLongs(PagedLongs other) {
        this.pages = other.pages.clone();
        this.owned = new boolean[pages.length];
        this.length = other.length;
        // From now on both sides share every page: neither may write one in place.
        Arrays.fill(other.owned, false);
    }

    public PagedLongs copy() {
        return new PagedLongs(this);
    }

    public int length() {
        return length;
    }

    public long get(int index) {
        java.util.Objects.checkIndex(index, length);
        return pages[index >>> PAGE_BITS][index & (PAGE - 1)];
    }

    /** Adds one to slot {@code index}, first growing the array to at least {@code index + 1} slots (zeros). */
    public void increment(int index) {
        if (index >= length) {
            grow(index + 1);
        }
        int page = index >>> PAGE_BITS;
        if (!owned[page]) {
            pages[page] = pages[page].clone();
            owned[page] = true;
        }
        pages[page][index & (PAGE - 1)]++;
    }

    /** Grows to {@code newLength} slots; the new ones are zero. */
    public void grow(int newLength) {
        if (newLength <= length) {
            return;
        }
        int count = (newLength + PAGE - 1) >>> PAGE_BITS;
        if (count > pages.length) {
            int before = pages.length;
            pages = Arrays.copyOf(pages, count);
            owned = Arrays.copyOf(owned, count);
            for (int page = before; page < count; page++) {
                pages[page] = new long[PAGE];
                owned[page] = true;
            }
        }
        length = newLength;
    }
}
