package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyMapTest {

    @Test
    void buildsItsMapOnceWhenFirstReadAndNotBefore() {
        AtomicInteger builds = new AtomicInteger();
        Map<String, Long> offsets = LazyMap.of(() -> {
            builds.incrementAndGet();
            return new TreeMap<>(Map.of("events-10", 4L, "events-2", 7L));
        });
        assertThat(builds).hasValue(0);

        assertThat(offsets.keySet()).containsExactly("events-10", "events-2");
        assertThat(offsets).isEqualTo(Map.of("events-2", 7L, "events-10", 4L));
        assertThat(offsets.get("events-2")).isEqualTo(7L);
        assertThat(offsets.toString()).isEqualTo("{events-10=4, events-2=7}");
        assertThat(builds).hasValue(1);
    }
}
