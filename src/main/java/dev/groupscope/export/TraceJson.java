package dev.groupscope.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.SimEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event as one line of JSON, for {@code simulate --trace}: its position, time, kind, type, actors, fields, and
 * the Kafka rule behind it with the sentence that explains it (English). Field order is fixed, so the same run
 * writes the same bytes.
 */
public final class TraceJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private TraceJson() {
    }

    public static String line(SimEvent event, Messages messages) {
        JsonObject json = new JsonObject();
        json.addProperty("seq", event.seq());
        json.addProperty("step", event.step());
        json.addProperty("timeMs", event.time());
        json.addProperty("kind", event.kind().name());
        json.addProperty("type", event.type());
        json.addProperty("actor", event.actor());
        json.addProperty("peer", event.peer());
        json.add("fields", GSON.toJsonTree(event.fields()));
        if (event.ruleKey() != null) {
            json.addProperty("rule", event.ruleKey());
            json.add("ruleArgs", GSON.toJsonTree(event.ruleArgs()));
            json.addProperty("text", messages.format(event.ruleKey(), textArgs(event)));
        }
        return GSON.toJson(json);
    }

    /** The rule's sentence may also name the event's actor. */
    private static Map<String, Object> textArgs(SimEvent event) {
        Map<String, Object> args = new LinkedHashMap<>(event.ruleArgs());
        if (event.actor() != null) {
            args.putIfAbsent("actor", event.actor());
        }
        return args;
    }
}
