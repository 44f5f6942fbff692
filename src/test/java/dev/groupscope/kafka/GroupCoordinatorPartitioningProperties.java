package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.common.utils.Utils;

/** Differential: our coordinator partition against kafka-clients' own {@code Utils.abs(hash) % n}. */
class GroupCoordinatorPartitioningProperties {

    @Property(tries = 3000)
    void partitionMatchesKafkaForAnyGroupId(@ForAll @StringLength(max = 60) String groupId,
                                            @ForAll @IntRange(min = 1, max = 1000) int partitions) {
        OffsetsTopicPartition ours = GroupCoordinatorPartitioning.partitionFor(groupId, partitions);

        assertThat(ours.hash()).isEqualTo(groupId.hashCode());
        assertThat(ours.abs()).isEqualTo(Utils.abs(groupId.hashCode()));
        assertThat(ours.partition()).isEqualTo(Utils.abs(groupId.hashCode()) % partitions);
    }

    @Property(tries = 2000)
    void absMatchesKafkaForAnyInt(@ForAll int n) {
        assertThat(GroupCoordinatorPartitioning.abs(n)).isEqualTo(Utils.abs(n));
    }

    @Property(tries = 1000)
    void chineseAndOtherNonAsciiGroupIdsHashAsKafkaDoes(
            @ForAll @StringLength(min = 1, max = 20)
            @CharRange(from = '\u4e00', to = '\u9fff') String groupId,
            @ForAll @IntRange(min = 1, max = 200) int partitions) {
        assertThat(GroupCoordinatorPartitioning.partitionFor(groupId, partitions).partition())
                .isEqualTo(Utils.abs(groupId.hashCode()) % partitions);
    }
}
