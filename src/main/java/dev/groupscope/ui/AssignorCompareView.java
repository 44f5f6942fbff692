package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.lab.Departure;
import dev.groupscope.lab.LabRound;
import dev.groupscope.lab.MemberRow;
import dev.groupscope.lab.PartitionChip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Code-behind of {@code fxml/assignor-compare.fxml}: a column per assignor with its rebalance protocol, the member
 * that left (if one did) with everything it revoked on its way out, its members, each member's partitions (moved
 * ones marked "← C1", ones revoked and given straight back under EAGER marked "↺"), the partitions it revoked and
 * no longer has (struck through), the partitions a cooperative round withholds, and the assignor's step trace
 * below. Ids: {@code compare-range}, {@code compare-range-summary}, {@code compare-range-departure},
 * {@code compare-range-C0}, {@code compare-range-revoked-t0-3}.
 */
public final class AssignorCompareView {

    private static final String STYLESHEET = "/dev/groupscope/ui/charts.css";

    private final AssignorCompareViewModel viewModel;
    private final Messages messages;
    private final LabNodes nodes;
    private final ChangeListener<List<LabRound>> roundsListener = (observable, before, now) -> render(now);
    private final javafx.beans.InvalidationListener fitHeadings = observable -> fitHeadings();

    @FXML private Parent compareRoot;
    @FXML private TextField compareTopics;
    @FXML private Label compareTopicsError;
    @FXML private Label compareSize;
    @FXML private Button compareAdd;
    @FXML private Button compareRemove;
    @FXML private Button compareRebalance;
    @FXML private Button compareStartOver;
    @FXML private ColumnRows columns;
    @FXML private ScrollPane compareScroll;

    public AssignorCompareView(AssignorCompareViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.nodes = new LabNodes(messages);
    }

    @FXML
    private void initialize() {
        compareRoot.getStylesheets().add(AssignorCompareView.class.getResource(STYLESHEET).toExternalForm());
        compareTopics.textProperty().bindBidirectional(viewModel.topicsTextProperty());
        compareTopics.setOnAction(event -> viewModel.applyTopics());
        compareTopics.focusedProperty().addListener((observable, before, now) -> {
            if (!now) {
                viewModel.applyTopics();
            }
        });
        compareTopicsError.textProperty().bind(Bindings.createStringBinding(() -> {
            TopicsSpec.Problem problem = viewModel.topicsProblemProperty().get();
            return problem == null ? "" : messages.format(problem.messageKey(), problem.args());
        }, viewModel.topicsProblemProperty()));
        compareTopicsError.visibleProperty().bind(viewModel.topicsProblemProperty().isNotNull());
        compareTopicsError.managedProperty().bind(compareTopicsError.visibleProperty());
        compareSize.textProperty().bind(Bindings.createStringBinding(() -> messages.format("ui.compare.size",
                Map.of("consumers", viewModel.groupSizeProperty().get())), viewModel.groupSizeProperty()));
        compareAdd.disableProperty().bind(viewModel.canAddConsumerProperty().not());
        compareRemove.disableProperty().bind(viewModel.canRemoveConsumerProperty().not());
        compareAdd.setOnAction(event -> viewModel.addConsumer());
        compareRemove.setOnAction(event -> viewModel.removeConsumer());
        compareRebalance.setOnAction(event -> viewModel.rebalance());
        compareStartOver.setOnAction(event -> viewModel.startOver());
        compareRebalance.setTooltip(new Tooltip(messages.text("ui.compare.nextRound.tooltip")));
        // Rows that wrap fill the window one at a time, so each trace has what its members leave of the window.
        columns.leastRowHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.max(0,
                compareScroll.getViewportBounds().getHeight() - columns.snappedTopInset()
                        - columns.snappedBottomInset()), compareScroll.viewportBoundsProperty(),
                columns.paddingProperty()));
        viewModel.roundsProperty().addListener(new WeakChangeListener<>(roundsListener));
        render(viewModel.getRounds());
    }

    private void render(List<LabRound> rounds) {
        List<Node> built = new ArrayList<>();
        for (LabRound round : rounds) {
            built.add(column(round));
        }
        columns.getChildren().setAll(built);
    }

    private Node column(LabRound round) {
        String prefix = "compare-" + round.strategy();
        Label title = new Label(round.strategy());
        title.setId(prefix + "-title");
        title.getStyleClass().add("compare-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        // "cooperative-" above "sticky" when the column is too narrow for the whole name.
        title.setWrapText(true);
        Label protocol = new Label(nodes.protocolName(round));
        protocol.setId(prefix + "-protocol");
        protocol.getStyleClass().addAll("protocol-badge", "protocol-" + round.protocol().name().toLowerCase(Locale.ROOT));
        protocol.setMinWidth(Region.USE_PREF_SIZE);
        // In groups: a group is as large as its label drawn, so a title scaled to its column takes only that room.
        FlowPane heading = new FlowPane(new Group(title), new Group(protocol));
        heading.getStyleClass().add("compare-heading");
        Label summary = new Label(messages.format(summaryKey(round), Map.of("generation", round.generation(),
                "moved", round.movedCount(), "revoked", round.revokedCount(), "idle", round.idleCount())));
        summary.setId(prefix + "-summary");
        summary.getStyleClass().add("compare-summary");
        summary.setWrapText(true);
        // Every line of it, also at the larger zooms: the members and the trace scroll instead.
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox members = new VBox();
        members.getStyleClass().add("compare-members");
        round.departure().ifPresent(departure -> members.getChildren().add(departureRow(prefix, departure)));
        for (MemberRow member : round.members()) {
            members.getChildren().add(memberRow(prefix, member));
        }
        if (!round.withheld().isEmpty()) {
            Label withheldTitle = new Label(messages.text("ui.compare.withheld"));
            withheldTitle.getStyleClass().add("compare-withheld-title");
            withheldTitle.setWrapText(true);
            withheldTitle.setMinHeight(Region.USE_PREF_SIZE);
            FlowPane withheld = new FlowPane();
            withheld.getStyleClass().add("chips");
            round.withheld().forEach(chip -> withheld.getChildren().add(nodes.withheldChip(chip)));
            members.getChildren().addAll(withheldTitle, withheld);
        }
        // Every member whole: a column keeps a width its chips fit in (charts.css), and the columns scroll as a whole.
        VBox.setVgrow(members, Priority.NEVER);
        Label traceTitle = new Label(messages.format("ui.compare.trace", Map.of("steps", round.steps().size())));
        traceTitle.getStyleClass().add("compare-trace-title");
        traceTitle.setWrapText(true);
        traceTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox steps = new VBox();
        steps.getStyleClass().add("compare-steps");
        List<AssignmentStep> trace = round.steps();
        for (int i = 0; i < trace.size(); i++) {
            Label step = new Label(WholeNames.in((i + 1) + ". " + StepNarration.sentence(trace.get(i), messages)));
            step.setWrapText(true);
            step.getStyleClass().add("compare-step");
            step.setId(prefix + "-step-" + i);
            steps.getChildren().add(step);
        }
        ScrollPane stepsScroll = new TraceScroll(steps);
        stepsScroll.setFitToWidth(true);
        // Its first step whole at least, and whatever height the column has left.
        stepsScroll.getStyleClass().addAll("panel-scroll", "compare-trace");
        stepsScroll.setPrefViewportHeight(10);
        VBox.setVgrow(stepsScroll, Priority.ALWAYS);
        VBox column = new VBox(heading, summary, members, traceTitle, stepsScroll);
        column.setId(prefix);
        column.getStyleClass().add("compare-column");
        column.setUserData(round);
        column.widthProperty().addListener(fitHeadings);
        title.fontProperty().addListener(fitHeadings);
        protocol.fontProperty().addListener(fitHeadings);
        return column;
    }

    /**
     * A column's step trace, never shorter than its first step whole (and five lines): at 1.5x text on a 1280x800
     * projector a fixed few lines showed the first step cut through, sticky's five-line first step half of it.
     */
    private static final class TraceScroll extends ScrollPane {

        private static final double LEAST_LINES = 5;

        TraceScroll(Region steps) {
            super(steps);
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computeMinHeight(double width) {
            Region steps = (Region) getContent();
            double least = super.computeMinHeight(width);
            if (steps.getChildrenUnmodifiable().isEmpty()) {
                return least;
            }
            Label first = (Label) steps.getChildrenUnmodifiable().get(0);
            double lines = first.getFont() == null ? 0 : LEAST_LINES * first.getFont().getSize() * 1.2;
            double wide = width > 0 ? width : getWidth();
            double stepHeight = 0;
            if (wide > 0) {
                // The steps' width: the pane's, less its insets, the vertical scroll bar and the steps' padding.
                double bar = 0;
                for (Node node : lookupAll(".scroll-bar")) {
                    if (node instanceof javafx.scene.control.ScrollBar scrollBar
                            && scrollBar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                        bar = Math.max(bar, scrollBar.prefWidth(-1));
                    }
                }
                double text = wide - snappedLeftInset() - snappedRightInset() - bar - steps.snappedLeftInset()
                        - steps.snappedRightInset();
                stepHeight = first.prefHeight(Math.max(1, text)) + steps.snappedTopInset()
                        + steps.snappedBottomInset();
            }
            return Math.max(least, snappedTopInset() + Math.max(lines, stepHeight) + snappedBottomInset());
        }
    }

    /**
     * Fits the columns' titles and protocol badges to the columns' width: at the largest text on a 1280-pixel
     * screen "roundrobin" and "cooperative-sticky" were wider than their columns and ran into the next one. A name
     * too wide breaks after its hyphen, and what is still too wide is drawn smaller, every title by the same factor
     * (and every badge by the same factor), so the columns still read alike. Where they fit, nothing changes.
     */
    private void fitHeadings() {
        List<Label> titles = new ArrayList<>();
        List<Label> badges = new ArrayList<>();
        double room = Double.MAX_VALUE;
        for (Node node : columns.getChildren()) {
            Region column = (Region) node;
            if (column.getWidth() <= 0) {
                return;
            }
            room = Math.min(room, column.getWidth() - column.snappedLeftInset() - column.snappedRightInset());
            titles.add((Label) column.lookup(".compare-title"));
            badges.add((Label) column.lookup(".protocol-badge"));
        }
        if (titles.isEmpty() || room <= 0) {
            return;
        }
        double titleScale = 1;
        for (Label title : titles) {
            titleScale = Math.min(titleScale, room / widestPart(title));
        }
        for (Label title : titles) {
            // As wide as the column allows at this scale, so the name breaks only where it must.
            title.setPrefWidth(Math.min(title.getFont() == null ? Region.USE_COMPUTED_SIZE : oneLine(title),
                    room / titleScale));
            title.setScaleX(titleScale);
            title.setScaleY(titleScale);
        }
        double badgeScale = 1;
        for (Label badge : badges) {
            badgeScale = Math.min(badgeScale, room / badge.prefWidth(-1));
        }
        for (Label badge : badges) {
            badge.setScaleX(badgeScale);
            badge.setScaleY(badgeScale);
        }
    }

    /** The label's text on one line, at its font, with its padding. */
    private static double oneLine(Label label) {
        return textWidth(label.getText(), label) + label.snappedLeftInset() + label.snappedRightInset();
    }

    /** The widest piece the label's text can be broken into (after a hyphen), with its padding. */
    private static double widestPart(Label label) {
        double widest = 0;
        for (String part : label.getText().split("(?<=-)")) {
            widest = Math.max(widest, textWidth(part, label));
        }
        return Math.max(1, widest + label.snappedLeftInset() + label.snappedRightInset());
    }

    private static double textWidth(String text, Label label) {
        javafx.scene.text.Text measured = new javafx.scene.text.Text(text);
        measured.setFont(label.getFont());
        return Math.ceil(measured.getLayoutBounds().getWidth());
    }

    /**
     * EAGER and COOPERATIVE revoke different things, and the column must say which: "all 7 revoked" is the
     * stop-the-world the cooperative column avoids. The model has counted; this only picks the words.
     */
    private static String summaryKey(LabRound round) {
        if (round.revokedCount() == 0) {
            return "ui.compare.summary.nothingRevoked";
        }
        return switch (round.protocol()) {
            case EAGER -> "ui.compare.summary.eager";
            case COOPERATIVE -> "ui.compare.summary.cooperative";
        };
    }

    private Node memberRow(String prefix, MemberRow member) {
        Label name = memberName(member.memberId());
        FlowPane chips = chips();
        for (PartitionChip chip : member.partitions()) {
            chips.getChildren().add(nodes.assignedChip(chip, member));
        }
        for (TopicPartition revoked : member.revokedAndGone()) {
            chips.getChildren().add(revokedChip(prefix, revoked, "ui.compare.revoked.tooltip", member.memberId()));
        }
        if (chips.getChildren().isEmpty()) {
            Label idle = new Label(messages.text("ui.lab.idle"));
            idle.getStyleClass().add("idle-badge");
            chips.getChildren().add(idle);
        }
        HBox.setHgrow(chips, Priority.ALWAYS);
        HBox row = new HBox(name, chips);
        row.setId(prefix + "-" + member.memberId());
        row.getStyleClass().add("compare-member");
        return row;
    }

    private static Label memberName(String memberId) {
        Label name = new Label(memberId);
        name.getStyleClass().add("compare-member-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        return name;
    }

    private static FlowPane chips() {
        FlowPane chips = new FlowPane();
        chips.getStyleClass().add("chips");
        return chips;
    }

    /**
     * The member that left, first: "left" and everything it revoked before its LeaveGroup, struck through like the
     * members' revoked partitions, so the column shows every partition its revoked count holds.
     */
    private Node departureRow(String prefix, Departure departure) {
        Label name = memberName(departure.memberId());
        FlowPane chips = chips();
        chips.getChildren().add(nodes.leftBadge());
        for (TopicPartition revoked : departure.revoked()) {
            chips.getChildren().add(revokedChip(prefix, revoked, "ui.compare.departure.tooltip",
                    departure.memberId()));
        }
        HBox.setHgrow(chips, Priority.ALWAYS);
        HBox row = new HBox(name, chips);
        row.setId(prefix + "-departure");
        row.getStyleClass().addAll("compare-member", "compare-departure");
        return row;
    }

    private Label revokedChip(String prefix, TopicPartition revoked, String tooltipKey, String member) {
        Label chip = new Label(revoked.toString());
        chip.setId(prefix + "-revoked-" + revoked);
        chip.getStyleClass().addAll("chip", "revoked");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.setTooltip(new Tooltip(messages.format(tooltipKey,
                Map.of("partition", revoked.toString(), "member", member))));
        return chip;
    }
}
