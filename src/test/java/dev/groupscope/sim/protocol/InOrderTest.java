package dev.groupscope.sim.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A request's or an answer's partitions keep the order they were named in, and are found by name at any size. */
class InOrderTest {

    @Test
    void iteratesInTheOrderGivenAndFindsEveryKeySmallOrLarge() {
        for (int size : new int[] {1, 3, 8, 9, 50, 1000}) {
            List<TopicPartition> shuffled = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                shuffled.add(new TopicPartition(i % 2 == 0 ? "clicks" : "orders", i));
            }
            Collections.shuffle(shuffled, new Random(size));
            Map<TopicPartition, Long> given = new LinkedHashMap<>();
            shuffled.forEach(tp -> given.put(tp, (long) tp.partition() * 10));

            Map<TopicPartition, Long> copy = InOrder.copy(given);

            assertThat(copy.keySet()).as("size %d", size).containsExactlyElementsOf(shuffled);
            shuffled.forEach(tp -> assertThat(copy.get(tp)).isEqualTo(tp.partition() * 10L));
            assertThat(copy.get(new TopicPartition("clicks", size + 1))).isNull();
            assertThat(copy).isEqualTo(given);
        }
    }

    @Test
    void cannotBeChanged() {
        Map<TopicPartition, Long> copy = InOrder.copy(Map.of(new TopicPartition("t", 0), 1L));

        assertThatThrownBy(() -> copy.put(new TopicPartition("t", 1), 2L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
    }
}
