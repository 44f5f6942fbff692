package dev.groupscope.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The lab's topic field, {@code t0:4, t1:3}: topic names with their partition counts, in the order written.
 * The limits keep every partition on screen as a readable chip and give each topic its own palette colour.
 */
public final class TopicsSpec {

    public static final int MAX_TOPICS = 8;
    public static final int MAX_PARTITIONS = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ENTRY = Pattern.compile("([^:]+):(\\d{1,9})");

    private TopicsSpec() {
    }

    /** Why the text was refused: a message key of the {@code ui.topics.error} family and its arguments. */
    public record Problem(String messageKey, Map<String, Object> args) {
        public Problem {
            args = Map.copyOf(args);
        }
    }

    /** Thrown for text the lab cannot use; carries the {@link Problem} to show next to the field. */
    public static final class InvalidTopicsException extends IllegalArgumentException {
        private final transient Problem problem;

        InvalidTopicsException(String messageKey, Map<String, Object> args) {
            super(messageKey + " " + args);
            this.problem = new Problem(messageKey, args);
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Parses entries separated by commas, semicolons or spaces, e.g. {@code t0:4, t1:3}. */
    public static Map<String, Integer> parse(String text) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        String compact = text.replaceAll("\\s*:\\s*", ":").trim();
        for (String entry : compact.split("[,;\\s]+")) {
            if (!entry.isEmpty()) {
                addEntry(entry, topics);
            }
        }
        if (topics.isEmpty()) {
            throw new InvalidTopicsException("ui.topics.error.empty", Map.of());
        }
        if (topics.size() > MAX_TOPICS) {
            throw new InvalidTopicsException("ui.topics.error.tooMany", Map.of("max", MAX_TOPICS));
        }
        return topics;
    }

    private static void addEntry(String entry, Map<String, Integer> topics) {
        var matcher = ENTRY.matcher(entry);
        if (!matcher.matches()) {
            throw new InvalidTopicsException("ui.topics.error.syntax", Map.of("entry", entry));
        }
        String name = matcher.group(1);
        int partitions = Integer.parseInt(matcher.group(2));
        if (!NAME.matcher(name).matches()) {
            throw new InvalidTopicsException("ui.topics.error.name", Map.of("topic", name));
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new InvalidTopicsException("ui.topics.error.count",
                    Map.of("topic", name, "max", MAX_PARTITIONS));
        }
        if (topics.putIfAbsent(name, partitions) != null) {
            throw new InvalidTopicsException("ui.topics.error.duplicate", Map.of("topic", name));
        }
    }

    /** The canonical text for a topic map: {@code t0:4, t1:3}. */
    public static String format(Map<String, Integer> topics) {
        StringJoiner text = new StringJoiner(", ");
        topics.forEach((topic, partitions) -> text.add(topic + ":" + partitions));
        return text.toString();
    }
}
