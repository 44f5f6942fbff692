package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static final String SCENARIO = "lessons/scenarios/crash-and-rebalance.json";

    @TempDir
    Path dir;

    @Test
    void theSameScenarioPrintsTheSameBytesAndWritesTheSameTrace() throws IOException {
        Path firstTrace = dir.resolve("first.jsonl");
        Path secondTrace = dir.resolve("second.jsonl");

        CliRun first = CliRun.of("simulate", SCENARIO, "--until", "35000", "--trace", firstTrace.toString());
        CliRun second = CliRun.of("simulate", SCENARIO, "--until", "35000", "--trace", secondTrace.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readAllBytes(secondTrace)).isEqualTo(Files.readAllBytes(firstTrace));
    }

    @Test
    void theSummaryNamesTheCrashRebalanceAndWhatMoved() {
        CliRun run = CliRun.of("simulate", SCENARIO);

        assertThat(run.out()).contains("\"groupId\": \"orders-app\"", "\"state\": \"Stable\"", "\"generation\": 2",
                "\"trigger\": \"sim.coordinator.rebalance.memberFailed\"",
                "{\"partition\": \"orders-2\", \"from\": \"C2\", \"to\": \"C1\"}");
    }

    @Test
    void everyTraceLineIsOneEventWithItsRuleExplained() throws IOException {
        Path trace = dir.resolve("trace.jsonl");
        CliRun.of("simulate", SCENARIO, "--until", "31000", "--trace", trace.toString());

        String sessionExpiry = Files.readAllLines(trace).stream()
                .filter(line -> line.contains("\"rule\":\"sim.coordinator.heartbeat.sessionExpired\"")).findFirst()
                .orElseThrow();
        assertThat(sessionExpiry).startsWith("{\"seq\":").contains("\"timeMs\":28014", "\"text\":\"")
                .contains("10000");
    }

    @Test
    void aBrokenScenarioIsOneLineAndExitCodeTwo() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"seed\": 1, \"durationMs\": 1000, \"cluster\": {\"brokers\": 0}}");

        CliRun run = CliRun.of("simulate", broken.toString());

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("groupscope: " + broken
                + ": $.cluster.brokers: 0 is out of range: expected 1 to 12");
    }

    @Test
    void untilMustFallWithinTheScenarioLikeExportsAt() {
        // Far past the end there is nothing the scenario says; 999,999,999 ms used to end in an OutOfMemoryError.
        for (String until : new String[] {"60001", "999999999", "-5"}) {
            CliRun run = CliRun.of("simulate", SCENARIO, "--until", until);

            assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip()).isEqualTo("groupscope: --until " + until + " is outside the scenario "
                    + SCENARIO + ", which runs from 0 to 60000 ms");
        }
        assertThat(CliRun.of("simulate", SCENARIO, "--until", "60000").exitCode()).isZero();
    }

    @Test
    void aMissingScenarioIsOneLine() {
        CliRun run = CliRun.of("simulate", "no/such.json");
        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("groupscope: no/such.json: no such file");
    }
}
