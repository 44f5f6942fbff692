package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupCoordinatorPartitioningTest {

    /** The worked examples of the reference (§1.4), computed with kafka-clients 4.1.1. */
    @ParameterizedTest(name = "{0} -> hash {1}, abs {2}, partition {3}")
    @CsvSource({
            "my-group,               -1906497762, 1906497762, 12",
            "orders-service,         23943117,    23943117,   17",
            "payments,               1382682413,  1382682413, 13",
            "test-group,             627841412,   627841412,  12",
            "console-consumer-12345, 158455506,   158455506,  6",
            "group-1,                293427299,   293427299,  49",
            "polygenelubricants,     -2147483648, 0,          0",
    })
    void workedExamplesMapToKafkasPartitions(String group, int hash, int abs, int partition) {
        OffsetsTopicPartition result = GroupCoordinatorPartitioning.partitionFor(group);

        assertThat(result).isEqualTo(new OffsetsTopicPartition(group, hash, abs, 50, partition));
    }

    @Test
    void integerMinValueHashBecomesZeroNotANegativePartition() {
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        assertThat(Math.abs(Integer.MIN_VALUE) % 50).as("what Math.abs would give").isEqualTo(-48);

        assertThat(GroupCoordinatorPartitioning.abs(Integer.MIN_VALUE)).isZero();
    }

    @Test
    void absIsNotToPositiveForNegativeHashes() {
        int hash = "my-group".hashCode();

        assertThat(GroupCoordinatorPartitioning.abs(hash) % 50).isEqualTo(12);
        assertThat((hash & 0x7fffffff) % 50).as("toPositive, the producer's rule").isEqualTo(36);
    }

    @Test
    void theOffsetsTopicHasAtLeastOnePartition() {
        assertThatThrownBy(() -> GroupCoordinatorPartitioning.partitionFor("g", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThat(GroupCoordinatorPartitioning.partitionFor("my-group", 1).partition()).isZero();
    }

    @Test
    void theCoordinatorIsTheLiveLeaderOfTheGroupsPartition() {
        OffsetsTopicMetadata metadata = OffsetsTopicMetadata.of(Map.of(12, 2, 13, 1), Set.of(1, 2, 3));

        CoordinatorLookup lookup = GroupCoordinatorPartitioning.findCoordinator("my-group", 50, metadata);

        assertThat(lookup.error()).isEqualTo(Errors.NONE);
        assertThat(lookup.coordinator()).isEqualTo(OptionalInt.of(2));
        assertThat(lookup.partition().partition()).isEqualTo(12);
        assertThat(lookup.reason()).isEqualTo(CoordinatorLookup.Reason.FOUND);
    }

    @Test
    void aDeadLeaderMeansCoordinatorNotAvailable() {
        OffsetsTopicMetadata metadata = OffsetsTopicMetadata.of(Map.of(12, 2), Set.of(1, 3));

        CoordinatorLookup lookup = GroupCoordinatorPartitioning.findCoordinator("my-group", 50, metadata);

        assertThat(lookup.error()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE);
        assertThat(lookup.coordinator()).isEmpty();
        assertThat(lookup.reason()).isEqualTo(CoordinatorLookup.Reason.LEADER_NOT_ALIVE);
    }

    @Test
    void aPartitionWithoutLeaderMeansCoordinatorNotAvailable() {
        OffsetsTopicMetadata metadata = OffsetsTopicMetadata.of(Map.of(13, 1), Set.of(1));

        CoordinatorLookup lookup = GroupCoordinatorPartitioning.findCoordinator("my-group", 50, metadata);

        assertThat(lookup.error()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE);
        assertThat(lookup.reason()).isEqualTo(CoordinatorLookup.Reason.NO_LEADER);
    }

    @Test
    void aMissingOffsetsTopicMeansCoordinatorNotAvailable() {
        CoordinatorLookup lookup = GroupCoordinatorPartitioning.findCoordinator("my-group", 50,
                OffsetsTopicMetadata.missing());

        assertThat(lookup.error()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE);
        assertThat(lookup.reason()).isEqualTo(CoordinatorLookup.Reason.TOPIC_MISSING);
        assertThat(lookup.partition().partition()).as("the partition is still known").isEqualTo(12);
    }

    @Test
    void groupsSharingAPartitionShareACoordinator() {
        OffsetsTopicMetadata metadata = OffsetsTopicMetadata.of(Map.of(12, 3), Set.of(3));

        assertThat(GroupCoordinatorPartitioning.findCoordinator("my-group", 50, metadata).coordinator())
                .isEqualTo(GroupCoordinatorPartitioning.findCoordinator("test-group", 50, metadata).coordinator());
    }
}
