package dev.groupscope.scenario.json;

import com.google.gson.JsonElement;
import java.util.regex.Pattern;

/** JSON paths as Gson writes them ({@code $.members[0].id}), and short descriptions of JSON values for messages. */
public final class JsonPaths {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    public static String key(String path, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return path + "." + name;
        }
        return path + "['" + name.replace("'", "\\'") + "']";
    }

    public static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /** "the string \"4\"", "the number 4.5", "an array", ...: what was found where something else was expected. */
    public static String describe(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return EnglishText.format("cli.json.got.null");
        }
        if (value.isJsonArray()) {
            return EnglishText.format("cli.json.got.array");
        }
        if (value.isJsonObject()) {
            return EnglishText.format("cli.json.got.object");
        }
        if (value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsString();
        }
        if (value.getAsJsonPrimitive().isNumber()) {
            return EnglishText.format("cli.json.got.number", "number", value.getAsBigDecimal().toString());
        }
        return EnglishText.format("cli.json.got.string", "string", value.toString());
    }
}
