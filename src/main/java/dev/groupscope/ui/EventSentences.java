package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.SimEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the window says an event was: its Kafka rule in the UI language, or "actor: type" for an event that carries
 * no rule. Member ids are shortened: Kafka makes one of the client id and a random UUID, and forty characters of
 * hexadecimal in every sentence hide what a class on a projector needs (which consumer, and that its member id is
 * not its client id). The first block of the UUID tells members apart; tooltips and exports keep the whole id.
 */
final class EventSentences {

    /** Kafka's member id: the client id, a dash and a UUID ({@code ConsumerGroupMember} / {@code UUID.toString}). */
    private static final Pattern MEMBER_ID =
            Pattern.compile("(.+-[0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private EventSentences() {
    }

    static String of(SimEvent event, Messages messages) {
        if (event.ruleKey() != null && messages.has(event.ruleKey())) {
            return messages.format(event.ruleKey(), shortened(event.ruleArgs()));
        }
        return messages.format("ui.main.event.generic", Map.of("actor", String.valueOf(event.actor()),
                "type", event.type()));
    }

    /** The arguments with each member id cut to its client id and its UUID's first block: {@code C1-314f8fbb…}. */
    static Map<String, Object> shortened(Map<String, Object> args) {
        Map<String, Object> shown = new LinkedHashMap<>(args);
        shown.replaceAll((name, value) -> value instanceof String text ? shortMemberId(text) : value);
        return shown;
    }

    static String shortMemberId(String text) {
        Matcher member = MEMBER_ID.matcher(text);
        return member.matches() ? member.group(1) + "…" : text;
    }
}
