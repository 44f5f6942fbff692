package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.lab.IdleReason;
import dev.groupscope.kafka.assignor.AssignmentStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** English and Chinese must say the same things: same keys, same placeholders, and every key the UI uses. */
class MessageBundlesTest {

    /** A count followed by a plural noun with no singular: "hands {records} records" reads "hands 1 records". */
    private static final Pattern BARE_COUNT = Pattern.compile(
            "\\{(?!consumer|member)\\w+} (records|partitions|commits|workers|members|consumers|brokers|bytes"
                    + "|offsets|steps|faults|actions|rebalances|topics|characters)\\b");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");

    private final Properties english = load("/dev/groupscope/i18n/messages.properties");
    private final Properties chinese = load("/dev/groupscope/i18n/messages_zh.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void eachSentenceUsesTheSamePlaceholdersInBothLanguages() {
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(chinese.getProperty(key, ""))).as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void englishCountsNameTheirSingularToo() {
        for (String key : english.stringPropertyNames()) {
            if (!key.startsWith("kafka.")) { // Kafka's own error messages, quoted as Kafka words them
                assertThat(english.getProperty(key)).as(key).doesNotContainPattern(BARE_COUNT);
            }
        }
    }

    @Test
    void everyStepKindIdleReasonAndProtocolHasItsWords() {
        for (AssignmentStep.Kind kind : AssignmentStep.Kind.values()) {
            assertThat(english).containsKey(StepNarration.kindKey(kind));
        }
        for (IdleReason reason : IdleReason.values()) {
            assertThat(english).containsKey(reason.messageKey());
        }
        for (RebalanceProtocol protocol : RebalanceProtocol.values()) {
            assertThat(english).containsKey("ui.lab.protocol." + protocol.name());
        }
    }

    @Test
    void everyKeyTheFxmlNamesExists() throws IOException {
        for (String fxml : new String[] {"/fxml/main.fxml", "/fxml/assignor-lab.fxml"}) {
            Matcher keys = FXML_KEY.matcher(read(fxml));
            while (keys.find()) {
                assertThat(english).as(fxml).containsKey(keys.group(1));
            }
        }
    }

    @Test
    void chineseIsWrittenInChineseNotEscaped() {
        assertThat(chinese.getProperty("ui.lab.addConsumer")).isEqualTo("添加消费者");
    }

    /**
     * Plain English words left in a Chinese sentence read as a draft: the pool's dispatch sentence ended
     * "（单线程 io : 多线程 work = 1:n）". Kafka's own names (broker, leader, member id, poll()) stay in English and are
     * not in the list; placeholders are removed first.
     */
    @Test
    void chineseLeavesNoPlainEnglishWordsInItsSentences() {
        Pattern plainEnglish = Pattern.compile("(?<![A-Za-z._/\"-])(io|work|worker|workers|window|queued|thread"
                + "|threads|the|and|of|lost|done|idle|paused)(?![A-Za-z._(/\"-])"); // a quoted JSON field is a name
        for (String key : chinese.stringPropertyNames()) {
            if (key.startsWith("json.") || key.startsWith("kafka.")) {
                continue; // parser and Kafka messages quote English on purpose
            }
            String words = chinese.getProperty(key).replaceAll("\\{[^{}]*}", "");
            assertThat(words).as(key).doesNotContainPattern(plainEnglish);
        }
    }

    @Test
    void chineseSaysHowManyRecordsAPoolQueuesAndHowManyACommitPassedAsASentenceWould() {
        Messages zh = Messages.of(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.format("ui.main.worker.queued", java.util.Map.of("count", 35))).isEqualTo("35 条排队");
        assertThat(zh.format("ui.main.window.committedPast", java.util.Map.of("facts", "窗口", "count", 29)))
                .isEqualTo("窗口 · 提交已越过 29 条未完成的记录");
    }

    @Test
    void chineseCallsARebalanceOneThingInEveryTab() {
        // The group's states say 准备再均衡, the charts 再均衡: the lab's button and tips must not say 重新平衡.
        assertThat(chinese.stringPropertyNames()).allSatisfy(key ->
                assertThat(chinese.getProperty(key)).as(key).doesNotContain("重新平衡"));
        assertThat(chinese.getProperty("ui.lab.rebalance")).isEqualTo("再均衡");
    }

    @Test
    void chineseCallsAConsumerGroupOneThingInEveryTab() {
        // 消费组, as the source notes and a hundred sentences say; the panel titles and exports said 消费者组.
        assertThat(chinese.stringPropertyNames()).allSatisfy(key ->
                assertThat(chinese.getProperty(key)).as(key).doesNotContain("消费者组"));
    }

    @Test
    void aClosedOrCrashedConsumerIsCalledOneThingOnItsCardAndItsProtocolLane() {
        // A card shows STOPPED only for a consumer that ran and was closed (one not started yet is a spare): the
        // Protocol tab's lane said "closed" over the card's "stopped" for the same C2 in close-during-failover.
        for (Properties language : List.of(english, chinese)) {
            assertThat(language.getProperty("ui.main.memberState.STOPPED"))
                    .isEqualTo(language.getProperty("diagram.sequence.lane.closed"));
            assertThat(language.getProperty("ui.main.memberState.CRASHED"))
                    .isEqualTo(language.getProperty("diagram.sequence.lane.crashed"));
        }
    }

    @Test
    void aStoppedBrokerIsCalledOneThingInTheClusterAndOnItsProtocolLane() {
        // The playground's broker box said "down" beside a Protocol lane that said "stopped" for the same broker.
        for (Properties language : List.of(english, chinese)) {
            assertThat(language.getProperty("ui.main.broker.down"))
                    .isEqualTo(language.getProperty("diagram.sequence.lane.stopped"));
        }
    }

    private static Set<String> placeholders(String sentence) {
        return new TreeSet<>(Messages.placeholders(sentence));
    }

    private static Properties load(String resource) {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theLabLegendNamesItsKeysWhateverTheLanguage() {
        assertThat(Arrays.asList("add", "remove", "rebalance"))
                .allSatisfy(name -> assertThat(english.getProperty("ui.lab.legend")).contains("{" + name + "}"));
    }
}
