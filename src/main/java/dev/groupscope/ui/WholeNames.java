package dev.groupscope.ui;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * Keeps names whole when a label wraps. JavaFX breaks a wrapped text that holds a CJK character (all of Chinese, and
 * English naming a consumer or topic in Chinese) where {@code BreakIterator.getLineInstance()} allows, and that
 * allows a break after a hyphen and after a dot before a letter: a wrapped "__consumer_offsets-13" left "13" at the
 * start of the next line, a group "safe-indexer" came out as "safe-" and "indexer", and "auto.commit.interval.ms" as
 * "auto.commit." and "interval.ms". (Latin-only text it breaks at spaces only.)
 *
 * <ul>
 *   <li>A hyphen inside a name (a word character on both sides, or a digit after it: "orders-app", "C-latest",
 *       "logs-2", "-1") becomes U+2011, the non-breaking hyphen, which looks the same (every font the window uses
 *       has it) and is never a line break. A hyphen standing alone ("a - b") or leading an option ("--lang") stays.
 *       </li>
 *   <li>A dot inside a dotted name (word characters on both sides, not a decimal number) is followed by U+FEFF, the
 *       zero width no-break space: Java's line breaker never breaks beside it (U+2060, the word joiner meant for
 *       this, is not in its rules), and the window's proportional fonts draw it as nothing, with no width. A
 *       monospaced font (DejaVu Sans Mono) gives it a whole cell, so it is for the sentences, not for text set in
 *       "Monospaced".</li>
 * </ul>
 *
 * Only for text a person reads in the window: text that is copied, exported, saved, compared or used as an id keeps
 * the plain characters ({@link #read} gives them back).
 */
final class WholeNames {

    /** Zero width no-break space: joins what is on either side into one unbreakable word. */
    static final char JOINER = '\uFEFF';
    private static final char NON_BREAKING_HYPHEN = '\u2011';

    private static final Pattern HYPHEN_IN_NAME = Pattern.compile("-(?=\\d)|(?<=\\w)-(?=\\w)");
    /**
     * "group.instance.id", "Utils.abs", "abc.12", and the coordinator calculator's {@code "orders".hashCode()};
     * "12.5" never breaks, so numbers stay as they are.
     */
    private static final Pattern DOT_IN_NAME = Pattern.compile("(?<=[A-Za-z_\"])\\.(?=\\w)|(?<=\\w)\\.(?=[A-Za-z_])");

    private WholeNames() {
    }

    static String in(String text) {
        String hyphens = HYPHEN_IN_NAME.matcher(text).replaceAll(String.valueOf(NON_BREAKING_HYPHEN));
        return DOT_IN_NAME.matcher(hyphens).replaceAll("." + JOINER);
    }

    /**
     * The bundle an FXML file's {@code %key} texts come from, its sentences kept whole as {@link #in} keeps them: the
     * FXML's labels (the calculator's introduction wraps "non-negative") are read on screen like any other.
     */
    static ResourceBundle in(ResourceBundle bundle) {
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                Object value = bundle.getObject(key);
                return value instanceof String text ? in(text) : value;
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(bundle.keySet());
            }
        };
    }

    /** The text as a person reads it, as it was before {@link #in}: what tests compare. */
    static String read(String shown) {
        return shown.replace(String.valueOf(JOINER), "").replace(NON_BREAKING_HYPHEN, '-');
    }
}
