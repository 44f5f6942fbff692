package dev.groupscope.scenario.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one JSON object strictly: every key must be one the format knows (else "unknown key … did you mean …"),
 * every value must have the expected type and range, and every problem is one line naming the file, the JSON path
 * and what was expected. Numbers must be whole where a count or a time is meant.
 */
public final class JsonObjectReader {

    private final String file;
    private final String path;
    private final JsonObject object;

    private JsonObjectReader(String file, String path, JsonObject object) {
        this.file = file;
        this.path = path;
        this.object = object;
    }

    /** The object at {@code path}, or an error if the value there is not an object. */
    public static JsonObjectReader of(String file, String path, JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            throw typeError(file, path, "expected.object", element);
        }
        return new JsonObjectReader(file, path, element.getAsJsonObject());
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return JsonPaths.key(path, key);
    }

    public boolean has(String key) {
        return object.has(key) && !object.get(key).isJsonNull();
    }

    /** Refuses any key not in {@code known}, suggesting the closest known one. */
    public JsonObjectReader allowOnly(Collection<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw JsonInputException.of("json.error.unknownKey", "file", file, "path", path, "key", key,
                        "hint", DidYouMean.hint(key, known), "known", String.join(", ", known));
            }
        }
        return this;
    }

    public String string(String key) {
        JsonElement value = required(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw typeError(file, pathOf(key), "expected.string", value);
        }
        String text = value.getAsString();
        if (text.isBlank()) {
            throw fail(key, "json.error.blank");
        }
        return text;
    }

    public Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    /**
     * A text that may be given in several languages: a non-empty string, or an object with a non-empty string under
     * at least one of {@code languages}' tags. By tag, in {@code languages}' order; a lone string is under "" (its
     * language is not said). Absent: empty.
     */
    public Map<String, String> texts(String key, List<String> languages) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!has(key)) {
            return texts;
        }
        JsonElement value = object.get(key);
        if (value.isJsonObject()) {
            JsonObjectReader byLanguage = object(key).allowOnly(languages);
            languages.forEach(tag -> byLanguage.optionalString(tag).ifPresent(text -> texts.put(tag, text)));
            if (texts.isEmpty()) {
                throw fail(key, "json.error.blank"); // an object that gives no text says nothing
            }
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            texts.put("", string(key));
        } else {
            throw typeError(file, pathOf(key), "expected.texts", value);
        }
        return texts;
    }

    /** A whole number in [min, max]. */
    public long whole(String key, long min, long max) {
        BigDecimal number = number(key);
        BigDecimal whole;
        try {
            whole = new BigDecimal(number.toBigIntegerExact());
        } catch (ArithmeticException e) {
            throw typeError(file, pathOf(key), "expected.whole", object.get(key));
        }
        if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            // A number written as 1e400 is named so, not by its 401 digits.
            String shown = number.toPlainString().length() > 24 ? number.toString() : number.toPlainString();
            throw fail(key, "json.error.range", "value", shown, "min", min, "max", max);
        }
        return whole.longValueExact();
    }

    public long whole(String key, long min, long max, long fallback) {
        return has(key) ? whole(key, min, max) : fallback;
    }

    public int count(String key, int min, int max) {
        return (int) whole(key, min, max);
    }

    public int count(String key, int min, int max, int fallback) {
        return has(key) ? count(key, min, max) : fallback;
    }

    /** A number in (exclusiveMin, max]. */
    public double positive(String key, double max) {
        double value = number(key).doubleValue();
        if (!(value > 0) || value > max) {
            throw fail(key, "json.error.positive", "value", number(key).toPlainString(), "max", max);
        }
        return value;
    }

    public double positive(String key, double max, double fallback) {
        return has(key) ? positive(key, max) : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonElement value = object.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw typeError(file, pathOf(key), "expected.boolean", value);
        }
        return value.getAsBoolean();
    }

    /** One of the {@code choices}, suggesting the closest on a typo. */
    public String choice(String key, Collection<String> choices) {
        String value = string(key);
        if (!choices.contains(value)) {
            throw fail(key, "json.error.choice", "value", value, "hint", DidYouMean.hint(value, choices),
                    "known", String.join(", ", choices));
        }
        return value;
    }

    public List<String> strings(String key) {
        JsonArray array = array(key);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString() || item.getAsString().isBlank()) {
                throw typeError(file, JsonPaths.index(pathOf(key), i), "expected.string", item);
            }
            values.add(item.getAsString());
        }
        return values;
    }

    public JsonObjectReader object(String key) {
        return of(file, pathOf(key), required(key));
    }

    public Optional<JsonObjectReader> optionalObject(String key) {
        return has(key) ? Optional.of(object(key)) : Optional.empty();
    }

    /** An array of objects; absent = empty. */
    public List<JsonObjectReader> objects(String key) {
        List<JsonObjectReader> readers = new ArrayList<>();
        if (!has(key)) {
            return readers;
        }
        JsonArray array = array(key);
        for (int i = 0; i < array.size(); i++) {
            readers.add(of(file, JsonPaths.index(pathOf(key), i), array.get(i)));
        }
        return readers;
    }

    /**
     * An object of settings under Kafka's names: values are strings, whole numbers (as Integer when they fit,
     * else Long), other numbers (as Double) or booleans, in the order written; their meaning is checked by the settings' own validation.
     */
    public Map<String, Object> settings(String key) {
        return settings(key, false);
    }

    /**
     * {@link #settings(String)}, where {@code unsetAllowed} lets a value be {@code null}: the property left out, so
     * Kafka's default applies (a change of settings that turns a static member into a dynamic one).
     */
    public Map<String, Object> settings(String key, boolean unsetAllowed) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (!has(key)) {
            return settings;
        }
        JsonObject values = object(key).object;
        for (Map.Entry<String, JsonElement> entry : values.entrySet()) {
            String settingPath = JsonPaths.key(pathOf(key), entry.getKey());
            settings.put(entry.getKey(), unsetAllowed && entry.getValue().isJsonNull() ? null
                    : settingValue(settingPath, entry.getValue()));
        }
        return settings;
    }

    private Object settingValue(String settingPath, JsonElement value) {
        if (value.isJsonArray() && strings(value.getAsJsonArray())) {
            // A list setting as a list, which Kafka's ConfigDef takes as well as "a,b" (partition.assignment.strategy).
            List<String> items = new ArrayList<>();
            value.getAsJsonArray().forEach(item -> items.add(item.getAsString()));
            return List.copyOf(items);
        }
        if (!value.isJsonPrimitive()) {
            throw typeError(file, settingPath, "expected.setting", value);
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            // As Kafka's ConfigDef wants them: an INT setting refuses a Long, a LONG setting takes an Integer.
            BigDecimal number = primitive.getAsBigDecimal();
            if (number.stripTrailingZeros().scale() > 0) {
                return number.doubleValue();
            }
            long whole = number.longValueExact();
            return whole == (int) whole ? (Object) (int) whole : (Object) whole;
        }
        return primitive.getAsString();
    }

    private static boolean strings(JsonArray array) {
        for (JsonElement item : array) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                return false;
            }
        }
        return true;
    }

    /** An error about {@code key} of this object: the file and the key's path come first. */
    public JsonInputException fail(String key, String messageKey, Object... keysAndValues) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("file", file);
        args.put("path", pathOf(key));
        args.putAll(EnglishText.args(keysAndValues));
        return new JsonInputException(messageKey, args);
    }

    private BigDecimal number(String key) {
        JsonElement value = required(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw typeError(file, pathOf(key), "expected.number", value);
        }
        return value.getAsBigDecimal();
    }

    private JsonArray array(String key) {
        JsonElement value = required(key);
        if (!value.isJsonArray()) {
            throw typeError(file, pathOf(key), "expected.array", value);
        }
        return value.getAsJsonArray();
    }

    private JsonElement required(String key) {
        if (!has(key)) {
            throw JsonInputException.of("json.error.missing", "file", file, "path", path, "key", key);
        }
        return object.get(key);
    }

    private static JsonInputException typeError(String file, String path, String expected, JsonElement got) {
        return JsonInputException.of("json.error.type", "file", file, "path", path,
                "expected", EnglishText.format("json." + expected), "got", JsonPaths.describe(got));
    }
}
