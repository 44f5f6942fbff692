package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.json.JsonInputException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * A window's what-if work kept: File → Save run as scenario… writes the branch shown as a scenario file (the
 * scenario's own text with the what-if actions added, see {@link PlaygroundViewModel#asScenarioFile}), and before
 * the run is let go (another scenario opened, the window quit) with what-ifs made since the last save, the person is
 * asked whether to save it first.
 */
final class SavedRuns {

    private final Stage stage;
    private final PlaygroundViewModel playground;
    private final Supplier<Messages> messages;
    /** How many branches the run had when last saved: one (the scenario as written) has nothing to lose. */
    private int savedBranches = 1;

    SavedRuns(Stage stage, PlaygroundViewModel playground, Supplier<Messages> messages) {
        this.stage = stage;
        this.playground = playground;
        this.messages = messages;
    }

    /** Whether what-ifs were made since the run was opened or last saved. */
    boolean unsaved() {
        return playground.branchesProperty().get().size() > savedBranches;
    }

    /** Asks where, then saves (see {@link #saveTo}); {@code then} runs once it is saved, not if cancelled or failed. */
    void choose(Runnable then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get().text("ui.save.title"));
        chooser.setInitialFileName(suggestedName(playground.scenarioFile()));
        // Beside the scenario it came from, when that is a file on disk (a lesson lives inside GroupScope).
        Path folder = Path.of(playground.scenarioFile()).toAbsolutePath().getParent();
        if (Path.of(playground.scenarioFile()).getParent() != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            saveTo(file.toPath(), saved -> {
                if (saved) {
                    then.run();
                }
            });
        }
    }

    /**
     * Writes the branch shown to {@code path} off the FX thread (its what-ifs taken now), then tells {@code then} on
     * the FX thread whether it was written; a failure is an error dialog naming the file and why.
     */
    void saveTo(Path path, Consumer<Boolean> then) {
        Supplier<String> text = playground.asScenarioFile();
        int branches = playground.branchesProperty().get().size();
        CompletableFuture.runAsync(() -> write(path, text.get())).whenComplete((done, failure) -> Platform.runLater(
                () -> {
                    if (failure == null) {
                        savedBranches = branches;
                        then.accept(true);
                        return;
                    }
                    refuse(path, reason(failure instanceof CompletionException ? failure.getCause() : failure));
                    then.accept(false);
                }));
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private String reason(Throwable failure) {
        if (failure instanceof JsonInputException refused) {
            return refused.localized(messages.get());
        }
        Throwable cause = failure instanceof UncheckedIOException io ? io.getCause() : failure;
        return String.valueOf(cause.getMessage());
    }

    /**
     * Runs {@code letGo} at once when nothing is unsaved; otherwise asks first ({@code questionKey} says what letting
     * go means, with {@code args} and the branch count): save first, let go without saving, or cancel (nothing
     * happens). Asked without blocking, so the window goes on drawing meanwhile.
     */
    void thenLetGo(String questionKey, Map<String, Object> args, Runnable letGo) {
        if (!unsaved()) {
            letGo.run();
            return;
        }
        Messages text = messages.get();
        ButtonType save = new ButtonType(text.text("ui.unsaved.save"), ButtonData.YES);
        ButtonType discard = new ButtonType(text.text("ui.unsaved.discard"), ButtonData.NO);
        ButtonType cancel = new ButtonType(text.text("ui.unsaved.cancel"), ButtonData.CANCEL_CLOSE);
        Map<String, Object> withCount = new java.util.HashMap<>(args);
        withCount.put("count", playground.branchesProperty().get().size() - 1);
        Alert question = OwnedDialogs.ownedBy(new Alert(Alert.AlertType.CONFIRMATION,
                WholeNames.in(text.format(questionKey, withCount)), save, discard, cancel), stage);
        question.setHeaderText(text.text("ui.unsaved.header"));
        question.getDialogPane().setId("unsaved-run");
        question.setOnHidden(closed -> {
            ButtonType answer = question.getResult();
            if (answer == discard) {
                letGo.run();
            } else if (answer == save) {
                choose(letGo);
            }
        });
        question.show();
    }

    private void refuse(Path path, String reason) {
        Alert alert = OwnedDialogs.ownedBy(new Alert(Alert.AlertType.ERROR, WholeNames.in(messages.get().format(
                "ui.save.failed", Map.of("file", String.valueOf(path.getFileName()), "reason", reason)))), stage);
        alert.getDialogPane().setId("save-failed");
        alert.show();
    }

    /** "crash-and-rebalance.json" → "crash-and-rebalance-what-if.json": beside the original, not over it. */
    static String suggestedName(String scenarioFile) {
        String name = Path.of(scenarioFile).getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return base + "-what-if.json";
    }
}
