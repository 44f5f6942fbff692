package dev.groupscope.ui;

import java.util.regex.Pattern;

/**
 * Keeps names that end in a number whole when a label wraps. A line may break after a hyphen, so a wrapped
 * "__consumer_offsets-13" left "13" at the start of the next line; a hyphen before a digit becomes U+2011, the
 * non-breaking hyphen, which looks the same (every font the window uses has it) and is never a line break.
 */
final class WholeNames {

    private static final Pattern HYPHEN_BEFORE_DIGIT = Pattern.compile("-(?=\\d)");

    private WholeNames() {
    }

    static String in(String text) {
        return HYPHEN_BEFORE_DIGIT.matcher(text).replaceAll("\u2011");
    }
}
