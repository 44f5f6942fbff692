package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;

/** Topic names and partition counts are refused as Kafka refuses them, with Kafka's own words. */
class TopicRulesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab._-Z9").ofMinLength(0).ofMaxLength(6),
                Arbitraries.strings().withChars("ab é/ 中").ofMinLength(1).ofMaxLength(4),
                Arbitraries.of(".", "..", "...", "a".repeat(249), "a".repeat(250)));
    }

    @Property
    void aNameIsRefusedExactlyWhenKafkasTopicValidateRefusesIt(@ForAll("names") String name) {
        String kafka = null;
        try {
            Topic.validate(name);
        } catch (InvalidTopicException e) {
            kafka = e.getMessage();
        }
        Optional<TopicRules.Refusal> ours = TopicRules.invalidName(name);

        assertThat(ours.map(TopicRules.Refusal::kafkaMessage).orElse(null)).isEqualTo(kafka);
        ours.ifPresent(refusal -> assertThat(refusal.error()).isEqualTo("INVALID_TOPIC_EXCEPTION"));
    }

    @Property
    void namesCollideExactlyWhenKafkaSaysTheyDo(@ForAll("names") String name, @ForAll("names") String other) {
        Optional<TopicRules.Refusal> refusal = TopicRules.checkCreate(name, 3, List.of(other));
        boolean collides = Topic.isValid(name) && Topic.hasCollisionChars(name) && Topic.hasCollisionChars(other)
                && Topic.hasCollision(name, other);

        assertThat(refusal.filter(r -> r.messageKey().equals("kafka.topic.collides")).isPresent()).isEqualTo(collides);
    }

    @Test
    void aCollisionIsReportedBeforeAnExistingName() {
        assertThat(TopicRules.checkCreate("my.topic", 3, List.of("my_topic")).orElseThrow().kafkaMessage())
                .isEqualTo("Topic 'my.topic' collides with existing topic: my_topic");
        assertThat(TopicRules.checkCreate("orders", 3, List.of("orders")).orElseThrow())
                .satisfies(r -> assertThat(r.error()).isEqualTo("TOPIC_ALREADY_EXISTS"))
                .satisfies(r -> assertThat(r.kafkaMessage()).isEqualTo("Topic 'orders' already exists."));
    }

    @Test
    void aTopicNeedsAPositivePartitionCount() {
        assertThat(TopicRules.checkCreate("t", 0, List.of()).orElseThrow().kafkaMessage())
                .isEqualTo("Number of partitions was set to an invalid non-positive value.");
        assertThat(TopicRules.checkCreate("t", 1, List.of())).isEmpty();
    }

    @Test
    void partitionsCanOnlyBeAdded() {
        assertThat(TopicRules.checkIncrease("orders", 6, 5).orElseThrow().kafkaMessage())
                .isEqualTo("Topic currently has 6 partitions, which is higher than the requested 5.");
        assertThat(TopicRules.checkIncrease("orders", 6, 6).orElseThrow().kafkaMessage())
                .isEqualTo("Topic already has 6 partitions.");
        assertThat(TopicRules.checkIncrease("orders", 6, 8)).isEmpty();
    }
}
