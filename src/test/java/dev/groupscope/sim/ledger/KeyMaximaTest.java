package dev.groupscope.sim.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyMaximaTest {

    @Test
    void remembersEachKeysOffsetAndAnswersMinusOneForAnUnknownKey() {
        KeyMaxima maxima = new KeyMaxima();
        for (String key : new String[] {"m", "c", "x", "a"}) {
            maxima.put(key, key.charAt(0));
        }
        maxima.put("c", 500);
        assertThat(maxima.get("a")).isEqualTo('a');
        assertThat(maxima.get("c")).isEqualTo(500);
        assertThat(maxima.get("m")).isEqualTo('m');
        assertThat(maxima.get("x")).isEqualTo('x');
        assertThat(maxima.get("b")).isEqualTo(-1);
    }

    @Test
    void aCopyAndItsOriginalChangeIndependently() {
        KeyMaxima original = new KeyMaxima();
        original.put("k1", 10);
        KeyMaxima copy = original.copy();
        copy.put("k1", 20);
        copy.put("k2", 30);
        original.put("k3", 40);
        assertThat(original.get("k1")).isEqualTo(10);
        assertThat(original.get("k2")).isEqualTo(-1);
        assertThat(copy.get("k1")).isEqualTo(20);
        assertThat(copy.get("k2")).isEqualTo(30);
        assertThat(copy.get("k3")).isEqualTo(-1);
    }
}
