package dev.groupscope.kafka.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.clients.producer.internals.ScriptedBuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Differential: our partitioner against kafka-clients' murmur2, toPositive and BuiltInPartitioner. */
class BuiltInPartitionerProperties {

    private static final String TOPIC = "t";

    @Property(tries = 5000)
    void murmur2MatchesKafkaOnAnyBytes(@ForAll @Size(max = 64) byte[] data) {
        assertThat(Murmur2.hash(data)).isEqualTo(Utils.murmur2(data));
    }

    @Property(tries = 2000)
    void toPositiveMatchesKafka(@ForAll int n) {
        assertThat(Murmur2.toPositive(n)).isEqualTo(Utils.toPositive(n));
    }

    @Property(tries = 5000)
    void stringKeysLandWhereKafkasProducerPutsThem(@ForAll @StringLength(max = 40) String key,
                                                   @ForAll @IntRange(min = 1, max = 500) int partitions) {
        byte[] serialized;
        try (StringSerializer serializer = new StringSerializer()) {
            serialized = serializer.serialize(TOPIC, key);
        }

        int kafkas = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(serialized, partitions);

        assertThat(BuiltInPartitioner.partitionForKey(key, partitions).partition()).isEqualTo(kafkas);
    }

    @Property(tries = 300)
    void stickyPartitionsFollowKafkaDrawForDraw(@ForAll("seeds") long seed,
                                                @ForAll @IntRange(min = 1, max = 12) int partitions,
                                                @ForAll @IntRange(min = 1, max = 3000) int batchSize,
                                                @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 1500) Integer> recordSizes) {
        Random ourDraws = new Random(seed);
        Random kafkaDraws = new Random(seed);
        List<Integer> withLeader = partitionsWithLeader(partitions, seed);
        BuiltInPartitioner ours = new BuiltInPartitioner(batchSize, ourDraws);
        ScriptedBuiltInPartitioner kafkas = new ScriptedBuiltInPartitioner(TOPIC, batchSize,
                () -> Utils.toPositive(kafkaDraws.nextInt()));
        PartitionAvailability availability = new PartitionAvailability(partitions, withLeader);
        Cluster cluster = cluster(partitions, withLeader);

        List<Integer> ourPartitions = new ArrayList<>();
        List<Integer> kafkaPartitions = new ArrayList<>();
        for (int size : recordSizes) {
            ourPartitions.add(ours.partition(null, size, availability).partition());
            kafkaPartitions.add(kafkas.append(size, cluster));
        }

        assertThat(ourPartitions).isEqualTo(kafkaPartitions);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** Some partitions lose their leader, chosen by the seed; sometimes none has one. */
    private static List<Integer> partitionsWithLeader(int partitions, long seed) {
        int pattern = (int) (seed & 3);
        return IntStream.range(0, partitions)
                .filter(p -> pattern == 0 || (pattern == 1 && p % 2 == 0) || (pattern == 2 && p != 0))
                .boxed()
                .toList();
    }

    private static Cluster cluster(int partitions, List<Integer> withLeader) {
        Node node = new Node(0, "localhost", 9092);
        Node[] replicas = {node};
        List<PartitionInfo> infos = IntStream.range(0, partitions)
                .mapToObj(p -> new PartitionInfo(TOPIC, p, withLeader.contains(p) ? node : null, replicas, replicas))
                .toList();
        return new Cluster("c", List.of(node), infos, Set.of(), Set.of());
    }
}
