package dev.groupscope.kafka.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BuiltInPartitionerTest {

    private static final PartitionAvailability SIX = PartitionAvailability.all(6);

    @Test
    void aKeyedRecordGoesToTheKeysHashModuloThePartitionCount() {
        KeyedPartition placed = BuiltInPartitioner.partitionForKey("a-little-bit-longer-string", 6);

        assertThat(placed).isEqualTo(new KeyedPartition(26, -1486304829, 661178819, 6, 5));
    }

    @Test
    void aStringKeyIsSerializedAsUtf8() {
        byte[] utf8 = "订单-42".getBytes(StandardCharsets.UTF_8);

        assertThat(BuiltInPartitioner.partitionForKey("订单-42", 7))
                .isEqualTo(BuiltInPartitioner.partitionForKey(utf8, 7));
        assertThat(BuiltInPartitioner.partitionForKey("订单-42", 7).keyLength()).isEqualTo(9);
    }

    @Test
    void keyedRecordsIgnorePartitionsWithoutLeader() {
        PartitionAvailability onlyPartitionZero = new PartitionAvailability(6, List.of(0));
        BuiltInPartitioner partitioner = new BuiltInPartitioner(16384, new Random(1));

        PartitionChoice choice = partitioner.partition("abc".getBytes(StandardCharsets.UTF_8), 100, onlyPartitionZero);

        assertThat(choice.partition()).as("479470107 % 6").isEqualTo(3);
        assertThat(choice.isKeyed()).isTrue();
    }

    @Test
    void unkeyedRecordsStickToOnePartitionUntilTheBatchIsFull() {
        BuiltInPartitioner partitioner = new BuiltInPartitioner(16384, new Random(7));

        List<PartitionChoice> choices = appendUnkeyed(partitioner, 18, 1000, SIX);

        // 17 records of 1000 bytes reach 16384; the 18th goes to a freshly drawn partition.
        int first = choices.get(0).partition();
        assertThat(choices.subList(0, 17)).allSatisfy(choice -> assertThat(choice.partition()).isEqualTo(first));
        assertThat(choices.get(0).newSticky()).isTrue();
        assertThat(choices.get(15).batchFilled()).isFalse();
        assertThat(choices.get(16).batchFilled()).isTrue();
        assertThat(choices.get(16).stickyBytes()).isEqualTo(17000);
        assertThat(choices.get(17).newSticky()).isTrue();
        assertThat(choices.get(17).stickyBytes()).isEqualTo(1000);
    }

    @Test
    void keyedRecordsDoNotCountTowardsTheStickyBatch() {
        BuiltInPartitioner partitioner = new BuiltInPartitioner(2000, new Random(3));
        partitioner.partition(null, 1500, SIX);

        partitioner.partition("key".getBytes(StandardCharsets.UTF_8), 5000, SIX);

        assertThat(partitioner.stickyBytes()).isEqualTo(1500);
    }

    @Test
    void newStickyPartitionsAreDrawnOnlyAmongPartitionsWithALeader() {
        PartitionAvailability twoAndFour = new PartitionAvailability(6, List.of(2, 4));
        BuiltInPartitioner partitioner = new BuiltInPartitioner(1, new Random(11));

        List<PartitionChoice> choices = appendUnkeyed(partitioner, 200, 1, twoAndFour);

        assertThat(choices).extracting(PartitionChoice::partition).containsOnly(2, 4).contains(2, 4);
    }

    @Test
    void withNoLeaderAnywhereAnyPartitionMayBeDrawn() {
        PartitionAvailability none = new PartitionAvailability(3, List.of());
        BuiltInPartitioner partitioner = new BuiltInPartitioner(1, new Random(5));

        List<PartitionChoice> choices = appendUnkeyed(partitioner, 200, 1, none);

        assertThat(choices).extracting(PartitionChoice::partition).containsOnly(0, 1, 2).contains(0, 1, 2);
    }

    @Test
    void theSameSeedReplaysTheSamePartitions() {
        List<Integer> first = partitionsOf(appendUnkeyed(new BuiltInPartitioner(100, new Random(42)), 50, 60, SIX));
        List<Integer> second = partitionsOf(appendUnkeyed(new BuiltInPartitioner(100, new Random(42)), 50, 60, SIX));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void batchSizeMustBeAtLeastOne() {
        assertThatThrownBy(() -> new BuiltInPartitioner(0, new Random()))
                .hasMessage("stickyBatchSize must be >= 1 but got 0");
    }

    private static List<PartitionChoice> appendUnkeyed(BuiltInPartitioner partitioner, int records, int bytes,
                                                       PartitionAvailability topic) {
        List<PartitionChoice> choices = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            choices.add(partitioner.partition(null, bytes, topic));
        }
        return choices;
    }

    private static List<Integer> partitionsOf(List<PartitionChoice> choices) {
        return choices.stream().map(PartitionChoice::partition).toList();
    }
}
