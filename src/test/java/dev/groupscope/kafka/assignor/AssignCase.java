package dev.groupscope.kafka.assignor;

import java.util.List;
import java.util.Map;

/** One assignor input: the topics that have metadata and the members in JoinGroup order. */
public record AssignCase(Map<String, Integer> partitionsPerTopic, List<GroupMember> members) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("topics=").append(partitionsPerTopic);
        for (GroupMember member : members) {
            text.append("\n  ").append(member.memberId())
                    .append(member.groupInstanceId().map(id -> " (static " + id + ")").orElse(""))
                    .append(" topics=").append(member.topics())
                    .append(" owned=").append(member.ownedPartitions())
                    .append(" gen=").append(member.generation());
        }
        return text.toString();
    }
}
