package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.report.EventGroups;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two groups on one topic (billing: B1; shipping: S1, S2), without a window (a synchronous runner): the events the
 * explanation names and stepping lands on are the chosen group's or no group's (the producer's), never the other
 * group's; and choosing another group keeps the moment shown.
 */
class GroupStepsTest {

    /** Past the producer stopping at 20 s: an event of no group, which every group steps on. */
    private static final long UNTIL = 21_000;
    private Scenario scenario;
    private EventGroups groups;
    private PlaygroundViewModel viewModel;

    @BeforeEach
    void setUp() {
        scenario = ScenarioReader.read(Path.of("lessons/scenarios/two-groups-one-topic.json"));
        groups = new EventGroups(scenario.groupOfClient());
        viewModel = new PlaygroundViewModel(scenario, Runnable::run, Runnable::run);
    }

    @Test
    void steppingForwardVisitsEveryLearnerEventOfTheGroupAndOfNoGroupAndNoneOfTheOther() {
        viewModel.showGroup("shipping");
        // At t = 0 the explanation names the last of the events at 0 ms; stepping goes on from it.
        SimEvent first = viewModel.getFrame().current().orElseThrow();

        List<SimEvent> visited = new ArrayList<>(List.of(first));
        visited.addAll(stepUntil(UNTIL));

        // Less one that says again, at the same moment, what the step before it said (LearnerSteps).
        List<SimEvent> expected = steps("shipping", UNTIL).stream().filter(event -> event.seq() >= first.seq())
                .toList();
        assertThat(visited).extracting(SimEvent::seq).containsExactlyElementsOf(expected.stream().map(SimEvent::seq)
                .toList());
        assertThat(visited).extracting(event -> groups.of(event)).allSatisfy(about ->
                assertThat(about).isSubsetOf("shipping"));
        // Both kinds are there: shipping's own (its JoinGroup) and the producer's, which concerns every group.
        assertThat(visited).anyMatch(event -> event.type().equals("JoinGroupRequest") && "S1".equals(event.peer()));
        assertThat(visited).anyMatch(event -> event.type().equals("StopProducer"));
        // And the other group has learner events in the same stretch, which were skipped.
        assertThat(learnerEvents(UNTIL)).anyMatch(event -> groups.of(event).contains("billing"));
    }

    @Test
    void steppingBackRetracesTheSameEvents() {
        viewModel.showGroup("shipping");
        List<SimEvent> forward = stepUntil(UNTIL);

        // Stepping stopped on the first event after UNTIL: back from there to the second event stepped on.
        List<SimEvent> back = new ArrayList<>();
        for (int i = 1; i < forward.size(); i++) {
            viewModel.stepPrevious();
            back.add(0, viewModel.getFrame().current().orElseThrow());
        }

        assertThat(back).containsExactlyElementsOf(forward.subList(1, forward.size()));
    }

    @Test
    void choosingTheOtherGroupKeepsTheMomentAndExplainsItsOwnLastEvent() {
        // Stepped onto one of shipping's own events, then billing is chosen.
        viewModel.showGroup("shipping");
        SimEvent shippingEvent = stepUntil(UNTIL).stream().filter(event -> event.time() >= 100)
                .filter(event -> groups.of(event).equals(java.util.Set.of("shipping"))).findFirst().orElseThrow();
        viewModel.scrubTo(0);
        while (!viewModel.getFrame().current().map(shippingEvent::equals).orElse(false)) {
            viewModel.stepNext();
        }
        long time = viewModel.getTime();

        viewModel.showGroup("billing");

        PlaygroundFrame frame = viewModel.getFrame();
        assertThat(frame.time()).isEqualTo(time);
        assertThat(viewModel.getTime()).isEqualTo(time);
        SimEvent current = frame.current().orElseThrow();
        assertThat(groups.shows(current, "billing")).isTrue();
        long seq = shippingEvent.seq();
        SimEvent lastOfBilling = learnerEvents(UNTIL).stream().filter(event -> event.seq() <= seq)
                .filter(event -> groups.shows(event, "billing")).reduce((a, b) -> b).orElseThrow();
        assertThat(current).isEqualTo(lastOfBilling);
        assertThat(frame.recent()).allSatisfy(event -> assertThat(groups.shows(event, "billing")).isTrue());

        // The next step goes on from there, in billing's events, forward in time.
        viewModel.stepNext();
        SimEvent next = viewModel.getFrame().current().orElseThrow();
        assertThat(next.seq()).isGreaterThan(seq);
        assertThat(groups.shows(next, "billing")).isTrue();
    }

    @Test
    void aScrubbedMomentIsExplainedByTheChosenGroupsLastEvent() {
        long at = 12_000;
        viewModel.scrubTo(at);
        viewModel.showGroup("shipping");
        SimEvent shipping = viewModel.getFrame().current().orElseThrow();
        viewModel.showGroup("billing");
        SimEvent billing = viewModel.getFrame().current().orElseThrow();

        assertThat(viewModel.getFrame().time()).isEqualTo(at);
        assertThat(shipping).isNotEqualTo(billing);
        for (String group : List.of("shipping", "billing")) {
            SimEvent expected = learnerEvents(at).stream().filter(event -> groups.shows(event, group))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(group.equals("shipping") ? shipping : billing).as(group).isEqualTo(expected);
        }
    }

    /** Steps until the first event after {@code until} (or the end); returns the events stepped on up to it. */
    private List<SimEvent> stepUntil(long until) {
        List<SimEvent> visited = new ArrayList<>();
        while (true) {
            viewModel.stepNext();
            SimEvent current = viewModel.getFrame().current().orElseThrow();
            if (current.time() > until || (!visited.isEmpty() && visited.get(visited.size() - 1).equals(current))) {
                return visited;
            }
            visited.add(current);
        }
    }

    /** The run's learner events up to {@code until}, whatever their group, read from the view model's own run. */
    private List<SimEvent> steps(String group, long until) {
        LearnerSteps steps = new LearnerSteps(event -> LearnerFilter.INSTANCE.test(event) && groups.shows(event, group));
        List<SimEvent> found = new ArrayList<>();
        viewModel.query(run -> run.log().stream().filter(steps.of(run.log()))
                .filter(event -> event.time() <= until).toList(), found::addAll);
        return found;
    }

    private List<SimEvent> learnerEvents(long until) {
        List<SimEvent> found = new ArrayList<>();
        viewModel.query(run -> run.log().stream().filter(LearnerFilter.INSTANCE)
                .filter(event -> event.time() <= until).toList(), found::addAll);
        return found;
    }
}
