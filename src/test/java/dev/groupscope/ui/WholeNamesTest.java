package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.shape.PathElement;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The group panel's summary wraps on a projector, and a line break after the hyphen of "__consumer_offsets-13" left
 * "13 )" alone on the next line (seen in presenter mode in Chinese at 1920x1080): a name that ends in a number is
 * kept whole wherever its line breaks.
 */
@ExtendWith(ApplicationExtension.class)
class WholeNamesTest {

    private static final String SUMMARY = "第 0 代 · — · 领导者 C1 · 协调者：Broker 2（__consumer_offsets-13）";

    @Test
    void aWrappedSummaryNeverSplitsTheOffsetsPartitionsName() {
        String shown = WholeNames.in(SUMMARY);
        int start = shown.indexOf("__consumer_offsets");
        int end = shown.indexOf("13", start) + 2;

        // From the narrowest line the whole name fits on (a narrower one must cut it somewhere).
        for (double width = Math.ceil(widthOf(shown.substring(start, end + 1))); width <= 700; width += 2) {
            assertThat(lines(shown, start, end, width)).as("at a width of %.0f", width).isEqualTo(1);
        }
    }

    @Test
    void itReadsTheSameAndLeavesOtherHyphensAlone() {
        assertThat(WholeNames.in("transfers-0 · C2-53fcd651… · read-committed").replace('\u2011', '-'))
                .isEqualTo("transfers-0 · C2-53fcd651… · read-committed");
        assertThat(WholeNames.in("read-committed")).isEqualTo("read-committed");
    }

    private static double widthOf(String text) {
        Text node = new Text(text);
        node.setFont(Font.font(18));
        return node.getLayoutBounds().getWidth();
    }

    /** On how many lines {@code text}'s characters from {@code start} to {@code end} lie when wrapped at width. */
    private static int lines(String text, int start, int end, double width) {
        Text node = new Text(text);
        node.setFont(Font.font(18));
        node.setWrappingWidth(width);
        PathElement[] shape = node.rangeShape(start, end);
        // One rectangle per line: a MoveTo and four LineTos.
        return shape.length / 5;
    }
}
