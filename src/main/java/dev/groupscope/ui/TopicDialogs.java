package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The dialogs that create a topic and add partitions. Every keystroke is checked by {@link TopicForm}; a refused
 * value is refused in place — the reason, Kafka's where Kafka refuses, under the fields — and OK stays disabled
 * until the form is one Kafka would accept. The result is a command for the one command path.
 */
final class TopicDialogs {

    private TopicDialogs() {
    }

    static Dialog<ModelCommand> createTopic(Messages messages, List<String> existing, int replicationFactor,
                                            Window owner) {
        TextField name = new TextField();
        name.setId("topic-name");
        name.setPromptText("payments");
        TextField partitions = new TextField("3");
        partitions.setId("topic-partitions");
        Dialog<ModelCommand> dialog = dialog(messages, owner, "ui.topic.create.title", name, partitions);
        Runnable check = () -> show(dialog, messages,
                TopicForm.checkCreate(name.getText(), partitions.getText(), existing));
        name.textProperty().addListener((observable, before, now) -> check.run());
        partitions.textProperty().addListener((observable, before, now) -> check.run());
        check.run();
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new ModelCommand.CreateTopic(name.getText().strip(),
                        TopicForm.count(partitions.getText()).orElseThrow(), replicationFactor) : null);
        dialog.setOnShown(event -> name.requestFocus());
        return dialog;
    }

    static Dialog<ModelCommand> addPartitions(Messages messages, String topic, int current, Window owner) {
        Label name = new Label(topic);
        name.setId("topic-name");
        TextField partitions = new TextField(Integer.toString(current + 1));
        partitions.setId("topic-partitions");
        Dialog<ModelCommand> dialog = dialog(messages, owner, "ui.topic.grow.title", name, partitions);
        dialog.setHeaderText(WholeNames.in(messages.format("ui.topic.grow.header", java.util.Map.of("topic", topic,
                "current", current))));
        Runnable check = () -> show(dialog, messages, TopicForm.checkIncrease(topic, current, partitions.getText()));
        partitions.textProperty().addListener((observable, before, now) -> check.run());
        check.run();
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new ModelCommand.AddPartitions(topic, TopicForm.count(partitions.getText()).orElseThrow()) : null);
        dialog.setOnShown(event -> partitions.requestFocus());
        return dialog;
    }

    private static Dialog<ModelCommand> dialog(Messages messages, Window owner, String titleKey,
                                               javafx.scene.Node name, TextField partitions) {
        Dialog<ModelCommand> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.text(titleKey));
        dialog.setHeaderText(messages.text(titleKey));
        GridPane form = new GridPane();
        form.getStyleClass().add("topic-form");
        form.addRow(0, new Label(messages.text("ui.topic.name")), name);
        form.addRow(1, new Label(messages.text("ui.topic.partitions")), partitions);
        Label problem = new Label();
        problem.setId("topic-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        form.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(TopicDialogs.class.getResource(
                "/dev/groupscope/ui/charts.css").toExternalForm());
        dialog.getDialogPane().setUserData(problem);
        return dialog;
    }

    private static void show(Dialog<ModelCommand> dialog, Messages messages, Optional<TopicForm.Problem> problem) {
        Label label = (Label) dialog.getDialogPane().getUserData();
        label.setText(problem.map(p -> WholeNames.in(messages.format(p.messageKey(), p.args()))).orElse(""));
        dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(problem.isPresent());
    }
}
