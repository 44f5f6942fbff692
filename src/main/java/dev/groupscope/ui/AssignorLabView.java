package dev.groupscope.ui;

import dev.groupscope.lab.LabRound;
import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.RebalanceProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Code-behind of {@code fxml/assignor-lab.fxml}: binds the controls to {@link AssignorLabViewModel} and redraws
 * the group and the trace from each {@link LabRound}. A new view is built for every language switch; the view
 * model outlives it, so the group stays as it was.
 */
public final class AssignorLabView {

    static final KeyCombination ADD_KEY = KeyCombination.keyCombination("Shortcut+J");
    static final KeyCombination REMOVE_KEY = KeyCombination.keyCombination("Shortcut+L");
    static final KeyCombination REBALANCE_KEY = KeyCombination.keyCombination("Shortcut+R");

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final AssignorLabViewModel viewModel;
    private final Messages messages;
    private final LabNodes nodes;
    // Held strongly here and registered weakly on the view model, so a replaced view can be collected.
    private final ChangeListener<LabRound> roundListener = (observable, before, now) -> render(now);
    private final ChangeListener<TopicsSpec.Problem> problemListener =
            (observable, before, now) -> this.topics.pseudoClassStateChanged(ERROR, now != null);
    private final ChangeListener<Number> sizeListener = (observable, before, now) -> showSize(now.intValue());

    @FXML private Parent labRoot;
    @FXML private ComboBox<String> strategy;
    @FXML private TextField topics;
    @FXML private Label topicsError;
    @FXML private Spinner<Integer> consumerCount;
    @FXML private Button addConsumer;
    @FXML private Button removeConsumer;
    @FXML private Button rebalance;
    @FXML private Button startOver;
    @FXML private Label summary;
    @FXML private VBox consumers;
    @FXML private Node withheldBox;
    @FXML private Label withheldTitle;
    @FXML private FlowPane withheld;
    @FXML private Label traceTitle;
    @FXML private VBox steps;
    @FXML private Label legend;

    public AssignorLabView(AssignorLabViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.nodes = new LabNodes(messages);
    }

    @FXML
    private void initialize() {
        bindSetup();
        bindCommands();
        viewModel.roundProperty().addListener(new WeakChangeListener<>(roundListener));
        legend.setText(messages.format("ui.lab.legend", Map.of("add", ADD_KEY.getDisplayText(),
                "remove", REMOVE_KEY.getDisplayText(), "rebalance", REBALANCE_KEY.getDisplayText())));
        render(viewModel.getRound());
    }

    private void bindSetup() {
        strategy.setItems(viewModel.strategies());
        strategy.valueProperty().bindBidirectional(viewModel.strategyProperty());
        topics.textProperty().bindBidirectional(viewModel.topicsTextProperty());
        topics.setOnAction(event -> viewModel.applyTopics());
        topics.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                viewModel.applyTopics();
            }
        });
        topics.setTooltip(new Tooltip(messages.text("ui.lab.topics.hint")));
        withheldTitle.setTooltip(new Tooltip(messages.text("ui.lab.withheld")));
        topicsError.textProperty().bind(Bindings.createStringBinding(this::topicsProblemText,
                viewModel.topicsProblemProperty()));
        topicsError.visibleProperty().bind(viewModel.topicsProblemProperty().isNotNull());
        topicsError.managedProperty().bind(topicsError.visibleProperty());
        viewModel.topicsProblemProperty().addListener(new WeakChangeListener<>(problemListener));
        topics.pseudoClassStateChanged(ERROR, viewModel.topicsProblemProperty().get() != null);
        IntegerSpinnerValueFactory sizes = new IntegerSpinnerValueFactory(AssignorLabViewModel.MIN_CONSUMERS,
                AssignorLabViewModel.MAX_CONSUMERS, viewModel.groupSizeProperty().get());
        consumerCount.setValueFactory(sizes);
        sizes.valueProperty().addListener((observable, before, now) -> viewModel.resizeTo(now));
        viewModel.groupSizeProperty().addListener(new WeakChangeListener<>(sizeListener));
    }

    private void bindCommands() {
        addConsumer.disableProperty().bind(viewModel.canAddConsumerProperty().not());
        removeConsumer.disableProperty().bind(viewModel.canRemoveConsumerProperty().not());
        addConsumer.setOnAction(event -> viewModel.addConsumer());
        removeConsumer.setOnAction(event -> viewModel.removeConsumer());
        rebalance.setOnAction(event -> viewModel.rebalance());
        startOver.setOnAction(event -> viewModel.startOver());
        addConsumer.setTooltip(keyTooltip("ui.lab.addConsumer.tooltip", ADD_KEY));
        removeConsumer.setTooltip(keyTooltip("ui.lab.removeConsumer.tooltip", REMOVE_KEY));
        rebalance.setTooltip(keyTooltip("ui.lab.rebalance.tooltip", REBALANCE_KEY));
        startOver.setTooltip(new Tooltip(messages.text("ui.lab.startOver.tooltip")));
    }

    private Tooltip keyTooltip(String key, KeyCombination keys) {
        return new Tooltip(messages.format(key, Map.of("key", keys.getDisplayText())));
    }

    private String topicsProblemText() {
        TopicsSpec.Problem problem = viewModel.topicsProblemProperty().get();
        return problem == null ? "" : messages.format(problem.messageKey(), problem.args());
    }

    private void showSize(int size) {
        if (consumerCount.getValue() != size) {
            consumerCount.getValueFactory().setValue(size);
        }
    }

    private void render(LabRound round) {
        // "revoked: all 7" only where it is true: an EAGER group in which members owned something. The count holds
        // what a leaving member revoked too, as Kafka's onLeavePrepare does under either protocol.
        boolean revokedAll = round.protocol() == RebalanceProtocol.EAGER && round.revokedCount() > 0;
        summary.setText(messages.format(revokedAll ? "ui.lab.summary.eager" : "ui.lab.summary", Map.of(
                "generation", round.generation(), "strategy", round.strategy(), "protocol", nodes.protocolName(round),
                "consumers", round.members().size(), "revoked", round.revokedCount(), "moved", round.movedCount(),
                "idle", round.idleCount())));
        List<Node> rows = new ArrayList<>();
        // Who left first: its revoked partitions are in the count above, and the members below now hold them.
        round.departure().ifPresent(departure -> rows.add(nodes.departureRow(departure)));
        round.members().forEach(member -> rows.add(nodes.memberRow(round, member,
                viewModel.canRemoveConsumerProperty(), viewModel::removeConsumer)));
        consumers.getChildren().setAll(rows);
        withheld.getChildren().setAll(round.withheld().stream().map(nodes::withheldChip).toList());
        withheldBox.setVisible(!round.withheld().isEmpty());
        withheldBox.setManaged(!round.withheld().isEmpty());
        renderTrace(round);
    }

    private void renderTrace(LabRound round) {
        traceTitle.setText(messages.format("ui.lab.trace",
                Map.of("strategy", round.strategy(), "steps", round.steps().size())));
        List<Node> rows = new ArrayList<>();
        for (int i = 0; i < round.steps().size(); i++) {
            rows.add(nodes.stackedStepRow(i, round.steps().get(i), round.topics()));
        }
        steps.getChildren().setAll(rows);
    }
}
