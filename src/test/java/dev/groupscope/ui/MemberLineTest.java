package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** A consumer card's line folds when its children do not fit in whole pixels, as the row would lay them out. */
class MemberLineTest {

    private static Region sized(double width) {
        Region region = new Region();
        region.setPrefWidth(width);
        region.setPrefHeight(20);
        return region;
    }

    @Test
    void foldsWhenTheChildrenNeedMoreWholePixelsThanTheLineHas() {
        FlowPane chips = new FlowPane(sized(100.2), sized(100.2));
        MemberLine line = new MemberLine(sized(100.2), sized(100.2), chips, sized(100.2));
        MemberLine.setStretch(chips, true);

        // 501 px unsnapped fit in 503, but laid out in whole pixels they take 505: the chips would wrap in the line.
        assertThat(line.folded(503)).isTrue();
        assertThat(line.folded(505)).isFalse();
    }
}
