package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsSpecTest {

    @Test
    void readsTopicsInTheOrderWritten() {
        assertThat(TopicsSpec.parse("t1:3, t0:4")).containsExactly(Map.entry("t1", 3), Map.entry("t0", 4));
    }

    @Test
    void toleratesSpacesSemicolonsAndDashedNames() {
        assertThat(TopicsSpec.parse("  orders-eu : 6 ; t.x_y:1  payments:2"))
                .containsExactly(Map.entry("orders-eu", 6), Map.entry("t.x_y", 1), Map.entry("payments", 2));
    }

    @Test
    void formatsBackToTheCanonicalText() {
        assertThat(TopicsSpec.format(TopicsSpec.parse("t0 : 4;t1:3"))).isEqualTo("t0:4, t1:3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''             | ui.topics.error.empty",
        "t0             | ui.topics.error.syntax",
        "t0:x           | ui.topics.error.syntax",
        "t0:0           | ui.topics.error.count",
        "t0:65          | ui.topics.error.count",
        "t/0:1          | ui.topics.error.name",
        "t0:1, t0:2     | ui.topics.error.duplicate",
        "a:1 b:1 c:1 d:1 e:1 f:1 g:1 h:1 i:1 | ui.topics.error.tooMany"})
    void refusesWhatTheLabCannotShowWithAReasonToDisplay(String text, String messageKey) {
        assertThatThrownBy(() -> TopicsSpec.parse(text))
                .isInstanceOfSatisfying(TopicsSpec.InvalidTopicsException.class,
                        e -> assertThat(e.problem().messageKey()).isEqualTo(messageKey));
    }
}
