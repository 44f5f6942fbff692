package dev.groupscope.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON the same way every time, readable by a person and by a diff: objects one key per line (two-space
 * indent), arrays of plain values on one line, and objects inside nested arrays (trace steps) one line each; the
 * objects of a top-level array (one per case) are laid out like a top-level object. Key order is insertion order;
 * the line separator is always {@code \n}.
 */
final class JsonOut {

    private static final Gson PRIMITIVES = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final String INDENT = "  ";

    private JsonOut() {
    }

    static String render(JsonElement element) {
        StringBuilder out = new StringBuilder();
        write(element, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonElement element, int depth, StringBuilder out) {
        if (element.isJsonObject()) {
            writeObject(element.getAsJsonObject(), depth, out);
        } else if (element.isJsonArray()) {
            writeArray(element.getAsJsonArray(), depth, out);
        } else {
            out.append(PRIMITIVES.toJson(element));
        }
    }

    private static void writeObject(JsonObject object, int depth, StringBuilder out) {
        if (object.size() == 0) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, JsonElement>> entries = object.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonElement> entry = entries.next();
            indent(depth + 1, out).append(PRIMITIVES.toJson(entry.getKey())).append(": ");
            write(entry.getValue(), depth + 1, out);
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        indent(depth, out).append('}');
    }

    private static void writeArray(JsonArray array, int depth, StringBuilder out) {
        if (array.isEmpty() || allPlain(array)) {
            out.append(compact(array));
            return;
        }
        out.append("[\n");
        for (int i = 0; i < array.size(); i++) {
            indent(depth + 1, out);
            if (depth == 0) {
                write(array.get(i), depth + 1, out);
            } else {
                out.append(compact(array.get(i)));
            }
            out.append(i < array.size() - 1 ? ",\n" : "\n");
        }
        indent(depth, out).append(']');
    }

    /** One line, with a space after each comma and colon. */
    static String compact(JsonElement element) {
        if (element.isJsonObject()) {
            StringBuilder out = new StringBuilder("{");
            String separator = "";
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                out.append(separator).append(PRIMITIVES.toJson(entry.getKey())).append(": ")
                        .append(compact(entry.getValue()));
                separator = ", ";
            }
            return out.append('}').toString();
        }
        if (element.isJsonArray()) {
            StringBuilder out = new StringBuilder("[");
            String separator = "";
            for (JsonElement item : element.getAsJsonArray()) {
                out.append(separator).append(compact(item));
                separator = ", ";
            }
            return out.append(']').toString();
        }
        return PRIMITIVES.toJson(element);
    }

    private static boolean allPlain(JsonArray array) {
        for (JsonElement item : array) {
            if (item.isJsonObject() || item.isJsonArray()) {
                return false;
            }
        }
        return true;
    }

    private static StringBuilder indent(int depth, StringBuilder out) {
        return out.append(INDENT.repeat(depth));
    }
}
