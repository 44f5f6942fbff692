package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every event a learner steps to in the playground is explained by a real sentence, not "C2: OffsetFetchResponse". */
class PlaygroundSentencesTest {

    @Test
    void everyLearnerEventOfThePlaygroundHasASentenceInBothLanguages() {
        assertEveryLearnerEventExplained(PlaygroundViewModel.readPlayground(), 60_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"crash-and-rebalance.json", "coordinator-failover.json", "static-membership-restart.json",
            "commit-on-revoke.json", "partitions-added.json"})
    void everyLearnerEventOfALessonHasASentenceInBothLanguages(String file) throws Exception {
        Path path = Path.of("lessons/scenarios", file);
        Scenario scenario = ScenarioReader.read(file, Files.readString(path));
        assertEveryLearnerEventExplained(scenario, scenario.durationMs());
    }

    private static void assertEveryLearnerEventExplained(Scenario scenario, long until) {
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(until);
        Messages english = Messages.english();
        Messages chinese = Messages.of(Locale.SIMPLIFIED_CHINESE);
        Set<String> unexplained = new TreeSet<>();
        for (SimEvent event : simulation.log()) {
            if (LearnerFilter.INSTANCE.test(event)
                    && (event.ruleKey() == null || !english.has(event.ruleKey()) || !chinese.has(event.ruleKey()))) {
                unexplained.add(event.type() + " (" + event.ruleKey() + ")");
            }
        }
        assertThat(unexplained).isEmpty();
    }
}
