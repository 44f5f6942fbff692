package dev.groupscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The exports of a small fixed run, byte for byte. A change to the layout, the styles or the model shows up here as a
 * diff to review; when the new picture is right, regenerate with {@code -Dgroupscope.updateGoldens=true} and look at
 * the files before committing them.
 */
class SvgGoldenTest {

    private static final Path GOLDENS = Path.of("src/test/resources/export");
    private static final boolean UPDATE = Boolean.getBoolean("groupscope.updateGoldens");

    @Test
    void topologyAt12SecondsInEnglish() throws IOException {
        matches("small-topology-12000.svg", SvgExporter.svg(SmallRun.topologyAt(12_000, SmallRun.ENGLISH)));
    }

    @Test
    void topologyAt12SecondsInChinese() throws IOException {
        matches("small-topology-12000-zh.svg", SvgExporter.svg(SmallRun.topologyAt(12_000, SmallRun.CHINESE)));
    }

    @Test
    void sequenceOfTheFirst12SecondsWithHeartbeatsFolded() throws IOException {
        matches("small-sequence-0-12000.svg",
                SvgExporter.svg(SmallRun.sequence(0, 12_000, true, SmallRun.ENGLISH).drawing()));
    }

    private static void matches(String name, String svg) throws IOException {
        Path golden = GOLDENS.resolve(name);
        if (UPDATE) {
            Files.writeString(golden, svg, StandardCharsets.UTF_8);
        }
        assertThat(golden).exists();
        assertThat(svg).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
