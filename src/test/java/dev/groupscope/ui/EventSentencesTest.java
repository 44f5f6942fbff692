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

    private static SimEvent metadataAnswer(String why, String created, String deleted) {
        return metadataAnswer(why, created, deleted, "", "");
    }

    /** A Metadata answer's rule arguments as the model writes them (MetadataEvents.response). */
    private static SimEvent metadataAnswer(String why, String created, String deleted, String grown, String moved) {
        Map<String, Object> args = new java.util.HashMap<>(Map.of("consumer", "C2", "broker", 1,
                "metadataMaxAgeMs", 10_000L, "retryBackoffMs", 100L, "topics", "logs-app", "created", created,
                "deleted", deleted, "grown", grown, "moved", moved, "unknown", ""));
        args.put("unchanged", created.isEmpty() && deleted.isEmpty() && grown.isEmpty() && moved.isEmpty());
        return new SimEvent(9, 4, 13_000, EventKind.RESPONSE, "MetadataResponse", "C2", "broker-1", Map.of(),
                "sim.client.metadata." + why, args);
    }

    @Test
    void aMetadataAnswerThatFoundNothingNewSaysSoInsteadOfShowingEmptyLists() {
        String english = EventSentences.of(metadataAnswer("maxAge", "", ""), Messages.english());
        String chinese = EventSentences.of(metadataAnswer("maxAge", "", ""),
                Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale()));

        assertThat(english).isEqualTo("Broker 1 answers C2's routine Metadata request: metadata.max.age.ms"
                + " (10,000 ms) had passed since its last update. Nothing changed since its last answer.");
        assertThat(chinese).contains("与上次回复相比没有变化");
        assertThat(english + chinese).doesNotContain("[").doesNotContain("]");
    }

    @Test
    void aMetadataAnswerNamesOnlyWhatChanged() {
        assertThat(EventSentences.of(metadataAnswer("maxAge", "logs-web", ""), Messages.english()))
                .endsWith("since its last update. New topics: logs-web.");
        assertThat(EventSentences.of(metadataAnswer("unknownTopic", "", "logs-app"), Messages.english()))
                .endsWith("(retry.backoff.ms, doubling). Topics gone: logs-app.");
        assertThat(EventSentences.of(metadataAnswer("beforeJoin", "metrics", "logs-app"),
                Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale())))
                .endsWith("新主题：metrics。已删除的主题：logs-app。");
        assertThat(EventSentences.of(metadataAnswer("maxAge", "", "", "logs (2 → 4)", ""), Messages.english()))
                .endsWith("since its last update. More partitions: logs (2 → 4).");
        assertThat(EventSentences.of(metadataAnswer("disconnected", "", "", "", "orders-0 → 3"),
                Messages.english())).endsWith("the leaders this answer names. Leaders moved: orders-0 → 3.");
    }
}
