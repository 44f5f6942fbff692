package dev.groupscope.scenario;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.Errors;
import dev.groupscope.scenario.json.JsonObjectReader;
import dev.groupscope.sim.client.ConsumerFaults;
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
    private static final long MAX_DURATION_MS = 24L * 3_600_000L;
    /** The requests a consumer sends, whose loss (or their answer's) a scenario may ask for. */
    static final List<String> LOSABLE_APIS = List.of("FindCoordinator", "JoinGroup", "SyncGroup", "Heartbeat",
            "LeaveGroup", "OffsetCommit", "OffsetFetch", "Fetch", "ListOffsets", "Metadata", "OffsetForLeaderEpoch");

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
            case CUT_OFF_CONSUMER -> params.put("durationMs", action.whole("durationMs", 1, MAX_DURATION_MS));
            case FAIL_COMMITS -> {
                params.put("count", action.count("count", 1, 1_000_000, 1));
                List<String> errors = ConsumerFaults.COMMIT_ERRORS.stream().map(Errors::name).sorted().toList();
                params.put("error", Errors.valueOf(action.has("error") ? action.choice("error", errors)
                        : Errors.COORDINATOR_LOAD_IN_PROGRESS.name()));
            }
            case DELAY_COMMITS -> {
                params.put("count", action.count("count", 1, 1_000_000, 1));
                params.put("delayMs", action.whole("delayMs", 1, MAX_DURATION_MS));
            }
            case LOSE_MESSAGE -> {
                params.put("api", action.choice("api", LOSABLE_APIS));
                params.put("correlationId", action.whole("correlationId", 0, Integer.MAX_VALUE));
                params.put("answer", action.bool("answer", false));
                long at = action.whole("atMs", 0, Long.MAX_VALUE);
                params.put("sentAtMs", action.whole("sentAtMs", at, Long.MAX_VALUE, at));
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
