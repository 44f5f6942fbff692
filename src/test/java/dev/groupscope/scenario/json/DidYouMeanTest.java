package dev.groupscope.scenario.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> STRATEGIES = List.of("range", "roundrobin", "sticky", "cooperative-sticky");

    @Test
    void aTypoFindsTheWordMeant() {
        assertThat(DidYouMean.closest("round-robin", STRATEGIES)).contains("roundrobin");
        assertThat(DidYouMean.closest("Range", STRATEGIES)).contains("range");
        assertThat(DidYouMean.closest("cooperative_sticky", STRATEGIES)).contains("cooperative-sticky");
    }

    @Test
    void aWordFarFromEveryKnownOneGetsNoSuggestion() {
        assertThat(DidYouMean.closest("uniform", STRATEGIES)).isEmpty();
        assertThat(DidYouMean.closest("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }
}
