package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The message keys of the Kafka-rules section exist in both languages, with the same placeholders. */
class KafkaRulesMessagesTest {

    private static final List<String> PREFIXES = List.of("error.", "coordinator.", "setting.", "cli.");

    @Test
    void everyEnglishKeyHasAChineseOneAndBack() {
        assertThat(ours(BundleFiles.chineseKeys())).isEqualTo(ours(BundleFiles.englishKeys()));
    }

    @Test
    void bothLanguagesFillTheSamePlaceholders() {
        for (String key : ours(BundleFiles.englishKeys())) {
            assertThat(placeholders(BundleFiles.chinese(key))).as(key)
                    .isEqualTo(placeholders(BundleFiles.english(key)));
        }
    }

    private static Set<String> ours(Set<String> keys) {
        return keys.stream().filter(key -> PREFIXES.stream().anyMatch(key::startsWith)).collect(Collectors.toSet());
    }

    private static Set<String> placeholders(String text) {
        return new java.util.TreeSet<>(Messages.placeholders(text));
    }
}
