package dev.groupscope.cli;

import dev.groupscope.scenario.json.EnglishText;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.groupscope.kafka.assignor.AssignmentStep;
import java.util.Map;

/** One assignor step as JSON: what it is, its message key and arguments, and the English sentence. */
final class StepJson {

    private StepJson() {
    }

    static JsonObject of(AssignmentStep step) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", step.kind().name());
        json.addProperty("key", step.messageKey());
        json.add("member", step.member() == null ? JsonNull.INSTANCE : new JsonPrimitive(step.member()));
        json.add("partition", step.partition() == null ? JsonNull.INSTANCE
                : new JsonPrimitive(step.partition().toString()));
        json.add("args", value(step.args()));
        json.addProperty("text", EnglishText.messages().format(step.messageKey(), step.textArgs()));
        return json;
    }

    private static JsonElement value(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, item) -> object.add(String.valueOf(key), value(item)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            JsonArray array = new JsonArray();
            items.forEach(item -> array.add(value(item)));
            return array;
        }
        return new JsonPrimitive(String.valueOf(value));
    }
}
