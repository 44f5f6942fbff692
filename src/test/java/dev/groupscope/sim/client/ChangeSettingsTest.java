package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Changing a consumer's settings: Kafka cannot change a running KafkaConsumer's configuration, so the application
 * closes it (LeaveGroup for a dynamic member) and builds a new one that joins with the new settings.
 */
class ChangeSettingsTest {

    private static ClientScenario twoConsumers() {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of("range"));
        ClientScenario run = new ClientScenario(7, Map.of("t", 4));
        for (String id : List.of("c0", "c1")) {
            run.consumer(id, config, ConsumerBehavior.processing(0), "t").at(0, new ConsumerTasks.Start(id));
        }
        return run.runUntil(8_000);
    }

    @Test
    void aRunningConsumerClosesLeavesAndRejoinsWithItsNewSessionTimeout() {
        ClientScenario run = twoConsumers();
        int joinsBefore = run.requestsFrom("c1", "JoinGroup").size();

        run.at(8_000, new ConsumerTasks.ChangeSettings("c1", Map.of("session.timeout.ms", 9000,
                "heartbeat.interval.ms", 2000), null)).runUntil(20_000);

        SimEvent change = run.events("c1", "ChangeSettings").get(0);
        assertThat(change.ruleKey()).isEqualTo("sim.client.action.ChangeSettings");
        assertThat(change.ruleArgs().get("changes")).isEqualTo("heartbeat.interval.ms=2000, session.timeout.ms=9000");
        assertThat(run.events("c1", "CloseConsumer")).hasSize(1);
        assertThat(run.requestsFrom("c1", "LeaveGroup")).hasSize(1);
        assertThat(run.events("c1", "RestartConsumer")).hasSize(1);
        ConsumerActor c1 = (ConsumerActor) run.simulation().current().actors().get("c1");
        assertThat(c1.config().sessionTimeoutMs()).isEqualTo(9000);
        long restartedAt = run.events("c1", "RestartConsumer").get(0).time();
        assertThat(run.requestsFrom("c1", "JoinGroup")).anyMatch(join -> join.time() >= restartedAt);
        assertThat(run.requestsFrom("c1", "JoinGroup").size()).isGreaterThan(joinsBefore);
        assertThat(run.view("c1").state()).isEqualTo(MemberState.STABLE);
        assertThat(run.view("c1").assigned()).isNotEmpty();
    }

    @Test
    void settingsKafkaWouldRefuseAreRefusedWithKafkasReasonAndChangeNothing() {
        ClientScenario run = twoConsumers();

        run.at(8_000, new ConsumerTasks.ChangeSettings("c1", Map.of("heartbeat.interval.ms", 6000), null))
                .runUntil(12_000);

        SimEvent refused = run.events("c1", "ChangeSettingsRefused").get(0);
        assertThat(refused.ruleArgs().get("error").toString())
                .contains("Heartbeat must be set lower than the session timeout");
        assertThat(run.events("c1", "CloseConsumer")).isEmpty();
        assertThat(run.view("c1").state()).isEqualTo(MemberState.STABLE);
    }

    @Test
    void aNewCommitPolicyTakesOverAfterTheRestart() {
        ClientScenario run = twoConsumers();

        run.at(8_000, new ConsumerTasks.ChangeSettings("c1", Map.of("enable.auto.commit", false),
                CommitPolicy.of(CommitPolicy.Kind.SYNC_AFTER_BATCH))).runUntil(20_000);

        assertThat(run.events("c1", "ChangeSettings").get(0).fields().get("commitPolicy")).isEqualTo("syncAfterBatch");
        assertThat(run.events(event -> "c1".equals(event.actor()) && event.time() > 9_000
                && event.type().equals("AutoCommitInterval"))).isEmpty();
        assertThat(run.events("c1", "RestartConsumer")).hasSize(1);
    }
}
