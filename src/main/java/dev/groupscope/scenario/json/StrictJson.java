package dev.groupscope.scenario.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON document strictly (RFC 8259: no comments, single quotes or trailing commas) into Gson's tree, and
 * refuses a key given twice in one object, which Gson's own parser would silently overwrite. Every problem becomes
 * one line naming the file, and the line and column or the JSON path.
 */
public final class StrictJson {

    private static final Pattern GSON_MESSAGE =
            Pattern.compile("(.*?) at line (\\d+) column (\\d+) path (\\S*).*", Pattern.DOTALL);
    private static final Pattern POSITION = Pattern.compile("at line (\\d+) column (\\d+)");
    private static final String GSON_LENIENT_HINT = "Use JsonReader.setStrictness";
    /** Gson's reasons for refusing a document, by the message that says what was expected instead. */
    private static final Map<String, String> GSON_REASONS = Map.of(
            "Unterminated object", "objectNotClosed",
            "Unterminated array", "arrayNotClosed",
            "Expected name", "expectedName",
            "Expected ':'", "expectedColon",
            "Unterminated string", "stringNotClosed",
            "Expected value", "expectedValue");
    /** Gson's reasons it gives before reading the character at fault: its column is then that character's own. */
    private static final String GSON_UNREAD = "Expected value";

    private final String file;
    private final JsonReader reader;

    private StrictJson(String file, String text) {
        this.file = file;
        this.reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
    }

    public static JsonElement parse(String file, String text) {
        if (text.isBlank()) {
            throw JsonInputException.of("cli.error.emptyFile", "file", file);
        }
        return new StrictJson(file, text).document();
    }

    private JsonElement document() {
        JsonElement root;
        try {
            root = value();
        } catch (IOException e) {
            throw malformed(e);
        }
        String position = readerPosition();
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                return root;
            }
        } catch (IOException e) {
            // Gson refuses text after the value with a hint for programmers; keep its position, say it plainly.
            position = e.getMessage() == null ? position : e.getMessage();
        }
        throw malformed(position, "textAfterEnd", "", true);
    }

    private JsonElement value() throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT:
                return object();
            case BEGIN_ARRAY:
                return array();
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER:
                return new JsonPrimitive(new BigDecimal(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                // Gson has only peeked at the character (a '}' or ']'): its column is that character's own.
                throw malformed(readerPosition(), "expectedValue", "", false);
        }
    }

    private JsonObject object() throws IOException {
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (object.has(name)) {
                throw JsonInputException.of("cli.error.duplicateKey", "file", file,
                        "path", reader.getPath(), "key", name);
            }
            object.add(name, value());
        }
        reader.endObject();
        return object;
    }

    private JsonArray array() throws IOException {
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(value());
        }
        reader.endArray();
        return array;
    }

    /**
     * Gson's message carries the position and what it found wrong, in a programmer's words ("Unterminated object"):
     * each is said as what the file should have had there, in the learner's language; a reason not known here is
     * kept as Gson gives it.
     */
    private JsonInputException malformed(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher gson = GSON_MESSAGE.matcher(message);
        boolean endOfInput = e instanceof EOFException || message.startsWith("End of input");
        String reason = gson.matches() ? gson.group(1) : message;
        String kind = endOfInput ? "endsEarly" : kind(reason);
        return malformed(gson.matches() ? message : readerPosition(), kind, reason,
                !endOfInput && !reason.equals(GSON_UNREAD));
    }

    private static String kind(String gsonReason) {
        if (gsonReason.startsWith(GSON_LENIENT_HINT)) {
            return "notStrict";
        }
        return GSON_REASONS.getOrDefault(gsonReason, "other");
    }

    /**
     * Gson counts the column after the character it just read; a person wants the column of that character. At the
     * end of the input there is no such character, and the column after the last one is the right place.
     */
    private JsonInputException malformed(String position, String kind, String gsonReason, boolean atACharacter) {
        Matcher where = POSITION.matcher(position);
        String line = "?";
        String column = "?";
        if (where.find()) {
            line = where.group(1);
            int gsonColumn = Integer.parseInt(where.group(2));
            column = Integer.toString(atACharacter ? Math.max(1, gsonColumn - 1) : gsonColumn);
        }
        String reason = gsonReason.isEmpty() ? gsonReason
                : Character.toLowerCase(gsonReason.charAt(0)) + gsonReason.substring(1);
        return JsonInputException.of("cli.error.malformedJson." + kind, "file", file, "line", line,
                "column", column, "reason", reason);
    }

    /** Where the reader stands, as Gson describes it: " at line L column C path P". */
    private String readerPosition() {
        return reader.toString().substring(reader.getClass().getSimpleName().length());
    }
}
