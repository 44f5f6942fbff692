package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.config.ConsumerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of the tooltip on each entity, read from the frame's {@link FrameDetails}: a partition's leader,
 * replicas, log end and, per group, its owner, committed offset and position; a consumer's member id, instance id,
 * key settings and timers. Words only: no JavaFX, so view-model tests can read it.
 */
public final class EntityTooltips {

    private final Messages messages;

    public EntityTooltips(Messages messages) {
        this.messages = messages;
    }

    public String partition(PlaygroundFrame frame, String name) {
        return frame.details().partition(name).map(p -> {
            List<String> lines = new ArrayList<>();
            lines.add(messages.format("ui.tip.partition", Map.of("partition", name, "leader", p.leader(),
                    "replicas", p.replicas().toString(), "end", p.logEndOffset())));
            if (p.groups().isEmpty()) {
                lines.add(messages.text("ui.tip.partition.noGroup"));
            }
            // The group the window shows first, then the others reading the same log.
            List<FrameDetails.GroupOnPartition> groups = new ArrayList<>(p.groups());
            groups.sort(java.util.Comparator.comparing(g -> !g.groupId().equals(frame.group().groupId())));
            for (FrameDetails.GroupOnPartition group : groups) {
                String none = messages.text("ui.tip.none");
                lines.add(messages.format("ui.tip.partition.group", Map.of("group", group.groupId(),
                        "owner", group.owner() == null ? none : group.owner(),
                        "committed", group.committed() == null ? messages.text("ui.tip.noCommit") : group.committed(),
                        "position", group.position() == null ? none : group.position())));
            }
            return String.join("\n", lines);
        }).orElse(name);
    }

    public String consumer(PlaygroundFrame frame, String clientId) {
        return frame.details().consumer(clientId).map(c -> {
            ConsumerSettings s = c.settings();
            String none = messages.text("ui.tip.none");
            List<String> lines = new ArrayList<>();
            lines.add(messages.format("ui.tip.consumer", Map.of("consumer", clientId, "group", c.groupId(),
                    "memberId", c.memberId().isEmpty() ? none : c.memberId(),
                    "instanceId", c.instanceId().orElse(none))));
            lines.add(messages.format("ui.tip.consumer.settings", Map.of(
                    // As Kafka's settings are written: 10000, not 10,000.
                    "session", Integer.toString(s.sessionTimeoutMs()),
                    "heartbeat", Integer.toString(s.heartbeatIntervalMs()),
                    "maxPoll", Integer.toString(s.maxPollIntervalMs()), "assignors", String.join(", ", s.partitionAssignmentStrategy()),
                    "autoCommit", s.enableAutoCommit(), "policy", c.commitPolicy().kind().fileName())));
            lines.add(messages.format("ui.tip.consumer.timers", Map.of("heartbeat", at(c.nextHeartbeatAt()),
                    "pollDeadline", at(c.pollDeadlineAt()), "autoCommit", at(c.nextAutoCommitAt()))));
            return String.join("\n", lines);
        }).orElse(clientId);
    }

    private String at(long time) {
        return time < 0 ? messages.text("ui.tip.none")
                : messages.format("ui.tip.at", Map.of("seconds", String.format(Locale.ROOT, "%.1f", time / 1000.0)));
    }
}
