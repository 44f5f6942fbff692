package dev.groupscope.sim.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.ledger.Ledger.Segment;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void findsByFloorAsATreeMapWould() {
        Segments segments = new Segments();
        segments.put(new Segment(10, 19, 1));
        segments.put(new Segment(0, 4, 2));
        segments.put(new Segment(30, 30, 1));
        assertThat(segments.values()).extracting(Segment::first).containsExactly(0L, 10L, 30L);
        assertThat(segments.floor(-1)).isNull();
        assertThat(segments.floor(7).first()).isEqualTo(0);
        assertThat(segments.floor(10).first()).isEqualTo(10);
        assertThat(segments.floor(99).first()).isEqualTo(30);
        assertThat(segments.startingAt(10).last()).isEqualTo(19);
        assertThat(segments.startingAt(11)).isNull();
        segments.put(new Segment(10, 12, 3));
        assertThat(segments.startingAt(10).times()).isEqualTo(3);
        segments.remove(0);
        segments.remove(5); // none starts there
        assertThat(segments.values()).extracting(Segment::first).containsExactly(10L, 30L);
    }

    @Test
    void aCopyKeepsWhatItHadWhicheverSideChanges() {
        Segments original = new Segments();
        original.put(new Segment(0, 9, 1));
        Segments copy = original.copy();
        copy.remove(0);
        copy.put(new Segment(0, 4, 1));
        original.put(new Segment(10, 10, 2));
        assertThat(original.values()).containsExactly(new Segment(0, 9, 1), new Segment(10, 10, 2));
        assertThat(copy.values()).containsExactly(new Segment(0, 4, 1));
    }
}
