package dev.groupscope.kafka.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur2Test {

    /** Values Kafka's own tests pin (UtilsTest.testMurmur2), plus the tails of length 0 to 3 and a Chinese key. */
    @ParameterizedTest(name = "murmur2(\"{0}\") = {1}")
    @CsvSource({
            "21,                                                 -973932308",
            "foobar,                                             -790332482",
            "a-little-bit-long-string,                           -985981536",
            "a-little-bit-longer-string,                         -1486304829",
            "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8,   -58897971",
            "abc,                                                479470107",
            "key-1,                                              193331640",
            "订单-42,                                             -519504440",
    })
    void hashesKnownKeysAsKafkaDoes(String key, int expected) {
        assertThat(Murmur2.hash(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void theEmptyKeyHasAHashToo() {
        assertThat(Murmur2.hash(new byte[0])).isEqualTo(275646681);
    }

    @Test
    void toPositiveClearsTheSignBitInsteadOfNegating() {
        assertThat(Murmur2.toPositive(-1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Murmur2.toPositive(Integer.MIN_VALUE)).isZero();
        assertThat(Murmur2.toPositive(-973932308)).isEqualTo(1173551340);
        assertThat(Murmur2.toPositive(42)).isEqualTo(42);
    }
}
