package dev.groupscope.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * A note's words as drawn: a note wraps onto as many lines as its lane needs (label {@code note-N-label}, then
 * {@code note-N-label-2}, {@code -3}, …), and the tests read them back as the one text they are.
 */
public final class NoteLines {

    private NoteLines() {
    }

    /** The text of label {@code labelId} and of the further lines it wrapped onto, joined back. */
    public static String words(Drawing drawing, String labelId) {
        List<String> lines = new ArrayList<>();
        lines.add(((Shape.Label) drawing.shape(labelId).orElseThrow()).text());
        for (int i = 2; drawing.shape(labelId + "-" + i).isPresent(); i++) {
            lines.add(((Shape.Label) drawing.shape(labelId + "-" + i).orElseThrow()).text());
        }
        return join(lines);
    }

    /**
     * Lines joined where they were wrapped: at a space (English words, and Chinese next to a Latin word or number,
     * which the translations always part with a space), or with nothing between two Chinese characters or at
     * Chinese punctuation, or after the {@code _ - ( /} a word too long for its line was broken at. A word cut
     * anywhere else comes back with a space in it, so a test reading it fails.
     */
    public static String join(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (!text.isEmpty() && !line.isEmpty()) {
                int before = text.codePointBefore(text.length());
                int after = line.codePointAt(0);
                boolean chinese = Character.isIdeographic(before) && Character.isIdeographic(after)
                        || punctuation(before) || punctuation(after)
                        || before == '_' || before == '-' || before == '(' || before == '/';
                if (!chinese) {
                    text.append(' ');
                }
            }
            text.append(line);
        }
        return text.toString();
    }

    private static boolean punctuation(int c) {
        return c == '，' || c == '；' || c == '：' || c == '。' || c == '、';
    }
}
