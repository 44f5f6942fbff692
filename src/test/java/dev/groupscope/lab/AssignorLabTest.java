package dev.groupscope.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.KafkaAssignorOracle;
import dev.groupscope.kafka.assignor.LegacyAssignor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AssignorLabTest {

    private static final Map<String, Integer> T0_4_T1_3 = topics("t0:4, t1:3");

    /** "t0:4, t1:3" as an ordered map (the lab keeps topics in the order written). */
    private static Map<String, Integer> topics(String spec) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split(":");
            topics.put(parts[0], Integer.parseInt(parts[1]));
        }
        return topics;
    }

    private static AssignorLab lab(ScriptedAssignor assignor, Map<String, Integer> topics, int consumers) {
        return new AssignorLab("scripted", topics, consumers, name -> Optional.of(assignor));
    }

    private static AssignorLab legacyLab(Map<String, Integer> topics, int consumers) {
        return new AssignorLab(LegacyAssignor.NAME, topics, consumers, Assignors::byName);
    }

    private static TopicPartition tp(String text) {
        return TopicPartition.parse(text);
    }

    private static MemberRow row(LabRound round, String member) {
        return round.members().stream().filter(r -> r.memberId().equals(member)).findFirst().orElseThrow();
    }

    @Test
    void aNewGroupIsGenerationOneWhereNobodyOwnsAnything() {
        ScriptedAssignor assignor = ScriptedAssignor.dealing();
        LabRound round = lab(assignor, T0_4_T1_3, 3).round();

        assertThat(round.generation()).isEqualTo(1);
        assertThat(assignor.lastCall()).extracting(GroupMember::memberId).containsExactly("C0", "C1", "C2");
        assertThat(assignor.lastCall()).allSatisfy(member -> {
            assertThat(member.ownedPartitions()).isEmpty();
            assertThat(member.generation()).isEqualTo(GroupMember.NO_GENERATION);
            assertThat(member.topics()).containsExactly("t0", "t1");
        });
        assertThat(round.members()).allMatch(MemberRow::joinedThisRound);
        assertThat(round.movedCount()).isZero();
    }

    @Test
    void aJoiningConsumerMakesTheOthersReportWhatTheyOwnWithTheirGeneration() {
        ScriptedAssignor assignor = ScriptedAssignor.dealing();
        AssignorLab lab = lab(assignor, T0_4_T1_3, 3);
        Map<String, List<TopicPartition>> before = Map.of(
                "C0", List.of(tp("t0-0"), tp("t0-3"), tp("t1-2")),
                "C1", List.of(tp("t0-1"), tp("t1-0")),
                "C2", List.of(tp("t0-2"), tp("t1-1")));

        LabRound round = lab.join();

        assertThat(round.generation()).isEqualTo(2);
        List<GroupMember> told = assignor.lastCall();
        assertThat(told).extracting(GroupMember::memberId).containsExactly("C0", "C1", "C2", "C3");
        for (GroupMember member : told.subList(0, 3)) {
            assertThat(member.ownedPartitions()).isEqualTo(before.get(member.memberId()));
            assertThat(member.generation()).isEqualTo(1);
        }
        assertThat(told.get(3).ownedPartitions()).isEmpty();
        assertThat(told.get(3).generation()).isEqualTo(GroupMember.NO_GENERATION);
        assertThat(round.members()).extracting(MemberRow::joinedThisRound).containsExactly(false, false, false, true);
    }

    @Test
    void underEagerEveryMemberRevokesAllItOwnedEvenThePartitionsItIsGivenBack() {
        // dealing, 2 -> 3 consumers on t0:4: C0 [t0-0, t0-2] -> [t0-0, t0-3]; C1 [t0-1, t0-3] -> [t0-1].
        LabRound round = lab(ScriptedAssignor.dealing(), topics("t0:4"), 2).join();

        assertThat(round.protocol()).isEqualTo(RebalanceProtocol.EAGER);
        assertThat(row(round, "C0").revoked()).containsExactly(tp("t0-0"), tp("t0-2"));
        assertThat(row(round, "C0").revokedAndGivenBack()).containsExactly(tp("t0-0"));
        assertThat(row(round, "C0").revokedAndGone()).containsExactly(tp("t0-2"));
        assertThat(row(round, "C1").revoked()).containsExactly(tp("t0-1"), tp("t0-3"));
        assertThat(row(round, "C2").revoked()).isEmpty();
        assertThat(round.revokedCount()).isEqualTo(4);
        assertThat(round.movedCount()).isEqualTo(2);
    }

    @Test
    void underCooperativeAMemberRevokesOnlyWhatItIsNoLongerGiven() {
        ScriptedAssignor assignor = ScriptedAssignor.dealing()
                .supporting(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
        LabRound round = lab(assignor, topics("t0:4"), 2).join();

        assertThat(round.protocol()).isEqualTo(RebalanceProtocol.COOPERATIVE);
        assertThat(row(round, "C0").revoked()).containsExactly(tp("t0-2"));
        assertThat(row(round, "C0").revokedAndGivenBack()).isEmpty();
        assertThat(row(round, "C1").revoked()).containsExactly(tp("t0-3"));
        assertThat(round.revokedCount()).isEqualTo(2);
        assertThat(round.movedCount()).isEqualTo(2);
    }

    @Test
    void aFreshGroupRevokesNothingWhateverItsProtocol() {
        assertThat(lab(ScriptedAssignor.dealing(), T0_4_T1_3, 3).round().revokedCount()).isZero();
        assertThat(lab(ScriptedAssignor.dealing().supporting(RebalanceProtocol.COOPERATIVE), T0_4_T1_3, 3).round()
                .revokedCount()).isZero();
    }

    @Test
    void partitionsThatChangeOwnerAreMarkedWithTheirPreviousOwner() {
        LabRound round = legacyLab(T0_4_T1_3, 3).join();

        // legacy, 3 -> 4 consumers: t0 goes from ranges of 2 (C0: 0,1  C1: 2,3) to ranges of 1.
        assertThat(row(round, "C1").partitions()).contains(
                new PartitionChip(tp("t0-1"), 0, Optional.of("C0")));
        assertThat(row(round, "C2").partitions()).contains(
                new PartitionChip(tp("t0-2"), 0, Optional.of("C1")));
        assertThat(row(round, "C3").partitions()).containsExactly(
                new PartitionChip(tp("t0-3"), 0, Optional.of("C1")));
        assertThat(row(round, "C0").partitions()).containsExactly(
                new PartitionChip(tp("t0-0"), 0, Optional.empty()),
                new PartitionChip(tp("t1-0"), 1, Optional.empty()));
        assertThat(round.movedCount()).isEqualTo(3);
    }

    @Test
    void partitionsOfALeavingConsumerAreMarkedAsMovedFromIt() {
        AssignorLab lab = legacyLab(topics("t0:4"), 4);

        LabRound round = lab.leave("C3");

        assertThat(lab.members()).containsExactly("C0", "C1", "C2");
        assertThat(round.members()).flatExtracting(MemberRow::partitions)
                .filteredOn(chip -> chip.partition().equals(tp("t0-3")))
                .extracting(PartitionChip::from).containsExactly(Optional.of("C3"));
    }

    /** What kafka-clients' own assignor gives {@code member} in a fresh group of C0..C{consumers-1}, sorted. */
    private static List<TopicPartition> kafkaFirstAssignment(String strategy, Map<String, Integer> topics,
                                                             int consumers, String member) {
        List<GroupMember> fresh = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            fresh.add(new GroupMember("C" + i, Optional.empty(), List.copyOf(topics.keySet()), List.of(),
                    GroupMember.NO_GENERATION));
        }
        return List.copyOf(KafkaAssignorOracle.assignAsSets(strategy, topics, fresh).get(member));
    }

    @Test
    void underCooperativeAMemberThatLeavesStillRevokesEverythingItOwned() {
        // ConsumerCoordinator.onLeavePrepare: close() hands every owned partition to onPartitionsRevoked, under
        // COOPERATIVE too, before LeaveGroup. The others keep theirs and take the leaver's in this same round.
        List<TopicPartition> c1Owned = kafkaFirstAssignment("cooperative-sticky", T0_4_T1_3, 3, "C1");
        AssignorLab lab = new AssignorLab("cooperative-sticky", T0_4_T1_3, 3, Assignors::byName);
        assertThat(c1Owned).isNotEmpty();

        LabRound round = lab.leave("C1");

        assertThat(round.protocol()).isEqualTo(RebalanceProtocol.COOPERATIVE);
        assertThat(round.departure()).contains(new Departure("C1", c1Owned));
        assertThat(round.members()).allSatisfy(row -> assertThat(row.revoked()).as(row.memberId()).isEmpty());
        assertThat(round.revokedCount()).isEqualTo(c1Owned.size());
        assertThat(round.withheld()).isEmpty();
        assertThat(round.members()).flatExtracting(MemberRow::partitions)
                .filteredOn(chip -> c1Owned.contains(chip.partition()))
                .extracting(PartitionChip::from).hasSize(c1Owned.size()).containsOnly(Optional.of("C1"));
        assertThat(round.movedCount()).isEqualTo(c1Owned.size());
    }

    @Test
    void underEagerAMemberThatLeavesRevokesWhatItOwnedAndTheOthersRevokeAllTheirs() {
        List<TopicPartition> c1Owned = kafkaFirstAssignment("range", T0_4_T1_3, 3, "C1");
        AssignorLab lab = new AssignorLab("range", T0_4_T1_3, 3, Assignors::byName);
        LabRound before = lab.round();

        LabRound round = lab.leave("C1");

        assertThat(round.protocol()).isEqualTo(RebalanceProtocol.EAGER);
        assertThat(round.departure()).contains(new Departure("C1", c1Owned));
        for (String member : List.of("C0", "C2")) {
            assertThat(row(round, member).revoked()).as(member).containsExactlyElementsOf(
                    row(before, member).partitions().stream().map(PartitionChip::partition).sorted().toList());
        }
        // Everything the group owned stopped: the leaver's on its way out, the others' before rejoining.
        assertThat(round.revokedCount()).isEqualTo(7);
    }

    @Test
    void aMemberThatOwnedNothingLeavesHavingRevokedNothing() {
        // legacy on t0:2 with three consumers: C2 is idle.
        AssignorLab lab = legacyLab(topics("t0:2"), 3);

        LabRound round = lab.leave("C2");

        assertThat(round.departure()).contains(new Departure("C2", List.of()));
        assertThat(round.revokedCount()).isEqualTo(2);
    }

    @Test
    void onlyARoundStartedByALeaveHasADeparture() {
        AssignorLab lab = lab(ScriptedAssignor.dealing(), T0_4_T1_3, 3);
        assertThat(lab.round().departure()).isEmpty();
        assertThat(lab.leave("C1").departure()).map(Departure::memberId).contains("C1");

        assertThat(lab.join().departure()).isEmpty();
        assertThat(lab.leave("C0").departure()).isPresent();
        assertThat(lab.rebalance().departure()).isEmpty();
        assertThat(lab.leave("C2").departure()).isPresent();
        assertThat(lab.changeTopics(topics("t0:5")).departure()).isEmpty();
        // An unknown id changes nothing: the round is still the last one.
        LabRound last = lab.round();
        assertThat(lab.leave("C9")).isSameAs(last);
    }

    @Test
    void moreConsumersThanPartitionsLeavesTheRestIdleForThatReason() {
        LabRound round = legacyLab(topics("t0:2"), 3).round();

        assertThat(row(round, "C2").idle()).contains(IdleReason.TOO_FEW_PARTITIONS);
        assertThat(round.idleCount()).isEqualTo(1);
    }

    @Test
    void aConsumerLeftEmptyDespiteEnoughPartitionsIsBlamedOnTheStrategy() {
        // legacy: N = ceil(4 / 3) = 2, so C0 and C1 take two each and C2 none.
        LabRound round = legacyLab(topics("t0:4"), 3).round();

        assertThat(row(round, "C2").idle()).contains(IdleReason.LEFT_OUT_BY_STRATEGY);
        assertThat(row(round, "C0").idle()).isEmpty();
    }

    @Test
    void aWithheldPartitionWaitsWithItsHolderAndLaterMovesFromIt() {
        AtomicInteger round = new AtomicInteger();
        ScriptedAssignor assignor = new ScriptedAssignor((topics, members) -> round.incrementAndGet() == 2
                ? ScriptedAssignor.deal(topics, members, Set.of(tp("t0-1")), 1)
                : ScriptedAssignor.deal(topics, members, Set.of()));
        AssignorLab lab = lab(assignor, topics("t0:2"), 1);

        LabRound second = lab.join();
        assertThat(second.withheld()).containsExactly(new PartitionChip(tp("t0-1"), 0, Optional.of("C0")));
        assertThat(row(second, "C1").idle()).contains(IdleReason.WAITING_FOR_REVOCATION);
        assertThat(assignor.lastCall()).hasSize(2);

        LabRound third = lab.rebalance();
        assertThat(third.withheld()).isEmpty();
        assertThat(row(third, "C1").partitions()).containsExactly(
                new PartitionChip(tp("t0-1"), 0, Optional.of("C0")));
        assertThat(third.generation()).isEqualTo(3);
    }

    @Test
    void changingTopicsRebalancesAndForgetsPartitionsThatNoLongerExist() {
        ScriptedAssignor assignor = ScriptedAssignor.dealing();
        AssignorLab lab = lab(assignor, topics("t0:4"), 2);

        LabRound round = lab.changeTopics(topics("t0:2, t9:1"));

        assertThat(round.generation()).isEqualTo(2);
        assertThat(round.topics()).containsExactly(Map.entry("t0", 2), Map.entry("t9", 1));
        assertThat(assignor.lastCall().get(0).topics()).containsExactly("t0", "t9");
        assertThat(round.members()).flatExtracting(MemberRow::partitions)
                .extracting(chip -> chip.partition().toString()).containsExactlyInAnyOrder("t0-0", "t0-1", "t9-0");
    }

    @Test
    void newConsumersNeverReuseTheIdOfOneThatLeft() {
        AssignorLab lab = lab(ScriptedAssignor.dealing(), T0_4_T1_3, 3);
        lab.leave("C1");
        lab.join();

        assertThat(lab.members()).containsExactly("C0", "C2", "C3");
    }
}
