package dev.groupscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.Assignors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One membership change, every assignor: each column is exactly what that assignor's own lab would show. */
class LabComparisonTest {


    private static LabComparison comparison() {
        return new LabComparison(Assignors.names(), Map.of("t0", 4, "t1", 3).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).collect(LinkedHashMap::new,
                        (map, entry) -> map.put(entry.getKey(), entry.getValue()), Map::putAll), 3, Assignors::byName);
    }

    @Test
    void everyColumnIsWhatItsOwnLabDecidesForTheSameChange() {
        LabComparison comparison = comparison();
        List<LabRound> rounds = comparison.join();

        assertThat(rounds).extracting(LabRound::strategy).containsExactlyElementsOf(Assignors.names());
        for (LabRound round : rounds) {
            AssignorLab alone = new AssignorLab(round.strategy(), round.topics(), 3, Assignors::byName);
            assertThat(alone.join()).as(round.strategy()).isEqualTo(round);
        }
        assertThat(comparison.members()).containsExactly("C0", "C1", "C2", "C3");
    }

    @Test
    void aJoinRevokesUnderEagerAssignorsButCooperativeStickyOnlyWithholds() {
        List<LabRound> rounds = comparison().join();
        LabRound range = rounds.get(0);
        LabRound cooperative = rounds.get(3);

        assertThat(range.revokedCount()).isPositive();
        assertThat(cooperative.movedCount()).isZero();
        assertThat(cooperative.withheld()).isNotEmpty();
        // What the cooperative round withholds is exactly what it revoked from its owners.
        assertThat(cooperative.members().stream().flatMap(row -> row.revoked().stream()).sorted().toList())
                .isEqualTo(cooperative.withheld().stream().map(PartitionChip::partition).sorted().toList());
    }

    @Test
    void revokedPartitionsAreThoseAMemberOwnedBeforeAndNotNow() {
        LabComparison comparison = comparison();
        List<LabRound> before = comparison.rounds();
        List<LabRound> after = comparison.leave("C1");

        for (int i = 0; i < after.size(); i++) {
            for (MemberRow row : after.get(i).members()) {
                List<TopicPartition> had = before.get(i).members().stream()
                        .filter(r -> r.memberId().equals(row.memberId())).findFirst().orElseThrow().partitions()
                        .stream().map(PartitionChip::partition).toList();
                List<TopicPartition> has = row.partitions().stream().map(PartitionChip::partition).toList();
                assertThat(row.revoked()).as(after.get(i).strategy() + " " + row.memberId())
                        .containsExactlyElementsOf(had.stream().filter(p -> !has.contains(p)).sorted().toList());
            }
        }
    }

    @Test
    void aSecondRoundHandsTheWithheldPartitionsOut() {
        LabComparison comparison = comparison();
        comparison.join();

        LabRound cooperative = comparison.rebalance().get(3);

        assertThat(cooperative.withheld()).isEmpty();
        assertThat(cooperative.movedCount()).isPositive();
        assertThat(cooperative.idleCount()).isZero();
    }
}
