package dev.groupscope.scenario;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.client.ConsumerSubscription;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A run saved as a scenario file: the text the scenario was read from, exactly as its author wrote it, with the
 * what-if actions made in the window added at the end of its {@code "actions"} ({@link ActionsText}), each as a line
 * {@link ScenarioWorld#tasks} turns into the same tasks. A fork inserts its action after every action already
 * scripted for its millisecond, and a file's actions are scripted in the order listed, so the saved file runs the
 * branch it was saved from event for event.
 */
public final class ScenarioWriter {

    /** Nulls kept: a change that leaves a setting out says so with null. */
    private static final com.google.gson.Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .create();

    private ScenarioWriter() {
    }

    /**
     * {@code scenario}'s text with {@code added} appended to its actions, in order, then read back: a file this
     * returns is one {@link ScenarioReader} accepts.
     *
     * @throws IllegalArgumentException for a scenario made in code, which has no text
     * @throws dev.groupscope.scenario.json.JsonInputException when the reader refuses the result, naming why
     */
    public static String withActions(Scenario scenario, List<ActionSpec> added) {
        String source = scenario.source().orElseThrow(
                () -> new IllegalArgumentException(scenario.file() + " was not read from a file"));
        String text = ActionsText.append(source, added.stream().map(action -> inline(line(action))).toList());
        ScenarioReader.read(scenario.file(), text);
        return text;
    }

    /** A JSON value on one line, spaced as the lessons write their actions: {"atMs": 20000, "action": ...}. */
    static String inline(JsonElement value) {
        if (value.isJsonObject()) {
            List<String> members = new java.util.ArrayList<>();
            value.getAsJsonObject().entrySet().forEach(member -> members.add(
                    COMPACT.toJson(member.getKey()) + ": " + inline(member.getValue())));
            return "{" + String.join(", ", members) + "}";
        }
        if (value.isJsonArray()) {
            List<String> items = new java.util.ArrayList<>();
            value.getAsJsonArray().forEach(item -> items.add(inline(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return COMPACT.toJson(value);
    }

    /** One action as a scenario file writes it: its time, its type, what it acts on, then its parameters. */
    static JsonObject line(ActionSpec action) {
        JsonObject line = new JsonObject();
        line.addProperty("atMs", action.atMs());
        line.addProperty("action", action.type().fileName());
        String target = action.type().target().key();
        if (action.type().target() == ActionType.Target.BROKER) {
            line.addProperty(target, Integer.parseInt(action.target()));
        } else {
            line.addProperty(target, action.target());
        }
        action.params().forEach((name, value) -> {
            if (value instanceof ConsumerSubscription subscription) {
                subscription(line, subscription);
            } else if (value != null) {
                line.add(name, json(value));
            }
        });
        return line;
    }

    /** A subscribe action's one key: its topics, or its pattern. */
    private static void subscription(JsonObject line, ConsumerSubscription subscription) {
        if (subscription.kind() == ConsumerSubscription.Kind.PATTERN) {
            line.addProperty("pattern", subscription.pattern());
        } else {
            line.add("topics", json(subscription.topics()));
        }
    }

    private static JsonElement json(Object value) {
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof String || value instanceof TopicPartition || value instanceof Errors) {
            return new JsonPrimitive(value instanceof Errors error ? error.name() : value.toString());
        }
        if (value instanceof Collection<?> values) {
            JsonArray array = new JsonArray();
            values.forEach(element -> array.add(json(element)));
            return array;
        }
        if (value instanceof Map<?, ?> settings) {
            JsonObject object = new JsonObject();
            // A null setting is one left out from now on (see ScenarioReader's changeSettings).
            settings.forEach((name, setting) -> object.add(String.valueOf(name),
                    setting == null ? com.google.gson.JsonNull.INSTANCE : json(setting)));
            return object;
        }
        if (value instanceof CommitPolicy policy) {
            JsonObject object = new JsonObject();
            object.addProperty("type", policy.kind().fileName());
            if (policy.kind() == CommitPolicy.Kind.EVERY_N) {
                object.addProperty("records", policy.everyRecords());
            }
            return object;
        }
        throw new IllegalArgumentException("no file form for " + value.getClass().getName());
    }
}
