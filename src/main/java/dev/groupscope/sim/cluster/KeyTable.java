package dev.groupscope.sim.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Record keys, stored once and referred to by id, so a log stores a number per record instead of a string.
 * Append-only; a copy shares nothing mutable.
 */
public final class KeyTable {

    private final List<String> keys;
    private final Map<String, Integer> ids;

    public KeyTable() {
        this.keys = new ArrayList<>();
        this.ids = new HashMap<>();
    }

    private KeyTable(KeyTable other) {
        this.keys = new ArrayList<>(other.keys);
        this.ids = new HashMap<>(other.ids);
    }

    public KeyTable copy() {
        return new KeyTable(this);
    }

    /** The id of {@code key}, adding it if new; {@link PartitionLog#NO_KEY} for null. */
    public int idOf(String key) {
        if (key == null) {
            return PartitionLog.NO_KEY;
        }
        Integer id = ids.get(key);
        if (id == null) {
            id = keys.size();
            keys.add(key);
            ids.put(key, id);
        }
        return id;
    }

    /** The key with this id, or null for {@link PartitionLog#NO_KEY}. */
    public String key(int id) {
        return id == PartitionLog.NO_KEY ? null : keys.get(id);
    }

    public int size() {
        return keys.size();
    }
}
