package dev.groupscope.cli;

import dev.groupscope.kafka.assignor.GroupMember;
import java.util.List;
import java.util.Map;

/** One assignment to run: a strategy, the topics with metadata (name to partition count) and the group's members. */
record AssignCase(String strategy, Map<String, Integer> topics, List<GroupMember> members) {

    AssignCase {
        topics = Map.copyOf(topics);
        members = List.copyOf(members);
    }
}
