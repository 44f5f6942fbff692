package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Responses.ListOffsetsResponse;
import dev.groupscope.sim.protocol.Responses.ListedOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ListOffsets answer sorted out as kafka-clients' {@code OffsetFetcherUtils.handleListOffsetResponse} does, for
 * both of its callers (position resets and offsetsForTimes()): the offsets found; the partitions answered NONE
 * without an offset (no record as recent as asked: left out of the result, so offsetsForTimes() says null); and the
 * partitions answered with an error (NOT_LEADER_OR_FOLLOWER and the like, UNKNOWN_TOPIC_OR_PARTITION), to ask again.
 *
 * @param found      offset per partition, sorted
 * @param notFound   partitions without an offset, sorted
 * @param retry      partitions answered with an error, sorted
 * @param errors     the error per partition of {@code retry}, by name
 * @param firstError the first of those errors, or NONE
 */
record ListedOffsets(Map<TopicPartition, Long> found, List<TopicPartition> notFound, List<TopicPartition> retry,
                     Map<String, Object> errors, String firstError) {

    static ListedOffsets of(ListOffsetsResponse response) {
        Map<TopicPartition, Long> found = new TreeMap<>();
        List<TopicPartition> notFound = new ArrayList<>();
        List<TopicPartition> retry = new ArrayList<>();
        Map<String, Object> errors = new TreeMap<>();
        String firstError = Errors.NONE.name();
        for (Map.Entry<TopicPartition, ListedOffset> entry : response.partitions().entrySet()) {
            ListedOffset answer = entry.getValue();
            if (answer.error() != Errors.NONE) {
                retry.add(entry.getKey());
                errors.put(entry.getKey().toString(), answer.error().name());
                if (firstError.equals(Errors.NONE.name())) {
                    firstError = answer.error().name();
                }
            } else if (answer.offset() == ListedOffset.UNKNOWN_OFFSET) {
                notFound.add(entry.getKey());
            } else {
                found.put(entry.getKey(), answer.offset());
            }
        }
        return new ListedOffsets(found, notFound, retry, errors, firstError);
    }

    /** The RESPONSE event's fields: error and offsets, then errors and notFound when there are any. */
    Map<String, Object> salient() {
        Map<String, Object> salient = fields("error", firstError, "offsets", ClientEvents.offsets(found));
        if (!errors.isEmpty()) {
            salient.put("errors", errors);
        }
        if (!notFound.isEmpty()) {
            salient.put("notFound", ClientEvents.partitions(notFound));
        }
        return salient;
    }
}
