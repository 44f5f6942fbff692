package dev.groupscope.cli;

import dev.groupscope.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI's sentences, from the message bundles. Always English: the output is meant for scripts and READMEs and
 * must not change with the machine's locale. Arguments are passed as text so numbers are never grouped ("1,000").
 */
final class CliText {

    private static final Messages ENGLISH = Messages.english();

    private CliText() {
    }

    static String format(String key, Object... keysAndValues) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put((String) keysAndValues[i], String.valueOf(keysAndValues[i + 1]));
        }
        return ENGLISH.format(key, args);
    }

    static Messages messages() {
        return ENGLISH;
    }
}
