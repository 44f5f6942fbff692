package dev.groupscope.sim.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.ledger.Ledger.Repeat;
import dev.groupscope.sim.ledger.Ledger.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerRepeatsTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);

    private final Ledger ledger = new Ledger();

    private void process(String consumer, long first, long last, long startMs) {
        for (long offset = first; offset <= last; offset++) {
            ledger.processed("g", consumer, ORDERS_0, offset, startMs + (offset - first));
        }
    }

    @Test
    void recordsProcessedAgainAfterARewindAreARepeatSayingWhoProcessedThemAndWhen() {
        process("C1", 0, 140, 40_000);   // C1 crashes after committing 120
        process("C3", 120, 160, 47_500); // C3 resumes at the committed offset

        assertThat(ledger.hasRepeats("g")).isTrue();
        assertThat(ledger.partitionsWithRepeats("g")).containsExactly(ORDERS_0);
        assertThat(ledger.repeats("g", ORDERS_0, 3)).containsExactly(new Repeat(120, 140, 2, List.of(
                // C1 ran from offset 0 and C3 on to 160: only C1's end and C3's start are times of this range.
                new Run("C1", 120, 140, -1, 40_140), new Run("C3", 120, 140, 47_500, -1))));
    }

    @Test
    void repeatsComeNewestFirstAndStopAtTheLimit() {
        process("C1", 0, 9, 1_000);
        process("C2", 2, 3, 2_000);
        process("C2", 6, 7, 3_000);
        process("C2", 7, 7, 4_000);

        List<Repeat> repeats = ledger.repeats("g", ORDERS_0, 2);

        assertThat(repeats).extracting(Repeat::first, Repeat::last, Repeat::times)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, 7L, 3),
                        org.assertj.core.groups.Tuple.tuple(6L, 6L, 2));
    }

    @Test
    void aGroupThatProcessedEverythingOnceHasNoRepeats() {
        process("C1", 0, 50, 1_000);

        assertThat(ledger.hasRepeats("g")).isFalse();
        assertThat(ledger.partitionsWithRepeats("g")).isEmpty();
        assertThat(ledger.repeats("g", ORDERS_0, 3)).isEmpty();
    }
}
