package dev.groupscope.ui;

import dev.groupscope.diagram.LayoutText;
import dev.groupscope.diagram.TopologyLayout;
import dev.groupscope.diagram.WindowLine;
import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.ui.PlaygroundFrame.BrokerRow;
import dev.groupscope.ui.PlaygroundFrame.ConsumerRow;
import dev.groupscope.ui.PlaygroundFrame.GroupRow;
import dev.groupscope.ui.PlaygroundFrame.PartitionRow;
import dev.groupscope.ui.PlaygroundViewModel.WhatIf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Code-behind of {@code fxml/playground.fxml}: draws each {@link PlaygroundFrame} the view model publishes and
 * binds the transport and the what-if buttons to its commands. Nodes are keyed by stable ids
 * ({@code broker-1}, {@code partition-orders-0}, {@code consumer-C1}, {@code group-state}) and reused from frame to
 * frame. A new view is built on every language switch; the view model, and so t and the run, outlive it.
 */
public final class PlaygroundView {

    static final KeyCombination PLAY_KEY = new KeyCodeCombination(KeyCode.SPACE);
    static final KeyCombination NEXT_KEY = new KeyCodeCombination(KeyCode.PAGE_DOWN);
    static final KeyCombination PREVIOUS_KEY = new KeyCodeCombination(KeyCode.PAGE_UP);
    static final KeyCombination CRASH_KEY = KeyCombination.keyCombination("Shortcut+K");
    static final KeyCombination ADD_KEY = KeyCombination.keyCombination("Shortcut+N");
    static final KeyCombination STOP_BROKER_KEY = KeyCombination.keyCombination("Shortcut+B");
    /** The assignor's next / previous step, when the explanation shows an assignment's trace: "]" and "[". */
    static final KeyCombination TRACE_NEXT_KEY = new KeyCodeCombination(KeyCode.CLOSE_BRACKET);
    static final KeyCombination TRACE_PREVIOUS_KEY = new KeyCodeCombination(KeyCode.OPEN_BRACKET);
    /** Shows the scenario's next consumer group (when it has several). */
    static final KeyCombination NEXT_GROUP_KEY = KeyCombination.keyCombination("Shortcut+G");
    /** The strip shows at least this many of the newest offsets, so a small lag still looks small. */
    static final long MIN_WINDOW = 40;
    static final double MIN_SCRUBBER = 160;

    private final PlaygroundViewModel viewModel;
    private final Messages messages;
    /** The messages as the export's drawing code words them: a pool's window says the same in both. */
    private final LayoutText words;
    private final Map<String, PartitionNode> partitionNodes = new LinkedHashMap<>();
    private final Map<String, ConsumerNode> consumerNodes = new HashMap<>();
    private final Map<String, Label> stateNodes = new LinkedHashMap<>();
    /** The state machine's arrows, by id ({@code transition-Stable-PreparingRebalance}). */
    private final Map<String, Label> edgeNodes = new HashMap<>();
    private final Map<Integer, BrokerNode> brokerNodes = new HashMap<>();
    private final List<Label> recentRows = new ArrayList<>();
    private AggregatedPanels aggregated;
    private ChipMotion motion;
    // Held strongly here and registered weakly on the view model, so a replaced view can be collected.
    private final ChangeListener<PlaygroundFrame> frameListener = (observable, before, now) -> render(now);
    private final ChangeListener<Number> timeListener = (observable, before, now) -> showTime(now.longValue());
    private final ChangeListener<Boolean> playingListener = (observable, before, now) -> showPlaying(now);
    private final ChangeListener<Number> horizonListener = (observable, before, now) -> { };
    private final ChangeListener<Boolean> computingListener = (observable, before, now) -> showComputing();
    /**
     * The computing notice waits this long: a scrub within what is computed (or computed in a moment) gets its
     * frame in a pulse or two, and a notice flashing on and off while dragging the scrubber would only distract.
     */
    static final javafx.util.Duration NOTICE_DELAY = javafx.util.Duration.millis(150);
    private final javafx.animation.PauseTransition noticeDelay = new javafx.animation.PauseTransition(NOTICE_DELAY);
    private final ChangeListener<String> groupListener = (observable, before, now) -> showChosenGroup(now);
    private boolean movingScrubber;
    private PlaygroundFrame shownFrame;
    private final EntityTooltips tooltips;
    /**
     * Whether the consumers' cards are one line each (name, leader, state, generation, chips, Crash) rather than full
     * (who above what it owns): one line where the group panel has not the room for the full cards at the present
     * text size (seven consumers on a 1280x800 projector in presenter mode), full where it has (four to six on a
     * 1920x1080 one). See {@link #fitCards}.
     */
    private boolean oneLineCards;
    /**
     * What the group panel's content was last measured for (width, text size, the group's state and summary, each
     * card's content; see fitCards).
     */
    private String measuredFor;
    /** The group panel's content's height in each arrangement measured for {@link #measuredFor} (see fitCards). */
    private final Map<Integer, Double> bodyHeights = new HashMap<>();
    /**
     * Whether the group panel is tight: at a large text size the whole state machine (in Chinese each state with its
     * gloss, five rows at 1.6x on a 1280x800 projector), the summary and the cards took more than the panel's
     * height, and the cards scrolled out of sight. Tight, only the lit state carries its gloss (the others' in their
     * tooltips) and the cards stand closer, and where that is not enough the summary keeps to one line; see fitCards.
     */
    private boolean tightGroup;
    /**
     * Whether the group's summary keeps to one line (see showSummary): where the tight panel has not the room for the
     * whole sentence too.
     */
    private boolean shortSummary;
    /** The group's summary, the whole sentence first, then its shorter forms (see showSummary). */
    private List<String> summaries = List.of("");
    /** Marks a tooltip that gives a label's whole text (see shortened). */
    private static final String WHOLE_TEXT = "groupscope.wholeText";
    private final javafx.beans.InvalidationListener roomListener = observable -> fitCards();

    @FXML private Parent playgroundRoot;
    @FXML private Button previous;
    @FXML private Button play;
    @FXML private Button next;
    @FXML private Slider speed;
    @FXML private Label speedValue;
    @FXML private Label clock;
    @FXML private Button addConsumer;
    @FXML private Button crashConsumer;
    @FXML private Button stopBroker;
    @FXML private Slider scrubber;
    @FXML private FlowPane transportRow;
    @FXML private Label legend;
    /** The cluster and group panels: built with the view, before (and without) its FXML. */
    private final PlaygroundPanes panes;
    private final FlowPane brokers;
    private final VBox partitions;
    private final Label groupTitle;
    private final FlowPane groupStates;
    private final Label groupSummary;
    private final VBox consumers;
    private final HBox stagePanes;
    private final Label computingNotice;
    /** Whether the FXML (transport, explanation) is loaded; until then the view draws only its panels. */
    private boolean chrome;
    @FXML private Label eventMeta;
    @FXML private Label explanation;
    @FXML private Label recentTitle;
    @FXML private VBox recentEvents;
    @FXML private HBox traceBox;
    @FXML private Button tracePrevious;
    @FXML private Button traceNext;
    @FXML private VBox traceStep;
    /** The lab's step rows, reused for the explanation's trace (one home for drawing a step). */
    private LabNodes stepNodes;
    private final ChangeListener<Number> traceStepListener = (observable, before, now) -> renderTrace();
    /** The partition rows the shown trace step marks as placed. */
    private final List<String> placedShown = new ArrayList<>();

    public PlaygroundView(PlaygroundViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.words = LayoutText.of(messages);
        this.tooltips = new EntityTooltips(messages);
        this.panes = new PlaygroundPanes(messages);
        this.brokers = panes.brokers;
        this.partitions = panes.partitions;
        this.groupTitle = panes.groupTitle;
        this.stagePanes = panes.stagePanes;
        this.computingNotice = panes.computingNotice;
        this.groupStates = panes.groupStates;
        this.groupSummary = panes.groupSummary;
        this.consumers = panes.consumers;
        for (String state : PlaygroundFrame.GROUP_STATES) {
            Label pill = new Label(messages.text("ui.main.groupState." + state));
            pill.setId("group-state-" + state);
            pill.getStyleClass().add("state-pill");
            pill.setMinWidth(Region.USE_PREF_SIZE);
            stateNodes.put(state, pill);
        }
        groupStates.getChildren().setAll(stateGraph());
        bindGroupChoice();
        // The room the group panel offers and the cards' width and height (the text size) decide the cards'
        // arrangement; a change of any of them may change the answer.
        panes.groupRoomProperty().addListener(roomListener);
        consumers.widthProperty().addListener(roomListener);
        consumers.heightProperty().addListener(roomListener);
        // A pooled group's window words: after the facts or under them, decided again when the rows' width or
        // text size changes.
        partitions.widthProperty().addListener(observable -> placeWindowWords());
        partitions.heightProperty().addListener(observable -> placeWindowWords());
        // The panels follow the model from now on, FXML or not: they can be a window's first frame on their own.
        viewModel.frameProperty().addListener(new WeakChangeListener<>(frameListener));
        if (viewModel.getFrame() != null) {
            render(viewModel.getFrame());
        }
    }

    /** The cluster and group panels, drawn from the model's frames even before the FXML is loaded. */
    Parent panels() {
        return panes.root;
    }

    /** Whether the panels show a frame of the model yet. */
    boolean showsFrame() {
        return shownFrame != null;
    }

    @FXML
    private void initialize() {
        ((javafx.scene.layout.BorderPane) playgroundRoot).setCenter(panes.root);
        panes.scrollable();
        bindTransport();
        bindTrace();
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        bindActions();
        TimelineMarksView.install(scrubber, viewModel, messages);
        stretchScrubber();
        WhatIfBar.install((javafx.scene.layout.Pane) addConsumer.getParent(), viewModel, messages,
                EntityMenus.install(playgroundRoot, viewModel, messages));
        viewModel.timeProperty().addListener(new WeakChangeListener<>(timeListener));
        viewModel.playingProperty().addListener(new WeakChangeListener<>(playingListener));
        viewModel.computingProperty().addListener(new WeakChangeListener<>(computingListener));
        noticeDelay.setOnFinished(event -> showComputing(true));
        showPlaying(viewModel.playingProperty().get());
        showTime(viewModel.getTime());
        chrome = true;
        if (viewModel.groups().size() > 1) {
            legend.setText(messages.text("ui.main.legend.groups"));
        }
        // Tooltips are chrome too: nodes drawn before the FXML get theirs now, later ones when they are made.
        partitionNodes.values().forEach(PartitionNode::installTooltips);
        brokerNodes.values().forEach(BrokerNode::installTooltip);
        panes.offsetsTopic.installTooltips();
        consumerNodes.values().forEach(ConsumerNode::installChrome);
        if (viewModel.getFrame() != null) {
            render(viewModel.getFrame());
        }
        showComputing();
    }

    /**
     * A scenario with several groups: the group panel's title chooses the group the window shows (its consumers,
     * owners, committed offsets, coordinator, charts and what-if actions); one group: a plain title.
     */
    private void bindGroupChoice() {
        if (viewModel.groups().size() < 2) {
            return;
        }
        javafx.scene.control.ComboBox<String> groupChoice = panes.groupChoice();
        groupChoice.getItems().setAll(viewModel.groups());
        groupChoice.setValue(viewModel.getGroup());
        groupChoice.setMinWidth(Region.USE_PREF_SIZE);
        groupChoice.setTooltip(keyTooltip("ui.main.group.choose.tooltip", NEXT_GROUP_KEY));
        groupChoice.setAccessibleText(messages.text("ui.main.group.choose"));
        groupTitle.setLabelFor(groupChoice);
        groupChoice.valueProperty().addListener((observable, before, now) -> {
            if (now != null) {
                viewModel.showGroup(now);
            }
        });
        viewModel.groupProperty().addListener(new WeakChangeListener<>(groupListener));
    }

    private void showChosenGroup(String group) {
        panes.groupChoice().setValue(group);
    }

    private void bindTransport() {
        play.setOnAction(event -> viewModel.togglePlay());
        next.setOnAction(event -> viewModel.stepNext());
        previous.setOnAction(event -> viewModel.stepPrevious());
        play.setTooltip(keyTooltip("ui.main.play.tooltip", PLAY_KEY));
        next.setTooltip(keyTooltip("ui.main.next.tooltip", NEXT_KEY));
        previous.setTooltip(keyTooltip("ui.main.previous.tooltip", PREVIOUS_KEY));
        speed.setMin(PlaygroundViewModel.MIN_SPEED_EXPONENT);
        speed.setMax(PlaygroundViewModel.MAX_SPEED_EXPONENT);
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.valueProperty().bindBidirectional(viewModel.speedExponentProperty());
        speedValue.textProperty().bind(viewModel.speedProperty().asString(Locale.ROOT, "%.2g×"));
        scrubber.setMin(0);
        scrubber.setMax(viewModel.durationMs());
        scrubber.setTooltip(new Tooltip(messages.text("ui.main.scrubber.tooltip")));
        scrubber.valueProperty().addListener((observable, before, now) -> {
            if (!movingScrubber) {
                viewModel.scrubTo(now.longValue());
            }
        });
    }

    private void bindTrace() {
        stepNodes = new LabNodes(messages);
        tracePrevious.setOnAction(event -> viewModel.previousTraceStep());
        traceNext.setOnAction(event -> viewModel.nextTraceStep());
        tracePrevious.setTooltip(keyTooltip("ui.main.trace.previous.tooltip", TRACE_PREVIOUS_KEY));
        traceNext.setTooltip(keyTooltip("ui.main.trace.next.tooltip", TRACE_NEXT_KEY));
        tracePrevious.setMinWidth(Region.USE_PREF_SIZE);
        traceNext.setMinWidth(Region.USE_PREF_SIZE);
        viewModel.traceStepProperty().addListener(new WeakChangeListener<>(traceStepListener));
    }

    /**
     * The scrubber takes what the transport row has left (at least {@link #MIN_SCRUBBER} px); with large text the
     * row wraps instead, so no button's label is ever cut short.
     */
    private void stretchScrubber() {
        // The scrubber, or the box that also holds its timeline marks, is the row's stretching child.
        Region slot = (Region) (scrubber.getParent() == transportRow ? scrubber : scrubber.getParent());
        List<javafx.beans.Observable> inputs = new ArrayList<>();
        inputs.add(transportRow.widthProperty());
        inputs.add(transportRow.hgapProperty());
        transportRow.getChildren().stream().filter(node -> node != slot).forEach(node -> inputs.add(
                ((Region) node).widthProperty()));
        slot.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double others = transportRow.getChildren().stream().filter(node -> node != slot)
                    .mapToDouble(node -> ((Region) node).getWidth() + transportRow.getHgap()).sum();
            Insets padding = transportRow.getInsets();
            double inner = transportRow.getWidth() - padding.getLeft() - padding.getRight() - 2;
            // Beside the others if it fits there at a usable width; otherwise on a line of its own, all of it.
            return inner - others >= MIN_SCRUBBER ? inner - others : Math.max(MIN_SCRUBBER, inner);
        }, inputs.toArray(javafx.beans.Observable[]::new)));
        if (slot != scrubber) {
            scrubber.setMaxWidth(Double.MAX_VALUE);
        }
        // A flow pane is at least as wide as its widest child, and the scrubber's width follows the row's: left to
        // itself the row could never get narrower again (at the largest text it held the whole playground wider
        // than the window). Its least width is its widest other child's, or the scrubber's least.
        transportRow.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double widest = transportRow.getChildren().stream().filter(node -> node != slot)
                    .mapToDouble(node -> node.prefWidth(-1)).max().orElse(0);
            Insets padding = transportRow.getInsets();
            return padding.getLeft() + padding.getRight() + Math.max(MIN_SCRUBBER, widest);
        }, inputs.toArray(javafx.beans.Observable[]::new)));
    }

    private void bindActions() {
        addConsumer.disableProperty().bind(viewModel.canAddConsumerProperty().not());
        crashConsumer.disableProperty().bind(viewModel.canCrashConsumerProperty().not());
        stopBroker.disableProperty().bind(viewModel.canStopCoordinatorProperty().not());
        addConsumer.setOnAction(event -> viewModel.act(WhatIf.ADD_CONSUMER, null));
        crashConsumer.setOnAction(event -> viewModel.act(WhatIf.CRASH_CONSUMER, null));
        stopBroker.setOnAction(event -> viewModel.act(WhatIf.STOP_COORDINATOR_BROKER, null));
        addConsumer.setTooltip(keyTooltip("ui.main.act.add.tooltip", ADD_KEY));
        crashConsumer.setTooltip(keyTooltip("ui.main.act.crash.tooltip", CRASH_KEY));
        stopBroker.setTooltip(keyTooltip("ui.main.act.stopBroker.tooltip", STOP_BROKER_KEY));
    }

    private Tooltip keyTooltip(String key, KeyCombination keys) {
        return new Tooltip(messages.format(key, Map.of("key", keys.getDisplayText())));
    }

    private void showPlaying(boolean playing) {
        play.setText(messages.text(playing ? "ui.main.pause" : "ui.main.play"));
    }

    private void showTime(long time) {
        clock.setText(messages.format("ui.main.time", Map.of("seconds", seconds(time))));
        movingScrubber = true;
        scrubber.setValue(time);
        movingScrubber = false;
        if (computingNotice.isVisible()) {
            showComputing(true);
        }
    }

    /** Starts (or ends) showing that t is still being computed, after {@link #NOTICE_DELAY}. */
    private void showComputing() {
        if (viewModel.computingProperty().get()) {
            if (!computingNotice.isVisible()) {
                noticeDelay.playFromStart();
            }
        } else {
            noticeDelay.stop();
            showComputing(false);
        }
    }

    /**
     * While t is not computed yet the panels show an earlier moment (the nearest one computed, or the one shown
     * before the scrub): they are dimmed, and a notice over them names both moments, so the class never reads that
     * picture as t.
     */
    private void showComputing(boolean on) {
        boolean shown = on && viewModel.computingProperty().get();
        if (shown) {
            PlaygroundFrame frame = viewModel.getFrame();
            computingNotice.setText(messages.format("ui.main.computing", Map.of(
                    "seconds", seconds(viewModel.getTime()),
                    "shown", frame == null ? "–" : seconds(frame.time()))));
        }
        computingNotice.setVisible(shown);
        if (shown && !stagePanes.getStyleClass().contains("provisional")) {
            stagePanes.getStyleClass().add("provisional");
        } else if (!shown) {
            stagePanes.getStyleClass().remove("provisional");
        }
    }

    private static String seconds(long time) {
        return String.format(Locale.ROOT, "%.1f", time / 1000.0);
    }

    void render(PlaygroundFrame frame) {
        if (shownFrame != null && !shownFrame.group().groupId().equals(frame.group().groupId())) {
            // Another group's owners: nothing moved, so no chip glides and no cell fades.
            if (motion != null) {
                motion.forget();
            }
            if (aggregated != null) {
                aggregated.forget();
            }
        }
        shownFrame = frame;
        if (computingNotice.isVisible()) {
            showComputing(true);
        }
        renderBrokers(frame);
        panes.offsetsTopic.show(frame.offsetsTopic(), frame.group().groupId(), frame.group().coordinatorBroker());
        if (AggregatedPanels.needed(frame)) {
            renderAggregated(frame);
        } else {
            renderPartitions(frame);
            renderConsumers(frame);
        }
        renderGroup(frame.group());
        renderTransition(frame);
        if (chrome) {
            renderExplanation(frame);
        }
        fitCards();
    }

    /**
     * The most generous arrangement of the group panel that shows all of it in the room it has: full cards under the
     * whole state machine and summary where there is the room, else one-line cards, else the same in the tight panel
     * ({@link #tightGroup}), with the summary on one line if need be. Each arrangement's height is measured from the
     * content (arranged so, styled, asked for its preferred height at its width) only when what it depends on
     * changes: the width, the text size, the group's state and summary, each card's content. It is compared with the
     * room the panel offers, which the window's size sets and the arrangement does not, so the answer cannot feed
     * back into itself; the panel is re-arranged only when the answer changes.
     */
    private void fitCards() {
        if (shownFrame == null || AggregatedPanels.needed(shownFrame) || shownFrame.consumers().isEmpty()) {
            if (tightGroup || shortSummary) {
                arrangeGroup(false, false, oneLineCards);
            }
            return;
        }
        double width = consumers.getWidth();
        double room = panes.groupRoomProperty().get();
        if (width <= 0 || room <= 0) {
            return;
        }
        String key = measureKey(width);
        if (!key.equals(measuredFor)) {
            bodyHeights.clear();
            measuredFor = key;
        }
        // The first arrangement, most generous first, whose states, summary and cards take no more than the room;
        // if none does, the most compact one (the panel then scrolls, as little as it can).
        int chosen = ARRANGEMENTS - 1;
        for (int arrangement = 0; arrangement < ARRANGEMENTS; arrangement++) {
            if (bodyHeight(arrangement) <= room + 0.5) {
                chosen = arrangement;
                break;
            }
        }
        arrange(chosen);
    }

    /**
     * The group panel's arrangements, most generous first: 0 full cards, 1 one-line cards, each under the whole state
     * machine and summary; 2 and 3 the same in the tight panel ({@link #tightGroup}) with the whole summary, 4 and 5
     * with the summary on one line ({@link #shortSummary}).
     */
    private static final int ARRANGEMENTS = 6;

    private static boolean tight(int arrangement) {
        return arrangement >= 2;
    }

    private static boolean shortSummary(int arrangement) {
        return arrangement >= 4;
    }

    private static boolean oneLine(int arrangement) {
        return arrangement % 2 == 1;
    }

    /** The group panel's content's height in an arrangement, measured once for what {@link #measuredFor} names. */
    private double bodyHeight(int arrangement) {
        Double known = bodyHeights.get(arrangement);
        if (known != null) {
            return known;
        }
        arrange(arrangement);
        VBox body = panes.groupBody;
        body.applyCss();
        showSummary();
        body.applyCss();
        double height = body.prefHeight(body.getWidth() > 0 ? body.getWidth() : consumers.getWidth());
        bodyHeights.put(arrangement, height);
        return height;
    }

    /** The group panel in one of its arrangements (see {@link #ARRANGEMENTS}). */
    private void arrange(int arrangement) {
        arrangeGroup(tight(arrangement), shortSummary(arrangement), oneLine(arrangement));
    }

    /**
     * The group panel tight or not, its summary whole or on one line, and its cards one line or full (what is
     * already so stays untouched).
     */
    private void arrangeGroup(boolean tight, boolean shortened, boolean oneLine) {
        if (tight != tightGroup) {
            tightGroup = tight;
            setOnly(panes.groupBody, style -> style.equals("tight"), tight ? "tight" : null);
            showPills();
        }
        if (shortened != shortSummary) {
            shortSummary = shortened;
            showSummary();
        }
        oneLineCards = oneLine;
        arrangeCards(oneLine);
    }

    /**
     * What the group panel's height depends on: its width, the text size, the group's state and last transition (the
     * lit pill, the state it came from, the arrow taken), its summary, and each card's content.
     */
    private String measureKey(double width) {
        StringBuilder key = new StringBuilder().append(Math.round(width * 2)).append(' ')
                .append(groupSummary.getFont() == null ? 0 : groupSummary.getFont().getSize()).append(' ')
                .append(groupStates.getAccessibleText()).append(' ').append(summaries.get(0));
        for (ConsumerRow consumer : shownFrame.consumers()) {
            ConsumerNode node = consumerNodes.get(consumer.clientId());
            if (node != null) {
                key.append(' ').append(node.contentKey());
            }
        }
        return key.toString();
    }

    /** Each shown card in the given arrangement (a card arranged as it already is stays untouched). */
    private void arrangeCards(boolean oneLine) {
        setOnly(consumers, style -> style.equals("one-line-cards"), oneLine ? "one-line-cards" : null);
        for (ConsumerRow consumer : shownFrame.consumers()) {
            ConsumerNode node = consumerNodes.get(consumer.clientId());
            if (node != null) {
                node.arrangeAs(oneLine);
            }
        }
    }

    /** A large cluster: two cell grids instead of a row per partition and a card per consumer. */
    private void renderAggregated(PlaygroundFrame frame) {
        if (aggregated == null) {
            aggregated = new AggregatedPanels(messages);
        }
        aggregated.show(frame, System.nanoTime());
        List<Node> cluster = List.of(aggregated.partitionCaption, aggregated.partitionGrid);
        if (!partitions.getChildren().equals(cluster)) {
            partitions.getChildren().setAll(cluster);
        }
        setOnly(consumers, style -> style.equals("one-line-cards"), null);
        List<Node> group = List.of(aggregated.consumerCaption, aggregated.consumerGrid);
        if (!consumers.getChildren().equals(group)) {
            consumers.getChildren().setAll(group);
        }
    }

    private void renderBrokers(PlaygroundFrame frame) {
        List<Node> nodes = new ArrayList<>();
        for (BrokerRow broker : frame.brokers()) {
            BrokerNode node = brokerNodes.computeIfAbsent(broker.id(), BrokerNode::new);
            node.show(broker, frame.group());
            nodes.add(node.root);
        }
        if (!brokers.getChildren().equals(nodes)) {
            brokers.getChildren().setAll(nodes);
        }
    }

    /**
     * Whether the shown group's pooled partitions have their window's words on a line of their own under their facts
     * (rather than after them on the facts' line). One answer for every row, so a group's rows look alike: after
     * the facts while every row has the room for them there, each on its own line as soon as one has not. Back
     * after the facts only with {@link #WORDS_SPARE} to spare, so words that grow and shrink by a digit or two while
     * playing do not move every row up and down.
     */
    private boolean wordsOwnLine;
    /** The room to spare, in ems of the facts' text, before the window's words go back after the facts. */
    static final double WORDS_SPARE = 2;

    /** Puts every pooled row's window words in the place {@link #wordsOwnLine} chooses (see there). */
    private void placeWindowWords() {
        List<PartitionNode> pooled = new ArrayList<>();
        for (Node row : partitions.getChildren()) {
            PartitionNode node = partitionNodes.get(row.getId() == null ? "" : row.getId().substring("partition-"
                    .length()));
            if (node != null && node.hasWindow()) {
                pooled.add(node);
            }
        }
        if (pooled.isEmpty()) {
            return;
        }
        double least = Double.MAX_VALUE;
        for (PartitionNode node : pooled) {
            double spare = node.spareBesideFacts();
            if (Double.isNaN(spare)) {
                // Not laid out yet: keep the words where they are until the rows have a width.
                least = Double.NaN;
                break;
            }
            least = Math.min(least, spare);
        }
        if (!Double.isNaN(least)) {
            double em = pooled.get(0).factsEm();
            if (least < 0) {
                wordsOwnLine = true;
            } else if (least >= WORDS_SPARE * em) {
                wordsOwnLine = false;
            }
        }
        for (PartitionNode node : pooled) {
            node.placeWords(wordsOwnLine);
        }
    }

    private void renderPartitions(PlaygroundFrame frame) {
        long window = MIN_WINDOW;
        Map<String, List<FrameDetails.GroupOnPartition>> others = new HashMap<>();
        Map<String, FrameDetails.GroupOnPartition> shownGroup = new HashMap<>();
        for (PartitionRow row : frame.partitions()) {
            List<FrameDetails.GroupOnPartition> groups = frame.details().partition(row.name())
                    .map(FrameDetails.PartitionDetail::groups).orElse(List.of());
            List<FrameDetails.GroupOnPartition> otherCommits = otherGroupsCommits(frame, groups);
            others.put(row.name(), otherCommits);
            groups.stream().filter(g -> g.groupId().equals(frame.group().groupId())).findFirst()
                    .ifPresent(shown -> shownGroup.put(row.name(), shown));
            long oldest = Math.min(row.committed() == null ? row.logEndOffset() : row.committed(),
                    row.position() == null ? row.logEndOffset() : row.position());
            for (FrameDetails.GroupOnPartition other : otherCommits) {
                oldest = Math.min(oldest, other.committed());
            }
            window = Math.max(window, row.logEndOffset() - oldest + 5);
        }
        List<Node> rows = new ArrayList<>();
        for (PartitionRow row : frame.partitions()) {
            PartitionNode node = partitionNodes.computeIfAbsent(row.name(), name -> new PartitionNode(name));
            node.show(row, window, others.get(row.name()), shownGroup.get(row.name()));
            rows.add(node.root);
        }
        if (!partitions.getChildren().equals(rows)) {
            partitions.getChildren().setAll(rows);
        }
        placeWindowWords();
    }

    /** The other groups of the run that have committed on a partition: one neutral mark each on its strip. */
    private static List<FrameDetails.GroupOnPartition> otherGroupsCommits(PlaygroundFrame frame,
                                                                         List<FrameDetails.GroupOnPartition> groups) {
        return groups.stream().filter(g -> !g.groupId().equals(frame.group().groupId()) && g.committed() != null)
                .toList();
    }

    /**
     * The pills in a row with the arrows of every transition Kafka allows between them (see {@link GroupStateGraph}):
     * a pair → / ← between neighbours, "↩" from Stable back to PreparingRebalance, and one arrow into Dead for all.
     */
    private List<Node> stateGraph() {
        List<GroupStateGraph.Edge> edges = GroupStateGraph.edges();
        List<Node> row = new ArrayList<>();
        List<String> states = GroupStateGraph.STATES;
        for (int i = 0; i < states.size(); i++) {
            String state = states.get(i);
            // A pill and the arrow that belongs to it ("any →" Dead, Stable "↩") wrap as one.
            HBox unit = new HBox();
            unit.getStyleClass().add("state-unit");
            if (state.equals("Dead")) {
                unit.getStyleClass().add("state-unit-dead"); // set apart: "↩ rebalance any → Dead" read as one
                edges.stream().filter(edge -> edge.place() == GroupStateGraph.Place.TO_DEAD).findFirst()
                        .ifPresent(edge -> unit.getChildren().add(edgeNode(edge,
                                messages.text("ui.main.groupEdge.toDead"))));
            }
            unit.getChildren().add(stateNodes.get(state));
            if (state.equals("Stable")) {
                edges.stream().filter(edge -> edge.place() == GroupStateGraph.Place.AGAIN)
                        .forEach(edge -> unit.getChildren().add(edgeNode(edge,
                                messages.text("ui.main.groupEdge.again"))));
            }
            row.add(unit.getChildren().size() == 1 ? stateNodes.get(state) : unit);
            if (i + 1 < states.size() && !states.get(i + 1).equals("Dead")) {
                String next = states.get(i + 1);
                VBox pair = new VBox();
                pair.getStyleClass().add("state-edges");
                GroupStateGraph.arrow(state, next).ifPresent(edge -> pair.getChildren().add(edgeNode(edge, "→")));
                GroupStateGraph.arrow(next, state).ifPresent(edge -> pair.getChildren().add(edgeNode(edge, "←")));
                row.add(pair);
            }
        }
        return row;
    }

    private Label edgeNode(GroupStateGraph.Edge edge, String text) {
        Label arrow = new Label(text);
        arrow.setId(edge.id());
        arrow.getStyleClass().add("state-edge");
        if (edge.place() == GroupStateGraph.Place.TO_DEAD) {
            arrow.getStyleClass().add("to-dead");
        }
        arrow.setMinWidth(Region.USE_PREF_SIZE);
        String plain = edgeText(edge);
        Tooltip tip = new Tooltip(plain);
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        arrow.setTooltip(tip);
        arrow.setAccessibleText(plain);
        edgeNodes.put(edge.id(), arrow);
        return arrow;
    }

    private String edgeText(GroupStateGraph.Edge edge) {
        return edge.place() == GroupStateGraph.Place.TO_DEAD ? messages.text("ui.main.groupEdge.toDead.tooltip")
                : messages.format("ui.main.groupEdge", Map.of("from", edge.from(), "to", edge.to()));
    }

    /**
     * Lights the arrow of the transition that brought the group into its state (the frame's last GroupStateChange),
     * its tooltip saying when and why, and marks the state it came from; all other arrows are plain.
     */
    private void renderTransition(PlaygroundFrame frame) {
        Optional<PlaygroundFrame.Transition> last = frame.lastTransition();
        String takenId = last.flatMap(t -> GroupStateGraph.arrow(t.from(), t.to()))
                .map(GroupStateGraph.Edge::id).orElse(null);
        for (GroupStateGraph.Edge edge : GroupStateGraph.edges()) {
            Label arrow = edgeNodes.get(edge.id());
            boolean taken = edge.id().equals(takenId);
            boolean was = arrow.getStyleClass().contains("taken");
            if (taken) {
                PlaygroundFrame.Transition t = last.get();
                String why = messages.format("ui.main.groupEdge.taken", Map.of("from", t.from(), "to", t.to(),
                        "seconds", String.format(Locale.ROOT, "%.3f", t.event().time() / 1000.0),
                        "reason", sentence(t.event())));
                arrow.getTooltip().setText(WholeNames.in(why));
                arrow.setAccessibleText(why);
                if (!was) {
                    arrow.getStyleClass().add("taken");
                }
            } else if (was) {
                arrow.getStyleClass().remove("taken");
                arrow.getTooltip().setText(edgeText(edge));
                arrow.setAccessibleText(edgeText(edge));
            }
        }
        String from = last.map(PlaygroundFrame.Transition::from).orElse(null);
        stateNodes.forEach((state, pill) -> {
            boolean previous = state.equals(from);
            if (previous && !pill.getStyleClass().contains("previous")) {
                pill.getStyleClass().add("previous");
            } else if (!previous) {
                pill.getStyleClass().remove("previous");
            }
        });
        groupStates.setAccessibleText(frame.group().state() + last.map(t -> " (" + t.from() + " → " + t.to() + ")")
                .orElse(""));
    }

    private void renderGroup(GroupRow group) {
        groupTitle.setText(panes.choosesGroup() ? messages.text("ui.main.group.choose")
                : messages.format("ui.main.group", Map.of("group", group.groupId())));
        stateNodes.forEach((state, pill) -> {
            boolean lit = state.equals(group.state());
            if (lit && !pill.getStyleClass().contains("lit")) {
                pill.getStyleClass().add("lit");
            } else if (!lit) {
                pill.getStyleClass().remove("lit");
            }
        });
        groupStates.setUserData(group.state());
        showPills();
        // The summary wraps on a projector; "__consumer_offsets-13" is kept whole wherever its line breaks.
        if (group.offsetsPartition() < 0) {
            summaries = List.of(WholeNames.in(messages.format("ui.main.group.noOffsetsTopic",
                    Map.of("group", group.groupId()))));
        } else if (group.coordinatorBroker() < 0) {
            summaries = List.of(WholeNames.in(messages.format("ui.main.group.noCoordinator",
                    Map.of("group", group.groupId(), "partition", group.offsetsPartition()))));
        } else {
            String none = messages.text("ui.main.group.none");
            Map<String, Object> facts = Map.of("generation", Math.max(0, group.generation()),
                    "protocol", group.protocol().isEmpty() ? none : group.protocol(),
                    "leader", group.leader().isEmpty() ? none : group.leader(),
                    "coordinator", group.coordinatorBroker(), "partition", group.offsetsPartition(),
                    "until", seconds(Math.max(0, group.loadEndsAt())));
            // The whole sentence first, then its shorter forms for a tight panel (see showSummary); while the
            // coordinator still reads the partition, each says so.
            String forms = group.loading() ? ".loading" : "";
            summaries = List.of("ui.main.group.summary", "ui.main.group.summary.noPartition",
                    "ui.main.group.summary.short").stream()
                    .map(key -> WholeNames.in(messages.format(key + forms, facts))).toList();
        }
        showSummary();
    }

    /**
     * The group's summary: the whole sentence, or where the panel is short of room for it ({@link #shortSummary})
     * the longest of its shorter forms that takes one line (without the coordinator's {@code __consumer_offsets}
     * partition, which the cluster panel's title lights anyway; then without the coordinator, whose broker says
     * "coordinator"). The whole sentence is then the summary's tooltip.
     */
    private void showSummary() {
        String full = summaries.get(0);
        String shown = full;
        if (shortSummary && summaries.size() > 1 && groupSummary.getFont() != null) {
            double room = panes.groupBody.getWidth() - panes.groupBody.snappedLeftInset()
                    - panes.groupBody.snappedRightInset()
                    - groupSummary.snappedLeftInset() - groupSummary.snappedRightInset();
            shown = summaries.get(summaries.size() - 1);
            for (String text : summaries) {
                javafx.scene.text.Text measured = new javafx.scene.text.Text(text);
                measured.setFont(groupSummary.getFont());
                if (room > 0 && Math.ceil(measured.getLayoutBounds().getWidth()) <= room) {
                    shown = text;
                    break;
                }
            }
        }
        if (!shown.equals(groupSummary.getText())) {
            groupSummary.setText(shown);
        }
        groupSummary.setAccessibleText(full);
        shortened(groupSummary, shown.equals(full) ? null : full);
    }

    /**
     * The state pills' names: Kafka's name and, in Chinese, its gloss ("PreparingRebalance 准备再均衡"); where the panel
     * is tight ({@link #tightGroup}) the gloss only on the lit state, every other pill its Kafka name and the whole
     * name in its tooltip. The state machine then takes three rows at the largest text instead of five, and still
     * shows every state, the group's lit and glossed.
     */
    private void showPills() {
        stateNodes.forEach((state, pill) -> {
            String full = messages.text("ui.main.groupState." + state);
            boolean shorter = tightGroup && !pill.getStyleClass().contains("lit") && !full.equals(state);
            String shown = shorter ? state : full;
            if (!shown.equals(pill.getText())) {
                pill.setText(shown);
            }
            pill.setAccessibleText(full);
            shortened(pill, shorter ? full : null);
        });
    }

    /** A tooltip with the whole text of a label shown shorter ({@code whole}), none when it shows it all. */
    private void shortened(Label label, String whole) {
        if (whole == null || !chrome) {
            if (label.getTooltip() != null && label.getProperties().containsKey(WHOLE_TEXT)) {
                label.setTooltip(null);
                label.getProperties().remove(WHOLE_TEXT);
            }
            return;
        }
        if (label.getTooltip() == null) {
            Tooltip tip = new Tooltip();
            tip.setWrapText(true);
            tip.setMaxWidth(640);
            label.setTooltip(tip);
            label.getProperties().put(WHOLE_TEXT, Boolean.TRUE);
        }
        if (!whole.equals(label.getTooltip().getText())) {
            label.getTooltip().setText(whole);
        }
    }

    private void renderConsumers(PlaygroundFrame frame) {
        if (motion == null) {
            motion = new ChipMotion(consumers);
        }
        motion.beginFrame();
        List<Node> cards = new ArrayList<>();
        // The arrangement last chosen from the room; fitCards, once the frame is drawn, changes it if it must.
        boolean oneLine = oneLineCards;
        setOnly(consumers, style -> style.equals("one-line-cards"), oneLine ? "one-line-cards" : null);
        for (ConsumerRow consumer : frame.consumers()) {
            ConsumerNode node = consumerNodes.computeIfAbsent(consumer.clientId(), id -> new ConsumerNode(consumer));
            node.show(consumer, frame, oneLine);
            cards.add(node.root);
        }
        if (!consumers.getChildren().equals(cards)) {
            consumers.getChildren().setAll(cards);
        }
        motion.endFrame();
    }

    private void renderExplanation(PlaygroundFrame frame) {
        Optional<SimEvent> current = frame.current();
        eventMeta.setText(current.map(this::meta).orElse(""));
        // The sentences wrap: a setting's name ("auto.commit.interval.ms") is kept whole wherever a line breaks.
        explanation.setText(WholeNames.in(current.map(this::sentence)
                .orElse(messages.text("ui.main.explanation.none"))));
        renderTrace();
        // Below it one more event: the latest like it when routine ones followed it unexplained, else the one before.
        List<SimEvent> earlier = frame.since().map(List::of)
                .orElse(frame.recent().subList(0, Math.max(0, frame.recent().size() - 1)));
        recentTitle.setText(messages.text(frame.since().isPresent() ? "ui.main.since" : "ui.main.recent"));
        int shown = Math.min(1, earlier.size());
        while (recentRows.size() < shown) {
            Label row = new MeasuredLabel();
            row.getStyleClass().add("recent-event");
            // Whole sentences, never cut with "…": one earlier event, wrapped, instead of two cut short.
            row.setWrapText(true);
            row.setMinHeight(Region.USE_PREF_SIZE);
            recentRows.add(row);
        }
        for (int i = 0; i < shown; i++) {
            SimEvent event = earlier.get(earlier.size() - 1 - i);
            recentRows.get(i).setText(WholeNames.in(meta(event) + " — " + sentence(event)));
        }
        List<Label> rows = recentRows.subList(0, shown);
        if (!recentEvents.getChildren().equals(rows)) {
            recentEvents.getChildren().setAll(rows);
        }
    }

    /**
     * At an AssignorRun: the assignor's step the view model points at, drawn as the lab draws it, with "step n of
     * N" and the step buttons; the partitions that step places are marked in the cluster panel. Otherwise hidden.
     */
    private void renderTrace() {
        if (!chrome) {
            return;
        }
        Optional<AssignorTrace> trace = viewModel.traceProperty().get();
        traceBox.setVisible(trace.isPresent());
        traceBox.setManaged(trace.isPresent());
        if (trace.isEmpty()) {
            traceStep.getChildren().clear();
            markPlaced(List.of());
            return;
        }
        AssignorTrace steps = trace.get();
        int index = steps.clamp(viewModel.traceStepProperty().get());
        String title = messages.format("ui.main.trace.title", Map.of("assignor", steps.assignor(),
                "step", index + 1, "steps", steps.size()));
        tracePrevious.setDisable(index == 0);
        traceNext.setDisable(index == steps.size() - 1);
        // The lab's row, its number replaced by "3 / 17": buttons, position, kind and sentence take one line.
        HBox row = (HBox) stepNodes.stepRow(index, steps.step(index), steps.topics());
        row.setId("trace-step");
        Label position = new Label(messages.format("ui.main.trace.position",
                Map.of("step", index + 1, "steps", steps.size())));
        position.setId("traceTitle");
        position.getStyleClass().add("trace-position");
        position.setMinWidth(Region.USE_PREF_SIZE);
        row.getChildren().set(0, position);
        position.setTooltip(new Tooltip(title));
        traceBox.setAccessibleText(title);
        traceStep.getChildren().setAll(row);
        markPlaced(viewModel.placedPartitions());
    }

    /** Marks the partition rows of {@code placed} (and unmarks the others) in the cluster panel. */
    private void markPlaced(List<String> placed) {
        if (placedShown.equals(placed)) {
            return;
        }
        placedShown.forEach(name -> Optional.ofNullable(partitionNodes.get(name))
                .ifPresent(node -> node.root.getStyleClass().remove("step-placed")));
        placedShown.clear();
        for (String name : placed) {
            PartitionNode node = partitionNodes.get(name);
            if (node != null) {
                node.root.getStyleClass().add("step-placed");
                placedShown.add(name);
            }
        }
    }

    private String meta(SimEvent event) {
        return messages.format("ui.main.event.at", Map.of("seconds", String.format(Locale.ROOT, "%.3f",
                event.time() / 1000.0), "type", event.type()));
    }

    private String sentence(SimEvent event) {
        return EventSentences.of(event, messages);
    }

    /**
     * Gives {@code node} the style class {@code wanted} and none other that {@code family} matches, touching the
     * list only when it changes: every change re-applies CSS to the node, which is what makes a frame slow.
     * {@code wanted} null: none of the family.
     */
    static void setOnly(Node node, java.util.function.Predicate<String> family, String wanted) {
        List<String> current = node.getStyleClass().stream().filter(family).toList();
        if (wanted == null ? current.isEmpty() : current.size() == 1 && current.get(0).equals(wanted)) {
            return;
        }
        node.getStyleClass().removeIf(family);
        if (wanted != null) {
            node.getStyleClass().add(wanted);
        }
    }

    /** A tooltip whose text the view model's {@link EntityTooltips} writes when it opens, from the frame shown. */
    private static void entityTooltip(Node node, java.util.function.Supplier<String> text) {
        Tooltip tip = new Tooltip();
        tip.getStyleClass().add("entity-tooltip");
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        tip.setOnShowing(event -> tip.setText(WholeNames.in(text.get())));
        Tooltip.install(node, tip);
    }

    /** The tooltip text of an entity (by node id suffix) at the frame shown, for tests. */
    String tooltipText(String kind, String id) {
        return kind.equals("partition") ? tooltips.partition(shownFrame, id) : tooltips.consumer(shownFrame, id);
    }

    static String slotClass(int slot) {
        return "member-slot-" + Math.floorMod(slot, 8);
    }

    /**
     * One broker's box, reused from frame to frame (so its tooltip and any hover survive the next frame): its name,
     * up or down and the coordinator badge on the first line; on the second, which partitions it leads, counted per
     * topic ("leads 2 of orders, 17 of offsets"), the full list in its tooltip.
     */
    private final class BrokerNode {
        final VBox root = new VBox();
        final HBox title = new HBox();
        final Label name = new Label();
        final Label state = new Label();
        final Label coordinator = new Label(messages.text("ui.main.broker.coordinatorBadge"));
        final Label leads = new Label();
        private final int id;
        private BrokerRow shown;
        private GroupRow group;
        /** Chrome, like every tooltip: made once the rest of the window is there. */
        private Tooltip tip;

        BrokerNode(int id) {
            this.id = id;
            name.setText(messages.format("ui.main.broker", Map.of("id", id)));
            name.getStyleClass().add("broker-name");
            state.getStyleClass().add("broker-state");
            coordinator.getStyleClass().add("broker-coordinator");
            leads.getStyleClass().add("broker-leads");
            leads.setId("broker-" + id + "-leads");
            for (Label label : List.of(name, state, coordinator, leads)) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
            root.setId("broker-" + id);
            root.getStyleClass().add("broker");
            title.getStyleClass().add("broker-title");
            // The coordinator a short badge (which group and offsets partition are in the group's summary, the
            // offsets row and the tooltip): the three brokers take one row even in presenter mode.
            title.getChildren().setAll(name, state);
            root.getChildren().setAll(title, leads);
            if (chrome) {
                installTooltip();
            }
        }

        void installTooltip() {
            if (tip == null) {
                tip = OffsetsTopicPane.tooltip();
                tip.setOnShowing(event -> tip.setText(WholeNames.in(tooltipText())));
                Tooltip.install(root, tip);
            }
        }

        /** Every partition it leads, a line per topic, and what it coordinates. */
        String tooltipText() {
            if (shown == null) {
                return "";
            }
            if (!shown.up()) {
                return messages.format("ui.main.broker.leads.downTooltip", Map.of("id", id));
            }
            List<String> lines = new ArrayList<>();
            lines.add(messages.format("ui.main.broker.leads.tooltip", Map.of("id", id, "count", shown.leadCount())));
            for (PlaygroundFrame.TopicLeads topic : shown.leads()) {
                lines.add(messages.format("ui.main.broker.leads.topicLine", Map.of("topic", topic.topic(),
                        "partitions", topic.partitions())));
            }
            if (shown.coordinator()) {
                lines.add(messages.format("ui.main.broker.coordinator", Map.of(
                        "group", group.groupId(), "partition", group.offsetsPartition())));
            }
            return String.join("\n", lines);
        }

        /** "leads 2 of orders, 17 of offsets": each topic's count, in the frame's order. */
        private String leadsText(BrokerRow broker) {
            if (broker.leads().isEmpty()) {
                return messages.text("ui.main.broker.leads.none");
            }
            String list = null;
            for (PlaygroundFrame.TopicLeads topic : broker.leads()) {
                // __consumer_offsets by its short name: three brokers' boxes keep to one row on a projector.
                String item = topic.topic().equals(FrameReader.OFFSETS_TOPIC)
                        ? messages.format("ui.main.broker.leads.offsets", Map.of("count", topic.count()))
                        : messages.format("ui.main.broker.leads.topic", Map.of("count", topic.count(),
                        "topic", topic.topic()));
                list = list == null ? item : messages.format("ui.main.broker.leads.more",
                        Map.of("list", list, "next", item));
            }
            return messages.format("ui.main.broker.leads", Map.of("list", list));
        }

        void show(BrokerRow broker, GroupRow group) {
            this.shown = broker;
            this.group = group;
            state.setText(messages.text(broker.up() ? "ui.main.broker.up" : "ui.main.broker.down"));
            setOnly(root, style -> style.equals("up") || style.equals("down"), broker.up() ? "up" : "down");
            String led = leadsText(broker);
            if (!led.equals(leads.getText())) {
                leads.setText(led);
            }
            if (broker.coordinator()) {
                coordinator.setAccessibleText(messages.format("ui.main.broker.coordinator", Map.of(
                        "group", group.groupId(), "partition", group.offsetsPartition())));
                if (!title.getChildren().contains(coordinator)) {
                    title.getChildren().add(coordinator);
                    root.getStyleClass().add("coordinator");
                }
            } else if (title.getChildren().remove(coordinator)) {
                root.getStyleClass().remove("coordinator");
            }
            root.setUserData(broker);
            if (tip != null && tip.isShowing()) {
                tip.setText(tooltipText());
            }
        }
    }

    private final class PartitionNode {
        final HBox root;
        final Label name = new Label();
        final Label owner = new Label();
        final LogStrip strip = new LogStrip();
        final Label numbers;
        final Label position = new Label();
        /**
         * While its owner hands its records to a worker pool: the partition's window in that pool, at the end of the
         * row beside the log, and what it means in words after the facts, or on a line of their own under them:
         * the same in every row of the group ({@link PlaygroundView#placeWindowWords}; a flow that wrapped each
         * row's words where its own line ran out put them beside the numbers in one row and under them in the
         * next). Made the first time a frame has one: most runs have no pool, and the first frame does without them.
         */
        static final double WINDOW_SHARE = 0.25;
        private WindowSlots windowSlots;
        private Label windowFacts;
        private final HBox head;
        private final WrappingFlow facts;
        /** The row's lines: the head (name, owner, log, window), the facts, and a window's words on their own. */
        private final VBox body;

        PartitionNode(String id) {
            name.setText(id);
            name.getStyleClass().add("partition-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            owner.getStyleClass().addAll("part-chip", "owner-chip");
            owner.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(strip, Priority.ALWAYS);
            head = new HBox(name, owner, strip);
            head.getStyleClass().add("partition-head");
            // Wraps (position under the numbers, each within the row) rather than cut either short or widen the row
            // when the text is large.
            facts = new WrappingFlow();
            numbers = new WrappingFlow.Line(facts);
            numbers.getStyleClass().add("partition-numbers");
            position.getStyleClass().add("partition-position");
            position.setMinWidth(Region.USE_PREF_SIZE);
            facts.getChildren().addAll(numbers, position);
            facts.getStyleClass().add("partition-facts");
            body = new VBox(head, facts);
            body.getStyleClass().add("partition-body");
            HBox.setHgrow(body, Priority.ALWAYS);
            root = new HBox(body);
            root.setId("partition-" + id);
            root.getStyleClass().add("partition-row");
            if (chrome) {
                installTooltips();
            }
        }

        /**
         * The numbers, then what the ledger says of the shown group here: records processed again (the tooltip says
         * which, by whom and when), records processed out of the partition's order (a worker pool's) and records
         * committed past but never processed.
         */
        private String ledgerSays(String numbersText, FrameDetails.GroupOnPartition shown) {
            String text = numbersText;
            if (shown != null && shown.processedAgain() > 0) {
                text = messages.format("ui.main.partition.again", Map.of("numbers", text,
                        "again", shown.processedAgain()));
            }
            if (shown != null && shown.outOfOrder() > 0) {
                text = messages.format("ui.main.partition.outOfOrder", Map.of("numbers", text,
                        "count", shown.outOfOrder()));
            }
            if (shown != null && shown.lost() > 0) {
                text = messages.format("ui.main.partition.lost", Map.of("numbers", text, "lost", shown.lost()));
            }
            return text;
        }

        void installTooltips() {
            String id = name.getText();
            entityTooltip(root, () -> tooltips.partition(shownFrame, id));
        }

        /** {@code shown}: the shown group's details on this partition (null: it has none). */
        void show(PartitionRow row, long window, List<FrameDetails.GroupOnPartition> others,
                  FrameDetails.GroupOnPartition shown) {
            setOnly(owner, style -> style.startsWith("member-slot-") || style.equals("unowned"),
                    row.owner() == null ? "unowned" : slotClass(row.ownerSlot()));
            if (row.owner() == null) {
                owner.setText(messages.text("ui.main.partition.unowned"));
                // Nobody reads it, yet the coordinator may have given it to someone who has not heard (or is down).
                position.setText(row.assignee() == null ? "" : messages.format(
                        TopologyLayout.assignedKey(row.assignee()), Map.of("consumer", row.assignee().clientId())));
            } else {
                owner.setText(row.owner());
                position.setText(row.position() == null ? "" : messages.format("ui.main.partition.position",
                        Map.of("owner", row.owner(), "position", row.position())));
            }
            String numbersText = row.lag().isPresent()
                    ? messages.format("ui.main.partition.numbers", Map.of("end", row.logEndOffset(),
                            "committed", row.committed(), "lag", row.lag().getAsLong()))
                    : messages.format("ui.main.partition.numbers.noCommit", Map.of("end", row.logEndOffset()));
            numbers.setText(ledgerSays(numbersText, shown));
            strip.show(window, row.logEndOffset(), row.committed(), row.position(),
                    row.owner() == null ? null : slotClass(row.ownerSlot()));
            strip.showOthers(others.stream().map(FrameDetails.GroupOnPartition::committed).toList(),
                    others.stream().map(other -> messages.format("ui.main.partition.otherCommitted", Map.of(
                            "group", other.groupId(), "committed", other.committed(),
                            "lag", row.logEndOffset() - other.committed()))).toList());
            showWindow(row);
            root.setUserData(row);
        }

        /** Whether the row shows a window now. */
        boolean hasWindow() {
            return windowSlots != null && head.getChildren().contains(windowSlots);
        }

        /**
         * How much of the facts' line would be left with the window's words after the numbers and the position,
         * each at its whole length (negative: they do not fit it); NaN before the row has a width.
         */
        double spareBesideFacts() {
            double room = facts.getWidth() - facts.snappedLeftInset() - facts.snappedRightInset();
            if (room <= 0 || windowFacts.getFont() == null) {
                return Double.NaN;
            }
            double used = 0;
            int shown = 0;
            for (Label fact : List.of(numbers, position, windowFacts)) {
                if (fact.getText() != null && !fact.getText().isEmpty()) {
                    used += fact instanceof WrappingFlow.Line line ? line.wanted() : fact.prefWidth(-1);
                    shown++;
                }
            }
            return room - used - Math.max(0, shown - 1) * facts.snapSpaceX(facts.getHgap());
        }

        /** The size of the facts' letters, in pixels. */
        double factsEm() {
            return numbers.getFont() == null ? 12 : numbers.getFont().getSize();
        }

        /** The window's words after the facts, or on their own line under them. */
        void placeWords(boolean ownLine) {
            javafx.scene.layout.Pane into = ownLine ? body : facts;
            if (windowFacts.getParent() != into) {
                ((javafx.scene.layout.Pane) windowFacts.getParent()).getChildren().remove(windowFacts);
                into.getChildren().add(windowFacts);
            }
        }

        private void makeWindow() {
            windowSlots = new WindowSlots();
            // Its own line, as wide as the facts' (it wraps within the row at the largest text).
            windowFacts = new WrappingFlow.Line(facts);
            windowFacts.getStyleClass().add("pool-window-facts");
            // The window takes a quarter of the row and the log the rest, at any text size: a window as wide as its
            // words' size asked for left the log 40 px at the largest text.
            head.widthProperty().addListener(observable -> windowSlots.setPrefWidth(
                    Math.round(head.getWidth() * WINDOW_SHARE)));
            windowSlots.setPrefWidth(Math.round(head.getWidth() * WINDOW_SHARE));
        }

        private void showWindow(PartitionRow row) {
            WorkerPoolView.Window window = row.owner() == null ? null : row.window();
            if (window != null && windowSlots == null) {
                makeWindow();
            }
            if (window != null) {
                windowSlots.show(window, row.committed(), slotClass(row.ownerSlot()));
                String text = WindowLine.said(window, row.committed(), words);
                if (!text.equals(windowFacts.getText())) {
                    windowFacts.setText(text);
                    windowSlots.setAccessibleText(text);
                }
                setOnly(windowFacts, style -> style.equals("alarm"),
                        WindowLine.alarming(window, row.committed()) ? "alarm" : null);
            }
            boolean shown = windowSlots != null && head.getChildren().contains(windowSlots);
            if (window != null && !shown) {
                head.getChildren().add(windowSlots);
                (wordsOwnLine ? body : facts).getChildren().add(windowFacts);
            } else if (window == null && shown) {
                head.getChildren().remove(windowSlots);
                body.getChildren().remove(windowFacts);
                facts.getChildren().remove(windowFacts);
            }
        }
    }

    private final class ConsumerNode {
        final HBox root;
        final Region swatch = new Region();
        final Label name = new Label();
        final Label leader = new Label(messages.text("ui.main.consumer.leader"));
        final Label state = new Label();
        final Label generation = new Label();
        final FlowPane chips = new FlowPane();
        /** Chrome too, like the tooltips: a button is a control, which the first frame does without. */
        private Button crash;
        private final MemberLine title;
        private final VBox body;
        private final Region gap = new Region();
        /** Whether the card shows as one line (see {@link #arrange}). */
        private boolean oneLine;
        /** Whether the consumer is down (crashed, failed, stopped): "no partitions" then in the top row. */
        private boolean down;
        /** The arrangement last made by {@link #arrange}: one line, "no partitions" in the title, a Crash button. */
        private String arranged;
        private final String id;
        final Label nothing = new Label(messages.text("ui.main.consumer.nothing"));
        /** A worker-pool consumer's threads, the card's last row while it runs ({@link WorkersLine}); made when needed. */
        private WorkersLine workers;
        private boolean pooled;

        ConsumerNode(ConsumerRow consumer) {
            id = consumer.clientId();
            swatch.getStyleClass().addAll("member-swatch", slotClass(consumer.slot()));
            name.setText(id);
            name.getStyleClass().add("member-name");
            for (Label label : List.of(name, leader, state, generation)) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
            leader.getStyleClass().add("leader-badge");
            leader.setId("leader-" + id);
            leader.setAccessibleText(messages.format("ui.main.consumer.leader.tooltip", Map.of("consumer", id)));
            state.getStyleClass().add("member-state");
            state.setId("member-state-" + id);
            generation.getStyleClass().add("member-generation");
            // Two rows: who (name, leader, state, generation, Crash) above what it owns. The chips then get the
            // card's whole width, so three partitions take one row, not three, and the group fits a projector.
            HBox.setHgrow(gap, Priority.ALWAYS);
            title = new MemberLine(name, leader, state, generation, nothing, gap);
            title.getStyleClass().add("member-title");
            chips.getStyleClass().add("chips");
            chips.setMinWidth(0);
            chips.setPrefWrapLength(1);
            body = new VBox(title, chips);
            body.getStyleClass().add("member-card-body");
            HBox.setHgrow(body, Priority.ALWAYS);
            nothing.getStyleClass().add("member-nothing");
            nothing.setMinWidth(Region.USE_PREF_SIZE);
            root = new HBox(swatch, body);
            root.setId("consumer-" + id);
            root.getStyleClass().add("member-row");
            if (chrome) {
                installChrome();
            }
        }

        /**
         * Puts the card's nodes in their rows. Regular: who it is (and, for a stopped consumer, "no partitions") on
         * top, the chips below. One line ({@code oneLine}, where the group panel has not the room for full cards,
         * see {@link PlaygroundView#fitCards}): name, leader, state, generation, then the chips (or "no partitions")
         * taking the rest of the line, wrapping within it when there are many, and Crash at its end, so seven
         * consumers fit a projector's group panel.
         */
        private void arrange(boolean oneLine, boolean nothingInTitle) {
            // Called at every frame: a layout constraint set again asks the card for a new layout, so only a change
            // of arrangement re-arranges it.
            String arrangement = oneLine + " " + nothingInTitle + " " + (crash != null) + " " + pooled;
            if (arrangement.equals(arranged)) {
                return;
            }
            arranged = arrangement;
            List<Node> top = new ArrayList<>(List.of(name, leader, state, generation));
            List<Node> rows = new ArrayList<>(List.of(title));
            if (oneLine) {
                top.add(chips);
                top.add(nothing);
            } else {
                if (nothingInTitle) {
                    top.add(nothing);
                }
                top.add(gap);
                rows.add(chips);
                if (!nothingInTitle) {
                    rows.add(nothing);
                }
            }
            if (crash != null) {
                top.add(crash);
            }
            if (pooled) {
                rows.add(workers);
            }
            // The chips (or "no partitions") take the line's spare width, Crash at its end; when the line has too
            // little for all of them in a row, it folds and they get a line of their own (see MemberLine).
            for (Region filler : List.of(chips, nothing)) {
                HBox.setHgrow(filler, oneLine ? Priority.ALWAYS : Priority.NEVER);
                MemberLine.setStretch(filler, oneLine);
            }
            nothing.setMaxWidth(oneLine ? Double.MAX_VALUE : Region.USE_PREF_SIZE);
            chips.setMinWidth(oneLine ? Region.USE_COMPUTED_SIZE : 0);
            if (!title.getChildren().equals(top)) {
                title.getChildren().setAll(top);
            }
            if (!body.getChildren().equals(rows)) {
                body.getChildren().setAll(rows);
            }
            // On one line the leader's mark is its star alone (the word is in its tooltip, and the group's summary
            // line names the leader): the word made the leader's card the only one to fold.
            leader.setText(messages.text(oneLine ? "ui.main.consumer.leader.short" : "ui.main.consumer.leader"));
            PlaygroundView.setOnly(root, style -> style.equals("one-line"), oneLine ? "one-line" : null);
        }

        /** The Crash button at the end of the card's top row, and the tooltips. */
        void installChrome() {
            crash = new Button(messages.text("ui.main.consumer.crash"));
            crash.setId("crash-" + id);
            crash.getStyleClass().add("leave-button");
            crash.setMinWidth(Region.USE_PREF_SIZE);
            crash.setFocusTraversable(false);
            MemberLine.setEnd(crash);
            crash.setOnAction(event -> viewModel.act(WhatIf.CRASH_CONSUMER, id));
            title.getChildren().add(crash);
            arrange(oneLine, nothing.getParent() == title);
            crash.setTooltip(new Tooltip(messages.format("ui.main.consumer.crash.tooltip", Map.of("consumer", id))));
            leader.setTooltip(new Tooltip(leader.getAccessibleText()));
            entityTooltip(root, () -> tooltips.consumer(shownFrame, id));
        }

        /** The card in the given arrangement, its content as last shown. */
        void arrangeAs(boolean oneLine) {
            this.oneLine = oneLine;
            arrange(oneLine, down);
        }

        /** What the card's full height depends on besides width and text size: what it shows. */
        String contentKey() {
            return id + ":" + chips.getChildren().size() + (chips.isManaged() ? "c" : "") + (down ? "d" : "")
                    + (pooled ? "p" + workers.getChildren().size() : "") + (leader.isManaged() ? "l" : "")
                    + (crash != null && crash.isManaged() ? "x" : "") + ":" + state.getText() + ":"
                    + generation.getText();
        }

        void show(ConsumerRow consumer, PlaygroundFrame frame, boolean oneLine) {
            this.oneLine = oneLine;
            leader.setVisible(consumer.leader());
            leader.setManaged(consumer.leader());
            state.setText(messages.text("ui.main.memberState." + consumer.displayState()));
            setOnly(state, style -> style.startsWith("member-state-"),
                    "member-state-" + consumer.displayState().toLowerCase(Locale.ROOT));
            generation.setText(consumer.generation() < 0 ? "" : messages.format("ui.main.consumer.generation",
                    Map.of("generation", consumer.generation())));
            down = consumer.state().equals("CRASHED") || consumer.state().equals("FAILED")
                    || consumer.state().equals("STOPPED");
            if (down && !root.getStyleClass().contains("down")) {
                root.getStyleClass().add("down");
            } else if (!down) {
                root.getStyleClass().remove("down");
            }
            if (crash != null) {
                crash.setDisable(down);
                // Nothing left to crash: the button gives its room to "no partitions" on the card's one line.
                crash.setVisible(!down);
                crash.setManaged(!down);
            }
            List<String> shown = chips.getChildren().stream().map(Node::getId).toList();
            // A crashed or stopped process still remembers its partitions, but it owns nothing any more.
            List<String> owned = down ? List.of() : consumer.assigned();
            List<String> wanted = owned.stream().map(p -> "owned-" + consumer.clientId() + "-" + p)
                    .toList();
            if (!shown.equals(wanted)) {
                List<Node> nodes = new ArrayList<>();
                for (String partition : owned) {
                    nodes.add(motion.chip(partition, consumer.clientId(), consumer.slot()));
                }
                chips.getChildren().setAll(nodes);
            } else {
                // Unchanged here; still claim the chips, so a stale duplicate elsewhere cannot take them.
                owned.forEach(partition -> motion.chip(partition, consumer.clientId(), consumer.slot()));
            }
            DeletedTopicChips.mark(chips.getChildren(), consumer.clientId(), frame, messages);
            pooled = consumer.pool() != null && !down;
            if (pooled) {
                if (workers == null) {
                    workers = new WorkersLine(messages);
                }
                workers.show(consumer.pool(), frame.time());
            }
            // "no partitions" sits in the top row of a stopped consumer's card (one line high, no Crash button);
            // a running one's top row may be full (leader, "syncing", Crash), so there it takes the chips' row.
            boolean none = owned.isEmpty();
            arrange(oneLine, down);
            nothing.setVisible(none);
            nothing.setManaged(none);
            chips.setVisible(!none);
            chips.setManaged(!none);
            root.setUserData(consumer);
        }
    }
}
