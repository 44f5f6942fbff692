package dev.groupscope.cli;

import com.google.gson.JsonElement;
import java.util.regex.Pattern;

/** JSON paths as Gson writes them ({@code $.members[0].id}), and short descriptions of JSON values for messages. */
final class JsonPaths {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String key(String path, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return path + "." + name;
        }
        return path + "['" + name.replace("'", "\\'") + "']";
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /** "the string \"4\"", "the number 4.5", "an array", ...: what was found where something else was expected. */
    static String describe(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return CliText.format("cli.json.got.null");
        }
        if (value.isJsonArray()) {
            return CliText.format("cli.json.got.array");
        }
        if (value.isJsonObject()) {
            return CliText.format("cli.json.got.object");
        }
        if (value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsString();
        }
        if (value.getAsJsonPrimitive().isNumber()) {
            return CliText.format("cli.json.got.number", "number", value.getAsBigDecimal().toString());
        }
        return CliText.format("cli.json.got.string", "string", JsonOut.compact(value));
    }
}
