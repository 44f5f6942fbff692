package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.client.ConsumerFaults.LoseMessage;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The Protocol tab lets a teacher lose any arrow of any run: whichever request or answer of a random scenario
 * ({@link RandomScenarios}) is lost, the run goes on to its end with exactly that message lost, Kafka's guarantees
 * hold ({@link ScenarioProperties}: no partition owned twice, committed offsets never move back, every rule
 * explained in both languages), and the fork is the run of the scenario with the loseMessage action in it.
 */
class LoseMessageProperties {

    @Property(tries = 40)
    void losingAnyOneMessageKeepsKafkasGuarantees(@ForAll long seed) {
        Scenario scenario = RandomScenarios.build(seed);
        Simulation run = ScenarioWorld.simulation(scenario);
        run.runUntil(scenario.durationMs());
        // A kind of message first, then one of them: fetches are most of the arrows, the group protocol the point.
        java.util.Map<String, List<SimEvent>> byType = new java.util.TreeMap<>(run.log().stream()
                .filter(LoseMessageProperties::consumersMessage)
                .collect(java.util.stream.Collectors.groupingBy(SimEvent::type)));
        LoseMessage loss = choose(run, byType, new Random(seed));
        String context = scenario + "\nlosing " + loss;

        Simulation fork = run.fork(loss.sentAtMs() - 1, loss);
        fork.runUntil(scenario.durationMs());

        assertThat(fork.log()).as(context).filteredOn(event -> Boolean.TRUE.equals(event.fields().get("whatIf")))
                .singleElement().satisfies(lost -> {
                    assertThat(lost.time()).isGreaterThanOrEqualTo(loss.sentAtMs());
                    assertThat(lost.fields()).containsEntry("api", loss.api())
                            .containsEntry("correlationId", loss.correlationId());
                });
        ScenarioProperties.noPartitionHasTwoOwnersInAGroup(fork, context);
        ScenarioProperties.committedOffsetsNeverMoveBack(fork.log(), context);
        ScenarioProperties.everyRuleIsExplainedInBothLanguages(fork.log(), context);
        Simulation fresh = ScenarioWorld.simulation(scenario.withActions(List.of(new Scenario.ActionSpec(
                loss.sentAtMs() - 1, ActionType.LOSE_MESSAGE, loss.target(), java.util.Map.of("api", loss.api(),
                "correlationId", loss.correlationId(), "answer", loss.answer(), "sentAtMs", loss.sentAtMs()),
                ""))));
        fresh.runUntil(scenario.durationMs());
        assertThat(fresh.log()).as(context).isEqualTo(fork.log());
    }

    /** One of the messages; as the window offers them, one whose consumer existed 1 ms before it left. */
    private static LoseMessage choose(Simulation run, java.util.Map<String, List<SimEvent>> byType, Random random) {
        while (true) {
            List<SimEvent> ofType = List.copyOf(byType.values()).get(random.nextInt(byType.size()));
            LoseMessage loss = lossOf(ofType.get(random.nextInt(ofType.size())));
            if (run.stateAtTime(loss.sentAtMs() - 1).hasActor(loss.target())) {
                return loss;
            }
        }
    }

    /** A request a consumer sent (as its broker got it) or an answer it read, sent after 0 ms. */
    private static boolean consumersMessage(SimEvent event) {
        boolean request = event.type().endsWith("Request") && event.peer() != null && !event.peer().startsWith("broker");
        boolean answer = event.type().endsWith("Response") && event.actor() != null
                && !event.actor().startsWith("broker") && !event.actor().startsWith("group:");
        return (request || answer) && event.fields().get("correlationId") instanceof Number
                && event.fields().get("sentAt") instanceof Number sent && sent.longValue() > 0;
    }

    private static LoseMessage lossOf(SimEvent message) {
        boolean answer = message.type().endsWith("Response");
        String api = message.type().substring(0, message.type().length() - (answer ? "Response" : "Request").length());
        return new LoseMessage(answer ? message.actor() : message.peer(), api,
                ((Number) message.fields().get("correlationId")).longValue(), answer,
                ((Number) message.fields().get("sentAt")).longValue());
    }
}
