package dev.groupscope.kafka.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Asks kafka-clients whether it would run with some settings: builds a real {@link KafkaConsumer} (no broker is
 * contacted before poll()) and, for a consumer in a group, subscribes it, since that is where Kafka checks for an
 * assignor. Answers with the message of the first exception below Kafka's "Failed to construct" wrapper: the one
 * that names the mistake.
 */
final class KafkaConsumerOracle {

    private static final String WRAPPER = "Failed to construct kafka consumer";

    private KafkaConsumerOracle() {
    }

    static Optional<String> rejection(Map<String, ?> settings) {
        Map<String, Object> props = new HashMap<>(settings);
        props.put("bootstrap.servers", "localhost:1");
        props.put("key.deserializer", StringDeserializer.class);
        props.put("value.deserializer", StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            if (props.get("group.id") != null) {
                consumer.subscribe(List.of("t"));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(unwrapped(e).getMessage());
        }
    }

    private static Throwable unwrapped(Throwable e) {
        Throwable cause = e;
        while (WRAPPER.equals(cause.getMessage()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
