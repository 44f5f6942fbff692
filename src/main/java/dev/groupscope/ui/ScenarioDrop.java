package dev.groupscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * A scenario file dropped on the window opens like File → Open scenario… does (refused with where it is wrong, or
 * opened in the run's place once unsaved what-ifs are seen to): a teacher drags the day's file from the desktop.
 */
final class ScenarioDrop {

    private ScenarioDrop() {
    }

    /** Lets {@code scene} take a dropped .json file and hands it to {@code open}. */
    static void install(Scene scene, Consumer<Path> open) {
        scene.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && scenarioFile(event.getDragboard().getFiles()).isPresent()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        scene.setOnDragDropped((DragEvent event) -> {
            Optional<Path> file = event.getDragboard().hasFiles()
                    ? scenarioFile(event.getDragboard().getFiles()) : Optional.empty();
            file.ifPresent(open);
            event.setDropCompleted(file.isPresent());
            event.consume();
        });
    }

    /** The scenario among dropped files: the first one named .json (a drop of several opens one). */
    static Optional<Path> scenarioFile(List<File> files) {
        return files.stream().filter(file -> file.getName().toLowerCase(Locale.ROOT).endsWith(".json"))
                .map(File::toPath).findFirst();
    }
}
