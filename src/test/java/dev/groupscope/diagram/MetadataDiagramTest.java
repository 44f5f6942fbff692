package dev.groupscope.diagram;

import static dev.groupscope.diagram.DrawnSequence.label;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer's Metadata goes to any broker, not to its group's coordinator: the Protocol tab draws it between the
 * consumer and that broker, labelled with the topics asked for and, in the answer, the leaders that moved (a
 * failover) or else the topics with their partition counts.
 */
class MetadataDiagramTest {

    private static final List<SimEvent> LOG = List.of(
            new SimEvent(1, 1, 100, EventKind.REQUEST, "JoinGroupRequest", "broker-1", "C1",
                    Map.of("groupId", "g", "memberId", "C1-1", "sentAt", 98L), null, Map.of()),
            new SimEvent(2, 2, 102, EventKind.RESPONSE, "JoinGroupResponse", "C1", "broker-1",
                    Map.of("error", "NONE", "generation", 1, "sentAt", 100L), null, Map.of()),
            new SimEvent(3, 3, 106, EventKind.REQUEST, "MetadataRequest", "broker-2", "C1",
                    Map.of("allTopics", false, "topics", List.of("t"), "sentAt", 104L), "sim.request.Metadata",
                    Map.of()),
            new SimEvent(4, 4, 108, EventKind.RESPONSE, "MetadataResponse", "C1", "broker-2",
                    Map.of("error", "NONE", "topics", Map.of("t", 2), "moved", List.of(), "sentAt", 106L),
                    "sim.client.metadata.start", Map.of()),
            new SimEvent(5, 5, 110, EventKind.REQUEST, "MetadataRequest", "broker-2", "C2",
                    Map.of("allTopics", true, "topics", List.of(), "sentAt", 108L), "sim.request.Metadata.all",
                    Map.of()),
            new SimEvent(6, 6, 112, EventKind.RESPONSE, "MetadataResponse", "C2", "broker-2",
                    Map.of("error", "NONE", "topics", Map.of("t", 2), "moved", List.of("t-0 → 3"), "sentAt", 110L),
                    "sim.client.metadata.disconnected", Map.of()));

    @Test
    void metadataIsDrawnBetweenTheConsumerAndTheBrokerItAskedInBothLanguages() {
        List<ProtocolEvent> rows = ProtocolLog.read(LOG, 0, 200);
        assertThat(rows).extracting(ProtocolEvent::api).containsExactly("JoinGroup", "JoinGroup", "Metadata",
                "Metadata", "Metadata", "Metadata");
        assertThat(rows.get(2).from()).isEqualTo("C1");
        assertThat(rows.get(2).to()).isEqualTo("broker-2");

        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Drawing drawing = SequenceLayout.layout(rows, 0, 200, Messages.of(locale), true, -1).drawing();
            DrawnSequence.assertRequestAndAnswer(drawing, 3, "Metadata");
            assertThat(label(drawing, "msg-3")).isEqualTo("Metadata · t");
            assertThat(label(drawing, "msg-4")).isEqualTo(locale == Locale.ENGLISH ? "Metadata · t: 2 partitions"
                    : "Metadata · t：2 个分区");
            assertThat(label(drawing, "msg-5")).isEqualTo(locale == Locale.ENGLISH ? "Metadata · all topics"
                    : "Metadata · 全部主题");
            assertThat(label(drawing, "msg-6")).isEqualTo(locale == Locale.ENGLISH ? "Metadata · leaders: t-0 → 3"
                    : "Metadata · leader：t-0 → 3");
            // The broker answering is not the group's coordinator.
            assertThat(drawing.shape("lane-broker-1").orElseThrow().styles()).contains("coordinator-lane");
            assertThat(drawing.shape("lane-broker-2").orElseThrow().styles()).doesNotContain("coordinator-lane");
        }
    }

    @Test
    void theFetchFailuresThatSendAConsumerToAskForMetadataAreNotedOnItsLane() {
        List<SimEvent> log = List.of(
                new SimEvent(1, 1, 100, EventKind.RESPONSE, "FetchResponse", "C1", "broker-2",
                        Map.of("error", "NONE", "records", Map.of("t-0", 0), "errors",
                                Map.of("t-0", "NOT_LEADER_OR_FOLLOWER"), "sentAt", 98L), null, Map.of()),
                new SimEvent(2, 2, 104, EventKind.RESPONSE, "Disconnected", "C1", "broker-2",
                        Map.of("api", "Fetch", "sentAt", 102L), "sim.client.disconnected", Map.of()),
                new SimEvent(3, 3, 106, EventKind.RESPONSE, "FetchResponse", "C1", "broker-3",
                        Map.of("error", "NONE", "records", Map.of("t-0", 3), "sentAt", 104L), null, Map.of()));

        List<ProtocolEvent> rows = ProtocolLog.read(log, 0, 200);
        assertThat(rows).extracting(ProtocolEvent::api).containsExactly("FetchErrors", "Disconnected");
        assertThat(rows).allSatisfy(row -> assertThat(row.from()).isEqualTo("C1"));
        Drawing english = SequenceLayout.layout(rows, 0, 200, Messages.of(Locale.ENGLISH), true, -1).drawing();
        assertThat(label(english, "note-1")).isEqualTo("✗ Broker 2 no longer leads t-0");
        assertThat(label(english, "note-2")).isEqualTo("✗ Fetch to Broker 2: connection failed");
        assertThat(english.shape("note-1").orElseThrow().styles()).contains("error");
    }

    @Test
    void aRefusedFetchThatNamesTheNewLeaderSaysWhereThePartitionWent() {
        List<SimEvent> log = List.of(new SimEvent(1, 1, 100, EventKind.RESPONSE, "FetchResponse", "C1", "broker-2",
                Map.of("error", "NONE", "records", Map.of("t-0", 0), "errors", Map.of("t-0", "NOT_LEADER_OR_FOLLOWER"),
                        "currentLeaders", Map.of("t-0", 3), "sentAt", 98L), null, Map.of()));

        List<ProtocolEvent> rows = ProtocolLog.read(log, 0, 200);
        Drawing english = SequenceLayout.layout(rows, 0, 200, Messages.of(Locale.ENGLISH), true, -1).drawing();
        Drawing chinese = SequenceLayout.layout(rows, 0, 200, Messages.of(Locale.SIMPLIFIED_CHINESE), true, -1)
                .drawing();
        assertThat(label(english, "note-1")).isEqualTo("✗ t-0 moved: Broker 2 → Broker 3");
        assertThat(label(chinese, "note-1")).isEqualTo("✗ t-0 的 leader：Broker 2 → Broker 3");
    }
}
