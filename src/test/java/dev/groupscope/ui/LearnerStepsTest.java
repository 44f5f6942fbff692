package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Next never shows the same sentence twice at one moment, and still lands on everything that says something new. */
class LearnerStepsTest {

    private static final LearnerSteps STEPS = new LearnerSteps(LearnerFilter.INSTANCE);

    @Test
    void inNoLessonDoTwoStepsInARowAtTheSameMomentSayTheSameSentence() throws IOException {
        for (Path lesson : lessons()) {
            Simulation run = run(lesson);
            SimEvent previous = null;
            for (SimEvent step : steps(run)) {
                if (previous != null && previous.time() == step.time()) {
                    assertThat(sentence(step)).as("%s at %d ms: %s after %s", lesson.getFileName(), step.time(),
                            step.type(), previous.type()).isNotEqualTo(sentence(previous));
                }
                previous = step;
            }
        }
    }

    @Test
    void everySentenceALearnerEventSaysAtAMomentIsStillSaidByAStep() throws IOException {
        for (Path lesson : lessons()) {
            Simulation run = run(lesson);
            Set<String> said = new LinkedHashSet<>();
            steps(run).forEach(step -> said.add(step.time() + " " + sentence(step)));
            for (SimEvent event : run.log()) {
                if (LearnerFilter.INSTANCE.test(event)) {
                    assertThat(said).as("%s", lesson.getFileName()).contains(event.time() + " " + sentence(event));
                }
            }
        }
    }

    @Test
    void eachMembersFindCoordinatorAndEachJoinGroupReleasedAtOneMomentIsOneStep() {
        Simulation run = run(Path.of("lessons/scenarios/crash-and-rebalance.json"));
        List<SimEvent> steps = steps(run);

        // Three consumers find their coordinator at once for one reason; the first generation releases three joins.
        assertThat(run.log().stream().filter(e -> e.type().equals("FindCoordinatorRequest") && e.time() == 2))
                .hasSize(3);
        assertThat(steps).filteredOn(e -> e.type().equals("FindCoordinatorRequest") && e.time() == 2).hasSize(1);
        long released = steps.stream().filter(e -> e.type().equals("JoinGroupReleased")).findFirst()
                .orElseThrow().time();
        assertThat(steps).filteredOn(e -> e.type().equals("JoinGroupReleased") && e.time() == released).hasSize(1);
        // C2's session expiry removes it in the same words as the removal itself: one step says it.
        assertThat(steps).filteredOn(e -> sentence(e).contains("was removed: no heartbeat since")).hasSize(1);
        // Each consumer's own answer still is a step of its own.
        assertThat(steps).filteredOn(e -> e.type().equals("FindCoordinatorResponse") && e.time() <= 4)
                .extracting(SimEvent::actor).containsExactlyInAnyOrder("C1", "C2", "C3");
    }

    private static List<SimEvent> steps(Simulation run) {
        List<SimEvent> steps = new ArrayList<>();
        List<SimEvent> log = run.log();
        for (SimEvent event : log) {
            if (STEPS.isStep(log, event)) {
                steps.add(event);
            }
        }
        return steps;
    }

    private static String sentence(SimEvent event) {
        return event.ruleKey() == null ? event.type() : Messages.english().format(event.ruleKey(), event.ruleArgs());
    }

    private static Simulation run(Path lesson) {
        Scenario scenario = ScenarioReader.read(lesson);
        Simulation run = ScenarioWorld.simulation(scenario);
        run.runUntil(scenario.durationMs());
        return run;
    }

    private static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("lessons/scenarios"))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }
}
