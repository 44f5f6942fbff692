package dev.groupscope.sim.cluster;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An append-only list of longs whose copies share storage, the last chunk included: a copy costs one small object,
 * not a copy of its chunk list nor a clone of the partly filled chunk. Full chunks are never written again, so copies
 * share the very array that lists them (a copy whose chunk fills makes a new list; the old one stays as it was).
 * The partly filled chunk remembers how many of its slots have been written by any copy sharing it; a copy appends
 * in place only while it is the one extending that high-water mark, and otherwise (another copy has already written
 * past its end: the two have diverged) it takes a private copy of its own prefix of the chunk first. Written slots
 * are never written again, so what a copy has read stays what it reads — and a fork appending different records
 * cannot disturb the original.
 *
 * <p>Chunks are small (256 values, 2 KiB) because a state rebuilt from a snapshot diverges from the live run at once:
 * its first append to each partition clones that chunk's prefix. With 4,096-value chunks one rebuild of the
 * benchmark's world cloned ~64 KiB per partition it touched — tens of MiB per rebuild.
 */
final class ChunkedLongs {

    private static final int CHUNK_BITS = 8;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final long[][] NONE = new long[0][];

    /** The partly filled chunk's values and how many of its slots some copy has written (a claim, so atomic). */
    private static final class Chunk {
        final long[] values;
        final AtomicInteger written;

        Chunk(long[] values, int written) {
            this.values = values;
            this.written = new AtomicInteger(written);
        }
    }

    /** The full chunks, oldest first: shared between copies, so replaced and never changed. */
    private long[][] full;
    /** The chunk being filled; null when {@code size} is a multiple of {@link #CHUNK}. */
    private Chunk tail;
    private long size;

    ChunkedLongs() {
        this.full = NONE;
    }

    private ChunkedLongs(ChunkedLongs other) {
        this.full = other.full;
        this.tail = other.tail;
        this.size = other.size;
    }

    ChunkedLongs copy() {
        return new ChunkedLongs(this);
    }

    void add(long value) {
        int offsetInChunk = (int) (size & (CHUNK - 1));
        if (offsetInChunk == 0) {
            tail = new Chunk(new long[CHUNK], 0);
        }
        Chunk chunk = tail;
        if (!chunk.written.compareAndSet(offsetInChunk, offsetInChunk + 1)) {
            // Another copy sharing this chunk has appended here already: continue on a private copy of our part.
            long[] values = new long[CHUNK];
            System.arraycopy(chunk.values, 0, values, 0, offsetInChunk);
            chunk = new Chunk(values, offsetInChunk + 1);
            tail = chunk;
        }
        chunk.values[offsetInChunk] = value;
        size++;
        if (offsetInChunk == CHUNK - 1) {
            long[][] grown = Arrays.copyOf(full, full.length + 1);
            grown[full.length] = chunk.values;
            full = grown;
            tail = null;
        }
    }

    long get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        int chunk = (int) (index >>> CHUNK_BITS);
        long[] values = chunk < full.length ? full[chunk] : tail.values;
        return values[(int) (index & (CHUNK - 1))];
    }

    long size() {
        return size;
    }
}
