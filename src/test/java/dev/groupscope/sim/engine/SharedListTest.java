package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedListTest {

    private static SharedList<Integer> upTo(int count) {
        SharedList<Integer> list = new SharedList<>();
        for (int i = 0; i < count; i++) {
            list.add(i);
        }
        return list;
    }

    @Test
    void aCopyAndItsOriginalChangeIndependentlyInFullChunksAndInTheTail() {
        for (int size : new int[] {0, 3, 8, 9, 20, 64}) {
            SharedList<Integer> original = upTo(size);
            List<Integer> expected = new ArrayList<>(original);
            SharedList<Integer> copy = original.copy();
            for (int i = 0; i < size; i += 3) {
                copy.set(i, -i - 1);
            }
            for (int i = 0; i < 11; i++) {
                copy.add(1000 + i);
                original.add(2000 + i);
            }
            List<Integer> copyExpected = new ArrayList<>(expected);
            for (int i = 0; i < size; i += 3) {
                copyExpected.set(i, -i - 1);
            }
            for (int i = 0; i < 11; i++) {
                copyExpected.add(1000 + i);
                expected.add(2000 + i);
            }
            assertThat(copy).as("copy of %d", size).containsExactlyElementsOf(copyExpected);
            assertThat(original).as("original of %d", size).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void setReturnsTheOldValueAndIndexesOutsideTheListAreRefused() {
        SharedList<Integer> list = upTo(10);
        assertThat(list.set(2, 42)).isEqualTo(2);
        assertThat(list.set(9, 43)).isEqualTo(9);
        assertThat(list.get(2)).isEqualTo(42);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.get(10))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
