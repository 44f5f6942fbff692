package dev.groupscope.sim.engine;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An event field whose value is a map built only when somebody reads it (a view, a trace, a test). A fetch's
 * request and response name every partition they cover — a worker pool's consumer fetches 333 partitions a broker
 * several times a second — yet almost none of those events is ever looked at. The builder must read only immutable
 * data (a request's or response's own maps), so the map it builds later is the one it would have built at once.
 */
public final class LazyMap<V> extends AbstractMap<String, V> {

    private Supplier<Map<String, V>> source;
    private volatile Map<String, V> built;

    private LazyMap(Supplier<Map<String, V>> source) {
        this.source = source;
    }

    /** A map that {@code source} builds (once) when it is first read; it must be ordered and read immutable data. */
    public static <V> Map<String, V> of(Supplier<Map<String, V>> source) {
        return new LazyMap<>(source);
    }

    private Map<String, V> map() {
        Map<String, V> map = built;
        if (map == null) {
            synchronized (this) {
                if (built == null) {
                    built = Collections.unmodifiableMap(source.get());
                    source = null;
                }
                map = built;
            }
        }
        return map;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return map().entrySet();
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public V get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }
}
