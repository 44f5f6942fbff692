package dev.groupscope.kafka.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;

/**
 * Differential: for random consumer settings, we refuse exactly what kafka-clients refuses when it builds and
 * subscribes a consumer, and one of our reasons is Kafka's message word for word. Kafka stops at its first problem;
 * we report them all, so Kafka's must be among ours.
 */
class ConsumerSettingsProperties {

    private static final String RANGE = RangeAssignor.class.getName();
    private static final String COOPERATIVE = CooperativeStickyAssignor.class.getName();

    @Property(tries = 400)
    void weRefuseWhatKafkaRefusesForTheSameReason(@ForAll("settings") Map<String, Object> settings) {
        Optional<String> kafkas = KafkaConsumerOracle.rejection(settings);
        List<SettingProblem> ours = ConsumerSettings.validate(settings);

        if (kafkas.isEmpty()) {
            assertThat(ours).as("Kafka accepts %s", settings).isEmpty();
        } else {
            assertThat(ours).as("Kafka refuses %s: %s", settings, kafkas.get())
                    .extracting(SettingProblem::kafkaMessage).contains(kafkas.get());
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> settings() {
        List<Arbitrary<Optional<Map.Entry<String, Object>>>> entries = CANDIDATES.entrySet().stream()
                .map(candidate -> maybe(candidate.getKey(), candidate.getValue()))
                .toList();
        return Combinators.combine(entries).as(chosen -> {
            Map<String, Object> map = new HashMap<>();
            chosen.forEach(entry -> entry.ifPresent(e -> map.put(e.getKey(), e.getValue())));
            return map;
        });
    }

    /** A setting is left out most of the time, so most tries change only a few settings. */
    private static Arbitrary<Optional<Map.Entry<String, Object>>> maybe(String name, List<Object> values) {
        Arbitrary<Optional<Map.Entry<String, Object>>> present = Arbitraries.of(values)
                .map(value -> Optional.of(new java.util.AbstractMap.SimpleEntry<>(name, value)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Optional.empty())),
                net.jqwik.api.Tuple.of(1, present));
    }

    private static final Map<String, List<Object>> CANDIDATES = Map.ofEntries(
            Map.entry("group.id", values("g", "orders", "", "  ", null)),
            Map.entry("group.instance.id", values("i-1", "", "a b", "..", "x".repeat(250), null)),
            Map.entry("group.protocol", values("classic", "consumer", "CONSUMER", "Classic", "streams")),
            Map.entry("group.remote.assignor", values("uniform", "", "  ", null)),
            Map.entry("session.timeout.ms", values(1000, 10000, 45000, "6000", " 7 ", "abc", 7L, -5)),
            Map.entry("heartbeat.interval.ms", values(1000, 3000, 10000, 45000, 60000, -1, "3000", 3000L)),
            Map.entry("max.poll.interval.ms", values(0, 1, 300000, "x", 1.5)),
            Map.entry("max.poll.records", values(0, 1, 500, "10", 10L, true)),
            Map.entry("partition.assignment.strategy", values(RANGE, RANGE + "," + COOPERATIVE, List.of(COOPERATIVE),
                    "", "org.example.Nope", RANGE + ", " + RANGE, List.of(RangeAssignor.class), 5)),
            Map.entry("enable.auto.commit", values(true, false, "TRUE", " false ", "yes", 1)),
            Map.entry("auto.commit.interval.ms", values(0, -1, 5000, "100")),
            Map.entry("auto.offset.reset", values("latest", "earliest", "none", "by_duration:PT1H",
                    "by_duration:-PT1H", "by_duration:", "by_duration", "by_duration:P1DT2H", "LATEST", "x", null)),
            Map.entry("isolation.level", values("read_committed", "read_uncommitted", "READ_COMMITTED", "")),
            Map.entry("fetch.min.bytes", values(0, -1, 1, "1024")),
            Map.entry("fetch.max.bytes", values(0, -1, 52428800, 1L)),
            Map.entry("fetch.max.wait.ms", values(0, -1, 500)),
            Map.entry("max.partition.fetch.bytes", values(-1, 1048576, "1 048 576")),
            Map.entry("request.timeout.ms", values(-1, 0, 30000)),
            Map.entry("default.api.timeout.ms", values(-1, 0, 60000, 1000)),
            Map.entry("retry.backoff.ms", values(-1L, 0, 100, "250", "x", 1.5)),
            Map.entry("retry.backoff.max.ms", values(-1, 10L, 1000, "2000")),
            Map.entry("client.id", values("", "app-1", null)));

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }
}
