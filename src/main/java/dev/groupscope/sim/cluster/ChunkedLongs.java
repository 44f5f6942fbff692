package dev.groupscope.sim.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An append-only list of longs whose copies share storage, the last chunk included: a copy costs one small
 * object per chunk list, not a clone of the partly filled chunk. Each chunk remembers how many of its slots
 * have been written by any copy sharing it; a copy appends in place only while it is the one extending that
 * high-water mark, and otherwise (another copy has already written past its end: the two have diverged) it
 * takes a private copy of its own prefix of the chunk first. Written slots are never written again, so what a
 * copy has read stays what it reads — and a fork appending different records cannot disturb the original.
 * (Cloning the partial chunk on every copy cost 32 KiB per partition per snapshot: 64 MiB a snapshot for
 * 1,000 partitions.)
 */
final class ChunkedLongs {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    /** A chunk's values and how many of its slots some copy has written (a claim, so atomic). */
    private static final class Chunk {
        final long[] values;
        final AtomicInteger written;

        Chunk(long[] values, int written) {
            this.values = values;
            this.written = new AtomicInteger(written);
        }
    }

    private final List<Chunk> chunks;
    private long size;

    ChunkedLongs() {
        this.chunks = new ArrayList<>();
    }

    private ChunkedLongs(ChunkedLongs other) {
        this.chunks = new ArrayList<>(other.chunks);
        this.size = other.size;
    }

    ChunkedLongs copy() {
        return new ChunkedLongs(this);
    }

    void add(long value) {
        int offsetInChunk = (int) (size & (CHUNK - 1));
        if (offsetInChunk == 0) {
            chunks.add(new Chunk(new long[CHUNK], 0));
        }
        int last = chunks.size() - 1;
        Chunk chunk = chunks.get(last);
        if (!chunk.written.compareAndSet(offsetInChunk, offsetInChunk + 1)) {
            // Another copy sharing this chunk has appended here already: continue on a private copy of our part.
            long[] values = new long[CHUNK];
            System.arraycopy(chunk.values, 0, values, 0, offsetInChunk);
            chunk = new Chunk(values, offsetInChunk + 1);
            chunks.set(last, chunk);
        }
        chunk.values[offsetInChunk] = value;
        size++;
    }

    long get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return chunks.get((int) (index >>> CHUNK_BITS)).values[(int) (index & (CHUNK - 1))];
    }

    long size() {
        return size;
    }
}
