package dev.groupscope.ui;

import dev.groupscope.diagram.LayoutText;
import dev.groupscope.diagram.TopologyLayout;
import dev.groupscope.diagram.WindowLine;
import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.sim.ledger.Ledger;
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
                    "epoch", p.leaderEpoch(), "replicas", p.replicas().toString(), "end", p.logEndOffset())));
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
                if (group.groupId().equals(frame.group().groupId())) {
                    assignee(frame, name).ifPresent(lines::add); // nobody reads it, yet someone has it
                }
                lines.addAll(repeats(group.repeats()));
                if (group.outOfOrder() > 0) {
                    lines.add(messages.format("ui.tip.partition.outOfOrder", Map.of("partition", name,
                            "count", group.outOfOrder(), "keys", group.keyOutOfOrder(),
                            "noKeys", group.keyOutOfOrder() == 0)));
                }
                if (group.lost() > 0) {
                    lines.add(messages.format("ui.tip.partition.lost", Map.of("count", group.lost(),
                            "committed", group.committed())));
                }
            }
            frame.partitions().stream().filter(row -> row.name().equals(name) && row.window() != null)
                    .findFirst().ifPresent(row -> lines.addAll(WindowLine.explained(row.window(), row.committed(), row.owner(), name,
                            LayoutText.of(messages))));
            return String.join("\n", lines);
        }).orElse(name);
    }

    /** Whom the coordinator gave a partition the shown group does not read, as its row says it. */
    private java.util.Optional<String> assignee(PlaygroundFrame frame, String name) {
        return frame.partitions().stream().filter(row -> row.name().equals(name) && row.assignee() != null)
                .findFirst().map(row -> messages.format(TopologyLayout.assignedKey(row.assignee()),
                        Map.of("consumer", row.assignee().clientId())));
    }

    public String consumer(PlaygroundFrame frame, String clientId) {
        return frame.details().consumer(clientId).map(c -> {
            ConsumerSettings s = c.settings();
            String none = messages.text("ui.tip.none");
            List<String> lines = new ArrayList<>();
            lines.add(messages.format("ui.tip.consumer", Map.of("consumer", clientId, "group", c.groupId(),
                    "memberId", c.memberId().isEmpty() ? none : c.memberId(),
                    "instanceId", c.instanceId().orElse(none))));
            frame.consumer(clientId).filter(PlaygroundFrame.ConsumerRow::removed)
                    .ifPresent(row -> lines.add(removed(row, c.groupId())));
            lines.add(messages.format("ui.tip.consumer.settings", Map.of(
                    // As Kafka's settings are written: 10000, not 10,000.
                    "session", Integer.toString(s.sessionTimeoutMs()),
                    "heartbeat", Integer.toString(s.heartbeatIntervalMs()),
                    "maxPoll", Integer.toString(s.maxPollIntervalMs()), "assignors", String.join(", ", s.partitionAssignmentStrategy()),
                    "autoCommit", s.enableAutoCommit(), "policy", c.commitPolicy().kind().fileName())));
            lines.add(messages.format("ui.tip.consumer.timers", Map.of("heartbeat", at(c.nextHeartbeatAt()),
                    "pollDeadline", at(c.pollDeadlineAt()), "autoCommit", at(c.nextAutoCommitAt()))));
            if (c.joinSentAt() >= 0) {
                // A lost JoinGroup answer keeps a consumer "joining" for this long: where a class asks why.
                lines.add(messages.format("ui.tip.consumer.joinWait", Map.of("sentAt", at(c.joinSentAt()),
                        "timeoutMs", c.joinTimeoutMs(), "givesUpAt", at(c.joinSentAt() + c.joinTimeoutMs()))));
            }
            frame.consumer(clientId).map(PlaygroundFrame.ConsumerRow::pool).ifPresent(pool -> lines.add(
                    messages.format("ui.tip.consumer.pool", Map.of("count", pool.config().count(),
                            "ordering", pool.config().ordering().fileName(), "size", pool.config().windowSize(),
                            "onRevoke", pool.config().onRevoke().fileName()))));
            lines.add(messages.format("ui.tip.consumer.ledger", Map.of("processed", c.processed().processed(),
                    "again", c.processed().duplicates(), "breaks", c.processed().orderBreaks(),
                    "keyBreaks", c.processed().keyOrderBreaks())));
            return String.join("\n", lines);
        }).orElse(clientId);
    }

    /** Why its card says "removed from group": the coordinator dropped it, and it works on regardless. */
    private String removed(PlaygroundFrame.ConsumerRow row, String group) {
        return row.assigned().isEmpty()
                ? messages.format("ui.tip.consumer.removed.none", Map.of("consumer", row.clientId(), "group", group))
                : messages.format("ui.tip.consumer.removed", Map.of("consumer", row.clientId(), "group", group,
                        "partitions", String.join(", ", row.assigned()), "generation", row.generation()));
    }

    /** "↻ offsets 120–140 (21 records) processed 2 times: by C1 (40.0–40.1 s), then C3 (47.5 s)", newest first. */
    private List<String> repeats(List<Ledger.Repeat> repeats) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < repeats.size(); i++) {
            if (i == PartitionDetails.REPEATS_SHOWN) {
                lines.add(messages.text("ui.tip.partition.repeat.more"));
                break;
            }
            Ledger.Repeat repeat = repeats.get(i);
            String range = repeat.count() == 1
                    ? messages.format("ui.tip.partition.repeat.offset", Map.of("first", repeat.first()))
                    : messages.format("ui.tip.partition.repeat.offsets", Map.of("first", repeat.first(),
                            "last", repeat.last(), "count", repeat.count()));
            String by = null;
            long previousTo = -1;
            for (Ledger.Run run : repeat.by()) {
                String one = messages.format(runKey(run), Map.of("consumer", run.consumer(),
                        "from", seconds(run.fromMs()), "to", seconds(run.toMs())));
                // A zombie: the next member started on these records before the previous one stopped.
                boolean meanwhile = run.fromMs() >= 0 && run.fromMs() < previousTo;
                by = by == null ? one : messages.format(meanwhile ? "ui.tip.partition.repeat.meanwhile"
                        : "ui.tip.partition.repeat.then", Map.of("before", by, "next", one));
                previousTo = run.toMs();
            }
            lines.add(messages.format("ui.tip.partition.repeat", Map.of("range", range, "times", repeat.times(),
                    "by", by == null ? "" : by)));
        }
        return lines;
    }

    /** Which of a run's times are known (see {@link Ledger.Repeat}): both, the start, the end or neither. */
    private static String runKey(Ledger.Run run) {
        boolean from = run.fromMs() >= 0;
        boolean to = run.toMs() >= 0;
        if (from && to) {
            return seconds(run.fromMs()).equals(seconds(run.toMs())) ? "ui.tip.partition.repeat.runAt"
                    : "ui.tip.partition.repeat.run";
        }
        return from ? "ui.tip.partition.repeat.runFrom" : to ? "ui.tip.partition.repeat.runUntil"
                : "ui.tip.partition.repeat.runBy";
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private String at(long time) {
        return time < 0 ? messages.text("ui.tip.none")
                : messages.format("ui.tip.at", Map.of("seconds", String.format(Locale.ROOT, "%.1f", time / 1000.0)));
    }
}
