package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kafka-clients' {@code maybeMarkPartitionsPendingRevocation}: under the EAGER protocol with auto commit, onJoinPrepare
 * marks every assigned partition pending revocation as it sends its commit, so poll() returns none of their records
 * (and fetches none) until they are revoked. Otherwise a fetch answered while the commit is in flight moves a position
 * past what the commit stores, and the partition's next owner reads those records again (the rolling-restart lesson
 * had one such duplicate before the mark).
 */
class PendingRevocationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.groupscope.scenario.ScenarioRun#lessons")
    void noPollReturnsRecordsBetweenTheCommitBeforeAnEagerRevocationAndTheRevocation(String lesson) {
        ScenarioRun run = ScenarioRun.of(lesson);
        Map<String, List<SimEvent>> pollsSinceCommit = new HashMap<>();
        List<SimEvent> offending = new ArrayList<>();

        for (SimEvent event : run.events(e -> e.actor() != null)) {
            String consumer = event.actor();
            switch (event.type()) {
                case "AutoCommit" -> {
                    if ("BEFORE_REBALANCE".equals(event.fields().get("purpose"))) {
                        pollsSinceCommit.putIfAbsent(consumer, new ArrayList<>());
                    }
                }
                case "Poll" -> {
                    List<SimEvent> polls = pollsSinceCommit.get(consumer);
                    if (polls != null) {
                        polls.add(event);
                    }
                }
                case "onPartitionsRevoked", "onPartitionsLost", "CrashConsumer", "CloseConsumer" -> {
                    List<SimEvent> polls = pollsSinceCommit.remove(consumer);
                    if (polls != null && "EAGER".equals(event.fields().get("protocol"))) {
                        offending.addAll(polls);
                    }
                }
                default -> { }
            }
        }

        assertThat(offending).as("records returned while an eager revocation's auto commit was in flight")
                .isEmpty();
    }
}
