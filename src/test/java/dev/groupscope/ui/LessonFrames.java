package dev.groupscope.ui;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;

/** A lesson's frame at a moment, computed on the calling thread (no window): what the view tests read. */
final class LessonFrames {

    private LessonFrames() {
    }

    /** The frame of {@code lessons/scenarios/<file>} at {@code at} ms. */
    static PlaygroundFrame at(String file, long at) {
        PlaygroundViewModel run = new PlaygroundViewModel(ScenarioReader.read(Path.of("lessons/scenarios", file)),
                Runnable::run, Runnable::run);
        run.scrubTo(at);
        return run.getFrame();
    }
}
