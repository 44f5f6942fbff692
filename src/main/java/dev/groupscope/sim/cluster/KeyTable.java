package dev.groupscope.sim.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Record keys, stored once and referred to by id, so a log stores a number per record instead of a string.
 * Append-only, and copies share the storage: a copy is its own size over a shared list, so a snapshot costs
 * nothing however many keys there are (copying the map cost 10,000 entries per snapshot in the benchmark).
 * A copy that adds a key where the shared list already holds the same key (a replay of the same run) just takes
 * it; one that adds a different key there (a fork that diverged) continues on a private copy of its own prefix.
 * Entries are never rewritten, so each copy sees exactly the keys it added, with the same ids as before. The
 * shared storage is guarded by its own lock, as copies may be stepped on different threads.
 */
public final class KeyTable {

    private static final class Storage {
        final List<String> keys;
        final Map<String, Integer> ids;

        Storage(List<String> keys, Map<String, Integer> ids) {
            this.keys = keys;
            this.ids = ids;
        }
    }

    private Storage storage;
    private int size;

    public KeyTable() {
        this.storage = new Storage(new ArrayList<>(), new HashMap<>());
    }

    private KeyTable(KeyTable other) {
        this.storage = other.storage;
        this.size = other.size;
    }

    public KeyTable copy() {
        return new KeyTable(this);
    }

    /** The id of {@code key}, adding it if new; {@link PartitionLog#NO_KEY} for null. */
    public int idOf(String key) {
        if (key == null) {
            return PartitionLog.NO_KEY;
        }
        Storage current = storage;
        synchronized (current) {
            Integer id = current.ids.get(key);
            if (id != null && id < size) {
                return id;
            }
            if (current.keys.size() == size) {
                current.keys.add(key);
                current.ids.put(key, size);
                return size++;
            }
            if (current.keys.get(size).equals(key)) {
                return size++;
            }
            List<String> keys = new ArrayList<>(current.keys.subList(0, size));
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                ids.put(keys.get(i), i);
            }
            storage = new Storage(keys, ids);
        }
        storage.keys.add(key);
        storage.ids.put(key, size);
        return size++;
    }

    /** The key with this id, or null for {@link PartitionLog#NO_KEY}. */
    public String key(int id) {
        if (id == PartitionLog.NO_KEY) {
            return null;
        }
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("key id " + id + " of " + size);
        }
        Storage current = storage;
        synchronized (current) {
            return current.keys.get(id);
        }
    }

    public int size() {
        return size;
    }
}
