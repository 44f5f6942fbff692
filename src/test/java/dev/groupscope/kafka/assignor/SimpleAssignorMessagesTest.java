package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentFixtures.consumers;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.dynamic;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.staticMember;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every step Range, RoundRobin and the legacy algorithm record can be told in English and in Simplified Chinese:
 * its key is in both bundle files (read as files, so a key missing from the Chinese one cannot hide behind the
 * English fallback) and every {@code {placeholder}} of both sentences is one of the step's arguments. The groups
 * below reach every key of the {@code assign.range.*} and {@code assign.roundrobin.*} sections, so a sentence no
 * assignor says is caught too.
 */
class SimpleAssignorMessagesTest {

    private static final Properties ENGLISH = load("messages.properties");
    private static final Properties CHINESE = load("messages_zh.properties");

    @Test
    void everyRecordedStepHasBothSentencesWithAllTheirPlaceholdersSupplied() {
        List<AssignmentStep> steps = recordedSteps();

        assertThat(steps).isNotEmpty();
        for (AssignmentStep step : steps) {
            for (Properties bundle : List.of(ENGLISH, CHINESE)) {
                String sentence = bundle.getProperty(step.messageKey());
                assertThat(sentence).as("sentence for %s", step.messageKey()).isNotNull();
                assertThat(step.textArgs().keySet()).as("arguments of %s", step.messageKey())
                        .containsAll(placeholders(sentence));
            }
        }
    }

    @Test
    void everyRangeAndRoundRobinSentenceIsSaidByTheAssignorsInBothLanguages() {
        Set<String> emitted = recordedSteps().stream().map(AssignmentStep::messageKey)
                .collect(Collectors.toCollection(TreeSet::new));

        for (String prefix : List.of("assign.range.", "assign.roundrobin.")) {
            Set<String> english = keysStartingWith(ENGLISH, prefix);
            assertThat(english).isNotEmpty();
            assertThat(keysStartingWith(CHINESE, prefix)).isEqualTo(english);
            assertThat(emitted).containsAll(english);
        }
    }

    @Test
    void chineseSentencesAreWrittenInChinese() {
        for (String key : keysStartingWith(CHINESE, "assign.")) {
            assertThat(CHINESE.getProperty(key)).as(key).containsPattern("\\p{IsHan}")
                    .isNotEqualTo(ENGLISH.getProperty(key));
        }
    }

    /** Groups that reach every branch of the narration, then a couple of hundred random ones. */
    private static List<AssignmentStep> recordedSteps() {
        List<AssignCase> groups = new ArrayList<>(List.of(
                new AssignCase(Map.of("t0", 4, "t1", 3), consumers(3, "t0", "t1")),
                new AssignCase(Map.of("t0", 3), consumers(3, "t0")),
                new AssignCase(Map.of("orders", 6), consumers(7, "orders")),
                new AssignCase(Map.of("t0", 1, "t1", 2, "t2", 3), List.of(
                        dynamic("C0", "t0"), dynamic("C1", "t0", "t1"), dynamic("C2", "t0", "t1", "t2"))),
                new AssignCase(Map.of("t0", 3), List.of(
                        staticMember("S", "i0", "t0", "gone"), dynamic("C0", "t0")))));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            groups.add(AssignorArbitraries.buildIrregular(random));
        }
        List<AssignmentStep> steps = new ArrayList<>();
        for (AssignCase group : groups) {
            for (PartitionAssignor assignor : List.of(new RangeAssignor(), new RoundRobinAssignor(),
                    new LegacyAssignor())) {
                steps.addAll(assignor.assign(group.partitionsPerTopic(), group.members(),
                        AssignmentTrace.recording()).steps());
            }
        }
        return steps;
    }

    private static Set<String> placeholders(String sentence) {
        return new TreeSet<>(Messages.placeholders(sentence));
    }

    private static Set<String> keysStartingWith(Properties bundle, String prefix) {
        return bundle.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (InputStream in = SimpleAssignorMessagesTest.class.getResourceAsStream("/dev/groupscope/i18n/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
