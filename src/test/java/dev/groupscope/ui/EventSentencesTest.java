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

    private static SimEvent metadataRefresh(String why, String created, String deleted) {
        return metadataRefresh(why, created, deleted, "");
    }

    /** A refresh's rule arguments as the model writes them (SubscriptionState.refreshMetadata). */
    private static SimEvent metadataRefresh(String why, String created, String deleted, String grown) {
        return new SimEvent(9, 4, 13_000, EventKind.TIMER, "MetadataRefresh", "C2", null, Map.of(),
                "sim.client.metadataRefresh." + why,
                Map.of("consumer", "C2", "metadataMaxAgeMs", 10_000L, "created", created, "deleted", deleted,
                        "grown", grown, "unchanged", created.isEmpty() && deleted.isEmpty() && grown.isEmpty()));
    }

    @Test
    void aMetadataRefreshThatFoundNothingNewSaysSoInsteadOfShowingEmptyLists() {
        String english = EventSentences.of(metadataRefresh("maxAge", "", ""), Messages.english());
        String chinese = EventSentences.of(metadataRefresh("maxAge", "", ""),
                Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale()));

        assertThat(english).isEqualTo("C2 refreshed its metadata: metadata.max.age.ms (10,000 ms) had passed."
                + " No topic was created, deleted or given more partitions since its last refresh.");
        assertThat(chinese).contains("没有主题被新建、删除或增加分区");
        assertThat(english + chinese).doesNotContain("[").doesNotContain("]");
    }

    @Test
    void aMetadataRefreshNamesOnlyWhatChanged() {
        assertThat(EventSentences.of(metadataRefresh("maxAge", "logs-web", ""), Messages.english()))
                .endsWith("had passed. Created since its last refresh: logs-web.");
        assertThat(EventSentences.of(metadataRefresh("requested", "", "logs-app"), Messages.english()))
                .isEqualTo("C2 refreshed its metadata at once because a fetch found a topic missing."
                        + " Deleted since its last refresh: logs-app.");
        assertThat(EventSentences.of(metadataRefresh("beforeJoin", "metrics", "logs-app"),
                Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale())))
                .endsWith("新建的主题：metrics。自上次刷新以来删除的主题：logs-app。");
        assertThat(EventSentences.of(metadataRefresh("maxAge", "", "", "logs (2 → 4)"), Messages.english()))
                .endsWith("had passed. More partitions since its last refresh: logs (2 → 4).");
    }
}
