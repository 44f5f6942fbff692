package dev.groupscope.diagram;

import java.util.Locale;

/**
 * Text sizes for layout without fonts: an estimate from character classes, so a layout is the same on every
 * machine (installed fonts differ; measuring them would make exports differ). Wide (CJK) characters count as one
 * em, narrow Latin ones as a little over half. The estimate errs wide, so text fits in every common sans font.
 */
public final class TextFit {

    private static final double NARROW = 0.60;
    private static final double THIN = 0.32;
    private static final double WIDE = 1.0;
    private static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /** Estimated width in px of {@code text} at {@code size} px. */
    public static double width(String text, double size) {
        double ems = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            ems += em(c);
            i += Character.charCount(c);
        }
        return ems * size;
    }

    private static double em(int c) {
        if (Character.isIdeographic(c) || (c >= 0x3000 && c <= 0x30ff) || (c >= 0xff00 && c <= 0xffef)) {
            return WIDE;
        }
        if ("il.,:;'|!·()[] ".indexOf(c) >= 0) {
            return THIN;
        }
        if (Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '★' || c == '→' || c == '←') {
            return 0.72;
        }
        return NARROW;
    }

    /** {@code text}, shortened with an ellipsis when it would be wider than {@code maxWidth}. */
    public static String fit(String text, double size, double maxWidth) {
        if (width(text, size) <= maxWidth) {
            return text;
        }
        int end = text.length();
        while (end > 0 && width(text.substring(0, end) + ELLIPSIS, size) > maxWidth) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * {@code text} broken at spaces (or anywhere in CJK text) into lines no wider than {@code maxWidth}. A word too
     * long for a line is broken after a {@code _ - ( /} in it where it has one ("COORDINATOR_LOAD_" over
     * "IN_PROGRESS", "onPartitionsLost(" over its partitions), else wherever it must.
     */
    public static java.util.List<String> wrap(String text, double size, double maxWidth) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lastBreak = -1;
        int lastSoftBreak = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            line.appendCodePoint(c);
            if (c == ' ' || Character.isIdeographic(c) || c == '，' || c == '；' || c == '：') {
                lastBreak = line.length();
            }
            if (width(line.toString(), size) > maxWidth && line.length() > 1) {
                // A space or a Chinese character that does not fit goes to the next line whole: the line may end
                // right before it.
                boolean breaksBefore = c == ' ' || Character.isIdeographic(c);
                int cut = breaksBefore ? line.length() - Character.charCount(c)
                        : lastBreak > 0 && lastBreak < line.length() ? lastBreak
                        : lastSoftBreak > 0 && lastSoftBreak < line.length() ? lastSoftBreak
                        : line.length() - Character.charCount(c);
                lines.add(line.substring(0, cut).stripTrailing());
                String rest = line.substring(cut).stripLeading();
                line.setLength(0);
                line.append(rest);
                lastBreak = -1;
                // The rest is one word's start: where it may break, were it too long too.
                lastSoftBreak = -1;
                for (int j = 2; j < line.length(); j++) {
                    if (softBreak(line, j)) {
                        lastSoftBreak = j + 1;
                    }
                    if (camelBreak(line, j)) {
                        lastSoftBreak = j;
                    }
                }
            }
            // After the check: a break after this character only helps a line that goes on past it.
            if (line.length() > 2 && softBreak(line, line.length() - 1)) {
                lastSoftBreak = line.length();
            }
            if (line.length() > 2 && camelBreak(line, line.length() - 1)) {
                lastSoftBreak = line.length() - 1;
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Whether a word may break after {@code line}'s character at {@code at}: a _ - ( / not doubled ("__"). */
    private static boolean softBreak(CharSequence line, int at) {
        char c = line.charAt(at);
        return (c == '_' || c == '-' || c == '(' || c == '/') && line.charAt(at - 1) != c;
    }

    /**
     * Whether a word may break before {@code line}'s character at {@code at}: where a lower-case letter meets an upper-case
     * one, as Kafka's names are built ("Completing" over "Rebalance", not "CompletingRebalanc" over "e").
     */
    private static boolean camelBreak(CharSequence line, int at) {
        return Character.isUpperCase(line.charAt(at)) && Character.isLowerCase(line.charAt(at - 1));
    }

    /** A whole number with comma grouping, the same in every locale (exports must not depend on the machine's). */
    public static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
