package dev.groupscope.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import java.util.Collection;

/**
 * One case's result as JSON: the strategy, every member in input order with its partitions sorted by topic then
 * partition ({@code []} for none), the partitions withheld for cooperative revocation when there are any, and the
 * steps when asked for.
 */
final class AssignmentJson {

    private AssignmentJson() {
    }

    static JsonObject of(AssignCase assignCase, GroupAssignment result, boolean withSteps) {
        JsonObject json = new JsonObject();
        json.addProperty("strategy", assignCase.strategy());
        JsonObject assignment = new JsonObject();
        for (GroupMember member : assignCase.members()) {
            assignment.add(member.memberId(), partitions(result.sortedPartitionsOf(member.memberId())));
        }
        json.add("assignment", assignment);
        if (!result.withheld().isEmpty()) {
            json.add("withheld", partitions(result.withheld().stream().sorted().toList()));
        }
        if (withSteps) {
            JsonArray steps = new JsonArray();
            result.steps().stream().map(StepJson::of).forEach(steps::add);
            json.add("steps", steps);
        }
        return json;
    }

    private static JsonArray partitions(Collection<TopicPartition> partitions) {
        JsonArray array = new JsonArray();
        partitions.forEach(partition -> array.add(partition.toString()));
        return array;
    }
}
