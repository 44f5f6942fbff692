package dev.groupscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar groupscope.jar} over SSH, or on a server with no display: the window cannot open, and the user
 * reads one line saying so (and that the commands still work), exit status 2, as for any other bad invocation —
 * not glass's stack trace.
 */
class NoDisplayTest {

    @TempDir
    Path dir;

    @Test
    void openingTheWindowWithoutADisplayIsOneLineAndExitStatusTwo() throws IOException, InterruptedException {
        ProcessBuilder launch = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The desktop platform, not the tests' headless Monocle, and nothing to draw on.
                "-Dglass.platform=gtk", "-cp", System.getProperty("java.class.path"),
                "dev.groupscope.app.Launcher", "--lang=zh-CN"));
        launch.environment().remove("DISPLAY");
        launch.environment().remove("WAYLAND_DISPLAY");
        Path err = dir.resolve("err.txt");
        Process process = launch.redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher gave up").isTrue();
        List<String> lines = Files.readAllLines(err);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(2);
        assertThat(lines).as("no stack trace, no JavaFX class-path warning")
                .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception in thread")
                        || line.contains("Unsupported JavaFX configuration"));
        assertThat(lines).last().asString()
                .startsWith("groupscope: cannot open the window: ")
                .endsWith("(the simulate, export and other commands need no display)");
    }
}
