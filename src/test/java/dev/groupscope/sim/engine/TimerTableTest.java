package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerTableTest {

    private static Scheduled armed(String key, long seq) {
        return new Scheduled(seq, Scheduled.NORMAL, seq, null, key);
    }

    @Test
    void answersAsAHashMapThroughArmingCancellingAndGrowing() {
        Random random = new Random(3);
        TimerTable table = new TimerTable();
        Map<String, Scheduled> map = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // Few fixed keys (a consumer's timers) and many short-lived ones (fetch timeouts), as in a run.
            String key = random.nextBoolean() ? "C" + random.nextInt(40) + "/HEARTBEAT" : "fetch/" + random.nextInt(3000);
            if (random.nextInt(3) == 0) {
                table.remove(key);
                map.remove(key);
            } else {
                Scheduled value = armed(key, i);
                table.put(value);
                map.put(key, value);
            }
            assertThat(table.get(key)).isSameAs(map.get(key));
            assertThat(table.size()).isEqualTo(map.size());
        }
        map.forEach((key, value) -> assertThat(table.get(key)).isSameAs(value));
        for (int i = 0; i < 3000; i++) {
            assertThat(table.get("fetch/" + i)).isSameAs(map.get("fetch/" + i));
        }
    }

    @Test
    void aCopyChangesIndependently() {
        TimerTable table = new TimerTable();
        table.put(armed("a", 1));
        TimerTable copy = table.copy();
        copy.remove("a");
        copy.put(armed("b", 2));
        assertThat(table.get("a")).isNotNull();
        assertThat(table.get("b")).isNull();
        assertThat(copy.get("a")).isNull();
        assertThat(copy.size()).isEqualTo(1);
    }

    @Test
    void aCopyOfATableThatOnceHeldManyTimersIsAsSmallAsItsTimersNeedAndAnswersTheSame() {
        TimerTable table = new TimerTable();
        for (int i = 0; i < 5000; i++) {
            table.put(armed("fetch/" + i, i)); // a moment with many parked fetches
        }
        for (int i = 0; i < 5000; i++) {
            if (i % 100 != 0) {
                table.remove("fetch/" + i);
            }
        }

        TimerTable copy = table.copy();

        assertThat(table.capacity()).isEqualTo(16_384);
        assertThat(copy.capacity()).isEqualTo(128); // 50 timers, at most half full
        for (int i = 0; i < 5000; i++) {
            assertThat(copy.get("fetch/" + i)).as("fetch/" + i).isSameAs(table.get("fetch/" + i));
        }
        copy.put(armed("fetch/1", 1));
        assertThat(copy.size()).isEqualTo(51);
        assertThat(table.get("fetch/1")).isNull();
    }
}
