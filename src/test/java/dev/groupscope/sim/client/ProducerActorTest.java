package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.protocol.Network;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class ProducerActorTest {

    private static Simulation run(ProducerConfig config, long until) {
        World world = new World(11);
        world.addActor(new FakeCluster(3, Map.of("orders", 6), Network.DEFAULT));
        world.addActor(new ProducerActor("P1", config));
        Simulation simulation = new Simulation(world, List.of(new ScriptedAction(0, new ProducerActor.Start("P1")),
                new ScriptedAction(until, new ProducerActor.Stop("P1"))), 32);
        simulation.runUntil(until);
        return simulation;
    }

    private static List<SimEvent> appends(Simulation simulation) {
        return simulation.log().stream().filter(event -> event.type().equals("Send")).toList();
    }

    @Test
    void recordsAreEvenlySpacedAtTheConfiguredRate() {
        Simulation simulation = run(ProducerConfig.of("orders", 4, new KeyDistribution.Uniform(3)), 1_999);

        assertThat(appends(simulation)).extracting(SimEvent::time)
                .containsExactly(0L, 250L, 500L, 750L, 1_000L, 1_250L, 1_500L, 1_750L);
        assertThat(appends(simulation)).allMatch(event -> event.kind() == EventKind.PRODUCE);
    }

    @Test
    void aKeyedRecordGoesWhereKafkasMurmur2SendsIt() {
        Simulation simulation = run(ProducerConfig.of("orders", 50, new KeyDistribution.Uniform(20)), 2_000);

        assertThat(appends(simulation)).hasSizeGreaterThan(50).allSatisfy(event -> {
            byte[] key = ((String) event.fields().get("key")).getBytes(StandardCharsets.UTF_8);
            int expected = Utils.toPositive(Utils.murmur2(key)) % 6;
            assertThat(event.fields().get("partition")).isEqualTo("orders-" + expected);
        });
    }

    @Test
    void recordsWithoutAKeyStickToOnePartitionUntilTheBatchIsFull() {
        // 100-byte records, batch.size 1000: ten records fill a sticky batch.
        Simulation simulation = run(new ProducerConfig("orders", 100, new KeyDistribution.NoKey(), 100, 1_000), 999);

        List<String> partitions = appends(simulation).stream().map(e -> (String) e.fields().get("partition")).toList();
        assertThat(partitions).hasSize(100);
        for (int batch = 0; batch < 10; batch++) {
            assertThat(partitions.subList(batch * 10, batch * 10 + 10)).containsOnly(partitions.get(batch * 10));
        }
        assertThat(appends(simulation).get(9).fields()).containsEntry("batchFilled", true);
    }

    @Test
    void aZipfDistributionMakesTheFirstKeyTheHotOne() {
        Simulation simulation = run(ProducerConfig.of("orders", 200, new KeyDistribution.Zipf(10, 1.2)), 5_000);

        Map<Object, Long> counts = appends(simulation).stream()
                .collect(Collectors.groupingBy(event -> event.fields().get("key"), Collectors.counting()));
        assertThat(counts.get("key-0")).isGreaterThan(counts.get("key-1")).isGreaterThan(counts.get("key-9") * 5);
    }

    @Test
    void everyAppendIsInTheLog() {
        Simulation simulation = run(ProducerConfig.of("orders", 20, new KeyDistribution.Uniform(5)), 3_000);
        FakeCluster cluster = (FakeCluster) simulation.current().actors().get(ClusterAccess.ACTOR_ID);

        long inLogs = 0;
        for (int p = 0; p < 6; p++) {
            inLogs += cluster.state().log("orders", p).logEndOffset();
        }
        assertThat(inLogs).isEqualTo(appends(simulation).size());
        assertThat(((ProducerActor.ProducerView) simulation.current().actors().get("P1").view()).produced())
                .isEqualTo(inLogs);
    }
}
