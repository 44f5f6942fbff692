package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.ui.ConsumerSettingsViewModel.Accepted;
import dev.groupscope.ui.ConsumerSettingsViewModel.Outcome;
import dev.groupscope.ui.ConsumerSettingsViewModel.Problem;
import dev.groupscope.ui.ConsumerSettingsViewModel.Refused;
import dev.groupscope.ui.ConsumerSettingsViewModel.Row;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The settings sheet of one consumer: a thin view of {@link ConsumerSettingsViewModel}. Per setting, Kafka's name
 * and type, an editor for the value it runs with, Kafka's default and the allowed values, and under them the
 * one-line description; then the commit policy. Apply hands the input to the view model: refused input stays as
 * typed, each refused row shows why (Kafka's own words where Kafka refuses) and the sheet stays open; accepted
 * input closes it with the one command to perform.
 */
final class ConsumerSettingsSheet {

    private final ConsumerSettingsViewModel viewModel;
    private final Messages messages;
    private final GridPane grid = new GridPane();
    private final Map<String, Supplier<String>> inputs = new LinkedHashMap<>();
    private final Map<String, Label> problems = new LinkedHashMap<>();
    private final ComboBox<String> policy = new ComboBox<>();
    private final TextField everyRecords = new TextField();
    private int line;

    private ConsumerSettingsSheet(ConsumerSettingsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    /** The sheet as a dialog whose result is the command to perform (none: cancelled or nothing changed). */
    static Dialog<ModelCommand> dialog(ConsumerSettingsViewModel viewModel, Messages messages, Window owner) {
        return new ConsumerSettingsSheet(viewModel, messages).build(owner);
    }

    /** The node id of a setting's editor, e.g. {@code setting-session-timeout-ms} (dots would read as CSS classes). */
    static String editorId(String setting) {
        return "setting-" + setting.replace('.', '-');
    }

    static String problemId(String setting) {
        return "setting-problem-" + setting.replace('.', '-');
    }

    private Dialog<ModelCommand> build(Window owner) {
        Map<String, String> consumer = Map.of("consumer", viewModel.consumer());
        // The window's theme and text size apply to the sheet too.
        Dialog<ModelCommand> dialog = OwnedDialogs.ownedBy(new Dialog<>(), owner);
        dialog.setResizable(true);
        dialog.setTitle(messages.format("ui.settings.title", consumer));
        dialog.setHeaderText(messages.format("ui.settings.header", consumer));
        grid.setId("settings-sheet");
        grid.setHgap(12);
        grid.setVgap(4);
        header();
        viewModel.rows().forEach(this::settingRow);
        policyRows();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        // Sizes in em (groupscope.css, .settings-sheet): the sheet grows with the window's text size and language.
        scroll.getStyleClass().add("settings-scroll");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getStyleClass().add("settings-sheet");
        ButtonType apply = new ButtonType(messages.text("ui.settings.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.text("ui.settings.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, cancel);
        ModelCommand[] accepted = new ModelCommand[1];
        Node applyButton = dialog.getDialogPane().lookupButton(apply);
        applyButton.setId("settings-apply");
        applyButton.addEventFilter(ActionEvent.ACTION, event -> {
            Outcome outcome = viewModel.apply(edited(), policy.getValue(), everyRecords.getText());
            if (outcome instanceof Refused refused) {
                show(refused);
                event.consume();
            } else {
                accepted[0] = ((Accepted) outcome).command().orElse(null);
            }
        });
        dialog.setResultConverter(button -> button == apply ? accepted[0] : null);
        dialog.setOnShown(event -> javafx.application.Platform.runLater(() -> {
            keepOnScreen(dialog);
            fitText(dialog, scroll);
        }));
        return dialog;
    }

    /** Centred on a window larger than the screen, Apply could end up off the screen: move the sheet into view. */
    private static void keepOnScreen(Dialog<?> dialog) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(dialog.getX(), dialog.getY(),
                Math.max(1, dialog.getWidth()), Math.max(1, dialog.getHeight())).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        dialog.setWidth(Math.min(dialog.getWidth(), screen.getWidth()));
        dialog.setHeight(Math.min(dialog.getHeight(), screen.getHeight()));
        dialog.setX(Math.max(screen.getMinX(), Math.min(dialog.getX(), screen.getMaxX() - dialog.getWidth())));
        dialog.setY(Math.max(screen.getMinY(), Math.min(dialog.getY(), screen.getMaxY() - dialog.getHeight())));
    }

    /**
     * At the largest text Ctrl + gives a 1280-wide screen, in Chinese (a pixel larger than English), the names, the
     * assignor box and the limits need ~60 px more than the sheet's view, and the limits ran past it behind a
     * sideways scroll bar: the sheet's text is then made just small enough to fit, as the help card does, though
     * never below {@link #MIN_TEXT} of the window's (the em sizes of groupscope.css follow it). Asked once the sheet
     * is shown and made to fit the screen, and again whenever the view's width changes after that.
     */
    private void fitText(Dialog<?> dialog, ScrollPane scroll) {
        Label heading = (Label) grid.getChildren().get(0);
        String style = dialog.getDialogPane().getStyle();
        // The window's size, and the size last asked for: until the sheet's CSS has it, its widths are the old ones.
        double base = heading.getFont().getSize();
        double[] asked = {0};
        Runnable fit = () -> {
            double current = heading.getFont().getSize();
            double room = scroll.getViewportBounds().getWidth();
            double need = grid.minWidth(-1);
            if ((asked[0] == 0 || Math.abs(current - asked[0]) < 0.01) && need > room && room > 0) {
                asked[0] = Math.max(base * MIN_TEXT, current * room / need);
                double size = asked[0];
                javafx.application.Platform.runLater(() ->
                        dialog.getDialogPane().setStyle(style + "; -fx-font-size: " + size + "px;"));
            }
        };
        scroll.viewportBoundsProperty().addListener((observable, before, now) -> fit.run());
        fit.run();
    }

    /** How far the sheet's text may shrink to fit the screen (see {@link #fitText}). */
    private static final double MIN_TEXT = 0.85;

    private void header() {
        String[] keys = {"ui.settings.column.name", "ui.settings.column.value", "ui.settings.column.limits"};
        for (int column = 0; column < keys.length; column++) {
            Label label = new Label(messages.text(keys[column]));
            label.getStyleClass().add("settings-column");
            label.setStyle("-fx-font-weight: bold;");
            // At large text "Kafka's default · allowed" is wider than its column: on two lines, not "Kafka's …".
            label.setWrapText(true);
            WholeWords.keep(label);
            grid.add(label, column, line);
        }
        line++;
    }

    /** Name and type, the editor, Kafka's default and allowed values; the description under them; a problem line. */
    private void settingRow(Row row) {
        Label name = settingName(WholeNames.in(row.name() + " (" + row.type() + ")"));
        // Where the sheet is narrow (a 1280-wide screen at 1.6x text) the type goes under the name, which stays whole:
        // the room goes to the limits column, whose numbers would otherwise break in the middle.
        name.setWrapText(true);
        WholeWords.keep(name, java.util.List.of(WholeNames.in(row.name())));
        Node editor = editor(row);
        editor.setId(editorId(row.name()));
        grid.addRow(line++, name, editor, limits(row.defaultValue(), row.allowed()));
        description(messages.text(row.descriptionKey()));
        problemLine(row.name());
    }

    /** A line may break here, and nothing shows. */
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private Label limits(String defaultValue, String allowed) {
        Label limits = new Label(WholeNames.in(messages.format("ui.settings.limits",
                Map.of("default", defaultValue, "allowed", allowedText(allowed)))));
        limits.setWrapText(true);
        WholeWords.keep(limits);
        limits.getStyleClass().add("settings-limits");
        return limits;
    }

    /** Kafka's documented ranges are symbols, except its one in words, which reads in the sheet's language. */
    private String allowedText(String allowed) {
        if (allowed.isEmpty()) {
            return "—";
        }
        // "[6000, ..., 1800000]" and "by_duration:PnDTnHnMn.nS": a narrow sheet (1.6x text on a 1280-wide
        // screen) wraps them between their parts; as Kafka writes them, one word each, they needed a column wider
        // than the screen had left, and "[6000,...,1800000]" broke inside its number.
        return allowed.equals("non-empty string") ? messages.text("ui.settings.allowed.nonEmptyString")
                : allowed.replaceAll(",(?! )", ", ").replaceAll(":(?=\\S)", ":" + ZERO_WIDTH_SPACE);
    }

    /** A setting's name: Kafka's, whole (the value column gives way, never the name). */
    private static Label settingName(String text) {
        Label name = new Label(text);
        name.setStyle("-fx-font-weight: bold;");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return name;
    }

    /** Wrapped: a setting it names ("auto.commit.interval.ms") is kept whole wherever a line breaks. */
    private void description(String text) {
        Label description = new Label(WholeNames.in(text));
        description.getStyleClass().add("settings-description");
        description.setWrapText(true);
        grid.add(description, 0, line++, 3, 1);
    }

    private Node editor(Row row) {
        switch (row.editor()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(row.current()));
                inputs.put(row.name(), () -> Boolean.toString(box.isSelected()));
                return box;
            }
            case CHOICE -> {
                ComboBox<String> choice = new ComboBox<>();
                choice.getItems().setAll(row.choices());
                choice.setEditable(row.editable());
                choice.setValue(row.current());
                inputs.put(row.name(), () -> row.editable() ? choice.getEditor().getText() : choice.getValue());
                return choice;
            }
            default -> {
                TextField field = new TextField(row.current());
                field.setPrefColumnCount(row.editor() == ConsumerSettingsViewModel.Editor.NUMBER ? 9 : 16);
                if (ConsumerSettingsViewModel.unsets(row.name(), "")) {
                    // Kafka's default is null: an empty field leaves the setting out (a static member turns dynamic).
                    field.setPromptText(messages.text("ui.settings.unset"));
                }
                inputs.put(row.name(), field::getText);
                return field;
            }
        }
    }

    private void policyRows() {
        policy.getItems().setAll(viewModel.policyChoices());
        policy.setValue(viewModel.currentPolicy());
        policy.setId(editorId(ConsumerSettingsViewModel.COMMIT_POLICY));
        Label name = settingName(messages.text("ui.settings.commitPolicy"));
        grid.addRow(line++, name, policy, limits("auto", String.join(", ", viewModel.policyChoices())));
        description(messages.text("ui.settings.commitPolicy.description"));
        problemLine(ConsumerSettingsViewModel.COMMIT_POLICY);
        everyRecords.setText(viewModel.currentEveryRecords());
        everyRecords.setPrefColumnCount(9);
        everyRecords.setId(editorId(ConsumerSettingsViewModel.COMMIT_EVERY_RECORDS));
        everyRecords.disableProperty().bind(policy.valueProperty().isNotEqualTo("everyN"));
        grid.addRow(line++, new Label(messages.text("ui.settings.commitPolicy.records")), everyRecords,
                limits("100", "[1,...,1000000]"));
        problemLine(ConsumerSettingsViewModel.COMMIT_EVERY_RECORDS);
    }

    /** A line under a row for its problem, taking no space until there is one. */
    private void problemLine(String row) {
        Label problem = new Label();
        problem.setId(problemId(row));
        problem.getStyleClass().addAll("settings-problem", "field-error");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.setManaged(false);
        grid.add(problem, 0, line++, 3, 1);
        problems.put(row, problem);
    }

    private Map<String, String> edited() {
        Map<String, String> edited = new LinkedHashMap<>();
        inputs.forEach((name, input) -> edited.put(name, input.get()));
        return edited;
    }

    private void show(Refused refused) {
        problems.forEach((row, label) -> {
            Problem problem = refused.problems().get(row);
            label.setText(problem == null ? "" : WholeNames.in(text(problem)));
            label.setVisible(problem != null);
            label.setManaged(problem != null);
        });
    }

    /** Kafka's reason word for word where Kafka refuses, then our explanation when it says more (or in Chinese). */
    private String text(Problem problem) {
        String explained = messages.format(problem.messageKey(), problem.args());
        return problem.kafkaReason()
                .map(kafka -> kafka.equals(explained) ? kafka
                        : messages.format("ui.settings.kafkaSays", Map.of("reason", kafka)) + "\n" + explained)
                .orElse(explained);
    }
}
