package dev.groupscope.cli;

import dev.groupscope.kafka.assignor.GroupMember;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One assignment to run: a strategy, the topics with metadata (name to partition count, in input order) and the
 * group's members (in input order, which is the JoinGroup order the leader sees).
 */
record AssignCase(String strategy, Map<String, Integer> topics, List<GroupMember> members) {

    /** Keeps the input order: {@code Map.copyOf} iterates in an order that changes from run to run. */
    AssignCase {
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        members = List.copyOf(members);
    }
}
