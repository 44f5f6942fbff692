package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for what the model's commitSync() does with nothing to commit ({@code CommitSyncOfNothingTest} in the
 * simulator): kafka-clients' {@code commitOffsetsSync} with empty offsets sends no OffsetCommit but waits for the
 * commitAsync() calls in flight ({@code invokePendingAsyncCommits}), so when it returns their callbacks have run.
 * A callback runs only inside a consumer call, and the commit's answer takes a round trip to the broker, so a
 * commitSync() that returned at once would leave it unrun.
 */
class RealKafkaCommitSyncOfNothingTest {

    private static final String TOPIC = "t";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    @Timeout(120)
    void commitSyncOfNothingReturnsOnlyOnceEveryCommitAsyncBeforeItHasRunItsCallback() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(1)) {
            cluster.createTopic(TOPIC, 1);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config(cluster))) {
                consumer.subscribe(List.of(TOPIC));
                Bounded.pollUntilAssigned(consumer);
                for (long offset = 1; offset <= 20; offset++) {
                    AtomicReference<Object> answer = new AtomicReference<>();
                    consumer.commitAsync(Map.of(PARTITION, new OffsetAndMetadata(offset)),
                            (offsets, error) -> answer.set(error == null ? offsets : error));
                    assertThat(answer.get()).as("a callback runs only inside a consumer call").isNull();

                    consumer.commitSync(Map.of());

                    assertThat(answer.get()).as("commit %d's callback ran before commitSync() returned", offset)
                            .isEqualTo(Map.of(PARTITION, new OffsetAndMetadata(offset)));
                }
                assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(20);
            }
        }
    }

    private static Map<String, Object> config(RealKafkaCluster cluster) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
