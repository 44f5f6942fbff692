package dev.groupscope.kafka.assignor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The oracle must reproduce the reference's worked example (kafka-model.md §4.5) before it can judge our
 * assignors: t0 = 4 and t1 = 3 partitions, C0–C2 then C3 joining.
 */
class KafkaAssignorOracleTest {

    private static final Map<String, Integer> TOPICS = Map.of("t0", 4, "t1", 3);

    @Test
    void stickyKeepsAllButOnePartitionWhenC3Joins() {
        Map<String, List<TopicPartition>> round1 = KafkaAssignorOracle.assign("sticky", TOPICS, round1Members());
        assertThat(round1.get("C0")).extracting(Object::toString).containsExactlyInAnyOrder("t0-0", "t0-3", "t1-2");

        Map<String, List<TopicPartition>> round2 =
                KafkaAssignorOracle.assign("sticky", TOPICS, joinWithC3(round1, 1));
        assertThat(round2.get("C0")).extracting(Object::toString).containsExactlyInAnyOrder("t0-0", "t1-2");
        assertThat(round2.get("C3")).extracting(Object::toString).containsExactly("t0-3");
    }

    @Test
    void cooperativeStickyWithholdsTheMovingPartitionForOneRound() {
        Map<String, List<TopicPartition>> round1 =
                KafkaAssignorOracle.assign("cooperative-sticky", TOPICS, round1Members());
        Map<String, List<TopicPartition>> round2 =
                KafkaAssignorOracle.assign("cooperative-sticky", TOPICS, joinWithC3(round1, 1));
        assertThat(round2.get("C3")).isEmpty();
        assertThat(round2.get("C0")).extracting(Object::toString).containsExactlyInAnyOrder("t0-0", "t1-2");

        Map<String, List<TopicPartition>> round3 =
                KafkaAssignorOracle.assign("cooperative-sticky", TOPICS, owning(round2, 2));
        assertThat(round3.get("C3")).extracting(Object::toString).containsExactly("t0-3");
    }

    @Test
    void rangeGivesTheFirstConsumerTheExtraPartition() {
        Map<String, List<TopicPartition>> round1 = KafkaAssignorOracle.assign("range", TOPICS, round1Members());
        assertThat(round1.get("C0")).extracting(Object::toString).containsExactlyInAnyOrder("t0-0", "t0-1", "t1-0");
    }

    private static List<GroupMember> round1Members() {
        List<GroupMember> members = new ArrayList<>();
        for (String id : List.of("C0", "C1", "C2")) {
            members.add(GroupMember.of(id, List.of("t0", "t1")));
        }
        return members;
    }

    private static List<GroupMember> joinWithC3(Map<String, List<TopicPartition>> previous, int generation) {
        List<GroupMember> members = owning(previous, generation);
        members.add(GroupMember.of("C3", List.of("t0", "t1")));
        return members;
    }

    private static List<GroupMember> owning(Map<String, List<TopicPartition>> previous, int generation) {
        List<GroupMember> members = new ArrayList<>();
        new LinkedHashMap<>(previous).forEach((id, owned) -> members.add(
                new GroupMember(id, Optional.empty(), List.of("t0", "t1"), owned, generation)));
        return members;
    }
}
