package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFitTest {

    @Test
    void wrapBreaksAtSpacesAndAWordTooLongForALineAfterItsUnderscoreHyphenOrParenthesis() {
        // A note in its own lane has 142 px for its words: the lesson's error code and callback are wider than that.
        assertThat(TextFit.wrap("3 commits: COORDINATOR_LOAD_IN_PROGRESS", 12, 142))
                .containsExactly("3 commits:", "COORDINATOR_", "LOAD_IN_PROGRESS");
        assertThat(TextFit.wrap("onPartitionsLost(events-2, events-3)", 12, 142))
                .containsExactly("onPartitionsLost(", "events-2, events-3)");
        // The break after a space is kept for the rest of the word it carried onto the next line.
        assertThat(TextFit.wrap("preferred leader of __consumer_offsets-13 again", 12, 142))
                .containsExactly("preferred leader of", "__consumer_offsets-", "13 again");
        assertThat(TextFit.wrap("group unloaded here: Stable → Dead", 12, 142))
                .containsExactly("group unloaded here:", "Stable → Dead");
        // A name too long for the lane breaks where its words meet, not at the last letter that fits.
        assertThat(TextFit.wrap("CompletingRebalance → Stable", 12, 100))
                .containsExactly("Completing", "Rebalance →", "Stable");
        // Chinese breaks between any two characters.
        assertThat(TextFit.wrap("此处卸载消费组：Stable → Dead", 12, 100)).allSatisfy(line ->
                assertThat(TextFit.width(line, 12)).isLessThanOrEqualTo(100));
    }
}
