package dev.groupscope.scenario;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.scenario.json.JsonObjectReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the actions that are the application's calls on a consumer (pause, seek, offsetsForTimes...):
 * partitions as {@code "topic-N"}, offsets and timestamps as whole numbers. A missing partition list means every
 * partition the consumer has assigned when the call runs.
 */
final class ClientActionParams {

    private static final long MAX_OFFSET = Long.MAX_VALUE / 2;

    private ClientActionParams() {
    }

    static void read(JsonObjectReader action, ActionType type, Map<String, Object> params) {
        switch (type) {
            case PAUSE, RESUME, SEEK_TO_BEGINNING, SEEK_TO_END -> params.put("partitions", partitions(action));
            case SEEK -> {
                params.put("partition", partition(action, "partition", action.string("partition"), -1));
                params.put("offset", action.whole("offset", 0, MAX_OFFSET));
            }
            case ASSIGN -> {
                List<TopicPartition> partitions = partitions(action);
                if (partitions.isEmpty()) {
                    throw action.fail("partitions", "scenario.error.noPartitions");
                }
                params.put("partitions", partitions);
            }
            case OFFSETS_FOR_TIMES -> {
                params.put("partitions", partitions(action));
                params.put("timestampMs", action.whole("timestampMs", 0, MAX_OFFSET));
                params.put("seek", action.bool("seek", false));
            }
            default -> {
            }
        }
    }

    /** The optional {@code "partitions"} list; empty when absent. */
    static List<TopicPartition> partitions(JsonObjectReader action) {
        List<TopicPartition> partitions = new ArrayList<>();
        if (!action.has("partitions")) {
            return partitions;
        }
        List<String> names = action.strings("partitions");
        for (int i = 0; i < names.size(); i++) {
            partitions.add(partition(action, "partitions", names.get(i), i));
        }
        return partitions;
    }

    /** {@code "orders-3"} as a topic-partition; a malformed name is one line naming its JSON path. */
    static TopicPartition partition(JsonObjectReader action, String key, String name, int index) {
        try {
            return TopicPartition.parse(name);
        } catch (IllegalArgumentException e) {
            String path = index < 0 ? action.pathOf(key) : action.pathOf(key) + "[" + index + "]";
            throw dev.groupscope.scenario.json.JsonInputException.of("scenario.error.partitionName",
                    "file", action.file(), "path", path, "name", name);
        }
    }
}
