package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.CoordinatorStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Code-behind of {@code fxml/coordinator.fxml}: shows each {@link CoordinatorStep} the view model computes as a
 * numbered row ({@code calc-step-HASH} … {@code calc-step-LEADER}) with its sentence, and the answer in large type.
 */
public final class CoordinatorCalculatorView {

    private final CoordinatorCalculatorViewModel viewModel;
    private final Messages messages;
    private final ChangeListener<List<CoordinatorStep>> stepsListener = (observable, before, now) -> show(now);
    // With no id typed the steps stay empty (no change to hear), but the cluster line still follows the time.
    private final ChangeListener<PlaygroundFrame> frameListener = (observable, before, now) -> showContext();

    @FXML private TextField calcGroupId;
    @FXML private Button calcUsePlayground;
    @FXML private VBox calcSteps;
    @FXML private Label calcResult;
    @FXML private Label calcContext;

    public CoordinatorCalculatorView(CoordinatorCalculatorViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        calcGroupId.textProperty().bindBidirectional(viewModel.groupIdProperty());
        calcUsePlayground.setOnAction(event -> viewModel.usePlaygroundGroup());
        viewModel.stepsProperty().addListener(new WeakChangeListener<>(stepsListener));
        viewModel.frameProperty().addListener(new WeakChangeListener<>(frameListener));
        show(viewModel.stepsProperty().get());
    }

    private void show(List<CoordinatorStep> steps) {
        List<Node> rows = new ArrayList<>();
        int number = 1;
        for (CoordinatorStep step : steps) {
            Label kind = new Label(number++ + " · " + messages.text("ui.calc.kind." + step.kind().name()));
            kind.getStyleClass().add("calc-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            // It wraps: "offsets.topic.num.partitions" and "__consumer_offsets-13" are kept whole.
            Label sentence = new Label(WholeNames.in(messages.format(step.messageKey(), step.args())));
            sentence.getStyleClass().add("calc-sentence");
            sentence.setWrapText(true);
            HBox.setHgrow(sentence, Priority.ALWAYS);
            HBox row = new HBox(kind, sentence);
            row.setId("calc-step-" + step.kind().name());
            row.getStyleClass().add("calc-step");
            rows.add(row);
        }
        calcSteps.getChildren().setAll(rows);
        calcResult.setText(WholeNames.in(result(steps)));
        showContext();
    }

    private String result(List<CoordinatorStep> steps) {
        String id = viewModel.groupIdProperty().get();
        if (steps.isEmpty() && id != null && !id.isEmpty()) {
            // An id but no steps: the cluster's first moment is still being computed.
            return messages.format("ui.calc.waiting", Map.of("group", id));
        } else if (steps.isEmpty()) {
            return messages.text("ui.calc.empty");
        }
        CoordinatorStep last = steps.get(steps.size() - 1);
        return viewModel.coordinator().isPresent()
                ? messages.format("ui.calc.result", Map.of("group", id,
                        "broker", viewModel.coordinator().getAsInt(), "partition", last.args().get("partition")))
                : messages.format("ui.calc.noResult", Map.of("group", id));
    }

    private void showContext() {
        PlaygroundFrame frame = viewModel.frame();
        String up = frame == null ? "" : frame.brokers().stream().filter(PlaygroundFrame.BrokerRow::up)
                .map(b -> Integer.toString(b.id())).collect(Collectors.joining(", "));
        calcContext.setText(messages.format("ui.calc.context", Map.of("seconds",
                String.format(Locale.ROOT, "%.1f", viewModel.time() / 1000.0), "brokers", up,
                "partitions", viewModel.partitionCount())));
    }
}
