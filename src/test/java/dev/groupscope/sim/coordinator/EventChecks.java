package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.BundleFiles;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every event the brokers emit must be: explained (its rule has a sentence in both languages, with every
 * placeholder among the rule's arguments) and JSON-friendly (strings, numbers, booleans, lists and maps of them).
 */
public final class EventChecks {

    private static final Messages ENGLISH = Messages.english();
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);

    private EventChecks() {
    }

    public static void assertWellFormed(List<SimEvent> events) {
        for (SimEvent event : events) {
            assertJsonFriendly(event.type(), event.fields());
            assertJsonFriendly(event.type(), event.ruleArgs());
            if (event.ruleKey() != null) {
                assertExplained(event);
            }
        }
    }

    private static void assertExplained(SimEvent event) {
        assertThat(BundleFiles.inBoth(event.ruleKey())).as("both bundles have %s", event.ruleKey()).isTrue();
        for (Messages messages : List.of(ENGLISH, CHINESE)) {
            for (String placeholder : Messages.placeholders(messages.bundle().getString(event.ruleKey()))) {
                assertThat(event.ruleArgs()).as("arguments of %s", event.ruleKey()).containsKey(placeholder);
            }
        }
    }

    private static void assertJsonFriendly(String where, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                assertThat(key).as("a key in %s", where).isInstanceOf(String.class);
                assertJsonFriendly(where, item);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> assertJsonFriendly(where, item));
        } else {
            assertThat(value).as("a value in %s", where).isNotNull()
                    .isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }
}
