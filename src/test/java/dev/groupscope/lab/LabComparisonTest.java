package dev.groupscope.lab;

import static dev.groupscope.kafka.RebalanceProtocol.COOPERATIVE;
import static dev.groupscope.kafka.RebalanceProtocol.EAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.Assignors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One membership change, every assignor: each column is exactly what that assignor's own lab would show. */
class LabComparisonTest {

    private static TopicPartition tp(String text) {
        return TopicPartition.parse(text);
    }

    private static MemberRow row(LabRound round, String member) {
        return round.members().stream().filter(r -> r.memberId().equals(member)).findFirst().orElseThrow();
    }

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
    void eachColumnRunsTheProtocolItsAssignorSupportsFirst() {
        assertThat(comparison().rounds()).extracting(LabRound::strategy, LabRound::protocol).containsExactly(
                tuple("range", EAGER), tuple("roundrobin", EAGER), tuple("sticky", EAGER),
                tuple("cooperative-sticky", COOPERATIVE), tuple("legacy", EAGER));
    }

    @Test
    void underEagerAJoinMakesEveryMemberRevokeAllSevenWhateverMoves() {
        List<LabRound> rounds = comparison().join();

        for (LabRound round : rounds) {
            if (round.protocol() == EAGER) {
                assertThat(round.revokedCount()).as(round.strategy()).isEqualTo(7);
                assertThat(row(round, "C3").revoked()).as(round.strategy()).isEmpty();
            }
        }
        // Range: C0 had t0-0, t0-1, t1-0 and keeps t0-0 and t1-0, yet stopped all three before rejoining.
        LabRound range = rounds.get(0);
        assertThat(row(range, "C0").revoked()).containsExactly(tp("t0-0"), tp("t0-1"), tp("t1-0"));
        assertThat(row(range, "C0").revokedAndGivenBack()).containsExactly(tp("t0-0"), tp("t1-0"));
        assertThat(row(range, "C0").revokedAndGone()).containsExactly(tp("t0-1"));
        // Changing owner is its own number: sticky moves one partition, yet all seven were revoked.
        assertThat(range.movedCount()).isEqualTo(3);
        assertThat(rounds.get(2).movedCount()).isEqualTo(1);
    }

    @Test
    void underCooperativeOnlyThePartitionThatMovesIsRevokedAndWithheldForASecondRound() {
        LabRound cooperative = comparison().join().get(3);

        assertThat(cooperative.revokedCount()).isEqualTo(1);
        assertThat(row(cooperative, "C0").revoked()).containsExactly(tp("t0-3"));
        assertThat(cooperative.movedCount()).isZero();
        // What the cooperative round withholds is exactly what it revoked from its owners.
        assertThat(cooperative.members().stream().flatMap(row -> row.revoked().stream()).sorted().toList())
                .isEqualTo(cooperative.withheld().stream().map(PartitionChip::partition).sorted().toList());
    }

    @Test
    void whenAMemberLeavesEagerMembersRevokeAllTheyHadCooperativeOnesOnlyWhatTheyLose() {
        LabComparison comparison = comparison();
        List<LabRound> before = comparison.rounds();
        List<LabRound> after = comparison.leave("C1");

        for (int i = 0; i < after.size(); i++) {
            for (MemberRow row : after.get(i).members()) {
                List<TopicPartition> had = row(before.get(i), row.memberId()).partitions().stream()
                        .map(PartitionChip::partition).sorted().toList();
                List<TopicPartition> has = row.partitions().stream().map(PartitionChip::partition).toList();
                List<TopicPartition> expected = after.get(i).protocol() == EAGER ? had
                        : had.stream().filter(p -> !has.contains(p)).toList();
                assertThat(row.revoked()).as(after.get(i).strategy() + " " + row.memberId())
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void whenAMemberLeavesEveryColumnCountsWhatTheLeaverRevokedOnItsWayOut() {
        LabComparison comparison = comparison();
        List<LabRound> before = comparison.rounds();
        List<LabRound> after = comparison.leave("C1");

        for (int i = 0; i < after.size(); i++) {
            LabRound round = after.get(i);
            List<TopicPartition> c1Had = row(before.get(i), "C1").partitions().stream()
                    .map(PartitionChip::partition).sorted().toList();
            long othersRevoked = round.members().stream().mapToLong(row -> row.revoked().size()).sum();
            assertThat(round.departure()).as(round.strategy()).contains(new Departure("C1", c1Had));
            assertThat(round.revokedCount()).as(round.strategy()).isEqualTo(othersRevoked + c1Had.size());
            if (round.protocol() == EAGER) {
                assertThat(round.revokedCount()).as(round.strategy()).isEqualTo(7);
            }
        }
        // Cooperative-sticky: the others keep everything, so what stopped is exactly what C1 had.
        LabRound cooperative = after.get(3);
        assertThat(cooperative.revokedCount()).isEqualTo(row(before.get(3), "C1").partitions().size()).isPositive();
    }

    @Test
    void aSecondRoundHandsTheWithheldPartitionsOut() {
        LabComparison comparison = comparison();
        comparison.join();

        LabRound cooperative = comparison.rebalance().get(3);

        assertThat(cooperative.withheld()).isEmpty();
        assertThat(cooperative.revokedCount()).isZero();
        assertThat(cooperative.movedCount()).isEqualTo(1);
        assertThat(cooperative.idleCount()).isZero();
    }
}
