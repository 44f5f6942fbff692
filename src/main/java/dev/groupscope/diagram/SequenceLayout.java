package dev.groupscope.diagram;

import dev.groupscope.diagram.Shape.Anchor;
import dev.groupscope.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays protocol rows ({@link ProtocolLog}) out as a sequence diagram: a lane per consumer (in the order they first
 * speak) and per broker they talk to, time running down, one row per message. A request's arrow runs from the
 * client to the broker and its response's (dashed) back, each sloping down a little for the network delay; error
 * answers have their own colour; notes on a lane mark the group's state changes, crashes and timeouts. A message a
 * network cut lost is a red line that stops short of the lane it was headed for, ending in a ✗. With
 * {@code foldHeartbeats}, each run of successful heartbeats between two other rows becomes one row that counts them
 * (a heartbeat answered with an error keeps its request and its answer as rows of their own, and a lost heartbeat
 * is never folded).
 */
public final class SequenceLayout {

    static final double MARGIN = 24;
    static final double GUTTER = 96;
    static final double LANE_WIDTH = 170;
    /**
     * The narrowest a lane gets to fit a window (ten lanes at 1280 px): room for "Broker 12" and, for the
     * coordinator's, its role in short. Narrower than that, the window scrolls.
     */
    static final double MIN_LANE_WIDTH = 100;
    /** Between a lane's head box and the lane's edge: the gap between two heads is twice this. */
    private static final double HEAD_INSET = 10;
    /** The same in a lane narrowed to fit the tab. */
    private static final double NARROW_HEAD_INSET = 4;
    public static final double ROW_HEIGHT = 30;
    static final double ROW = ROW_HEIGHT;
    public static final double HEAD_TOP = 52;
    public static final double HEAD_HEIGHT = 40;
    static final double SLOPE = 4;
    /** How far the current row's box sits above the row's line: a label's 12-px letters end 19 above it. */
    public static final double CURRENT_LIFT = 5;
    /**
     * How far short of its destination's lifeline a lost message stops, in lane widths: well past the lane before
     * it, so it plainly heads for its destination, and far enough from it that nobody reads it as arrived.
     */
    static final double LOST_SHORT = 0.4;
    /** Half the size of the ✗ at a lost message's end. */
    static final double CROSS = 5;
    /** Between a note's box and the edge of its lane: the note never reaches into a neighbour's. */
    static final double NOTE_INSET = 6;
    /** A note's box around one line of its words, and each further line it wraps onto. */
    static final double NOTE_HEIGHT = 20;
    static final double NOTE_LINE = 15;
    /** A message label's size in px (its style is "detail"). */
    static final double LABEL_SIZE = 12;
    /**
     * The ground patch under a message's words: this much wider on each side than their (wide) estimate, and down to
     * this far under their baseline (most of a descender, and clear of the arrow 3 px under it); its top is a font
     * size above the baseline, clear of the current row's frame a px above that.
     */
    static final double GROUND_PAD = 3;
    static final double GROUND_BELOW = 2;

    private final List<ProtocolEvent> events;
    private final Messages messages;
    private final boolean foldHeartbeats;
    private final long currentTime;
    private final String preferredCurrent;
    /** The group the diagram is of, named in its title; null when the scenario has one group (or for all). */
    private final String group;
    private final Map<String, Double> laneX = new LinkedHashMap<>();
    private final Drawing.Builder out = new Drawing.Builder();
    private final List<SequenceDiagram.Row> rows = new ArrayList<>();
    private java.util.Set<String> coordinatorLanes = java.util.Set.of();
    /** Per lane that is down at the current time (a stopped broker, a crashed or closed consumer), why. */
    private Map<String, String> downLanes = Map.of();
    /**
     * Rows before the first one drawn (a window shows only some hundreds around t): not drawn, but they still say
     * which broker coordinates and who is down, as the playground does however long ago it happened.
     */
    private List<ProtocolEvent> earlier = List.of();
    /** Set once the rows pass the current time: the rest are drawn faded. */
    private boolean future;
    /** How wide the drawing may be (its lanes narrowed down to {@link #MIN_LANE_WIDTH}); infinite for an export. */
    private double availableWidth = Double.POSITIVE_INFINITY;
    private double laneWidth = LANE_WIDTH;

    private SequenceLayout(List<ProtocolEvent> events, Messages messages, boolean foldHeartbeats, long currentTime,
                           String preferredCurrent, String group) {
        this.events = events;
        this.messages = messages;
        this.foldHeartbeats = foldHeartbeats;
        this.currentTime = currentTime;
        this.preferredCurrent = preferredCurrent;
        this.group = group;
    }

    /**
     * The diagram of {@code events} (from {@code fromMs} to {@code toMs}, for the title). {@code currentTime} marks
     * the last row at or before it as current (use -1 for none, as exports do).
     */
    public static SequenceDiagram layout(List<ProtocolEvent> events, long fromMs, long toMs, Messages messages,
                                         boolean foldHeartbeats, long currentTime) {
        return new SequenceLayout(events, messages, foldHeartbeats, currentTime, null, null).draw(fromMs, toMs);
    }

    /**
     * As {@link #layout(List, long, long, Messages, boolean, long)} for a window: rows after {@code currentTime} are
     * drawn faded (they have happened in this run, but after the moment shown), and the current row is the one
     * with id {@code preferredCurrent} when that row is at {@code currentTime} (the row a person selected among
     * several in the same millisecond), else the last row at or before it. A non-null {@code group} says in the title
     * that the rows are that group's (and those about no group), the other groups' left out.
     */
    public static SequenceDiagram layout(List<ProtocolEvent> events, long fromMs, long toMs, Messages messages,
                                         boolean foldHeartbeats, long currentTime, String preferredCurrent,
                                         String group) {
        return layout(events, fromMs, toMs, messages, foldHeartbeats, currentTime, preferredCurrent, group,
                Double.POSITIVE_INFINITY);
    }

    /**
     * As the layout above, its lanes narrowed (not below {@link #MIN_LANE_WIDTH}) so the drawing fits
     * {@code availableWidth}: a window shows every lane, the coordinator's included, without scrolling sideways.
     */
    public static SequenceDiagram layout(List<ProtocolEvent> events, long fromMs, long toMs, Messages messages,
                                         boolean foldHeartbeats, long currentTime, String preferredCurrent,
                                         String group, double availableWidth) {
        return layout(List.of(), events, fromMs, toMs, messages, foldHeartbeats, currentTime, preferredCurrent, group,
                availableWidth);
    }

    /**
     * As the layout above, knowing the rows {@code earlier} than those drawn: the lane headers (who coordinates, who
     * is down) are as of all of them, not only of the rows in the window.
     */
    public static SequenceDiagram layout(List<ProtocolEvent> earlier, List<ProtocolEvent> events, long fromMs,
                                         long toMs, Messages messages, boolean foldHeartbeats, long currentTime,
                                         String preferredCurrent, String group, double availableWidth) {
        SequenceLayout layout = new SequenceLayout(events, messages, foldHeartbeats, currentTime, preferredCurrent,
                group);
        layout.availableWidth = availableWidth;
        layout.earlier = earlier;
        return layout.draw(fromMs, toMs);
    }

    /** The rows that say what the lane headers show: the earlier ones, then those drawn. */
    private Iterable<ProtocolEvent> headerHistory() {
        if (earlier.isEmpty()) {
            return events;
        }
        List<ProtocolEvent> all = new ArrayList<>(earlier.size() + events.size());
        all.addAll(earlier);
        all.addAll(events);
        return all;
    }

    private SequenceDiagram draw(long fromMs, long toMs) {
        List<String> lanes = lanes();
        coordinatorLanes = coordinatorLanes();
        downLanes = downLanes();
        double fitting = (availableWidth - 2 * MARGIN - GUTTER) / Math.max(1, lanes.size());
        laneWidth = Math.max(MIN_LANE_WIDTH, Math.min(LANE_WIDTH, fitting));
        double width = Math.max(760, MARGIN + GUTTER + lanes.size() * laneWidth + MARGIN);
        for (int i = 0; i < lanes.size(); i++) {
            laneX.put(lanes.get(i), MARGIN + GUTTER + laneWidth * (i + 0.5));
        }
        List<List<ProtocolEvent>> grouped = rowsOf(events);
        double firstRow = HEAD_TOP + HEAD_HEIGHT + 28;
        // A row is ROW high, a note that wraps higher by its further lines: each row's line, top to bottom.
        double[] rowY = new double[grouped.size()];
        double top = firstRow - ROW / 2;
        for (int i = 0; i < grouped.size(); i++) {
            double rowHeight = rowHeight(grouped.get(i));
            rowY[i] = top + rowHeight / 2;
            top += rowHeight;
        }
        double height = (grouped.isEmpty() ? firstRow + ROW / 2 : top) + ROW / 2 + 24;
        String title = group == null
                ? text("diagram.sequence.title", "from", TextFit.number(fromMs), "to", TextFit.number(toMs))
                : text("diagram.sequence.title.group", "group", group, "from", TextFit.number(fromMs),
                        "to", TextFit.number(toMs));
        out.box("canvas", 0, 0, width, height, 0, "", "canvas");
        out.label("title", MARGIN, 34, TextFit.fit(title, 20, width - 2 * MARGIN), Anchor.START, "title");
        int current = currentRow(grouped);
        if (current >= 0) {
            // Around what the row draws, not centred on its line: a message's label stands above its arrow (its
            // baseline 7 above), and a box centred on the arrow ran its top edge through the label's letters.
            double rowHeight = rowHeight(grouped.get(current));
            out.box("current-row", MARGIN, rowY[current] - rowHeight / 2 - CURRENT_LIFT, width - 2 * MARGIN,
                    rowHeight, 3, "", "current");
        }
        for (String lane : lanes) {
            lane(lane, height);
        }
        if (grouped.isEmpty()) {
            out.label("empty", MARGIN, firstRow + 6, text("diagram.sequence.empty"), Anchor.START, "caption");
        }
        for (int i = 0; i < grouped.size(); i++) {
            row(grouped.get(i), rowY[i], width, i == current);
        }
        return new SequenceDiagram(out.build("sequence", title, width, height), rows);
    }

    private int currentRow(List<List<ProtocolEvent>> grouped) {
        int found = -1;
        if (currentTime < 0) {
            return found;
        }
        for (int i = 0; i < grouped.size(); i++) {
            ProtocolEvent first = grouped.get(i).get(0);
            if (first.time() <= currentTime) {
                found = i;
            }
        }
        for (int i = 0; i < grouped.size(); i++) {
            ProtocolEvent first = grouped.get(i).get(0);
            if (first.time() == currentTime && rowId(grouped.get(i)).equals(preferredCurrent)) {
                return i;
            }
        }
        return found;
    }

    /** Consumers in natural order of their ids (C2 before C10), then brokers by id. */
    private List<String> lanes() {
        List<String> clients = new ArrayList<>();
        List<String> brokers = new ArrayList<>();
        for (ProtocolEvent event : events) {
            for (String lane : List.of(event.from(), event.to())) {
                List<String> list = isBroker(lane) ? brokers : clients;
                if (!list.contains(lane)) {
                    list.add(lane);
                }
            }
        }
        brokers.sort((a, b) -> Integer.compare(brokerId(a), brokerId(b)));
        clients.sort(SequenceLayout::naturalOrder);
        List<String> lanes = new ArrayList<>(clients);
        lanes.addAll(brokers);
        return lanes;
    }

    private void lane(String lane, double height) {
        double x = laneX.get(lane);
        boolean broker = isBroker(lane);
        boolean coordinator = broker && coordinatorLanes.contains(lane);
        String down = downLanes.get(lane);
        String id = "lane-" + lane;
        out.line(id + "-life", x, HEAD_TOP + HEAD_HEIGHT, x, height - 12, "lifeline");
        // A narrowed lane's head takes more of the lane, so that "coordinator" fits whole (it read "coordinat…").
        double inset = laneWidth < LANE_WIDTH ? NARROW_HEAD_INSET : HEAD_INSET;
        double room = laneWidth - 2 * inset - 8;
        out.box(id, x - laneWidth / 2 + inset, HEAD_TOP, laneWidth - 2 * inset, HEAD_HEIGHT, 6, "",
                laneStyles(coordinator, down != null));
        String name = laneName(lane);
        String role = null;
        if (coordinator) {
            role = text("diagram.sequence.coordinator");
            if (TextFit.width(role, 12) > room) {
                role = text("diagram.sequence.coordinator.short"); // a narrowed lane: "coordinator"
            }
        } else if (down != null) {
            role = text(down);
        }
        if (role != null) {
            out.label(id + "-name", x, HEAD_TOP + 17, name, Anchor.MIDDLE, "name");
            out.label(id + "-role", x, HEAD_TOP + 33, TextFit.fit(role, 12, room), Anchor.MIDDLE, "detail");
        } else {
            out.label(id + "-name", x, HEAD_TOP + 25, TextFit.fit(name, 13, room), Anchor.MIDDLE, "name");
        }
    }

    private static String[] laneStyles(boolean coordinator, boolean down) {
        if (coordinator) {
            return new String[] {"lane-head", "coordinator-lane"};
        }
        return down ? new String[] {"lane-head", "lane-down"} : new String[] {"lane-head"};
    }

    /**
     * The lanes whose party is down at the current time (for an export, at the end), with the words for why: a
     * broker stopped and not started again, a consumer whose process crashed or whose application closed it and
     * that has not started again. Its header says so, as the playground's broker and consumer cards do: without it
     * the lane of the coordinator a teacher just stopped looks as alive as the others.
     */
    private Map<String, String> downLanes() {
        Map<String, String> down = new java.util.HashMap<>();
        for (ProtocolEvent event : headerHistory()) {
            if (currentTime >= 0 && event.time() > currentTime) {
                continue;
            }
            if (event.kind() != ProtocolEvent.Kind.NOTE) {
                continue;
            }
            switch (event.api()) {
                case "BrokerStopped" -> down.put(event.from(), "diagram.sequence.lane.stopped");
                case "CrashConsumer" -> down.put(event.from(), "diagram.sequence.lane.crashed");
                case "CloseConsumer" -> down.put(event.from(), "diagram.sequence.lane.closed");
                case "BrokerStarted", "StartConsumer", "RestartConsumer" -> down.remove(event.from());
                default -> {
                }
            }
        }
        return down;
    }

    private static final java.util.Set<String> NOT_HERE = java.util.Set.of("NOT_COORDINATOR",
            "COORDINATOR_NOT_AVAILABLE", "COORDINATOR_LOAD_IN_PROGRESS");

    /**
     * The broker lanes that coordinate a group at the current time (for an export, at the end), as the rows so far
     * show it: a lane becomes a coordinator with a group request reaching it, an answer from it that is not "I am not
     * (yet) the coordinator", a note of the group's own there, or a FindCoordinator answer naming it; it stops being
     * one when it stops, unloads the group (its note "→ Dead") or answers "not here". After a failover the header
     * marks the new coordinator, as the playground does, not the stopped broker too.
     */
    private java.util.Set<String> coordinatorLanes() {
        java.util.Set<String> lanes = new java.util.HashSet<>();
        for (ProtocolEvent event : headerHistory()) {
            if (currentTime >= 0 && event.time() > currentTime) {
                continue;
            }
            switch (event.kind()) {
                case REQUEST, LOST_REQUEST -> {
                    // A group request lost on its way still goes to the broker its sender knows as the coordinator.
                    if (event.toCoordinator()) {
                        lanes.add(event.to());
                    }
                }
                case LOST_RESPONSE -> {
                    // Its sender answered, so it is the lane it was; what it said nobody learned.
                }
                case RESPONSE -> {
                    if ("FindCoordinator".equals(event.api())) {
                        // Any broker answers it: it names the coordinator, which is seldom the one answering.
                        if (!event.failed() && event.fields().get("nodeId") != null) {
                            lanes.add("broker-" + event.fields().get("nodeId"));
                        }
                    } else if (!event.toCoordinator()) {
                        // A partition leader's answer (ListOffsets) says nothing about who coordinates the group.
                    } else if (NOT_HERE.contains(event.error())) {
                        lanes.remove(event.from());
                    } else {
                        lanes.add(event.from());
                    }
                }
                default -> {
                    if ("BrokerStopped".equals(event.api())
                            || "GroupStateChange".equals(event.api()) && "Dead".equals(event.fields().get("to"))) {
                        lanes.remove(event.from());
                    } else if ("GroupStateChange".equals(event.api()) || "HeartbeatExpiration".equals(event.api())
                            || "GroupLoaded".equals(event.api())) {
                        lanes.add(event.from());
                    }
                }
            }
        }
        return lanes;
    }

    /**
     * Rows: one per event, or with folding one per run of routine heartbeats. A heartbeat answered with an error
     * (REBALANCE_IN_PROGRESS: how members learn of a rebalance) is not routine, and neither is its request: folded,
     * the request would be counted as "sent, no errors" just above its red answer.
     */
    private List<List<ProtocolEvent>> rowsOf(List<ProtocolEvent> all) {
        java.util.Set<Long> answeredWithError = heartbeatsAnsweredWithError(all);
        List<List<ProtocolEvent>> grouped = new ArrayList<>();
        List<ProtocolEvent> run = new ArrayList<>();
        for (ProtocolEvent event : all) {
            if (foldHeartbeats && event.routineHeartbeat() && !answeredWithError.contains(event.seq())) {
                run.add(event);
                continue;
            }
            flush(run, grouped);
            grouped.add(List.of(event));
        }
        flush(run, grouped);
        return grouped;
    }

    /** The heartbeat requests whose answer (the next one back on the same pair of lanes) carries an error. */
    private static java.util.Set<Long> heartbeatsAnsweredWithError(List<ProtocolEvent> all) {
        java.util.Set<Long> failed = new java.util.HashSet<>();
        Map<List<String>, ProtocolEvent> waiting = new java.util.HashMap<>();
        for (ProtocolEvent event : all) {
            if (!"Heartbeat".equals(event.api())) {
                continue;
            }
            if (event.kind() == ProtocolEvent.Kind.REQUEST) {
                waiting.put(List.of(event.from(), event.to()), event);
            } else if (event.kind() == ProtocolEvent.Kind.RESPONSE) {
                ProtocolEvent request = waiting.remove(List.of(event.to(), event.from()));
                if (request != null && event.failed()) {
                    failed.add(request.seq());
                }
            }
        }
        return failed;
    }

    private static void flush(List<ProtocolEvent> run, List<List<ProtocolEvent>> grouped) {
        if (run.size() == 1) {
            grouped.add(List.of(run.get(0)));
        } else if (!run.isEmpty()) {
            grouped.add(List.copyOf(run));
        }
        run.clear();
    }

    /** The id a row's shapes share. */
    private static String rowId(List<ProtocolEvent> group) {
        ProtocolEvent first = group.get(0);
        if (group.size() > 1) {
            return "heartbeats-" + first.seq();
        }
        return (first.kind() == ProtocolEvent.Kind.NOTE ? "note-" : "msg-") + first.seq();
    }

    private void row(List<ProtocolEvent> group, double y, double width, boolean onCurrentRow) {
        ProtocolEvent first = group.get(0);
        if (currentTime >= 0 && first.time() > currentTime) {
            future = true;
        }
        out.label("time-" + first.seq(), MARGIN + GUTTER - 12, y + 4, text("diagram.sequence.time",
                "time", TextFit.number(first.time())), Anchor.END, rowStyles("time"));
        if (group.size() > 1) {
            folded(group, y, width);
        } else if (first.kind() == ProtocolEvent.Kind.NOTE) {
            note(first, y, width);
        } else {
            message(first, y, width, onCurrentRow);
        }
    }

    private void folded(List<ProtocolEvent> group, double y, double width) {
        ProtocolEvent first = group.get(0);
        String id = "heartbeats-" + first.seq();
        long requests = group.stream().filter(e -> e.kind() == ProtocolEvent.Kind.REQUEST).count();
        String label = text("diagram.sequence.folded", "requests", TextFit.number(requests),
                "responses", TextFit.number(group.size() - requests),
                "from", TextFit.number(first.time()), "to", TextFit.number(group.get(group.size() - 1).time()));
        double left = MARGIN + GUTTER;
        double right = width - MARGIN;
        out.box(id, left, y - 10, right - left, 20, 10, "", rowStyles("folded", "heartbeat"));
        out.label(id + "-label", (left + right) / 2, y + 4, TextFit.fit(label, 12, right - left - 20),
                Anchor.MIDDLE, rowStyles("caption"));
        rows.add(new SequenceDiagram.Row(id, first.seq(), first.time(), y, ROW));
    }

    /** How high a row is: a note wrapped onto several lines is higher by its further lines. */
    private double rowHeight(List<ProtocolEvent> group) {
        ProtocolEvent first = group.get(0);
        if (group.size() > 1 || first.kind() != ProtocolEvent.Kind.NOTE) {
            return ROW;
        }
        return ROW + (noteLines(noteText(first)).size() - 1) * NOTE_LINE;
    }

    /** The widest a note's box gets: its own lane, short of the lanes beside it. */
    private double noteRoom() {
        return laneWidth - 2 * NOTE_INSET;
    }

    /**
     * A note's words on as many lines as its lane needs: one line two lanes wide covered the neighbours' lifelines
     * (on the first lane, pushed right, all of C2's), so the note read as theirs too.
     */
    private List<String> noteLines(String label) {
        double room = noteRoom() - 16;
        List<String> lines = TextFit.wrap(label, 12, room);
        if (lines.size() < 2) {
            return lines;
        }
        // As even as the same number of lines allows: filled greedily, a line held all but the last word or two
        // ("载入消费组：Stable，第" over "1 代"); the narrowest width that takes no more lines and breaks no more
        // words reads as two halves ("载入消费组：" over "Stable，第 1 代").
        int brokenWords = brokenWords(label, lines);
        double narrow = 0;
        double wide = room;
        for (int i = 0; i < 12; i++) {
            double width = (narrow + wide) / 2;
            List<String> tried = TextFit.wrap(label, 12, width);
            if (tried.size() <= lines.size() && brokenWords(label, tried) <= brokenWords) {
                wide = width;
            } else {
                narrow = width;
            }
        }
        return TextFit.wrap(label, 12, wide);
    }

    /** How many of the breaks between {@code lines} fall inside a word rather than at a space or in Chinese text. */
    private static int brokenWords(String label, List<String> lines) {
        int broken = 0;
        int at = 0;
        for (int i = 0; i < lines.size() - 1; i++) {
            at = label.indexOf(lines.get(i), at) + lines.get(i).length();
            char before = label.charAt(at - 1);
            boolean natural = at >= label.length() || label.charAt(at) == ' ' || Character.isIdeographic(before)
                    || before == '，' || before == '；' || before == '：';
            broken += natural ? 0 : 1;
        }
        return broken;
    }

    private void note(ProtocolEvent event, double y, double width) {
        String id = "note-" + event.seq();
        String label = noteText(event);
        List<String> lines = noteLines(label);
        double widest = lines.stream().mapToDouble(line -> TextFit.width(line, 12)).max().orElse(0);
        double w = Math.min(noteRoom(), widest + 16);
        double h = NOTE_HEIGHT + (lines.size() - 1) * NOTE_LINE;
        double x = laneX.get(event.from());
        // A request whose connection failed is an error of the client's, drawn as such on its own lane; so are faults.
        boolean failed = event.api().equals("Disconnected") || event.api().equals("FetchErrors")
                || event.api().equals("NetworkPartition") || event.api().equals("ConnectionsClosed")
                || event.api().equals("FailCommits") || event.api().equals("DelayCommits")
                || event.api().equals("OffsetsForTimesFailed") || event.api().equals("onPartitionsLost");
        out.box(id, x - w / 2, y - h / 2, w, h, 4, "", failed ? rowStyles("note", "note-" + event.api(), "error")
                : rowStyles("note", "note-" + event.api()));
        String[] labelStyles = failed ? rowStyles("detail", "note", "error") : rowStyles("detail", "note");
        double firstBaseline = y + 4 - (lines.size() - 1) * NOTE_LINE / 2;
        for (int i = 0; i < lines.size(); i++) {
            // The first line keeps the id a note's words always had; the others are numbered from 2.
            out.label(i == 0 ? id + "-label" : id + "-label-" + (i + 1), x, firstBaseline + i * NOTE_LINE,
                    TextFit.fit(lines.get(i), 12, w - 10), Anchor.MIDDLE, labelStyles);
        }
        rows.add(new SequenceDiagram.Row(id, event.seq(), event.time(), y, ROW + (lines.size() - 1) * NOTE_LINE));
    }

    private String noteText(ProtocolEvent event) {
        Map<String, Object> f = event.fields();
        switch (event.api()) {
            case "GroupStateChange":
                return text(Boolean.TRUE.equals(f.get("unloaded")) ? "diagram.sequence.note.GroupUnloaded"
                        : "diagram.sequence.note.GroupStateChange", "from", f.get("from"), "to", f.get("to"),
                        "generation", f.get("generation"));
            case "GroupLoaded":
                return text("diagram.sequence.note.GroupLoaded", "state", f.get("state"),
                        "generation", f.get("generation"));
            case "CoordinatorLoading":
                return text("diagram.sequence.note.CoordinatorLoading", "partition", f.get("partition"),
                        "duration", TextFit.number(((Number) f.getOrDefault("loadMs", 0)).longValue()));
            case "HeartbeatExpiration":
                return text("diagram.sequence.note.HeartbeatExpiration",
                        "member", ProtocolLog.shortMember(String.valueOf(f.get("memberId"))),
                        "timeout", TextFit.number(((Number) f.getOrDefault("timeoutMs", 0)).longValue()));
            case "Disconnected":
                // The request whose timeout closed the connection; the others failing with it read as any failure.
                return text(Boolean.TRUE.equals(f.get("timedOut")) ? "diagram.sequence.note.DisconnectedTimeout"
                                : "diagram.sequence.note.Disconnected", "api", f.get("api"),
                        "broker", laneName(String.valueOf(f.get("broker"))));
            case "FetchErrors":
                return fetchErrorsNote(f);
            case "NetworkPartition":
                return text("diagram.sequence.note.NetworkPartition", "broker", laneName("broker-" + f.get("broker")),
                        "duration", TextFit.number(((Number) f.getOrDefault("durationMs", 0)).longValue()));
            case "NetworkHealed":
                return text("diagram.sequence.note.NetworkHealed", "broker", laneName("broker-" + f.get("broker")));
            case "ConnectionsClosed":
                return text("diagram.sequence.note.ConnectionsClosed", "broker", laneName("broker-" + f.get("broker")));
            case "PreferredLeader":
                return text("diagram.sequence.note.PreferredLeader", "partition", f.get("topicPartition"));
            case "onPartitionsLost":
                return lostPartitionsNote(f);
            case "FailCommits":
                return text("diagram.sequence.note.FailCommits", "count", f.get("count"), "error", f.get("error"));
            case "DelayCommits":
                return text("diagram.sequence.note.DelayCommits", "count", f.get("count"),
                        "delay", TextFit.number(((Number) f.getOrDefault("delayMs", 0)).longValue()));
            case "OffsetsForTimes":
                return text("diagram.sequence.note.OffsetsForTimes",
                        "timestamp", TextFit.number(((Number) f.getOrDefault("timestamp", 0)).longValue()));
            case "OffsetsForTimesReturned":
                return text("diagram.sequence.note.OffsetsForTimesReturned",
                        "duration", TextFit.number(((Number) f.getOrDefault("durationMs", 0)).longValue()));
            default:
                return text("diagram.sequence.note." + event.api());
        }
    }

    /** The partitions by name where they fit on two lines of a note, else how many. */
    private String lostPartitionsNote(Map<String, Object> f) {
        List<?> partitions = f.get("partitions") instanceof List<?> list ? list : List.of();
        String named = text("diagram.sequence.note.onPartitionsLost", "partitions",
                partitions.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        return noteLines(named).size() <= 2 ? named
                : text("diagram.sequence.note.onPartitionsLostCount", "count", partitions.size());
    }

    /** A message's row; {@code onCurrentRow} when it is the current one (its words' ground is the row's colour). */
    private void message(ProtocolEvent event, double y, double width, boolean onCurrentRow) {
        String id = "msg-" + event.seq();
        double x1 = laneX.get(event.from());
        double x2 = laneX.get(event.to());
        double direction = Math.signum(x2 - x1);
        List<String> styles = new ArrayList<>(List.of("message", event.request() ? "request" : "response",
                "api-" + event.api()));
        if (event.api().equals("Heartbeat")) {
            styles.add("heartbeat");
        } else if (event.api().equals("OffsetCommit") || event.api().equals("OffsetFetch")
                || event.api().equals("ListOffsets") || event.api().equals("OffsetForLeaderEpoch")) {
            styles.add("commit"); // where a consumer reads from: committed offsets, or the leader's answer
        } else if (event.api().equals("LeaveGroup")) {
            styles.add("leave");
        }
        if (event.failed()) {
            styles.add("error");
        }
        if (event.lost()) {
            styles.add("lost");
        }
        if (future) {
            styles.add("future");
        }
        // The label may run past short arrows (one message per row, so nothing else is on its line), but stays
        // inside the lanes' area.
        double left = MARGIN + GUTTER;
        double right = width - MARGIN;
        String label = TextFit.fit(messageText(event), LABEL_SIZE, right - left - 8);
        double half = TextFit.width(label, LABEL_SIZE) / 2;
        double reached = event.lost() ? lostEnd(x1, x2) : x2; // a lost message's label centres on what it crossed
        double centre = Math.max(left + half, Math.min(right - half, (x1 + reached) / 2));
        double baseline = y - 7;
        // The label spans the lanes between sender and receiver, and their lifelines ran through its words (hard
        // to read on a slide): a patch of the ground under the words, drawn over the lifelines but before the arrow
        // and the words, so it never hides either. Not faded on a future row: its lifelines stay hidden.
        out.box(id + "-ground", centre - half - GROUND_PAD, baseline - LABEL_SIZE, 2 * half + 2 * GROUND_PAD,
                LABEL_SIZE + GROUND_BELOW, 0, "", onCurrentRow ? new String[] {"label-ground", "current-ground"}
                        : new String[] {"label-ground"});
        if (event.lost()) {
            lostLine(event, id, x1, x2, y, styles);
        } else {
            out.arrow(id, arrowTip(event), x1 + direction * 4, y - SLOPE, x2 - direction * 4, y + SLOPE,
                    styles.toArray(String[]::new));
        }
        List<String> labelStyles = new ArrayList<>(styles);
        labelStyles.add("detail");
        out.label(id + "-label", centre, baseline, label, Anchor.MIDDLE, labelStyles.toArray(String[]::new));
        rows.add(new SequenceDiagram.Row(id, event.seq(), event.time(), y, ROW));
    }

    /**
     * When the message left and arrived; one read later than it arrived ({@code unreadMs}: a request the broker
     * read only after answering the fetch parked before it on the connection, an answer that came while the
     * application processed records, read at the heartbeat thread's next turn or the application's next call) says
     * that too, and who read it, so its time on the network is not overstated.
     */
    private String arrowTip(ProtocolEvent event) {
        long unread = event.fields().get("unreadMs") instanceof Number n ? n.longValue() : 0;
        long arrived = event.time() - unread;
        String key = (event.request() ? "diagram.sequence.tip.request" : "diagram.sequence.tip.response")
                + (unread > 0 ? ".unread" + readBy(event) : "");
        return text(key, "api", event.api(), "from", laneName(event.from()), "to", laneName(event.to()),
                "sent", TextFit.number(event.sentAt()), "arrived", TextFit.number(arrived),
                "delay", TextFit.number(arrived - event.sentAt()), "read", TextFit.number(event.time()),
                "call", blockingCall(event.fields().get("readBy")));
    }

    /** Which of the consumer's threads read a late answer: the tooltip's key suffix. */
    private static String readBy(ProtocolEvent event) {
        Object by = event.fields().get("readBy");
        if ("HEARTBEAT_THREAD".equals(by)) {
            return ".heartbeatThread";
        }
        return blockingCall(by).isEmpty() ? "" : ".call";
    }

    /** The call the application's thread was blocked in when it read a late answer; "" for poll() (the default). */
    private static String blockingCall(Object phase) {
        if (phase == null) {
            return "";
        }
        return switch (phase.toString()) {
            case "COMMITTING" -> "commitSync()";
            case "COMMIT_ASYNC" -> "commitAsync()";
            case "CLOSING" -> "close()";
            case "IN_CALL" -> "offsetsForTimes()";
            default -> "";
        };
    }

    /**
     * A lost message: a line (no head: it arrives nowhere) that stops {@link #LOST_SHORT} of a lane short of where
     * it was headed, sloping as far as it got, and a ✗ where it vanished. Its tooltip says when it left and that
     * it never arrived.
     */
    private void lostLine(ProtocolEvent event, String id, double x1, double x2, double y, List<String> styles) {
        double direction = Math.signum(x2 - x1);
        double endX = lostEnd(x1, x2);
        double endY = y - SLOPE + 2 * SLOPE * Math.abs(endX - x1) / Math.max(1, Math.abs(x2 - x1));
        String tip = text(event.request() ? "diagram.sequence.tip.lost.request"
                        : "diagram.sequence.tip.lost.response", "api", event.api(), "from", laneName(event.from()),
                "to", laneName(event.to()), "sent", TextFit.number(event.sentAt()));
        out.add(new Shape.Line(id, styles, x1 + direction * 4, y - SLOPE, endX, endY, false, tip));
        String[] cross = rowStyles("lost-mark");
        out.line(id + "-cross-1", endX - CROSS, endY - CROSS, endX + CROSS, endY + CROSS, cross);
        out.line(id + "-cross-2", endX - CROSS, endY + CROSS, endX + CROSS, endY - CROSS, cross);
    }

    /** Where a lost message from lane x1 to lane x2 vanishes. */
    private double lostEnd(double x1, double x2) {
        return x1 + Math.signum(x2 - x1) * Math.max(0, Math.abs(x2 - x1) - LOST_SHORT * laneWidth);
    }

    private String messageText(ProtocolEvent event) {
        String api = event.api();
        if (event.lost()) {
            // Of a lost message's facts only a commit's offsets are known for sure: the rest its event leaves out.
            String key = event.request() ? "diagram.sequence.lost.request" : "diagram.sequence.lost.response";
            // A what-if lost one message on purpose; a cut loses everything to or from the broker.
            String lost = text(Boolean.TRUE.equals(event.fields().get("whatIf")) ? key + ".whatIf" : key, "api", api);
            String offsets = offsets(event.fields().get("offsets"));
            return offsets.isEmpty() ? lost : lost + " · " + offsets;
        }
        String detail = detail(event);
        if (event.failed()) {
            return text("diagram.sequence.error", "api", api, "error", event.error());
        }
        return detail.isEmpty() ? api : api + " · " + detail;
    }

    /** The one or two facts about a message a learner needs: the generation, the member, the partitions. */
    private String detail(ProtocolEvent event) {
        Map<String, Object> f = event.fields();
        boolean request = event.kind() == ProtocolEvent.Kind.REQUEST;
        switch (event.api()) {
            case "FindCoordinator":
                return request ? "" : text("diagram.sequence.detail.coordinator", "broker", f.get("nodeId"));
            case "JoinGroup":
                if (request) {
                    String member = String.valueOf(f.getOrDefault("memberId", ""));
                    return member.isEmpty() ? text("diagram.sequence.detail.newMember") : "";
                }
                return text("diagram.sequence.detail.joined", "generation", f.get("generation"),
                        "leader", ProtocolLog.shortMember(String.valueOf(f.getOrDefault("leader", ""))));
            case "SyncGroup":
                if (request) {
                    Object assignments = f.get("assignments");
                    boolean leader = assignments instanceof Map<?, ?> map && !map.isEmpty();
                    return text(leader ? "diagram.sequence.detail.syncLeader" : "diagram.sequence.detail.generation",
                            "generation", f.get("generationId"));
                }
                return partitions(f.get("assignment"));
            case "Heartbeat":
                return "";
            case "OffsetCommit":
            case "OffsetFetch":
                return request && event.api().equals("OffsetFetch") ? "" : committedOffsets(f);
            case "ListOffsets":
                return request ? targets(f.get("timestamps")) : listedOffsets(f);
            case "Metadata":
                return request ? metadataTopics(f) : metadataAnswer(f);
            case "OffsetForLeaderEpoch":
                return request ? epochsAsked(f.get("leaderEpochs")) : epochEnds(f);
            default:
                return "";
        }
    }

    private String partitions(Object list) {
        if (list instanceof List<?> items) {
            return items.isEmpty() ? text("diagram.sequence.detail.nothing") : String.join(", ",
                    items.stream().map(String::valueOf).toList());
        }
        return "";
    }

    /** What a ListOffsets asks per partition: {@code t-0=latest}, {@code t-1=earliest}, {@code t-2≥40000}. */
    private static String targets(Object map) {
        if (map instanceof Map<?, ?> timestamps) {
            List<String> parts = new ArrayList<>();
            timestamps.forEach((partition, timestamp) -> {
                long target = timestamp instanceof Number n ? n.longValue() : 0;
                parts.add(target == -1 ? partition + "=latest" : target == -2 ? partition + "=earliest"
                        : partition + "≥" + target);
            });
            return String.join(", ", parts);
        }
        return "";
    }

    /**
     * A fetch refused for leadership says so in words ("Broker 2 no longer leads t-1"): the error's name alone ran
     * past the note's two lanes. Other partition errors are named.
     */
    private String fetchErrorsNote(Map<String, Object> f) {
        String broker = laneName(String.valueOf(f.get("broker")));
        if (f.get("errors") instanceof Map<?, ?> errors && !errors.isEmpty()
                && errors.values().stream().allMatch("NOT_LEADER_OR_FOLLOWER"::equals)) {
            String partitions = String.join(", ", errors.keySet().stream().map(String::valueOf).toList());
            if (f.get("currentLeaders") instanceof Map<?, ?> leaders && !leaders.isEmpty()) {
                // KIP-951: the answer named the new leaders ("t-0 moved: Broker 2 → Broker 3")
                return text("diagram.sequence.note.FetchNotLeaderMoved", "broker", broker, "partitions", partitions,
                        "leaders", String.join(", ", leaders.values().stream().map(l -> laneName("broker-" + l))
                                .distinct().toList()));
            }
            return text("diagram.sequence.note.FetchNotLeader", "broker", broker, "partitions", partitions);
        }
        return text("diagram.sequence.note.FetchErrors", "broker", broker, "errors", fetchErrors(f.get("errors")));
    }

    /** A fetch's partition errors, grouped by error: "NOT_LEADER_OR_FOLLOWER (t-0, t-1)". */
    private static String fetchErrors(Object map) {
        Map<String, List<String>> byError = new java.util.TreeMap<>();
        if (map instanceof Map<?, ?> errors) {
            errors.forEach((partition, error) -> byError.computeIfAbsent(String.valueOf(error),
                    e -> new ArrayList<>()).add(String.valueOf(partition)));
        }
        List<String> parts = new ArrayList<>();
        byError.forEach((error, partitions) -> parts.add(error + " (" + String.join(", ", partitions) + ")"));
        return String.join(", ", parts);
    }

    /** What a Metadata request asks for: its topics, or all of them (a pattern subscriber). */
    private String metadataTopics(Map<String, Object> f) {
        if (Boolean.TRUE.equals(f.get("allTopics"))) {
            return text("diagram.sequence.detail.metadataAll");
        }
        return f.get("topics") instanceof List<?> topics ? String.join(", ", topics.stream().map(String::valueOf)
                .toList()) : "";
    }

    /**
     * A Metadata answer: the leaders that moved, which is what a failover is about; else the topics it knows with
     * their partition counts ("orders: 6 partitions").
     */
    private String metadataAnswer(Map<String, Object> f) {
        if (f.get("moved") instanceof List<?> moved && !moved.isEmpty()) {
            return text("diagram.sequence.detail.leadersMoved", "moved", String.join(", ",
                    moved.stream().map(String::valueOf).toList()));
        }
        if (f.get("topics") instanceof Map<?, ?> topics) {
            List<String> parts = new ArrayList<>();
            topics.forEach((topic, count) -> parts.add(text("diagram.sequence.detail.topicPartitions", "topic", topic,
                    "partitions", count)));
            return String.join(", ", parts);
        }
        return "";
    }

    /** What an OffsetForLeaderEpoch asks per partition: the epoch of the last record read, "t-1 (epoch 0)". */
    private String epochsAsked(Object map) {
        List<String> parts = new ArrayList<>();
        if (map instanceof Map<?, ?> epochs) {
            epochs.forEach((partition, epoch) -> parts.add(text("diagram.sequence.detail.epochAsked",
                    "partition", partition, "epoch", epoch)));
        }
        return String.join(", ", parts);
    }

    /** An OffsetForLeaderEpoch answer: where each epoch ends on the leader's log, and any truncation found. */
    private String epochEnds(Map<String, Object> f) {
        List<String> parts = new ArrayList<>();
        if (f.get("ends") instanceof Map<?, ?> ends) {
            ends.forEach((partition, end) -> {
                if (end instanceof List<?> pair && pair.size() == 2) {
                    parts.add(text("diagram.sequence.detail.epochEnd", "partition", partition, "epoch", pair.get(0),
                            "offset", pair.get(1)));
                }
            });
        }
        if (f.get("truncated") instanceof Map<?, ?> truncated && !truncated.isEmpty()) {
            parts.add(text("diagram.sequence.detail.truncated", "partitions",
                    String.join(", ", truncated.keySet().stream().map(String::valueOf).toList())));
        }
        return String.join(", ", parts);
    }

    /** A ListOffsets answer: the offsets found, and the partitions no record was recent enough for. */
    private String listedOffsets(Map<String, Object> f) {
        String found = offsets(f.get("offsets"));
        if (f.get("notFound") instanceof List<?> none && !none.isEmpty()) {
            String missing = text("diagram.sequence.detail.notFound", "partitions",
                    String.join(", ", none.stream().map(String::valueOf).toList()));
            return found.isEmpty() ? missing : found + " · " + missing;
        }
        return found;
    }

    /**
     * Offsets committed or fetched, with the leader epoch their commits carry (KIP-320):
     * "t-0=42, t-1=17 (leader epoch 0)" when every offset has the same one, else each its own; plain offsets when
     * none has one.
     */
    private String committedOffsets(Map<String, Object> f) {
        if (!(f.get("leaderEpochs") instanceof Map<?, ?> epochs) || epochs.isEmpty()
                || !(f.get("offsets") instanceof Map<?, ?> offsets)) {
            return offsets(f.get("offsets"));
        }
        java.util.Set<Object> distinct = new java.util.HashSet<>(epochs.values());
        if (distinct.size() == 1 && epochs.keySet().containsAll(offsets.keySet())) {
            return text("diagram.sequence.detail.offsetsEpoch", "offsets", offsets(offsets),
                    "epoch", distinct.iterator().next());
        }
        List<String> parts = new ArrayList<>();
        offsets.forEach((partition, offset) -> {
            String one = partition + "=" + offset;
            Object epoch = epochs.get(partition);
            parts.add(epoch == null ? one : text("diagram.sequence.detail.offsetsEpoch", "offsets", one,
                    "epoch", epoch));
        });
        return String.join(", ", parts);
    }

    private static String offsets(Object map) {
        if (map instanceof Map<?, ?> offsets) {
            List<String> parts = new ArrayList<>();
            offsets.forEach((partition, offset) -> parts.add(partition + "=" + offset));
            return String.join(", ", parts);
        }
        return "";
    }

    private String[] rowStyles(String... styles) {
        if (!future) {
            return styles;
        }
        String[] with = java.util.Arrays.copyOf(styles, styles.length + 1);
        with[styles.length] = "future";
        return with;
    }

    /** Compares ids as text, but runs of digits as numbers: C2 before C10. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int compared = new java.math.BigInteger(a.substring(i, ei)).compareTo(
                        new java.math.BigInteger(b.substring(j, ej)));
                if (compared != 0) {
                    return compared;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j) != 0 ? Integer.compare(a.length() - i,
                b.length() - j) : a.compareTo(b);
    }

    private String laneName(String lane) {
        return isBroker(lane) ? text("diagram.sequence.broker", "id", brokerId(lane)) : lane;
    }

    static boolean isBroker(String lane) {
        return lane.startsWith("broker-");
    }

    static int brokerId(String lane) {
        try {
            return Integer.parseInt(lane.substring("broker-".length()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private String text(String key, Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            args.put((String) namesAndValues[i], value instanceof Number n ? TextFit.number(n.longValue())
                    : value == null ? "" : value);
        }
        return messages.format(key, args);
    }
}
