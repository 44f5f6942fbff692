package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.assignor.AssignmentStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one assignor step into a sentence in the chosen language, cut into runs so the view can highlight the
 * member and the partition the step is about. The step's own {@code member} and {@code partition} fill the
 * {@code {member}} and {@code {partition}} placeholders; they are wrapped in private-use marker characters before
 * formatting, so the highlight lands exactly where the sentence names them and nowhere else.
 */
public final class StepNarration {

    private static final char MEMBER_START = '\uE000';
    private static final char PARTITION_START = '\uE001';
    private static final char END = '\uE002';

    /** What a run of text is. */
    public enum Role { PLAIN, MEMBER, PARTITION }

    /** A run of a sentence with the same role. */
    public record Run(String text, Role role) {
    }

    private StepNarration() {
    }

    /** The localized name of a step's kind, e.g. "Place" or "分配". */
    public static String kindName(AssignmentStep.Kind kind, Messages messages) {
        return messages.text(kindKey(kind));
    }

    public static String kindKey(AssignmentStep.Kind kind) {
        return "ui.step." + kind.name();
    }

    public static List<Run> runs(AssignmentStep step, Messages messages) {
        Map<String, Object> args = new LinkedHashMap<>(step.args());
        mark(args, "member", step.member(), MEMBER_START);
        mark(args, "partition", step.partition(), PARTITION_START);
        return split(messages.format(step.messageKey(), args));
    }

    /** The plain sentence, as a screen reader or a test reads it. */
    public static String sentence(AssignmentStep step, Messages messages) {
        StringBuilder text = new StringBuilder();
        runs(step, messages).forEach(run -> text.append(run.text()));
        return text.toString();
    }

    private static void mark(Map<String, Object> args, String name, Object fromStep, char start) {
        Object value = args.containsKey(name) ? args.get(name) : fromStep;
        if (value != null) {
            args.put(name, start + String.valueOf(value) + END);
        }
    }

    private static List<Run> split(String marked) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Role role = Role.PLAIN;
        for (char c : marked.toCharArray()) {
            Role next = c == MEMBER_START ? Role.MEMBER : c == PARTITION_START ? Role.PARTITION
                    : c == END ? Role.PLAIN : null;
            if (next == null) {
                current.append(c);
                continue;
            }
            flush(runs, current, role);
            role = next;
        }
        flush(runs, current, role);
        return runs;
    }

    private static void flush(List<Run> runs, StringBuilder text, Role role) {
        if (text.length() > 0) {
            runs.add(new Run(text.toString(), role));
            text.setLength(0);
        }
    }
}
