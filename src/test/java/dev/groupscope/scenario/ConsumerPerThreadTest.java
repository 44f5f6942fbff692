package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.report.Rebalance;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The notes' first threading scheme (消费者 io:线程 = 1:1): a KafkaConsumer per thread, several per process. */
class ConsumerPerThreadTest {

    private static final Set<String> APP_1 = Set.of("app1-t1", "app1-t2", "app1-t3");
    private static final Set<String> APP_2 = Set.of("app2-t1", "app2-t2", "app2-t3");

    @Test
    void eachThreadIsAMemberOfItsOwnAndOwnsItsPartitionAlone() {
        ScenarioRun run = ScenarioRun.of("consumer-per-thread");
        Rebalance first = run.group("events-app").rebalances().get(0);

        assertThat(first.moved().stream().map(Rebalance.Move::to).collect(Collectors.toSet()))
                .as("six threads, six members, one partition each").hasSize(6);
        assertThat(run.group("events-app").orderBreaks()).isZero();
        assertThat(run.group("events-app").lost()).isZero();
    }

    @Test
    void aProcessCrashTakesAllItsConsumersWithIt() {
        ScenarioRun run = ScenarioRun.of("consumer-per-thread");
        List<SimEvent> crashes = run.events(e -> e.type().equals("CrashConsumer"));

        assertThat(crashes).extracting(SimEvent::actor).containsExactlyInAnyOrderElementsOf(APP_1);
        assertThat(crashes).extracting(SimEvent::time).containsOnly(20_000L);
        Rebalance after = run.group("events-app").rebalances().get(1);
        assertThat(after.startMs()).isGreaterThan(20_000L);
        assertThat(run.group("events-app").members()).extracting(member -> member.clientId())
                .containsExactlyInAnyOrderElementsOf(APP_2);
        assertThat(run.group("events-app").rebalances()).hasSize(2);
        assertThat(new TreeSet<>(run.group("events-app").members().stream()
                .flatMap(m -> m.assignment().stream()).toList())).hasSize(6);
        // What app-1's threads processed since their last auto commit is processed again, by app-2's threads.
        assertThat(run.group("events-app").duplicates()).isPositive();
        APP_1.forEach(id -> assertThat(run.consumer(id).duplicates()).isZero());
        assertThat(APP_2.stream().mapToLong(id -> run.consumer(id).duplicates()).sum())
                .isEqualTo(run.group("events-app").duplicates());
    }

    @Test
    void bothSchemesKeepEveryPartitionInOrderAndLoseNothingAcrossAProcessCrash() {
        ScenarioRun run = ScenarioRun.of("two-threading-schemes");

        assertThat(run.group("threads-app").members()).as("a member per thread").hasSize(3);
        assertThat(run.group("pool-app").members()).as("one member feeding three workers").hasSize(1);
        for (String group : List.of("threads-app", "pool-app")) {
            assertThat(run.group(group).recordsProcessed()).as(group).isGreaterThan(4000);
            assertThat(run.group(group).orderBreaks()).as(group).isZero();
            assertThat(run.group(group).lost()).as(group).isZero();
        }
        assertThat(run.group("threads-app").duplicates()).as("the batches in hand at the crash").isPositive();
        assertThat(run.events(e -> e.type().equals("CrashConsumer"))).extracting(SimEvent::actor)
                .containsExactlyInAnyOrder("T1", "T2", "T3", "W1");
        assertThat(run.events(e -> e.type().equals("DispatchRecords") && e.actor().equals("W1"))).isNotEmpty();
    }
}
