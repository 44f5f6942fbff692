package dev.groupscope.scenario;

import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.Scenario.TopicSpec;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.scenario.json.JsonObjectReader;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of scenario validation that look at actions: their parameters, and partition counts over time. */
final class ScenarioChecks {

    private ScenarioChecks() {
    }

    static Map<String, Object> actionParams(JsonObjectReader action, ActionType type, int brokers) {
        Map<String, Object> params = new LinkedHashMap<>();
        switch (type) {
            case CLOSE_CONSUMER:
                params.put("leaveGroup", action.bool("leaveGroup", false));
                break;
            case STALL_CONSUMER:
                params.put("durationMs", action.whole("durationMs", 1, 24L * 3_600_000L));
                break;
            case CREATE_TOPIC:
                params.put("partitions", action.count("partitions", 1, 10_000));
                int factor = action.count("replicationFactor", 1, Integer.MAX_VALUE, Math.min(3, brokers));
                if (factor > brokers) {
                    throw action.fail("replicationFactor", "scenario.error.replicationFactor", "factor", factor,
                            "brokers", brokers);
                }
                params.put("replicationFactor", factor);
                break;
            case INCREASE_PARTITIONS:
                params.put("partitions", action.count("partitions", 1, 10_000));
                break;
            default:
                ClientActionParams.read(action, type, params);
                break;
        }
        return params;
    }

    /** Kafka only ever adds partitions: each increase must go above the count the topic has by then. */
    static void partitionsOnlyGrow(String file, List<TopicSpec> topics, List<ActionSpec> actions) {
        Map<String, Integer> counts = new HashMap<>();
        topics.forEach(topic -> counts.put(topic.name(), topic.partitions()));
        List<ActionSpec> inTime = actions.stream().sorted(Comparator.comparingLong(ActionSpec::atMs)).toList();
        for (ActionSpec action : inTime) {
            if (action.type() == ActionType.CREATE_TOPIC) {
                counts.put(action.target(), (Integer) action.params().get("partitions"));
            } else if (action.type() == ActionType.INCREASE_PARTITIONS) {
                int wanted = (Integer) action.params().get("partitions");
                Integer current = counts.get(action.target());
                if (current != null && wanted <= current) {
                    throw JsonInputException.of("scenario.error.partitionsShrink", "file", file,
                            "path", action.path() + ".partitions", "topic", action.target(), "wanted", wanted,
                            "current", current);
                }
                counts.put(action.target(), wanted);
            }
        }
    }
}
