package dev.groupscope.scenario.json;

import dev.groupscope.i18n.Messages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON input (a scenario, a lesson, an assign case) that cannot be used. The message is one readable English line
 * naming the file and the line and column or JSON path; {@link #messageKey()} and {@link #args()} let the app say
 * the same thing in the learner's language.
 */
public class JsonInputException extends RuntimeException {

    private final String messageKey;
    private final Map<String, String> args;

    public JsonInputException(String messageKey, Map<String, String> args) {
        super(Messages.english().format(messageKey, args), null, false, false);
        this.messageKey = messageKey;
        this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The message key and its arguments as alternating names and values. */
    public static JsonInputException of(String messageKey, Object... keysAndValues) {
        return new JsonInputException(messageKey, EnglishText.args(keysAndValues));
    }

    public String messageKey() {
        return messageKey;
    }

    public Map<String, String> args() {
        return args;
    }

    /** The same sentence in another language. */
    public String localized(Messages messages) {
        return messages.format(messageKey, args);
    }
}
