package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lesson's description is read before the run: the moments and counts it names must be the ones the run shows,
 * also after a change to the model shifts them (the ListOffsets round trip moved every first commit by 4 ms). A
 * learner reads it in English or Chinese (the card File → Lessons lays over the window), so both say the same.
 */
class LessonDescriptionsTest {

    /**
     * What a translation must keep as it is: numbers ("23.5", "10,000") and the names a learner finds on screen or in
     * Kafka's documentation — settings, calls, errors, partitions and consumers ("session.timeout.ms", "poll()",
     * "REBALANCE_IN_PROGRESS", "orders-2", "C2", "KafkaConsumer").
     */
    private static final Pattern KEPT = Pattern.compile(
            "\\d+(?:[.,]\\d+)*|[A-Za-z][\\w.\\-]*\\w(?:\\(\\))?");

    @Test
    void partitionsAddedSaysWhereEachGroupStartsOnTheNewPartitionsAndHowManyRecordsLatestSkips() {
        ScenarioRun run = ScenarioRun.of("partitions-added");

        List<SimEvent> resets = run.events(event -> event.type().equals("OffsetReset") && event.time() > 15_000);
        Map<String, Long> latest = new java.util.TreeMap<>();
        long skipped = 0;
        for (SimEvent reset : resets) {
            long offset = ((Number) reset.fields().get("offset")).longValue();
            if (reset.actor().equals("C2")) {
                latest.put((String) reset.fields().get("partition"), offset);
                skipped += offset; // the new partitions' logs start at 0: everything below the log end
            } else {
                assertThat(reset.actor()).isEqualTo("S2");
                assertThat(offset).as("by_duration:PT1M starts at the first record").isZero();
            }
        }
        assertThat(latest).containsOnlyKeys("logs-2", "logs-3");
        assertThat(run.scenario.description()).contains("(logs-2 @ " + latest.get("logs-2") + ", logs-3 @ "
                + latest.get("logs-3") + "), so the " + skipped + " records written to them since 16 s are never read")
                .contains("The ledger counts the " + skipped + " as indexer's losses");
        assertThat(run.group("safe-indexer").recordsProcessed())
                .as("safe-indexer reads them, and the first 6 s").isGreaterThan(run.group("indexer").recordsProcessed() + skipped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.groupscope.scenario.ScenarioRun#lessons")
    void everyLessonIsTitledAndSaysWhatItShowsInEnglishAndInChineseWithTheSameNumbersAndNames(String lesson) {
        Scenario scenario = ScenarioReader.read(Path.of("lessons", "scenarios", lesson + ".json"));

        assertThat(scenario.descriptionsByLanguage()).containsOnlyKeys(ScenarioReader.TEXT_LANGUAGES);
        String chinese = scenario.descriptionIn("zh-CN");
        assertThat(chinese).containsPattern("\\p{IsHan}");
        assertThat(keptIn(scenario.descriptionIn("en"))).allSatisfy(kept -> assertThat(chinese).contains(kept));
        assertThat(scenario.namesByLanguage()).containsOnlyKeys(ScenarioReader.TEXT_LANGUAGES);
        String chineseName = scenario.nameIn("zh-CN");
        assertThat(chineseName).containsPattern("\\p{IsHan}");
        assertThat(keptIn(scenario.nameIn("en"))).allSatisfy(kept -> assertThat(chineseName).contains(kept));
    }

    private static List<String> keptIn(String english) {
        List<String> kept = new ArrayList<>();
        Matcher token = KEPT.matcher(english);
        while (token.find()) {
            String word = token.group();
            boolean name = word.chars().anyMatch(c -> c == '.' || c == '_' || c == '(' || Character.isDigit(c))
                    || word.length() > 1 && !word.substring(1).equals(word.substring(1).toLowerCase(java.util.Locale.ROOT));
            if (name) {
                kept.add(word);
            }
        }
        return kept;
    }

    /**
     * The full segment stays active until the next record arrives (Kafka's {@code LogSegment.shouldRoll} rolls only
     * when the incoming batch would not fit), so the cleaner's first run at 5 s finds nothing: offsets 0-9 fill the
     * active segment until the commit at 5,018 ms. Every run from 10 s leaves the newest of the 3 keys and the 10
     * records of the full active segment.
     */
    @Test
    void offsetsTopicCompactionSaysWhenTheCleanerFirstCleansAndWhatEachRunLeaves() {
        ScenarioRun run = ScenarioRun.of("offsets-topic-compaction");

        List<SimEvent> compactions = run.events(event -> event.type().equals("LogCompaction"));
        assertThat(compactions).extracting(SimEvent::time)
                .containsExactly(10_000L, 15_000L, 20_000L, 25_000L, 30_000L, 35_000L, 40_000L);
        assertThat(compactions).allSatisfy(
                compaction -> assertThat(compaction.fields()).containsEntry("remaining", 13));
        assertThat((List<?>) compactions.get(0).fields().get("removed")).hasSize(7); // 0 and 2-7: 1, 8, 9 are newest
        assertThat(run.scenario.description()).contains("looks every 5 s")
                .contains("active segment (10 records here)")
                .contains("at 5 s the cleaner finds nothing to clean, as offsets 0–9 still fill the active segment")
                .contains("from 10 s on each run cleans one more segment and leaves 13 records")
                .contains("the 3 keys, and the 10 in the active segment");
    }

    @Test
    void autoCommitCrashSaysHowLongAfterItsLastAutoCommitC2Crashes() {
        ScenarioRun run = ScenarioRun.of("auto-commit-crash-duplicates");

        long crash = run.events(event -> event.type().equals("CrashConsumer") && event.actor().equals("C2")).get(0)
                .time();
        long lastCommit = run.events(event -> event.type().equals("AutoCommit") && event.actor().equals("C2")
                && event.time() < crash).stream().mapToLong(SimEvent::time).max().orElseThrow();
        String since = String.format(java.util.Locale.ROOT, "%.1f s after its last one", (crash - lastCommit) / 1000.0);
        assertThat(run.scenario.description()).contains("crashes at 23.5 s, " + since)
                .contains("fall at 11, 16 and " + lastCommit / 1000 + " s");
    }
}
