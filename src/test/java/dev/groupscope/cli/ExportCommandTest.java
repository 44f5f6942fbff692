package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    private static final String SCENARIO = "src/test/resources/export/small.json";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void writesTheTopologyAtAMomentAsSvg() throws IOException {
        Path out = dir.resolve("topology.svg");

        CliRun run = CliRun.of("export", SCENARIO, "--at", "12000", "--format", "svg", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String svg = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<?xml").contains("<text id=\"title\"", "at t = 12,000 ms");
    }

    @Test
    void takesTheFormatFromTheFileNameWhenNotGivenAndWritesPngAtTwiceTheSize() throws IOException {
        Path out = dir.resolve("topology.png");

        CliRun run = CliRun.of("export", SCENARIO, "--at", "12000", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(java.util.Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt()).isEqualTo(2400);
    }

    @Test
    void writesTheSequenceDiagramOfATimeRangeInChinese() throws IOException {
        Path out = dir.resolve("sequence.svg");

        CliRun run = CliRun.of("export", SCENARIO, "--view", "sequence", "--from", "4000", "--to", "11000",
                "--lang", "zh-CN", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        String svg = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(svg).contains("4,000 到 11,000 毫秒之间的组协议", "进程崩溃", "Heartbeat ✗ REBALANCE_IN_PROGRESS")
                .doesNotContain("MEMBER_ID_REQUIRED");
    }

    @Test
    void theSameArgumentsWriteTheSameBytes() throws IOException {
        Path first = dir.resolve("first.svg");
        Path second = dir.resolve("second.svg");

        CliRun.of("export", SCENARIO, "--view", "sequence", "--out", first.toString());
        CliRun.of("export", SCENARIO, "--view", "sequence", "--out", second.toString());

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        String out = dir.resolve("x.svg").toString();
        assertBad(new String[] {"export", SCENARIO, "--at", "99000", "--out", out},
                "groupscope: --at 99000 is outside the scenario " + SCENARIO + ", which runs from 0 to 14000 ms");
        assertBad(new String[] {"export", SCENARIO, "--at", "-1", "--out", out},
                "groupscope: --at -1 is outside the scenario");
        assertBad(new String[] {"export", SCENARIO, "--format", "gif", "--out", out},
                "groupscope: --format must be svg or png, got \"gif\"");
        assertBad(new String[] {"export", SCENARIO, "--view", "timeline", "--out", out},
                "groupscope: --view must be topology or sequence, got \"timeline\"");
        assertBad(new String[] {"export", SCENARIO, "--lang", "fr", "--out", out},
                "groupscope: --lang must be en or zh-CN, got \"fr\"");
        assertBad(new String[] {"export", SCENARIO, "--view", "sequence", "--from", "5000", "--to", "1000",
                "--out", out}, "groupscope: --to (1000) is before --from (5000)");
        assertBad(new String[] {"export", SCENARIO, "--from", "1000", "--out", out},
                "groupscope: --from and --to choose the time range of a sequence diagram");
        assertBad(new String[] {"export", SCENARIO, "--view", "sequence", "--at", "1000", "--out", out},
                "groupscope: --at chooses the moment of a topology");
        assertBad(new String[] {"export", "no/such.json", "--out", out}, "groupscope: no/such.json: no such file");
        assertBad(new String[] {"export", SCENARIO}, "groupscope: Missing required option: '--out=<file>'");
        assertBad(new String[] {"export", SCENARIO, "--at", "soon", "--out", out}, "groupscope: ");
    }

    @Test
    void anUnwritableOutputFileIsBadInput() {
        CliRun run = CliRun.of("export", SCENARIO, "--out", dir.resolve("missing/dir/x.svg").toString());

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).startsWith("groupscope: ").contains("x.svg: cannot be written");
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    private static void assertBad(String[] args, String expectedStart) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).as(String.join(" ", args)).startsWith(expectedStart);
        assertThat(run.err().strip()).as("one line").doesNotContain("\n").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
