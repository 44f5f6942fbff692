package dev.groupscope.scenario.json;

import dev.groupscope.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sentences in English from the message bundles, for the CLI and for error messages: output meant for scripts and
 * READMEs must not change with the machine's locale. Arguments are passed as text so numbers are never grouped
 * ("1,000").
 */
public final class EnglishText {

    private static final Messages ENGLISH = Messages.english();

    private EnglishText() {
    }

    public static String format(String key, Object... keysAndValues) {
        return ENGLISH.format(key, args(keysAndValues));
    }

    /** Alternating names and values as text arguments. */
    public static Map<String, String> args(Object... keysAndValues) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], String.valueOf(keysAndValues[i + 1]));
        }
        return args;
    }

    public static Messages messages() {
        return ENGLISH;
    }
}
