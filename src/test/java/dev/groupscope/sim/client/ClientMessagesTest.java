package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.BundleFiles;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client's rule keys exist in English and Chinese, and every key a run emits is filled completely. */
class ClientMessagesTest {

    @Test
    void everyClientKeyExistsInBothLanguagesWithTheSamePlaceholders() {
        Set<String> english = ours(BundleFiles.englishKeys());
        assertThat(ours(BundleFiles.chineseKeys())).isEqualTo(english);
        for (String key : english) {
            assertThat(placeholders(BundleFiles.chinese(key))).as(key)
                    .isEqualTo(placeholders(BundleFiles.english(key)));
        }
    }

    @Test
    void everyRuleARunEmitsHasItsSentenceWithEveryPlaceholderFilled() {
        ConsumerBehavior behavior = ConsumerBehavior.processing(20);
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of("range"))
                .with("max.poll.records", 50);
        ClientScenario run = new ClientScenario(3, Map.of("t", 4))
                .consumer("C1", config.with("auto.offset.reset", "earliest"), behavior, "t")
                .consumer("C2", config, behavior, "t")
                .consumer("C3", config.with("group.instance.id", "i3"), behavior, "t")
                .preload("t", 0, 300).preload("t", 1, 300)
                .at(0, new ConsumerTasks.Start("C1")).at(0, new ConsumerTasks.Start("C2"))
                .at(4_000, new ConsumerTasks.Start("C3")).at(9_000, new ConsumerTasks.StallProcessing("C2", 12_000))
                .at(30_000, new ConsumerTasks.Close("C3", false)).at(31_000, new ConsumerTasks.Close("C1", true))
                .at(32_000, new ConsumerTasks.Crash("C2")).runUntil(40_000);

        List<SimEvent> ruled = run.events(event -> event.ruleKey() != null && event.ruleKey().startsWith("sim."));
        Set<String> emitted = ruled.stream().map(SimEvent::ruleKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(emitted).contains("sim.client.memberIdRequired", "sim.client.assignorRun",
                "sim.client.pollTimeout", "sim.client.revokedEager", "sim.client.lost", "sim.client.crash",
                "sim.client.autoCommit.interval", "sim.client.reset.earliest", "sim.client.staticStays");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Messages messages = Messages.of(locale);
            for (SimEvent event : ruled) {
                assertThat(messages.has(event.ruleKey())).as(event.ruleKey()).isTrue();
                assertThat(Messages.placeholders(messages.format(event.ruleKey(), event.ruleArgs())))
                        .as(event.ruleKey()).isEmpty();
            }
        }
    }

    private static Set<String> ours(Set<String> keys) {
        return keys.stream().filter(key -> key.startsWith("sim.client.") || key.startsWith("sim.producer."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> placeholders(String text) {
        return new TreeSet<>(Messages.placeholders(text));
    }
}
