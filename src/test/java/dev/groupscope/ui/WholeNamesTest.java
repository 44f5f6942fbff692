package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A name is kept whole wherever its line breaks. The group panel's summary wraps on a projector, and a line break
 * after the hyphen of "__consumer_offsets-13" left "13 )" alone on the next line (seen in presenter mode in Chinese at
 * 1920x1080). The explanation broke Kafka's setting names at their dots: "…每 5,000 ms（auto.commit." and on the next
 * line "interval.ms）一次。". (English is broken at spaces only, unless a sentence holds a CJK character, such as a
 * consumer named in Chinese: then it is broken as Chinese is.)
 */
@ExtendWith(ApplicationExtension.class)
class WholeNamesTest {

    private static final String SUMMARY = "第 0 代 · — · leader C1 · 协调者：Broker 2（__consumer_offsets-13）";
    /** A Kafka setting, a Java name ("Utils.abs"), as the bundles write them: letters, digits, "_" and dots. */
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][\\w-]*(\\.[A-Za-z_][\\w-]*)+");

    @Test
    void aWrappedSummaryNeverSplitsTheOffsetsPartitionsName() {
        String shown = WholeNames.in(SUMMARY);
        int start = shown.indexOf("__consumer_offsets");
        int end = shown.indexOf("13", start) + 2;

        // From the narrowest line the whole name fits on (a narrower one must cut it somewhere).
        for (double width = Math.ceil(widthOf(shown.substring(start, end + 1), Font.font(18))); width <= 700;
                width += 2) {
            assertThat(lines(shown, start, end, width, Font.font(18))).as("at a width of %.0f", width).isEqualTo(1);
        }
    }

    @Test
    void aWrappedSentenceNeverSplitsASettingNameAtItsDots() {
        List<String> sentences = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Messages messages = Messages.of(locale);
            Map<String, Object> args = Map.of("consumer", "C2", "offsets", "payments-0@812, payments-1@790",
                    "autoCommitIntervalMs", "5,000", "retryBackoffMs", 100, "error", "COORDINATOR_NOT_AVAILABLE",
                    "value", 5000, "min", 6000, "max", "1,800,000");
            for (String key : List.of("sim.client.autoCommit.interval", "sim.client.autoCommit.retry",
                    "ui.settings.problem.sessionOutsideBroker", "setting.enable.auto.commit",
                    "coordinator.step.absMinValue")) {
                sentences.add(messages.format(key, args));
            }
        }
        // English text is broken at spaces only, unless it holds a CJK character: then the line breaker cuts it too.
        sentences.add(Messages.english().format("sim.client.autoCommitDue", Map.of("consumer", "订单-C1",
                "autoCommitIntervalMs", "5,000")));
        // The explanation's font (bold, 1.1 em) at 1280x800 in English and Chinese, and larger, as on 1920x1080.
        List<Font> fonts = List.of(Font.font(null, FontWeight.BOLD, 18.7), Font.font(null, FontWeight.BOLD, 19.8),
                Font.font(15), Font.font(27));
        int names = 0;
        for (String sentence : sentences) {
            String shown = WholeNames.in(sentence);
            Matcher name = DOTTED_NAME.matcher(WholeNames.read(shown));
            while (name.find()) {
                names++;
                int start = shownIndex(shown, name.start());
                int end = shownIndex(shown, name.end());
                for (Font font : fonts) {
                    for (double width = Math.ceil(unitWidth(shown, start, end, font)); width <= 700; width++) {
                        assertThat(lines(shown, start, end, width, font))
                                .as("%s in \"%s\" at a width of %.0f, %s", name.group(), sentence, width, font)
                                .isEqualTo(1);
                    }
                }
            }
        }
        assertThat(names).isGreaterThan(15);
    }

    @Test
    void itReadsTheSameAndJoinsOnlyTheHyphensInsideNames() {
        assertThat(WholeNames.read(WholeNames.in("transfers-0 · C2-53fcd651… · read-committed")))
                .isEqualTo("transfers-0 · C2-53fcd651… · read-committed");
        assertThat(WholeNames.in("safe-indexer, C-latest, -1")).isEqualTo("safe\u2011indexer, C\u2011latest, \u20111");
        assertThat(WholeNames.in("a - b, --lang, -x")).isEqualTo("a - b, --lang, -x");
    }

    @Test
    void aWrappedChineseSentenceNeverSplitsAHyphenatedGroupName() {
        String shown = WholeNames.in("消费组 safe-indexer 丢失 0 条记录，因为它的 auto.offset.reset 是 earliest。");
        int start = shown.indexOf("safe");
        int end = start + "safe-indexer".length();

        for (double width = Math.ceil(widthOf(shown.substring(start, end), Font.font(18))) + 2; width <= 700;
                width += 2) {
            assertThat(lines(shown, start, end, width, Font.font(18))).as("at a width of %.0f", width).isEqualTo(1);
        }
    }

    @Test
    void aDotIsJoinedOnlyInsideANameAndNumbersStayAsTheyAre() {
        assertThat(WholeNames.in("every 5,000 ms (auto.commit.interval.ms).")).isEqualTo(
                "every 5,000 ms (auto.\uFEFFcommit.\uFEFFinterval.\uFEFFms).");
        assertThat(WholeNames.in("Utils.abs(h) = 7, Integer.MIN_VALUE")).isEqualTo(
                "Utils.\uFEFFabs(h) = 7, Integer.\uFEFFMIN_VALUE");
        assertThat(WholeNames.in("\"ledger-app\".hashCode() = 12")).isEqualTo("\"ledger\u2011app\".\uFEFFhashCode() = 12");
        assertThat(WholeNames.in("at 12.345 s, Kafka 4.1. Then... e.g. this")).isEqualTo(
                "at 12.345 s, Kafka 4.1. Then... e.\uFEFFg. this");
        assertThat(WholeNames.in("（auto.commit.interval.ms）一次。")).isEqualTo("（auto.\uFEFFcommit.\uFEFFinterval.\uFEFFms）一次。");
    }

    @Test
    void everySentenceOfBothBundlesReadsAsItWasAndKeepingItWholeTwiceChangesNothing() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            java.util.ResourceBundle bundle = Messages.of(locale).bundle();
            for (String key : bundle.keySet()) {
                String text = bundle.getString(key);
                String shown = WholeNames.in(text);
                assertThat(WholeNames.read(shown)).as(key).isEqualTo(text);
                assertThat(WholeNames.in(shown)).as(key).isEqualTo(shown);
            }
        }
    }

    /** Where the character at {@code plain} of the text as read lies in {@code shown}. */
    private static int shownIndex(String shown, int plain) {
        int read = 0;
        for (int i = 0; i < shown.length(); i++) {
            if (read == plain && shown.charAt(i) != WholeNames.JOINER) {
                return i;
            }
            if (shown.charAt(i) != WholeNames.JOINER) {
                read++;
            }
        }
        return shown.length();
    }

    /**
     * The width of the narrowest line the name can be on whole: the unbreakable run of text around it (with the
     * brackets that hold on to it), as Java's line breaker cuts the shown text. A narrower line must cut it.
     */
    private static double unitWidth(String shown, int start, int end, Font font) {
        BreakIterator breaks = BreakIterator.getLineInstance();
        breaks.setText(shown);
        int from = breaks.isBoundary(start) ? start : breaks.preceding(start);
        int to = breaks.isBoundary(end) ? end : breaks.following(end);
        return widthOf(shown.substring(from, to).strip(), font);
    }

    private static double widthOf(String text, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        return node.getLayoutBounds().getWidth();
    }

    /** On how many lines {@code text}'s characters from {@code start} to {@code end} lie when wrapped at width. */
    private static int lines(String text, int start, int end, double width, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        node.setWrappingWidth(width);
        PathElement[] shape = node.rangeShape(start, end);
        // One rectangle per line: a MoveTo and four LineTos.
        return shape.length / 5;
    }
}
