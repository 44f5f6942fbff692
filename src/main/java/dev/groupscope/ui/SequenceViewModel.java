package dev.groupscope.ui;

import dev.groupscope.diagram.ProtocolEvent;
import dev.groupscope.diagram.ProtocolLog;
import dev.groupscope.diagram.SequenceDiagram;
import dev.groupscope.diagram.SequenceLayout;
import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The protocol pane's state: the sequence diagram of the run up to the current time t, which grows as t moves. In a
 * scenario with several groups it shows the group the playground shows: the messages of its consumers and its
 * coordinator, and what is about no group (a broker stopping); other groups' rows are left out, and the title names
 * the group ({@link dev.groupscope.sim.report.EventGroups} decides whose each row is). It
 * reads the protocol messages from the run's event log on the model's thread (a little at a time, as the run is
 * computed; from the start again after a what-if forks it) and lays them out on the UI thread only when what is
 * shown changes: a new row reached, another current row, the fold toggle, the language. Rows the run has already
 * shown but that lie after t (after stepping back, or selecting an earlier arrow) stay, faded. Selecting a row moves
 * the playground's time to it.
 */
public final class SequenceViewModel {

    /** The most protocol events the pane lays out at once. */
    static final int MAX_EVENTS = 600;

    private final PlaygroundViewModel playground;
    private int maxEvents = MAX_EVENTS;
    private final BooleanProperty foldHeartbeats = new SimpleBooleanProperty(this, "foldHeartbeats", true);
    private final ReadOnlyObjectWrapper<SequenceDiagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    /** Every protocol row of the run computed so far, with the groups it is about, in log order (UI thread). */
    private final List<Known> known = new ArrayList<>();
    private Messages messages = Messages.english();
    private boolean active;
    private final java.util.Set<Object> panes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private boolean queryInFlight;
    private boolean queryWanted;
    /** How far t has gone in this run: rows up to here are shown. */
    private long reach;
    private String selected;
    private long selectedTime = -1;
    private String layoutKey = "";
    /** The width the pane gives the drawing, in the drawing's own units (its lanes narrow to fit it). */
    private double availableWidth = Double.POSITIVE_INFINITY;
    private long readUntil = -1;

    // Confined to the model's thread: which run was read, and how far.
    private Simulation readRun;
    private int readCount;
    private ProtocolLog.Reader reader;

    public SequenceViewModel(PlaygroundViewModel playground) {
        this.playground = playground;
        this.reader = new ProtocolLog.Reader(playground.eventGroups());
        playground.frameProperty().addListener((observable, before, now) -> refresh());
        playground.groupProperty().addListener((observable, before, now) -> relayout());
        foldHeartbeats.addListener((observable, before, now) -> relayout());
    }

    /** For tests: a smaller window of events. */
    void maxEvents(int events) {
        this.maxEvents = events;
        layoutKey = "";
        relayout();
    }

    /**
     * The pane is {@code width} wide in the drawing's units: the lanes narrow to fit it (within limits), so every
     * lane, the coordinator's included, is in sight. Laid out again only when the width changes by a whole pixel.
     */
    public void fitWidth(double width) {
        if (width > 0 && Math.floor(width) != Math.floor(availableWidth)) {
            availableWidth = width;
            layoutKey = "";
            relayout();
        }
    }

    public BooleanProperty foldHeartbeatsProperty() {
        return foldHeartbeats;
    }

    public ReadOnlyObjectProperty<SequenceDiagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    public SequenceDiagram getDiagram() {
        return diagram.get();
    }

    /**
     * A pane showing the diagram in {@code language} appeared ({@code shown}) or went away: while none is shown the
     * diagram costs nothing per frame. Keyed by pane, because switching language swaps the old pane for a new one.
     */
    public void setActive(Object pane, boolean shown, Messages language) {
        if (shown) {
            panes.add(pane);
            messages = language;
        } else {
            panes.remove(pane);
        }
        active = !panes.isEmpty();
        layoutKey = "";
        if (active) {
            refresh();
        }
    }

    /** Moves the playground's time to the row with this id (an arrow, a note or a folded run of heartbeats). */
    public boolean select(String rowId) {
        SequenceDiagram shown = diagram.get();
        Optional<SequenceDiagram.Row> row = shown == null ? Optional.empty() : shown.row(rowId);
        if (row.isEmpty()) {
            return false;
        }
        selected = rowId;
        selectedTime = row.get().time();
        playground.pause();
        playground.scrubTo(row.get().time());
        relayout();
        return true;
    }

    /**
     * The what-if "this message never arrived" for the arrow with this id: a consumer's request or the answer to it,
     * as it was sent. None for a note, a folded run of heartbeats, a message already lost, or one sent at 0 ms (the
     * what-if must come into force before the message leaves).
     */
    public Optional<ModelCommand.LoseMessage> lossOf(String rowId) {
        SequenceDiagram shown = diagram.get();
        if (shown == null || !(shown.drawing().shape(rowId).orElse(null) instanceof dev.groupscope.diagram.Shape.Line)) {
            return Optional.empty();
        }
        long seq = shown.row(rowId).map(SequenceDiagram.Row::seq).orElse(-1L);
        return known.stream().map(Known::row).filter(event -> event.seq() == seq).findFirst()
                .flatMap(SequenceViewModel::lossOf);
    }

    private static Optional<ModelCommand.LoseMessage> lossOf(ProtocolEvent message) {
        boolean answer = message.kind() == ProtocolEvent.Kind.RESPONSE;
        String consumer = answer ? message.to() : message.from();
        if ((!answer && message.kind() != ProtocolEvent.Kind.REQUEST) || consumer.startsWith("broker-")
                || message.sentAt() < 1 || !(message.fields().get("correlationId") instanceof Number id)) {
            return Optional.empty();
        }
        return Optional.of(new ModelCommand.LoseMessage(consumer, message.api(), id.longValue(), answer,
                message.sentAt()));
    }

    /**
     * Hands {@code offer} the what-if for the arrow with this id (on the UI thread, once the model has answered) if it
     * can be asked: the consumer must already exist 1 ms before the message left, which a consumer added in that very
     * ms (its first Metadata and FindCoordinator) does not.
     */
    public void whenLosable(String rowId, java.util.function.Consumer<ModelCommand.LoseMessage> offer) {
        lossOf(rowId).ifPresent(loss -> playground.query(
                run -> run.stateAtTime(loss.sentAtMs() - 1).hasActor(loss.consumer()),
                exists -> {
                    if (exists) {
                        offer.accept(loss);
                    }
                }));
    }

    /** Forks the run 1 ms before the message left, losing it (see {@link #lossOf(String)}). */
    public void lose(ModelCommand.LoseMessage loss) {
        playground.perform(loss, loss.sentAtMs() - 1);
    }

    /** The time of the last event of the run read so far (-1 before the first read): the diagram is complete up to it. */
    public long readUntil() {
        return readUntil;
    }

    /** The id of the row a person selected last, or null. */
    public String selected() {
        return selected;
    }

    private void refresh() {
        if (!active) {
            return;
        }
        reach = Math.max(reach, playground.getTime());
        relayout();
        if (queryInFlight) {
            queryWanted = true;
            return;
        }
        queryInFlight = true;
        playground.query(this::readNew, this::accept);
    }

    /** On the model's thread: the rows logged since the last read, or all of them for a new (forked) run. */
    private NewRows readNew(Simulation run) {
        boolean fresh = run != readRun;
        if (fresh) {
            readRun = run;
            readCount = 0;
            reader = new ProtocolLog.Reader(playground.eventGroups());
        }
        List<SimEvent> log = run.log();
        List<Known> rows = new ArrayList<>();
        for (int i = readCount; i < log.size(); i++) {
            SimEvent event = log.get(i);
            ProtocolEvent row = reader.next(event);
            if (row != null) {
                rows.add(new Known(row, playground.eventGroups().of(event)));
            }
        }
        readCount = log.size();
        return new NewRows(fresh, rows, log.isEmpty() ? -1 : log.get(log.size() - 1).time());
    }

    private void accept(NewRows rows) {
        queryInFlight = false;
        if (rows.fresh()) {
            known.clear();
            reach = playground.getTime();
            selected = null;
        }
        known.addAll(rows.rows());
        readUntil = rows.readUntil();
        relayout();
        if (queryWanted) {
            queryWanted = false;
            refresh();
        }
    }

    private void relayout() {
        if (!active) {
            return;
        }
        long time = playground.getTime();
        String group = playground.getGroup();
        List<ProtocolEvent> reached = known.stream().filter(row -> row.row().time() <= reach && row.shownIn(group))
                .map(Known::row).toList();
        int current = (int) reached.stream().filter(row -> row.time() <= time).count();
        // A big group sends thousands of messages: the pane shows a window of them around t, most of it before.
        int from = Math.max(0, Math.min(current - maxEvents * 3 / 4, reached.size() - maxEvents));
        List<ProtocolEvent> shown = reached.subList(from, Math.min(reached.size(), from + maxEvents));
        String selectedNow = selected != null && selectedTime == time ? selected : "";
        // t moves every frame while playing; the picture changes only when a row starts or stops being current.
        String key = group + "/" + from + "/" + shown.size() + "/" + current + "/" + foldHeartbeats.get() + "/"
                + messages.locale() + "/" + selectedNow;
        if (key.equals(layoutKey)) {
            return;
        }
        layoutKey = key;
        long to = shown.isEmpty() ? 0 : shown.get(shown.size() - 1).time();
        diagram.set(SequenceLayout.layout(reached.subList(0, from), shown, from == 0 ? 0 : shown.get(0).time(), to,
                messages, foldHeartbeats.get(), time,
                selectedNow.isEmpty() ? null : selectedNow, playground.groups().size() > 1 ? group : null,
                availableWidth));
    }

    private record NewRows(boolean fresh, List<Known> rows, long readUntil) {
    }

    /** A protocol row and the groups its event is about (none: it matters to every group). */
    private record Known(ProtocolEvent row, java.util.Set<String> groups) {
        boolean shownIn(String group) {
            return groups.isEmpty() || groups.contains(group);
        }
    }
}
