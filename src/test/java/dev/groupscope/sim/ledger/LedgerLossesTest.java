package dev.groupscope.sim.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which records the ledger counts as lost: committed past, never processed, and meant to be read. */
class LedgerLossesTest {

    private static final TopicPartition LOGS_0 = new TopicPartition("logs", 0);
    private static final TopicPartition LOGS_1 = new TopicPartition("logs", 1);

    private final Ledger ledger = new Ledger();

    private void read(String group, String consumer, TopicPartition tp, long first, long last) {
        ledger.delivered(group, consumer, tp, first, last, 1_000);
        for (long offset = first; offset <= last; offset++) {
            ledger.processed(group, consumer, tp, offset, 1_000);
        }
    }

    @Test
    void recordsSkippedBeforeTheGroupsFirstReadOfAPartitionAreNotLosses() {
        read("indexer", "C1", LOGS_0, 40, 49); // auto.offset.reset=latest started it at 40

        assertThat(ledger.lost("indexer", Map.of(LOGS_0, 50L))).isEmpty();
    }

    @Test
    void onAPartitionAddedWhileTheGroupReadsItsTopicEverySkippedRecordIsLost() {
        read("indexer", "C1", LOGS_0, 0, 9);
        ledger.partitionsAdded("logs", 1, 2);
        read("indexer", "C2", LOGS_1, 12, 14); // latest started it at the log end, 12

        assertThat(ledger.lost("indexer", Map.of(LOGS_0, 10L, LOGS_1, 15L)))
                .as("never returned to anyone: counted for the group alone").containsExactly(Map.entry("", 12L));
    }

    @Test
    void aPartitionAddedAndCommittedPastBeforeAnyReadLosesWhatWasSkipped() {
        read("indexer", "C1", LOGS_0, 0, 9);
        ledger.partitionsAdded("logs", 1, 2);

        assertThat(ledger.lost("indexer", Map.of(LOGS_1, 7L))).containsExactly(Map.entry("", 7L));
    }

    @Test
    void aGroupThatWasNotYetReadingTheTopicIsNotMeantToReadTheAddedPartitionsFromTheStart() {
        ledger.partitionsAdded("logs", 1, 2);
        read("latecomer", "L1", LOGS_1, 12, 14);
        read("other-topic", "O1", new TopicPartition("metrics", 0), 0, 4);

        assertThat(ledger.lost("latecomer", Map.of(LOGS_1, 15L))).isEmpty();
        assertThat(ledger.lost("other-topic", Map.of(LOGS_1, 15L))).isEmpty();
    }

    @Test
    void aCopyTakenBeforeThePartitionsWereAddedKeepsItsOwnCounts() {
        read("indexer", "C1", LOGS_0, 0, 9);
        Ledger before = (Ledger) ledger.copy();
        ledger.partitionsAdded("logs", 1, 2);

        assertThat(before.lost("indexer", Map.of(LOGS_1, 7L))).isEmpty();
        assertThat(ledger.lost("indexer", Map.of(LOGS_1, 7L))).containsExactly(Map.entry("", 7L));
    }
}
