package dev.groupscope.sim.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only list of longs whose copies share storage: full chunks are never written again, so a copy
 * shares them and duplicates only the partly filled last chunk. Snapshotting a log of millions of records then
 * costs one chunk, not the whole log — and a fork appending different records cannot disturb the original.
 */
final class ChunkedLongs {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final List<long[]> chunks;
    private long size;

    ChunkedLongs() {
        this.chunks = new ArrayList<>();
    }

    private ChunkedLongs(ChunkedLongs other) {
        this.chunks = new ArrayList<>(other.chunks);
        this.size = other.size;
        int last = chunks.size() - 1;
        if (last >= 0 && size % CHUNK != 0) {
            chunks.set(last, chunks.get(last).clone());
        }
    }

    ChunkedLongs copy() {
        return new ChunkedLongs(this);
    }

    void add(long value) {
        int offsetInChunk = (int) (size & (CHUNK - 1));
        if (offsetInChunk == 0) {
            chunks.add(new long[CHUNK]);
        }
        chunks.get(chunks.size() - 1)[offsetInChunk] = value;
        size++;
    }

    long get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return chunks.get((int) (index >>> CHUNK_BITS))[(int) (index & (CHUNK - 1))];
    }

    long size() {
        return size;
    }
}
