package dev.groupscope.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private final Messages english = Messages.english();
    private final Messages chinese = Messages.of(Locale.SIMPLIFIED_CHINESE);

    @Test
    void aCountOfOneTakesTheSingular() {
        Map<String, Object> one = Map.of("consumer", "C2", "records", 1, "workers", 4, "queued", 212);

        assertThat(english.format("sim.pool.dispatch.byKey", one))
                .startsWith("C2's polling thread hands 1 record to its 4 workers,");
    }

    @Test
    void anyOtherCountTakesThePluralWithItsNumberFormatted() {
        Map<String, Object> many = Map.of("consumer", "C2", "records", 1_500, "workers", 1, "queued", 0);

        assertThat(english.format("sim.pool.dispatch.byKey", many))
                .startsWith("C2's polling thread hands 1,500 records to its 1 worker,");
    }

    @Test
    void aCountGivenAsTextKeepsItsNoun() {
        assertThat(english.format("sim.pool.dispatch.byKey", Map.of("consumer", "C2", "records", "1", "workers", "4",
                "queued", 0))).startsWith("C2's polling thread hands 1 record to its 4 workers,");
    }

    @Test
    void aTopicOfOnePartitionIsNotSaidToHaveEachPartitionSomewhere() {
        // pattern-new-topic creates metrics with one partition: "with 1 partition, each on 1 broker" read as a slip.
        assertThat(english.format("sim.cluster.topicCreated", Map.of("topic", "metrics", "partitions", 1,
                "replicationFactor", 1))).isEqualTo("Topic metrics was created with 1 partition, on 1 broker.");
        assertThat(english.format("sim.cluster.topicCreated", Map.of("topic", "logs-web", "partitions", 2,
                "replicationFactor", 3))).isEqualTo("Topic logs-web was created with 2 partitions, each on 3 brokers.");
    }

    @Test
    void chineseWritesTheCountAlone() {
        Map<String, Object> one = Map.of("consumer", "C2", "records", 1, "workers", 4, "queued", 212);

        assertThat(chinese.format("sim.pool.dispatch.byKey", one)).contains("1 条").doesNotContain("#");
    }

    @Test
    void placeholdersAreNamedWithOrWithoutPluralForms() {
        assertThat(Messages.placeholders("{consumer} hands {records|# record|# records} to {workers}"))
                .containsExactly("consumer", "records", "workers");
    }

    @Test
    void anOptionalPartShowsOnlyWhenItsValueIsThere() {
        Map<String, Object> found = Map.of("consumer", "C1", "broker", 2, "metadataMaxAgeMs", 10_000, "created",
                "logs-web", "deleted", "", "grown", List.of(), "moved", "", "unknown", "", "unchanged", false);

        assertThat(english.format("sim.client.metadata.maxAge", found)).isEqualTo("Broker 2 answers C1's routine"
                + " Metadata request: metadata.max.age.ms (10,000 ms) had passed since its last update."
                + " New topics: logs-web.");
        assertThat(Messages.placeholders("{created? Created: #.}")).containsExactly("created");
    }

    @Test
    void aRateReadsWithoutATrailingZero() {
        assertThat(english.format("sim.producer.started", Map.of("producer", "P1", "topic", "events",
                "recordsPerSecond", 100.0))).isEqualTo("Producer P1 starts writing about 100 records a second to events.");
        assertThat(english.format("sim.producer.started", Map.of("producer", "P1", "topic", "events",
                "recordsPerSecond", 2.5))).contains("about 2.5 records a second");
    }

    @Test
    void anOptionalPartOfACountIsLeftOutAtZero() {
        assertThat(english.format("ui.tip.consumer.ledger", Map.of("processed", 1, "again", 0, "breaks", 0)))
                .isEqualTo("Processed 1 record so far");
        assertThat(english.format("ui.tip.consumer.ledger", Map.of("processed", 2_000, "again", 21, "breaks", 0)))
                .startsWith("Processed 2,000 records so far, 21 of them again");
    }

    @Test
    void aMissingCountLeavesItsPlaceholderVisible() {
        assertThat(english.format("sim.pool.dispatch.byKey", Map.of("consumer", "C2")))
                .contains("{records|# record|# records}");
    }
}
