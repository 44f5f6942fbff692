package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceLayoutTest {

    private static final Messages ENGLISH = Messages.english();

    @Test
    void lanesAreConsumersInNaturalOrderThenBrokersByIdAndOnlyTheAnsweringBrokerIsCoordinator() {
        List<ProtocolEvent> events = List.of(
                request(1, "FindCoordinator", "C10", "broker-2", 0, 2),
                response(2, "FindCoordinator", "broker-2", "C10", 2, 4, ""),
                request(3, "JoinGroup", "C2", "broker-1", 4, 6),
                response(4, "JoinGroup", "broker-1", "C2", 6, 8, ""));

        Drawing drawing = SequenceLayout.layout(events, 0, 10, ENGLISH, true, -1).drawing();

        List<Double> x = List.of("lane-C2", "lane-C10", "lane-broker-1", "lane-broker-2").stream()
                .map(id -> ((Shape.Box) drawing.shape(id).orElseThrow()).x()).toList();
        assertThat(x).isSorted();
        assertThat(drawing.shape("lane-broker-1").orElseThrow().styles()).contains("coordinator-lane");
        assertThat(drawing.shape("lane-broker-2").orElseThrow().styles()).doesNotContain("coordinator-lane");
    }

    @Test
    void inAWindowTheLanesNarrowToFitItsWidthButNotBelowAMinimumAndAnExportKeepsItsOwn() {
        List<ProtocolEvent> events = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            events.add(request(2 * i, "Heartbeat", "C" + i, "broker-1", i, i + 2));
            events.add(response(2 * i + 1, "Heartbeat", "broker-1", "C" + i, i + 2, i + 4, ""));
        }
        events.add(request(20, "FindCoordinator", "C1", "broker-2", 30, 32));

        Drawing exported = SequenceLayout.layout(events, 0, 40, ENGLISH, true, -1).drawing();
        Drawing fitted = SequenceLayout.layout(events, 0, 40, ENGLISH, true, -1, null, null, 1200).drawing();
        Drawing tooNarrow = SequenceLayout.layout(events, 0, 40, ENGLISH, true, -1, null, null, 600).drawing();

        // Nine lanes: C1-C7 and two brokers.
        assertThat(exported.width()).isEqualTo(2 * SequenceLayout.MARGIN + SequenceLayout.GUTTER
                + 9 * SequenceLayout.LANE_WIDTH);
        assertThat(fitted.width()).isEqualTo(1200);
        assertThat(tooNarrow.width()).isEqualTo(2 * SequenceLayout.MARGIN + SequenceLayout.GUTTER
                + 9 * SequenceLayout.MIN_LANE_WIDTH);
        // A narrowed coordinator lane says its role in short, rather than cut off.
        assertThat(((Shape.Label) exported.shape("lane-broker-1-role").orElseThrow()).text())
                .isEqualTo("group coordinator");
        assertThat(((Shape.Label) fitted.shape("lane-broker-1-role").orElseThrow()).text()).isEqualTo("coordinator");
        // Even at the narrowest lane: its head takes more of the lane rather than read "coordinat…".
        assertThat(((Shape.Label) tooNarrow.shape("lane-broker-1-role").orElseThrow()).text()).isEqualTo("coordinator");
    }

    @Test
    void aBrokerThatOnlyReceivesALeaveGroupInTheRangeIsStillMarkedCoordinatorButNotOneThatSaysNotCoordinator() {
        List<ProtocolEvent> events = List.of(
                request(1, "LeaveGroup", "C2", "broker-1", 0, 2),
                response(2, "Heartbeat", "broker-3", "C1", 2, 4, "NOT_COORDINATOR"));

        Drawing drawing = SequenceLayout.layout(events, 0, 10, ENGLISH, true, -1).drawing();

        assertThat(drawing.shape("lane-broker-1").orElseThrow().styles()).contains("coordinator-lane");
        assertThat(drawing.shape("lane-broker-3").orElseThrow().styles()).doesNotContain("coordinator-lane");
    }

    @Test
    void afterAFailoverOnlyTheNewCoordinatorIsMarkedNotTheStoppedBrokerToo() {
        // Broker 2 coordinates, stops; its group moves to broker 3 (the coordinator-failover lesson at 20 s).
        List<ProtocolEvent> events = List.of(
                request(1, "OffsetCommit", "C1", "broker-2", 19_016, 19_018),
                response(2, "OffsetCommit", "broker-2", "C1", 19_018, 19_020, ""),
                note(3, "BrokerStopped", "broker-2", 20_000, Map.of()),
                note(4, "GroupStateChange", "broker-2", 20_000, Map.of("from", "Stable", "to", "Dead")),
                note(5, "Disconnected", "C1", 20_020, Map.of("api", "OffsetCommit", "broker", "broker-2")),
                request(6, "FindCoordinator", "C1", "broker-1", 20_020, 20_022),
                new ProtocolEvent(7, ProtocolEvent.Kind.RESPONSE, "FindCoordinator", "broker-1", "C1", 20_022,
                        20_024, "", Map.of("nodeId", 3)),
                request(8, "OffsetCommit", "C1", "broker-3", 20_120, 20_122));

        Drawing beforeTheStop = SequenceLayout.layout(events, 0, 20_122, ENGLISH, true, 19_500).drawing();
        Drawing onceFound = SequenceLayout.layout(events, 0, 20_122, ENGLISH, true, 20_030).drawing();
        Drawing exported = SequenceLayout.layout(events, 0, 20_122, ENGLISH, true, -1).drawing();

        assertThat(coordinatorLanes(beforeTheStop)).containsExactly("lane-broker-2");
        assertThat(coordinatorLanes(onceFound)).containsExactly("lane-broker-3");
        assertThat(coordinatorLanes(exported)).containsExactly("lane-broker-3");
    }

    @Test
    void aLaneSaysItsPartyIsDownFromTheStopOrCrashUntilItStartsAgain() {
        List<ProtocolEvent> events = List.of(
                request(1, "Heartbeat", "C1", "broker-1", 9_000, 9_002),
                note(2, "CrashConsumer", "C2", 10_000, Map.of()),
                note(3, "BrokerStopped", "broker-2", 20_000, Map.of()),
                note(4, "RestartConsumer", "C2", 30_000, Map.of()),
                note(5, "BrokerStarted", "broker-2", 40_000, Map.of()));

        Drawing beforeAny = SequenceLayout.layout(events, 0, 40_000, ENGLISH, true, 9_500).drawing();
        Drawing bothDown = SequenceLayout.layout(events, 0, 40_000, ENGLISH, true, 25_000).drawing();
        Drawing consumerBack = SequenceLayout.layout(events, 0, 40_000, ENGLISH, true, 35_000).drawing();
        Drawing exported = SequenceLayout.layout(events, 0, 40_000, ENGLISH, true, -1).drawing();

        assertThat(downLanes(beforeAny)).isEmpty();
        assertThat(downLanes(bothDown)).containsExactlyInAnyOrder("lane-C2", "lane-broker-2");
        assertThat(((Shape.Label) bothDown.shape("lane-broker-2-role").orElseThrow()).text()).isEqualTo("down");
        assertThat(((Shape.Label) bothDown.shape("lane-C2-role").orElseThrow()).text()).isEqualTo("crashed");
        assertThat(downLanes(consumerBack)).containsExactly("lane-broker-2");
        assertThat(consumerBack.shape("lane-C2-role")).isEmpty();
        assertThat(downLanes(exported)).as("at the end both are back").isEmpty();
        assertThat(DiagramStyles.resolve(List.of("lane-head", "lane-down")))
                .isNotEqualTo(DiagramStyles.resolve(List.of("lane-head")));
    }

    @Test
    void aClosedConsumersLaneSaysClosedInTheWindowsLanguage() {
        List<ProtocolEvent> events = List.of(note(1, "CloseConsumer", "C3", 5_000, Map.of()),
                request(2, "LeaveGroup", "C3", "broker-1", 5_001, 5_003));

        Drawing chinese = SequenceLayout.layout(events, 0, 6_000, Messages.of(java.util.Locale.SIMPLIFIED_CHINESE),
                true, 6_000).drawing();

        assertThat(((Shape.Label) chinese.shape("lane-C3-role").orElseThrow()).text()).isEqualTo("已关闭");
    }

    private static List<String> downLanes(Drawing drawing) {
        return drawing.shapes().stream().filter(shape -> shape.styles().contains("lane-down"))
                .map(Shape::id).toList();
    }

    @Test
    void aRequestToAStoppedBrokerFailsOnTheClientsOwnLaneWithNoArrowFromTheDeadBroker() {
        List<ProtocolEvent> events = List.of(
                note(1, "BrokerStopped", "broker-2", 20_000, Map.of()),
                note(2, "Disconnected", "C1", 20_004, Map.of("api", "OffsetCommit", "broker", "broker-2")));

        Drawing drawing = SequenceLayout.layout(events, 0, 20_004, ENGLISH, true, -1).drawing();

        Shape.Box box = (Shape.Box) drawing.shape("note-2").orElseThrow();
        Shape.Box lane = (Shape.Box) drawing.shape("lane-C1").orElseThrow();
        assertThat(NoteLines.words(drawing, "note-2-label")).isEqualTo("✗ OffsetCommit to Broker 2: connection failed");
        assertThat(box.styles()).contains("error");
        // On C1's lane.
        assertThat(lane.x() + lane.width() / 2).isBetween(box.x(), box.x() + box.width());
        assertThat(drawing.shapes()).noneMatch(shape -> shape.id().startsWith("msg-"));
    }

    @Test
    void theRequestWhoseTimeoutClosedTheConnectionSaysSoAndTheOthersFailingWithItReadAsFailures() {
        List<ProtocolEvent> events = List.of(
                note(1, "Disconnected", "C2", 50_016, Map.of("api", "OffsetCommit", "broker", "broker-1",
                        "timedOut", true, "cancelled", 1)),
                note(2, "Disconnected", "C2", 50_016, Map.of("api", "Heartbeat", "broker", "broker-1",
                        "closedBy", 216L)));

        Drawing drawing = SequenceLayout.layout(events, 0, 50_016, ENGLISH, true, -1).drawing();
        Drawing chinese = SequenceLayout.layout(events, 0, 50_016, Messages.of(java.util.Locale.SIMPLIFIED_CHINESE),
                true, -1).drawing();

        assertThat(NoteLines.words(drawing, "note-1-label"))
                .isEqualTo("✗ OffsetCommit to Broker 1: timed out");
        assertThat(NoteLines.words(drawing, "note-2-label"))
                .isEqualTo("✗ Heartbeat to Broker 1: connection failed");
        assertThat(NoteLines.words(chinese, "note-1-label")).isEqualTo("✗ 发往 Broker 1 的 OffsetCommit：超时");
        assertThat(((Shape.Box) drawing.shape("note-1").orElseThrow()).styles()).contains("error");
    }

    @Test
    void theProtocolLogTurnsADisconnectedAnswerIntoANoteOfTheClient() {
        dev.groupscope.sim.engine.SimEvent disconnected = new dev.groupscope.sim.engine.SimEvent(9, 4, 20_004,
                dev.groupscope.sim.engine.EventKind.RESPONSE, "Disconnected", "C2", "broker-2",
                Map.of("api", "OffsetCommit", "sentAt", 20_002L), "sim.client.disconnected", Map.of());

        assertThat(ProtocolLog.read(List.of(disconnected), 0, 30_000)).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(ProtocolEvent.Kind.NOTE);
            assertThat(row.from()).isEqualTo("C2");
            assertThat(row.fields()).containsEntry("broker", "broker-2");
        });
    }

    private static List<String> coordinatorLanes(Drawing drawing) {
        return drawing.shapes().stream().filter(shape -> shape.styles().contains("coordinator-lane"))
                .map(Shape::id).toList();
    }

    @Test
    void aRequestPointsFromClientToBrokerAndItsAnswerBackDashedWithErrorsInTheirOwnStyle() {
        List<ProtocolEvent> events = List.of(
                request(1, "JoinGroup", "C1", "broker-1", 0, 2),
                response(2, "JoinGroup", "broker-1", "C1", 2, 4, "MEMBER_ID_REQUIRED"));

        Drawing drawing = SequenceLayout.layout(events, 0, 10, ENGLISH, true, -1).drawing();

        Shape.Line request = (Shape.Line) drawing.shape("msg-1").orElseThrow();
        Shape.Line answer = (Shape.Line) drawing.shape("msg-2").orElseThrow();
        assertThat(request.x2()).isGreaterThan(request.x1());
        assertThat(request.y2()).as("sloped down for the network delay").isGreaterThan(request.y1());
        assertThat(answer.x2()).isLessThan(answer.x1());
        assertThat(request.styles()).containsExactly("message", "request", "api-JoinGroup");
        assertThat(answer.styles()).containsExactly("message", "response", "api-JoinGroup", "error");
        assertThat(((Shape.Label) drawing.shape("msg-2-label").orElseThrow()).text())
                .isEqualTo("JoinGroup ✗ MEMBER_ID_REQUIRED");
        assertThat(DiagramStyles.resolve(answer.styles()).dash()).isNotNull();
        assertThat(DiagramStyles.resolve(answer.styles()).stroke()).isEqualTo("#b3261e");
    }

    @Test
    void foldingJoinsOnlyRunsOfSuccessfulHeartbeats() {
        List<ProtocolEvent> events = List.of(
                request(1, "Heartbeat", "C1", "broker-1", 0, 2),
                response(2, "Heartbeat", "broker-1", "C1", 2, 4, ""),
                request(3, "Heartbeat", "C1", "broker-1", 3000, 3002),
                response(4, "Heartbeat", "broker-1", "C1", 3002, 3004, "REBALANCE_IN_PROGRESS"),
                request(5, "Heartbeat", "C1", "broker-1", 6000, 6002));

        SequenceDiagram folded = SequenceLayout.layout(events, 0, 7000, ENGLISH, true, -1);
        SequenceDiagram unfolded = SequenceLayout.layout(events, 0, 7000, ENGLISH, false, -1);

        assertThat(folded.rows()).extracting(SequenceDiagram.Row::id)
                .containsExactly("heartbeats-1", "msg-3", "msg-4", "msg-5");
        assertThat(unfolded.rows()).extracting(SequenceDiagram.Row::id)
                .containsExactly("msg-1", "msg-2", "msg-3", "msg-4", "msg-5");
        assertThat(((Shape.Label) folded.drawing().shape("heartbeats-1-label").orElseThrow()).text())
                .isEqualTo("heartbeats: 1 sent, 1 answered, no errors (2–4 ms)");
    }

    @Test
    void heartbeatsAnsweredRebalanceInProgressAreShownSentAndAnsweredNotCountedAsSentWithNoErrors() {
        // Every rebalance of a Stable group starts so: both members' next heartbeats are answered with the news.
        List<ProtocolEvent> events = List.of(
                request(1, "Heartbeat", "C1", "broker-2", 30_012, 30_014),
                request(2, "Heartbeat", "C3", "broker-2", 30_012, 30_014),
                response(3, "Heartbeat", "broker-2", "C1", 30_014, 30_016, "REBALANCE_IN_PROGRESS"),
                response(4, "Heartbeat", "broker-2", "C3", 30_014, 30_016, "REBALANCE_IN_PROGRESS"));

        SequenceDiagram folded = SequenceLayout.layout(events, 30_000, 30_016, ENGLISH, true, -1);

        assertThat(folded.rows()).extracting(SequenceDiagram.Row::id)
                .containsExactly("msg-1", "msg-2", "msg-3", "msg-4");
        assertThat(folded.drawing().shapes()).extracting(Shape::id).noneMatch(id -> id.startsWith("heartbeats-"));
    }

    @Test
    void theCurrentRowIsTheLastAtOrBeforeTheTimeAndLaterRowsAreFaded() {
        List<ProtocolEvent> events = List.of(
                request(1, "SyncGroup", "C1", "broker-1", 0, 2),
                response(2, "SyncGroup", "broker-1", "C1", 2, 4, ""),
                request(3, "OffsetCommit", "C1", "broker-1", 5, 7));

        SequenceDiagram diagram = SequenceLayout.layout(events, 0, 7, ENGLISH, true, 4);

        Shape.Box current = (Shape.Box) diagram.drawing().shape("current-row").orElseThrow();
        double row = diagram.row("msg-2").orElseThrow().y();
        Shape.Label label = (Shape.Label) diagram.drawing().shape("msg-2-label").orElseThrow();
        // The whole row inside the box: the label's 12-px letters above their baseline, the arrow's end below the
        // line; the box's edge ran through the letters ("Heartbeat ✗ lost: network cut" in network-partition).
        assertThat(current.y()).as("the box's top above the label's letters").isLessThanOrEqualTo(label.y() - 12);
        assertThat(current.y() + current.height()).as("the box's bottom below the arrow")
                .isGreaterThanOrEqualTo(row + SequenceLayout.SLOPE + 2);
        assertThat(current.height()).as("one row, not its neighbours").isEqualTo(SequenceLayout.ROW);
        assertThat(diagram.drawing().shape("msg-3").orElseThrow().styles()).contains("future");
        assertThat(diagram.drawing().shape("msg-2").orElseThrow().styles()).doesNotContain("future");
    }

    @Test
    void aWideNoteStaysInItsOwnLaneWrappingItsWordsAndTheRowsBelowMakeRoomForIt() {
        // The failover's notes: the group unloaded on the middle broker's lane, a fetch told to go elsewhere on the
        // first lane (once pushed right over C2's lifeline), a member giving up its partitions as lost.
        List<ProtocolEvent> events = List.of(
                request(1, "OffsetCommit", "C1", "broker-2", 19_016, 19_018),
                request(2, "OffsetCommit", "C2", "broker-3", 19_016, 19_018),
                note(3, "GroupStateChange", "broker-2", 20_000, Map.of("from", "Stable", "to", "Dead",
                        "unloaded", true)),
                note(4, "FetchErrors", "C1", 20_002, Map.of("broker", "broker-2",
                        "errors", Map.of("transfers-1", "NOT_LEADER_OR_FOLLOWER"),
                        "currentLeaders", Map.of("transfers-1", 3))),
                note(5, "onPartitionsLost", "C2", 20_004, Map.of("partitions", List.of("transfers-2", "transfers-3"))),
                request(6, "FindCoordinator", "C1", "broker-1", 20_004, 20_006));

        for (Messages language : List.of(ENGLISH, Messages.of(java.util.Locale.SIMPLIFIED_CHINESE))) {
            for (double width : new double[] {Double.POSITIVE_INFINITY, 1200, 600}) {
                Drawing drawing = SequenceLayout.layout(events, 0, 20_006, language, true, -1, null, null, width)
                        .drawing();
                double lane = centre(drawing, "lane-C2") - centre(drawing, "lane-C1");
                for (String[] note : new String[][] {{"note-3", "lane-broker-2"}, {"note-4", "lane-C1"},
                        {"note-5", "lane-C2"}}) {
                    Shape.Box box = (Shape.Box) drawing.shape(note[0]).orElseThrow();
                    String where = language.locale() + " " + width + " " + note[0];
                    assertThat(box.x()).as(where).isGreaterThanOrEqualTo(centre(drawing, note[1]) - lane / 2);
                    assertThat(box.x() + box.width()).as(where).isLessThanOrEqualTo(centre(drawing, note[1]) + lane / 2);
                    String words = NoteLines.words(drawing, note[0] + "-label");
                    assertThat(words).as(where).doesNotContain("…");
                    // Its last line stays inside its box.
                    assertThat(lastLineY(drawing, note[0])).as(where).isLessThan(box.y() + box.height());
                }
                assertThat(NoteLines.words(drawing, "note-3-label")).isEqualTo(language.format(
                        "diagram.sequence.note.GroupUnloaded", Map.of("from", "Stable", "to", "Dead")));
                // Each row clear of the next: a note's box above the next row's words (12 px letters on a baseline
                // 7 above the arrow) and the next note's box.
                List<String> order = List.of("note-3", "note-4", "note-5");
                for (int i = 0; i < order.size(); i++) {
                    Shape.Box box = (Shape.Box) drawing.shape(order.get(i)).orElseThrow();
                    double nextTop = i + 1 < order.size() ? ((Shape.Box) drawing.shape(order.get(i + 1)).orElseThrow()).y()
                            : ((Shape.Label) drawing.shape("msg-6-label").orElseThrow()).y() - 12;
                    assertThat(box.y() + box.height()).as("%s above the next row", order.get(i)).isLessThan(nextTop);
                }
            }
        }
    }

    private static double centre(Drawing drawing, String lane) {
        Shape.Box head = (Shape.Box) drawing.shape(lane).orElseThrow();
        return head.x() + head.width() / 2;
    }

    private static double lastLineY(Drawing drawing, String note) {
        return drawing.shapes().stream()
                .filter(shape -> shape.id().equals(note + "-label") || shape.id().startsWith(note + "-label-"))
                .mapToDouble(shape -> ((Shape.Label) shape).y()).max().orElseThrow();
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        assertThat(List.of("C10", "C2", "C1", "B3", "C1a").stream().sorted(SequenceLayout::naturalOrder).toList())
                .containsExactly("B3", "C1", "C1a", "C2", "C10");
    }

    @Test
    void anAnswerReadLaterThanItArrivedSaysWhenItArrivedAndWhenItWasRead() {
        // slow-consumer-poll-timeout: C2's poll loop is still processing when its LeaveGroup is answered, and with
        // the heartbeat thread stopped nobody reads its network until the next poll().
        ProtocolEvent late = new ProtocolEvent(2, ProtocolEvent.Kind.RESPONSE, "LeaveGroup", "broker-1", "C2", 20_114,
                21_102, "", Map.of("unreadMs", 986L, "readBy", "IN_POLL"));
        List<ProtocolEvent> events = List.of(request(1, "LeaveGroup", "C2", "broker-1", 20_112, 20_114), late);

        Drawing drawing = SequenceLayout.layout(events, 20_000, 22_000, ENGLISH, true, -1).drawing();

        List<String> tips = drawing.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .map(Shape.Line::tooltip).filter(tip -> tip.startsWith("LeaveGroup response")).toList();
        assertThat(tips).containsExactly("LeaveGroup response from Broker 1 to C2: sent at 20,114 ms, arrived at "
                + "20,116 ms (2 ms on the network), read at 21,102 ms, when the application next called poll(): no "
                + "thread of the consumer read the network in between");
    }

    @Test
    void anAnswerTheHeartbeatThreadReadOnItsTurnSaysSo() {
        // slow-consumer-poll-timeout: C2 processes records when its heartbeat is answered at 3,016 ms; the thread
        // that sent it at 3,012 reads the answer at its next turn, a retry.backoff.ms wait later.
        ProtocolEvent late = new ProtocolEvent(2, ProtocolEvent.Kind.RESPONSE, "Heartbeat", "broker-1", "C2", 3_014,
                3_112, "", Map.of("unreadMs", 96L, "readBy", "HEARTBEAT_THREAD"));
        ProtocolEvent readByCommit = new ProtocolEvent(4, ProtocolEvent.Kind.RESPONSE, "Heartbeat", "broker-1", "C2",
                6_014, 6_050, "", Map.of("unreadMs", 34L, "readBy", "COMMITTING"));
        List<ProtocolEvent> events = List.of(request(1, "Heartbeat", "C2", "broker-1", 3_012, 3_014), late,
                request(3, "Heartbeat", "C2", "broker-1", 6_012, 6_014), readByCommit);

        Drawing drawing = SequenceLayout.layout(events, 3_000, 7_000, ENGLISH, false, -1).drawing();

        List<String> tips = drawing.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .map(Shape.Line::tooltip).filter(tip -> tip.startsWith("Heartbeat response")).toList();
        assertThat(tips).containsExactly("Heartbeat response from Broker 1 to C2: sent at 3,014 ms, arrived at 3,016 ms "
                        + "(2 ms on the network), read at 3,112 ms by the heartbeat thread on its next turn: while the "
                        + "application processes records only that thread reads the network, once every "
                        + "retry.backoff.ms",
                "Heartbeat response from Broker 1 to C2: sent at 6,014 ms, arrived at 6,016 ms (2 ms on the network), "
                        + "read at 6,050 ms, when the application called commitSync(): no thread of the consumer read "
                        + "the network in between");
    }

    private static ProtocolEvent request(long seq, String api, String from, String to, long sent, long time) {
        return new ProtocolEvent(seq, ProtocolEvent.Kind.REQUEST, api, from, to, sent, time, "", Map.of());
    }

    private static ProtocolEvent response(long seq, String api, String from, String to, long sent, long time,
                                          String error) {
        return new ProtocolEvent(seq, ProtocolEvent.Kind.RESPONSE, api, from, to, sent, time, error, Map.of());
    }

    private static ProtocolEvent note(long seq, String api, String lane, long time, Map<String, Object> fields) {
        return new ProtocolEvent(seq, ProtocolEvent.Kind.NOTE, api, lane, lane, time, time, "", fields);
    }
}
