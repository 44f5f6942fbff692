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
 * A consumer's ListOffsets goes to a partition's leader, not to its group's coordinator: the Protocol tab draws it
 * between the consumer and that broker, and the leader's lane does not become a coordinator lane.
 */
class ListOffsetsDiagramTest {

    private static final List<SimEvent> LOG = List.of(
            new SimEvent(1, 1, 100, EventKind.REQUEST, "JoinGroupRequest", "broker-1", "C1",
                    Map.of("groupId", "g", "memberId", "C1-1", "sentAt", 98L), null, Map.of()),
            new SimEvent(2, 2, 102, EventKind.RESPONSE, "JoinGroupResponse", "C1", "broker-1",
                    Map.of("error", "NONE", "generation", 1, "sentAt", 100L), null, Map.of()),
            new SimEvent(3, 3, 106, EventKind.REQUEST, "ListOffsetsRequest", "broker-2", "C1",
                    Map.of("timestamps", Map.of("t-0", -1L), "sentAt", 104L), "sim.request.ListOffsets", Map.of()),
            new SimEvent(4, 4, 108, EventKind.RESPONSE, "ListOffsetsResponse", "C1", "broker-2",
                    Map.of("error", "NONE", "offsets", Map.of("t-0", 40L), "sentAt", 106L),
                    "sim.response.ListOffsets", Map.of()),
            new SimEvent(5, 5, 110, EventKind.REQUEST, "ListOffsetsRequest", "broker-2", "C2",
                    Map.of("timestamps", Map.of("t-1", 5_000L), "sentAt", 108L), "sim.request.ListOffsets", Map.of()),
            new SimEvent(6, 6, 112, EventKind.RESPONSE, "ListOffsetsResponse", "C2", "broker-2",
                    Map.of("error", "NONE", "offsets", Map.of(), "notFound", List.of("t-1"), "sentAt", 110L),
                    "sim.client.listOffsets.notFound", Map.of()));

    @Test
    void listOffsetsIsDrawnBetweenTheConsumerAndTheLeaderInBothLanguages() {
        List<ProtocolEvent> rows = ProtocolLog.read(LOG, 0, 200);
        assertThat(rows).extracting(ProtocolEvent::api).containsExactly("JoinGroup", "JoinGroup", "ListOffsets",
                "ListOffsets", "ListOffsets", "ListOffsets");
        assertThat(rows.get(2).from()).isEqualTo("C1");
        assertThat(rows.get(2).to()).isEqualTo("broker-2");

        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Drawing drawing = SequenceLayout.layout(rows, 0, 200, Messages.of(locale), true, -1).drawing();
            DrawnSequence.assertRequestAndAnswer(drawing, 3, "ListOffsets");
            assertThat(label(drawing, "msg-3")).isEqualTo("ListOffsets · t-0=latest");
            assertThat(label(drawing, "msg-4")).isEqualTo("ListOffsets · t-0=40");
            assertThat(label(drawing, "msg-5")).isEqualTo("ListOffsets · t-1≥5000");
            assertThat(label(drawing, "msg-6")).startsWith("ListOffsets · t-1")
                    .contains(locale == Locale.ENGLISH ? "no record that recent" : "没有这么新的记录");
            // The leader answering is not the group's coordinator.
            assertThat(drawing.shape("lane-broker-1").orElseThrow().styles()).contains("coordinator-lane");
            assertThat(drawing.shape("lane-broker-2").orElseThrow().styles()).doesNotContain("coordinator-lane");
        }
    }

    @Test
    void aGroupsNotesStayOnItsCoordinatorsLaneAfterALeaderAnswers() {
        List<SimEvent> log = new java.util.ArrayList<>(LOG);
        log.add(new SimEvent(7, 7, 120, EventKind.STATE, "GroupStateChange", "group:g", null,
                Map.of("from", "Stable", "to", "PreparingRebalance", "generation", 1), null, Map.of()));

        ProtocolEvent note = ProtocolLog.read(log, 0, 200).get(6);
        assertThat(note.kind()).isEqualTo(ProtocolEvent.Kind.NOTE);
        assertThat(note.from()).isEqualTo("broker-1");
    }

    @Test
    void offsetsForTimesDrawsItsListOffsetsBetweenTheCallAndItsReturnOnTheConsumersLane() {
        List<SimEvent> log = List.of(
                new SimEvent(1, 1, 30_000, EventKind.CLIENT, "OffsetsForTimes", "C1", null,
                        Map.of("partitions", List.of("t-0"), "timestamp", 10_000L, "seek", true,
                                "defaultApiTimeoutMs", 60_000L), "sim.client.call.offsetsForTimes", Map.of()),
                new SimEvent(2, 2, 30_002, EventKind.REQUEST, "ListOffsetsRequest", "broker-1", "C1",
                        Map.of("timestamps", Map.of("t-0", 10_000L), "sentAt", 30_000L),
                        "sim.request.ListOffsets.forTimes", Map.of()),
                new SimEvent(3, 3, 30_004, EventKind.RESPONSE, "ListOffsetsResponse", "C1", "broker-1",
                        Map.of("error", "NONE", "offsets", Map.of("t-0", 91L), "sentAt", 30_002L),
                        "sim.client.offsetsForTimes.answer", Map.of()),
                new SimEvent(4, 4, 30_004, EventKind.CLIENT, "OffsetsForTimesReturned", "C1", null,
                        Map.of("offsets", Map.of("t-0", 91L), "durationMs", 4L), "sim.client.offsetsForTimes.returned",
                        Map.of()),
                new SimEvent(5, 5, 90_004, EventKind.CLIENT, "OffsetsForTimesFailed", "C1", null,
                        Map.of("exception", "TimeoutException", "durationMs", 60_000L),
                        "sim.client.offsetsForTimes.timeout", Map.of()));

        List<ProtocolEvent> rows = ProtocolLog.read(log, 0, 100_000);
        assertThat(rows).extracting(ProtocolEvent::kind).containsExactly(ProtocolEvent.Kind.NOTE,
                ProtocolEvent.Kind.REQUEST, ProtocolEvent.Kind.RESPONSE, ProtocolEvent.Kind.NOTE,
                ProtocolEvent.Kind.NOTE);
        assertThat(rows.get(0).from()).isEqualTo("C1");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Drawing drawing = SequenceLayout.layout(rows, 0, 100_000, Messages.of(locale), true, -1).drawing();
            assertThat(label(drawing, "msg-2")).isEqualTo("ListOffsets · t-0≥10000");
            assertThat(label(drawing, "msg-3")).isEqualTo("ListOffsets · t-0=91");
            boolean english = locale == Locale.ENGLISH;
            assertThat(label(drawing, "note-1")).isEqualTo(english
                    ? "offsetsForTimes(≥ 10,000 ms): blocked" : "offsetsForTimes(≥ 10,000 毫秒)：阻塞中");
            assertThat(label(drawing, "note-4")).isEqualTo(english ? "offsetsForTimes returns after 4 ms"
                    : "offsetsForTimes 在 4 毫秒后返回");
            assertThat(label(drawing, "note-5")).endsWith("offsetsForTimes" + (english ? ": " : "：")
                    + "TimeoutException");
            assertThat(drawing.shape("note-5").orElseThrow().styles()).contains("error");
            assertThat(drawing.shape("note-1").orElseThrow().styles()).doesNotContain("error");
        }
    }
}
