package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.cli.GroupScopeCli;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export writes the same files as {@code groupscope export} for the same run and moment. */
class ExportActionsTest {

    private static final String SCENARIO = "src/test/resources/export/small.json";

    @TempDir
    Path dir;

    private PlaygroundViewModel playground;
    private ExportActions exports;
    private final List<Optional<String>> results = new ArrayList<>();

    @BeforeEach
    void setUp() {
        playground = new PlaygroundViewModel(ScenarioReader.read(Path.of(SCENARIO)), Runnable::run, Runnable::run);
        exports = new ExportActions(playground, new SequenceViewModel(playground));
        playground.scrubTo(12_000);
    }

    @Test
    void theTopologyAsSvgAndPngIsTheCliPicture() throws IOException {
        Path svg = dir.resolve("ui.svg");
        Path png = dir.resolve("ui.png");

        exports.export(ExportActions.Kind.TOPOLOGY_SVG, svg, Messages.english(), results::add);
        exports.export(ExportActions.Kind.TOPOLOGY_PNG, png, Messages.english(), results::add);

        assertThat(results).containsExactly(Optional.empty(), Optional.empty());
        assertThat(Files.readAllBytes(svg)).isEqualTo(cli("cli.svg", "--at", "12000"));
        assertThat(Files.readAllBytes(png)).isEqualTo(cli("cli.png", "--at", "12000"));
    }

    @Test
    void theProtocolUpToTIsTheCliSequenceFromZeroToT() throws IOException {
        Path svg = dir.resolve("ui-sequence.svg");

        exports.export(ExportActions.Kind.SEQUENCE_SVG, svg, Messages.of(Locale.SIMPLIFIED_CHINESE), results::add);

        assertThat(Files.readAllBytes(svg)).isEqualTo(cli("cli-sequence.svg", "--view", "sequence", "--to", "12000",
                "--lang", "zh-CN"));
    }

    @Test
    void withSeveralGroupsTheProtocolExportedIsTheChosenGroupsAsTheTabShowsIt() throws IOException {
        PlaygroundViewModel twoGroups = new PlaygroundViewModel(ScenarioReader.read(
                Path.of("lessons/scenarios/two-groups-one-topic.json")), Runnable::run, Runnable::run);
        twoGroups.scrubTo(12_000);
        twoGroups.showGroup("shipping");
        Path svg = dir.resolve("shipping.svg");

        new ExportActions(twoGroups, new SequenceViewModel(twoGroups))
                .export(ExportActions.Kind.SEQUENCE_SVG, svg, Messages.english(), results::add);

        String drawn = Files.readString(svg);
        assertThat(results).containsExactly(Optional.empty());
        assertThat(drawn).contains("Group shipping: protocol from 0 to 12,000 ms")
                .contains("id=\"lane-S1\"").contains("id=\"lane-S2\"").doesNotContain("id=\"lane-B1\"");
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedNotThrown() {
        exports.export(ExportActions.Kind.TOPOLOGY_SVG, dir.resolve("missing/x.svg"), Messages.english(),
                results::add);

        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isPresent();
    }

    private byte[] cli(String name, String... options) throws IOException {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("export", SCENARIO, "--out", out.toString()));
        args.addAll(List.of(options));
        int code = GroupScopeCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                args.toArray(String[]::new));
        assertThat(code).isZero();
        return Files.readAllBytes(out);
    }
}
