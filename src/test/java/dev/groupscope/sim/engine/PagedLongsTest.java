package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PagedLongsTest {

    @Test
    void copiesStayIndependentWhicheverSideIsWritten() {
        Random random = new Random(11);
        List<PagedLongs> copies = new ArrayList<>(List.of(new PagedLongs()));
        List<long[]> expected = new ArrayList<>(List.of(new long[0]));
        for (int i = 0; i < 20_000; i++) {
            int which = random.nextInt(copies.size());
            if (random.nextInt(50) == 0) {
                copies.add(copies.get(which).copy());
                expected.add(expected.get(which).clone());
                continue;
            }
            int slot = random.nextInt(70);
            copies.get(which).increment(slot);
            long[] truth = expected.get(which);
            if (slot >= truth.length) {
                truth = Arrays.copyOf(truth, slot + 1);
                expected.set(which, truth);
            }
            truth[slot]++;
        }
        for (int c = 0; c < copies.size(); c++) {
            PagedLongs copy = copies.get(c);
            long[] truth = expected.get(c);
            assertThat(copy.length()).isEqualTo(truth.length);
            for (int slot = 0; slot < truth.length; slot++) {
                assertThat(copy.get(slot)).as("copy %d, slot %d", c, slot).isEqualTo(truth[slot]);
            }
        }
    }

    @Test
    void growingAddsZeros() {
        PagedLongs counts = new PagedLongs();
        counts.increment(3);

        counts.grow(1000);

        assertThat(counts.length()).isEqualTo(1000);
        assertThat(counts.get(3)).isEqualTo(1);
        assertThat(counts.get(999)).isZero();
        assertThatThrownBy(() -> counts.get(1000)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
