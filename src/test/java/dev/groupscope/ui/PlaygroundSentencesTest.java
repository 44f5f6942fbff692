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
            "commit-on-revoke.json", "partitions-added.json", "close-during-failover.json"})
    void everyLearnerEventOfALessonHasASentenceInBothLanguages(String file) throws Exception {
        Path path = Path.of("lessons/scenarios", file);
        Scenario scenario = ScenarioReader.read(file, Files.readString(path));
        assertEveryLearnerEventExplained(scenario, scenario.durationMs());
    }

    /**
     * The lesson close-during-failover.json, read as a class steps it: C2's close reads as leaving (not as a member
     * that "rejoins" and loses its partitions), Kafka's own reason strings are quoted as Kafka's, and no sentence
     * shows an empty reason (the first JoinGroup has none).
     */
    @Test
    void aConsumerClosingDuringAFailoverIsToldAsLeavingWithKafkasReasonsQuoted() throws Exception {
        Path path = Path.of("lessons/scenarios/close-during-failover.json");
        Scenario scenario = ScenarioReader.read(path.toString(), Files.readString(path));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        java.util.List<SimEvent> learned = simulation.log().stream().filter(LearnerFilter.INSTANCE).toList();

        for (Messages messages : java.util.List.of(Messages.english(), Messages.of(Locale.SIMPLIFIED_CHINESE))) {
            for (SimEvent event : learned) {
                String sentence = messages.format(event.ruleKey(), event.ruleArgs());
                assertThat(sentence).as(event.type()).doesNotContain("\"\"", "“”", "reason: )", "原因：）");
            }
        }
        java.util.List<String> c2AfterClose = learned.stream().filter(event -> "C2".equals(event.actor())
                && event.time() >= 20_000).map(SimEvent::ruleKey).toList();
        assertThat(c2AfterClose).contains("sim.client.leave", "sim.client.state.resetOnLeave",
                "sim.client.state.stopped").doesNotContain("sim.client.state.reset");
        SimEvent leave = learned.stream().filter(event -> "sim.client.leave".equals(event.ruleKey())).findFirst()
                .orElseThrow();
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).format(leave.ruleKey(), leave.ruleArgs()))
                .contains("Kafka 给出的原因：“the consumer is being closed”");
    }

    /**
     * No sentence of any lesson shows the model's notation instead of words: an empty list "[]", a map
     * "{orders-0=41}", a placeholder left unfilled, or a blank where a name should be (" committed offsets"). One
     * event per rule and per set of empty arguments is read (the playground to 60 s), in both languages.
     */
    @Test
    void noLessonSentenceShowsTheModelsNotation() throws Exception {
        Set<String> bad = new TreeSet<>();
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("lessons/scenarios"))) {
            for (Path path : files.sorted().toList()) {
                Scenario scenario = ScenarioReader.read(path.toString(), Files.readString(path));
                Simulation simulation = ScenarioWorld.simulation(scenario);
                simulation.runUntil(Math.min(scenario.durationMs(), 60_000));
                Set<String> read = new java.util.HashSet<>();
                for (SimEvent event : simulation.log()) {
                    if (event.ruleKey() == null || !read.add(event.ruleKey() + emptyArgs(event))) {
                        continue;
                    }
                    for (Messages messages : java.util.List.of(Messages.english(),
                            Messages.of(Locale.SIMPLIFIED_CHINESE))) {
                        String sentence = messages.format(event.ruleKey(), event.ruleArgs());
                        if (sentence.matches("(?s).*(\\[]|\\{}|\\{[^}]*=|\\{[a-zA-Z]+[|?}]|^ |  |: \\.|: ,).*")) {
                            bad.add(path.getFileName() + " " + event.ruleKey() + ": " + sentence);
                        }
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    private static Set<String> emptyArgs(SimEvent event) {
        Set<String> empty = new TreeSet<>();
        event.ruleArgs().forEach((name, value) -> {
            if (String.valueOf(value).isEmpty() || String.valueOf(value).equals("[]")) {
                empty.add(name);
            }
        });
        return empty;
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
