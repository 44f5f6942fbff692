package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSentencesTest {

    private static final String MEMBER = "C1-314f8fbb-cf42-4b94-b3e1-7da3556b6a50";

    private static SimEvent parked(String memberId) {
        return new SimEvent(7, 3, 15_034, EventKind.STATE, "JoinGroupParked", "group:analytics", null, Map.of(),
                "sim.coordinator.join.parked",
                Map.of("memberId", memberId, "waitingFor", 3, "rebalanceTimeoutMs", 300_000));
    }

    @Test
    void aMemberIdIsShownAsItsClientIdAndTheFirstBlockOfItsUuid() {
        String english = EventSentences.of(parked(MEMBER), Messages.english());
        String chinese = EventSentences.of(parked(MEMBER), Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale()));

        assertThat(english).startsWith("The JoinGroup of C1-314f8fbb… is held until the 3 members")
                .doesNotContain("7da3556b6a50");
        assertThat(chinese).contains("C1-314f8fbb…").doesNotContain("7da3556b6a50");
    }

    @Test
    void clientIdsWithDashesKeepThemAndOtherNamesAreLeftAlone() {
        assertThat(EventSentences.shortMemberId("consumer-orders-app-1-0a1b2c3d-0000-4000-8000-00000000abcd"))
                .isEqualTo("consumer-orders-app-1-0a1b2c3d…");
        assertThat(EventSentences.shortMemberId("orders-app")).isEqualTo("orders-app");
        assertThat(EventSentences.shortMemberId("orders-0")).isEqualTo("orders-0");
        assertThat(EventSentences.shortened(Map.of("memberId", "", "generation", 2)))
                .containsEntry("memberId", "").containsEntry("generation", 2);
    }
}
