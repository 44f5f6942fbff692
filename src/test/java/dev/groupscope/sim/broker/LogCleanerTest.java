package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.coordinator.Harness;
import dev.groupscope.sim.coordinator.Recorder;
import dev.groupscope.sim.coordinator.EventChecks;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.offsets.OffsetCommitKey;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import dev.groupscope.sim.offsets.OffsetsLogEntry;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log cleaner compacts __consumer_offsets, and a coordinator loading the compacted log loses nothing. */
class LogCleanerTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final Harness h = new Harness(ClusterSetup.of(2).withTopic("orders", 2, 2)
            .withSim(SimSettings.DEFAULT.withOffsetsSegmentRecords(5)), 5);
    private final Recorder c1 = h.client("c1");

    private List<OffsetsLogEntry> offsetsLog() {
        return h.cluster.view().offsetsLogs().get(h.cluster.offsetsPartitionFor(Harness.GROUP));
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void compactionKeepsOnlyTheLatestCommitOfEachPartition() {
        List<String> ids = h.formStableGroup(c1);
        for (long offset = 1; offset <= 20; offset++) {
            h.send("c1", h.commit(1, ids.get(0), Map.of(P0, offset, P1, 100 + offset)));
        }

        h.advanceTo(15_000);

        SimEvent compaction = h.events("LogCompaction").get(0);
        assertThat(compaction.fields()).containsEntry("partition",
                ClusterState.OFFSETS_TOPIC + "-" + h.cluster.offsetsPartitionFor(Harness.GROUP));
        assertThat((List<?>) compaction.fields().get("removed")).isNotEmpty();
        long activeSegmentStart = offsetsLog().get(offsetsLog().size() - 1).offset() / 5 * 5;
        List<OffsetsLogEntry> cleaned = offsetsLog().stream().filter(entry -> entry.offset() < activeSegmentStart)
                .toList();
        assertThat(cleaned).filteredOn(entry -> entry.key().equals(new OffsetCommitKey(Harness.GROUP, "orders", 0)))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(cleaned).extracting(OffsetsLogEntry::key).doesNotHaveDuplicates();
    }

    @Test
    void theNextCoordinatorReadsTheLatestCommitsFromTheCompactedLog() {
        List<String> ids = h.formStableGroup(c1);
        for (long offset = 1; offset <= 20; offset++) {
            h.send("c1", h.commit(1, ids.get(0), Map.of(P0, offset)));
        }
        h.advanceTo(15_000);
        assertThat(h.events("LogCompaction")).isNotEmpty();

        h.schedule(new ClusterActions.StopBroker(h.coordinator()));
        h.advance(10);
        h.send("c1", h.fetchOffsets(List.of(P0)));

        assertThat(h.last(c1, OffsetFetchResponse.class).offsets()).containsEntry(P0, 20L);
        assertThat(h.group().generationId()).isEqualTo(1);
        OffsetsLogEntry latest = offsetsLog().stream()
                .filter(entry -> entry.key().equals(new OffsetCommitKey(Harness.GROUP, "orders", 0)))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(((OffsetCommitValue) latest.value()).offset()).isEqualTo(20L);
    }

    @Test
    void aCleanLogIsLeftAlone() {
        h.formStableGroup(c1);

        h.advanceTo(45_000);

        assertThat(h.events("LogCompaction")).isEmpty();
    }
}
