package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frame's {@code __consumer_offsets} row and brokers' leaderships, read from the model. In the
 * offsets-topic-compaction lesson one consumer of {@code dashboard} auto-commits every second: each commit lands as
 * records in the group's offsets partition, and the log cleaner compacts it every few seconds.
 */
class OffsetsTopicFrameTest {

    private static final long END = 40_000;
    private static Scenario scenario;
    private static Simulation simulation;
    private static int partition;

    @BeforeAll
    static void run() {
        scenario = ScenarioReader.read(Path.of("lessons/scenarios/offsets-topic-compaction.json"));
        simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(END);
        partition = GroupCoordinatorPartitioning.partitionFor("dashboard", 50).partition();
    }

    private static PlaygroundFrame frameAt(long time) {
        return FrameReader.of(scenario, "dashboard").read(time, simulation.stateAtTime(time), Optional.empty(),
                List.of());
    }

    /**
     * What the model's own events say the group's partition holds after each moment something happened to it: one
     * more per record appended (offset commits, group metadata, tombstones), and what the cleaner left when it
     * compacted (its "remaining").
     */
    private static TreeMap<Long, Integer> recordsByEvents() {
        String name = "__consumer_offsets-" + partition;
        TreeMap<Long, Integer> records = new TreeMap<>();
        int count = 0;
        for (SimEvent event : simulation.log()) {
            if (!name.equals(event.fields().get("partition"))) {
                continue;
            }
            if (event.type().equals("LogCompaction")) {
                count = ((Number) event.fields().get("remaining")).intValue();
            } else if (event.type().contains("Record")) {
                count++;
            } else {
                continue;
            }
            records.put(event.time(), count);
        }
        return records;
    }

    @Test
    void theGroupsOffsetsPartitionIsTheOneItsIdHashesToAndTheRowHasAllFiftyPartitions() {
        PlaygroundFrame frame = frameAt(10_000);

        assertThat(frame.group().offsetsPartition()).isEqualTo(partition);
        assertThat(frame.offsetsTopic().partitions()).isEqualTo(50);
        assertThat(frame.offsetsTopic().groupPartition()).isEqualTo(partition);
        assertThat(frame.offsetsTopic().groups()).containsEntry(partition, List.of("dashboard"));
        // One broker: it leads every partition of both topics, and so it is the coordinator.
        assertThat(frame.brokers()).hasSize(1);
        assertThat(frame.brokers().get(0).leads()).extracting(PlaygroundFrame.TopicLeads::topic, t -> t.count())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("metrics", 2),
                        org.assertj.core.groups.Tuple.tuple("__consumer_offsets", 50));
        // Only the group's partition has records: no other group writes here.
        for (int p = 0; p < 50; p++) {
            if (p != partition) {
                assertThat(frame.offsetsTopic().records().get(p)).as("records in partition " + p).isZero();
            }
        }
    }

    @Test
    void theGroupsPartitionGrowsWithEachCommitAndShrinksWhenTheCleanerCompactsIt() {
        TreeMap<Long, Integer> expected = recordsByEvents();
        List<Long> compactions = simulation.log().stream()
                .filter(e -> e.type().equals("LogCompaction")
                        && ("__consumer_offsets-" + partition).equals(e.fields().get("partition")))
                .map(SimEvent::time).toList();
        assertThat(compactions).as("the lesson compacts the group's partition").hasSizeGreaterThanOrEqualTo(3);

        List<Integer> seen = new ArrayList<>();
        for (Map.Entry<Long, Integer> moment : expected.entrySet()) {
            PlaygroundFrame frame = frameAt(moment.getKey());
            assertThat(frame.offsetsTopic().groupRecords()).as("records at " + moment.getKey() + " ms")
                    .isEqualTo(moment.getValue());
            assertThat(frame.offsetsTopic().records().get(partition)).isEqualTo(moment.getValue());
            seen.add(frame.offsetsTopic().groupRecords());
        }
        // Each compaction: the moment before, more records than just after; the log end never goes back.
        for (long at : compactions) {
            PlaygroundFrame before = frameAt(at - 1);
            PlaygroundFrame after = frameAt(at);
            assertThat(after.offsetsTopic().groupRecords()).as("records after the compaction at " + at + " ms")
                    .isLessThan(before.offsetsTopic().groupRecords());
            assertThat(after.offsetsTopic().groupLogEnd()).isEqualTo(before.offsetsTopic().groupLogEnd());
            // What survives a compaction is at most the latest record of each key, plus the active segment.
            assertThat(after.offsetsTopic().groupKeys()).isLessThanOrEqualTo(after.offsetsTopic().groupRecords());
        }
        // Between compactions the count only grows: one commit of two partitions is two more records.
        PlaygroundFrame early = frameAt(compactions.get(0) + 1);
        PlaygroundFrame later = frameAt(compactions.get(1) - 1);
        assertThat(later.offsetsTopic().groupRecords()).isGreaterThan(early.offsetsTopic().groupRecords());
        assertThat(later.offsetsTopic().groupLogEnd()).isGreaterThan(early.offsetsTopic().groupLogEnd());
        // Two committed partitions and the group's metadata: three keys, however many records.
        assertThat(frameAt(31_000).offsetsTopic().groupKeys()).isEqualTo(3);
        assertThat(seen).contains(frameAt(31_000).offsetsTopic().groupRecords());
    }

    @Test
    void aStoppedBrokerLeadsNothingAndTheOthersTakeItsPartitions() {
        Scenario playground = PlaygroundViewModel.readPlayground();
        PlaygroundViewModel viewModel = new PlaygroundViewModel(playground, Runnable::run, Runnable::run);
        viewModel.scrubTo(20_000);
        PlaygroundFrame before = viewModel.getFrame();
        int coordinator = before.group().coordinatorBroker();
        PlaygroundFrame.BrokerRow leading = broker(before, coordinator);
        assertThat(leading.leads()).extracting(PlaygroundFrame.TopicLeads::topic)
                .contains("__consumer_offsets");
        assertThat(leads(leading, "__consumer_offsets")).contains(before.group().offsetsPartition());
        // Every partition of both topics is led by exactly one broker.
        assertThat(before.brokers().stream().mapToInt(PlaygroundFrame.BrokerRow::leadCount).sum()).isEqualTo(6 + 50);

        viewModel.act(PlaygroundViewModel.WhatIf.STOP_COORDINATOR_BROKER, null);
        viewModel.scrubTo(30_000);
        PlaygroundFrame after = viewModel.getFrame();

        assertThat(broker(after, coordinator).up()).isFalse();
        assertThat(broker(after, coordinator).leads()).isEmpty();
        assertThat(after.brokers().stream().mapToInt(PlaygroundFrame.BrokerRow::leadCount).sum()).isEqualTo(6 + 50);
        int newLeader = after.offsetsTopic().leaders().get(before.group().offsetsPartition());
        assertThat(newLeader).isNotEqualTo(coordinator).isPositive();
        assertThat(leads(broker(after, newLeader), "__consumer_offsets")).contains(before.group().offsetsPartition());
    }

    private static PlaygroundFrame.BrokerRow broker(PlaygroundFrame frame, int id) {
        return frame.brokers().stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    private static List<Integer> leads(PlaygroundFrame.BrokerRow broker, String topic) {
        return broker.leads().stream().filter(t -> t.topic().equals(topic)).findFirst()
                .map(PlaygroundFrame.TopicLeads::partitions).orElse(List.of());
    }
}
