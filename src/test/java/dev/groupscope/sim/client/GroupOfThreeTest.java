package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The group the real-Kafka tests ran (shared/reference/real-kafka-in-tests.md): static members c0, c1, c2 on a topic
 * of 6 partitions, then c2 leaves with LEAVE_GROUP. The clients here must end where real Kafka's did, with the same
 * callbacks: EAGER revokes everything, COOPERATIVE only adds.
 */
class GroupOfThreeTest {

    private static ClientScenario group(String strategy) {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of(strategy));
        ClientScenario run = new ClientScenario(5, Map.of("t", 6));
        for (String id : List.of("c0", "c1", "c2")) {
            run.consumer(id, config.with("group.instance.id", id), ConsumerBehavior.processing(0), "t")
                    .at(0, new ConsumerTasks.Start(id));
        }
        return run.runUntil(10_000);
    }

    @Test
    void rangeGivesContiguousBlocksAndEagerlyRevokesAllWhenAMemberLeaves() {
        ClientScenario run = group("range");
        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-1");
        assertThat(run.view("c1").assigned()).containsExactly("t-2", "t-3");
        assertThat(run.view("c2").assigned()).containsExactly("t-4", "t-5");
        int before = run.callbacks("c0").size();

        run.at(10_000, new ConsumerTasks.Close("c2", true)).runUntil(20_000);

        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-1", "t-2");
        assertThat(run.view("c1").assigned()).containsExactly("t-3", "t-4", "t-5");
        assertThat(run.callbacks("c0").subList(before, run.callbacks("c0").size())).containsExactly(
                "onPartitionsRevoked[t-0, t-1]", "onPartitionsAssigned[t-0, t-1, t-2]");
    }

    @Test
    void cooperativeStickyNeverRevokesTheSurvivorsWhenAMemberLeaves() {
        ClientScenario run = group("cooperative-sticky");
        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-3");
        assertThat(run.view("c1").assigned()).containsExactly("t-1", "t-4");
        assertThat(run.view("c2").assigned()).containsExactly("t-2", "t-5");
        int before0 = run.callbacks("c0").size();
        int before1 = run.callbacks("c1").size();

        run.at(10_000, new ConsumerTasks.Close("c2", true)).runUntil(20_000);

        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-2", "t-3");
        assertThat(run.view("c1").assigned()).containsExactly("t-1", "t-4", "t-5");
        assertThat(run.callbacks("c0").subList(before0, run.callbacks("c0").size()))
                .containsExactly("onPartitionsAssigned[t-2]");
        assertThat(run.callbacks("c1").subList(before1, run.callbacks("c1").size()))
                .containsExactly("onPartitionsAssigned[t-5]");
    }
}
