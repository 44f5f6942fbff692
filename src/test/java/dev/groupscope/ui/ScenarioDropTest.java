package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the files dropped on the window it opens. */
class ScenarioDropTest {

    @Test
    void theFirstJsonFileDroppedIsTheScenarioAndOtherFilesAreNot() {
        assertThat(ScenarioDrop.scenarioFile(List.of(new File("notes.txt"), new File("/tmp/Demo.JSON"),
                new File("b.json")))).contains(Path.of("/tmp/Demo.JSON"));
        assertThat(ScenarioDrop.scenarioFile(List.of(new File("slides.pdf")))).isEmpty();
    }
}
