package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import org.junit.jupiter.api.Test;

/**
 * A lesson's description is read before the run: the moments and counts it names must be the ones the run shows,
 * also after a change to the model shifts them (the ListOffsets round trip moved every first commit by 4 ms).
 */
class LessonDescriptionsTest {

    @Test
    void autoCommitCrashSaysHowLongAfterItsLastAutoCommitC2Crashes() {
        ScenarioRun run = ScenarioRun.of("auto-commit-crash-duplicates");

        long crash = run.events(event -> event.type().equals("CrashConsumer") && event.actor().equals("C2")).get(0)
                .time();
        long lastCommit = run.events(event -> event.type().equals("AutoCommit") && event.actor().equals("C2")
                && event.time() < crash).stream().mapToLong(SimEvent::time).max().orElseThrow();
        String since = String.format(java.util.Locale.ROOT, "%.1f s after its last one", (crash - lastCommit) / 1000.0);
        assertThat(run.scenario.description()).contains("crashes at 23.5 s, " + since)
                .contains("fall at 11, 16 and " + lastCommit / 1000 + " s");
    }
}
