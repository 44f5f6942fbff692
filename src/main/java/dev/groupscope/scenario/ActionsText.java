package dev.groupscope.scenario;

import java.util.List;

/**
 * Lines added to the end of a scenario text's top-level {@code "actions"} array, everything else left as its author
 * wrote it (spacing, line breaks, key order), so a saved run differs from the file it came from by its new lines
 * only. One action per line, indented like the array's first one; an array written on one line stays on one line; a
 * text without actions gets the array before its closing brace. The text must be a valid scenario (it was read).
 */
final class ActionsText {

    private ActionsText() {
    }

    /** {@code text} with {@code lines} (each one JSON object) after the last of its actions. */
    static String append(String text, List<String> lines) {
        if (lines.isEmpty()) {
            return text;
        }
        Found found = new Scan(text).actions();
        // A file written on Windows keeps its line ends.
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        if (found.open < 0) {
            int end = lastNonBlank(text, found.rootClose);
            String indent = found.keyIndent;
            return text.substring(0, end + 1) + "," + newline + indent + "\"actions\": [" + newline
                    + joined(lines, indent + indent, newline) + newline + indent + "]" + text.substring(end + 1);
        }
        int last = lastNonBlank(text, found.close);
        if (last == found.open) {
            // "actions": [] — the lines go inside, one per line.
            String indent = found.keyIndent;
            return text.substring(0, found.open + 1) + newline + joined(lines, indent + indent, newline) + newline
                    + indent + text.substring(found.close);
        }
        String elementIndent = indentOfFirst(text, found.open);
        String separator = elementIndent == null ? ", " : "," + newline + elementIndent;
        return text.substring(0, last + 1) + separator + String.join(separator, lines) + text.substring(last + 1);
    }

    private static String joined(List<String> lines, String indent, String newline) {
        return indent + String.join("," + newline + indent, lines);
    }

    /** The index of the last character before {@code before} that is not white space. */
    private static int lastNonBlank(String text, int before) {
        int i = before - 1;
        while (Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** The white space before the array's first element when it starts a line of its own; null when it does not. */
    private static String indentOfFirst(String text, int open) {
        int i = open + 1;
        while (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
            i++;
        }
        if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            return null;
        }
        while (Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int lineStart = text.lastIndexOf('\n', i) + 1;
        return text.substring(lineStart, i);
    }

    /** Where the top-level "actions" array opens and closes (-1 when there is none), and the root's closing brace. */
    private record Found(int open, int close, int rootClose, String keyIndent) {
    }

    /** A walk over JSON text that knows strings (and their escapes) from structure. */
    private static final class Scan {
        private final String text;
        private int at;

        Scan(String text) {
            this.text = text;
        }

        Found actions() {
            int depth = 0;
            int open = -1;
            int close = -1;
            String keyIndent = null;
            for (at = 0; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '"') {
                    int start = at;
                    String string = string();
                    if (depth == 1 && keyIndent == null) {
                        keyIndent = indentOfLine(start);
                    }
                    if (depth == 1 && string.equals("actions") && open < 0 && colonFollows()) {
                        open = text.indexOf('[', at);
                        close = matching(open);
                        at = close;
                    }
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        return new Found(open, close, at, keyIndent == null ? "  " : keyIndent);
                    }
                }
            }
            throw new IllegalArgumentException("not a JSON object");
        }

        /** Reads the string starting at {@code at} (a quote); leaves {@code at} on its closing quote. */
        private String string() {
            StringBuilder value = new StringBuilder();
            for (at++; text.charAt(at) != '"'; at++) {
                if (text.charAt(at) == '\\') {
                    at++;
                }
                value.append(text.charAt(at));
            }
            return value.toString();
        }

        /** Whether the string just read is a key: a colon comes next. */
        private boolean colonFollows() {
            int i = at + 1;
            while (Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return text.charAt(i) == ':';
        }

        /** The bracket closing the one at {@code open}. */
        private int matching(int open) {
            int depth = 0;
            for (at = open; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '"') {
                    string();
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if ((c == ']' || c == '}') && --depth == 0) {
                    return at;
                }
            }
            throw new IllegalArgumentException("unclosed array");
        }

        /** The white space a key starts its line with: how deep the author indents the root's keys. */
        private String indentOfLine(int index) {
            int lineStart = text.lastIndexOf('\n', index) + 1;
            String before = text.substring(lineStart, index);
            return before.isBlank() && !before.isEmpty() ? before : "  ";
        }
    }
}
