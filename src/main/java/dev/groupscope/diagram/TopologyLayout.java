package dev.groupscope.diagram;

import dev.groupscope.i18n.Messages;
import dev.groupscope.diagram.Shape.Anchor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link Topology} out as a {@link Drawing}: brokers with the partitions they lead and the coordinator
 * marked; {@code __consumer_offsets} as a row of cells with each group's offsets partition lit; each topic's
 * partitions as log strips (the newest offsets, the group's uncommitted lag shaded, a bar at the committed offset,
 * an arrow at the owner's position in its colour, and when the owner feeds a worker pool, the partition's window in
 * it below); and on the right each group with its consumers (a pooled one with its workers), every owned partition
 * joined to its owner by an arrow. Ids name what they show ({@code broker-2}, {@code partition-orders-3},
 * {@code consumer-C1}, {@code assign-orders-app-orders-3}), so they are stable from one moment to the next.
 */
public final class TopologyLayout {

    public static final double WIDTH = 1200;
    static final double MARGIN = 24;
    static final long MIN_WINDOW = 40;
    private static final double STRIP_X = 200;
    private static final double STRIP_WIDTH = 330;
    private static final double NUMBERS_X = STRIP_X + STRIP_WIDTH + 14;
    private static final double ARROW_FROM_X = 786;
    private static final double GROUP_X = 820;
    private static final double GROUP_WIDTH = WIDTH - MARGIN - GROUP_X;
    private static final double GROUP_ROW = 30;
    private static final double MEMBER_HEIGHT = 58;
    private static final double WINDOW_FACTS_ROOM = ARROW_FROM_X - STRIP_X - WindowLine.factsOffset() - 8;

    private final Topology topology;
    private final Messages messages;
    private final Drawing.Builder out = new Drawing.Builder();
    private final Map<String, double[]> memberAnchors = new HashMap<>();

    private TopologyLayout(Topology topology, Messages messages) {
        this.topology = topology;
        this.messages = messages;
    }

    public static Drawing layout(Topology topology, Messages messages) {
        return new TopologyLayout(topology, messages).draw();
    }

    private Drawing draw() {
        out.box("canvas", 0, 0, 0, 0, 0, "", "canvas"); // sized below, once the height is known
        String title = text("diagram.topology.title", "time", TextFit.number(topology.time()));
        out.label("title", MARGIN, 36, title, Anchor.START, "title");
        double y = brokers(56);
        y = offsetsTopic(y + 18);
        double top = y + 16;
        double right = groups(top);
        double left = topics(top);
        double bottom = Math.max(left, right) + 12;
        List<String> legend = TextFit.wrap(text("diagram.topology.legend"), 12, WIDTH - 2 * MARGIN);
        for (int i = 0; i < legend.size(); i++) {
            out.label(i == 0 ? "legend" : "legend-" + i, MARGIN, bottom + 14 + 17 * i, legend.get(i), Anchor.START,
                    "caption");
        }
        // Only a picture with a worker pool explains windows: the others stay as they were. Wrapped with slack, as
        // its "=" and "W" run wider in the PNG's font than the estimate, and a full line would touch the edge.
        List<String> poolLegend = pooled() ? TextFit.wrap(text("diagram.topology.legend.pool"), 12,
                WIDTH - 2 * MARGIN - 60) : List.of();
        for (int i = 0; i < poolLegend.size(); i++) {
            out.label(i == 0 ? "legend-pool" : "legend-pool-" + i, MARGIN, bottom + 14 + 17 * (legend.size() + i),
                    poolLegend.get(i), Anchor.START, "caption");
        }
        double height = bottom + 14 + 17 * (legend.size() + poolLegend.size()) + 10;
        Drawing drawn = out.build("topology", title, WIDTH, height);
        List<Shape> shapes = new ArrayList<>(drawn.shapes());
        shapes.set(0, new Shape.Box("canvas", List.of("canvas"), 0, 0, WIDTH, height, 0, ""));
        return new Drawing("topology", title, WIDTH, height, shapes);
    }

    private boolean pooled() {
        return topology.groups().stream().flatMap(g -> g.members().stream()).anyMatch(m -> m.pool() != null);
    }

    private double brokers(double y) {
        List<Topology.Broker> brokers = topology.brokers();
        double gap = 16;
        double width = Math.min(280, (WIDTH - 2 * MARGIN - gap * (brokers.size() - 1)) / Math.max(1, brokers.size()));
        double height = 70;
        for (int i = 0; i < brokers.size(); i++) {
            Topology.Broker broker = brokers.get(i);
            double x = MARGIN + i * (width + gap);
            List<String> coordinates = topology.groups().stream().filter(g -> g.coordinator() == broker.id())
                    .map(Topology.Group::groupId).toList();
            List<String> styles = new ArrayList<>(List.of("broker"));
            if (!broker.up()) {
                styles.add("down");
            }
            if (!coordinates.isEmpty()) {
                styles.add("coordinator");
            }
            String id = "broker-" + broker.id();
            // A broker may lead only __consumer_offsets partitions (drawn below): "leads 0:" said nothing.
            String tip = broker.leads().isEmpty() ? text("diagram.broker.leads.none")
                    : text("diagram.broker.leads", "count", broker.leads().size(),
                            "partitions", String.join(", ", broker.leads()));
            out.box(id, x, y, width, height, 6, tip, styles.toArray(String[]::new));
            out.label(id + "-name", x + 12, y + 22, TextFit.fit(text("diagram.broker.name", "id", broker.id(),
                    "status", text(broker.up() ? "ui.main.broker.up" : "ui.main.broker.down")), 13, width - 24),
                    Anchor.START, "name");
            out.label(id + "-leads", x + 12, y + 41, TextFit.fit(tip, 12, width - 24), Anchor.START, "detail");
            if (!coordinates.isEmpty()) {
                out.label(id + "-coordinator", x + 12, y + 59, TextFit.fit(text("diagram.broker.coordinator",
                        "groups", String.join(", ", coordinates)), 12, width - 24), Anchor.START, "detail");
            }
        }
        return y + height;
    }

    private double offsetsTopic(double y) {
        Topology.OffsetsTopic offsets = topology.offsets();
        int count = offsets.partitions();
        out.label("offsets-title", MARGIN, y + 12, text("diagram.offsets.title", "count", count), Anchor.START, "name");
        if (count == 0) {
            out.label("offsets-none", MARGIN, y + 32, text("diagram.offsets.none"), Anchor.START, "caption");
            return y + 40;
        }
        double cell = Math.min(20, (WIDTH - 2 * MARGIN) / count);
        double cellsY = y + 22;
        Map<Integer, List<String>> groupsIn = new LinkedHashMap<>();
        offsets.places().forEach(p -> groupsIn.computeIfAbsent(p.partition(), k -> new ArrayList<>()).add(p.groupId()));
        for (int p = 0; p < count; p++) {
            List<String> styles = new ArrayList<>(List.of("offsets-cell"));
            if (offsets.records().get(p) > 0) {
                styles.add("has-records");
            }
            if (groupsIn.containsKey(p)) {
                styles.add("group-offsets");
            }
            out.box("offsets-" + p, MARGIN + p * cell, cellsY, cell - 2, cell - 2, 2,
                    text("diagram.offsets.cell", "partition", p, "broker", offsets.leaders().get(p),
                            "records", offsets.records().get(p)), styles.toArray(String[]::new));
        }
        for (Integer p : groupsIn.keySet()) {
            out.label("offsets-" + p + "-number", MARGIN + p * cell + (cell - 2) / 2, cellsY + cell + 12,
                    String.valueOf(p), Anchor.MIDDLE, "name");
        }
        double lineY = cellsY + cell + 30;
        for (Topology.GroupPlace place : offsets.places()) {
            Topology.Group group = topology.groups().stream().filter(g -> g.groupId().equals(place.groupId()))
                    .findFirst().orElseThrow();
            String line = group.coordinator() < 0
                    ? text("diagram.offsets.placeNoLeader", "group", place.groupId(), "partition", place.partition())
                    : text("diagram.offsets.place", "group", place.groupId(), "partition", place.partition(),
                            "broker", group.coordinator(), "records", offsets.records().get(place.partition()));
            out.label("offsets-place-" + place.groupId(), MARGIN, lineY, TextFit.fit(line, 12, WIDTH - 2 * MARGIN),
                    Anchor.START, "detail");
            lineY += 17;
        }
        return lineY - 10;
    }

    private double groups(double y) {
        for (Topology.Group group : topology.groups()) {
            String id = "group-" + group.groupId();
            double height = 84;
            out.box(id, GROUP_X, y, GROUP_WIDTH, height, 6, "", "group");
            double inner = GROUP_WIDTH - 24;
            out.label(id + "-name", GROUP_X + 12, y + 20,
                    TextFit.fit(text("diagram.group.name", "group", group.groupId()), 15, inner), Anchor.START, "heading");
            String state = text("ui.main.groupState." + group.state());
            out.label(id + "-state", GROUP_X + 12, y + 39, TextFit.fit(group.generation() > 0
                    ? text("diagram.group.state", "state", state, "generation", group.generation(),
                    "protocol", group.protocol()) : state, 12, inner), Anchor.START, "detail");
            String coordinator = group.coordinator() < 0 ? text("diagram.group.noCoordinator")
                    : text("diagram.group.coordinator", "broker", group.coordinator(),
                    "partition", group.offsetsPartition());
            String leader = group.leader().isEmpty() ? "" : text("diagram.group.leader", "leader", group.leader());
            out.label(id + "-leader", GROUP_X + 12, y + 56, TextFit.fit(leader, 12, inner), Anchor.START, "detail");
            out.label(id + "-coordinator", GROUP_X + 12, y + 73, TextFit.fit(coordinator, 12, inner), Anchor.START,
                    "detail");
            y += height + 8;
            for (Topology.Member member : group.members()) {
                y = member(group, member, y) + 8;
            }
            if (group.members().isEmpty()) {
                out.label(id + "-empty", GROUP_X + 12, y + 14, text("diagram.group.noMembers"), Anchor.START, "caption");
                y += 24;
            }
            y += 12;
        }
        return y;
    }

    /** A further line of a member's partitions, when they do not fit one. */
    private static final double OWNED_LINE = 15;

    private double member(Topology.Group group, Topology.Member member, double y) {
        String id = "consumer-" + member.clientId();
        List<String> styles = new ArrayList<>(List.of("consumer"));
        boolean idle = member.running() && member.assigned().isEmpty() && "STABLE".equals(member.state());
        if (idle) {
            styles.add("idle");
        }
        if (!member.running()) {
            styles.add("stopped");
        }
        double x = GROUP_X + 16;
        double width = GROUP_WIDTH - 16;
        double textX = x + 22;
        double inner = width - 32;
        WorkerChips workers = member.pool() == null ? null
                : new WorkerChips(member.pool(), topology.time(), this::text, inner);
        String owned = member.assigned().isEmpty() ? text(idle ? "diagram.member.idle" : "ui.main.consumer.nothing")
                : String.join(", ", member.assigned());
        // A member of many partitions lists them all, on as many lines as they take: cut short ("orders-3, order…"),
        // the card hid what the arrows into it say.
        List<String> ownedLines = TextFit.wrap(owned, 12, inner);
        double more = OWNED_LINE * (ownedLines.size() - 1);
        double height = MEMBER_HEIGHT + more + (workers == null ? 0 : workers.height() + 2);
        out.box(id, x, y, width, height, 5, text("diagram.member.tooltip", "consumer", member.clientId(),
                "group", group.groupId()), styles.toArray(String[]::new));
        String slot = DiagramStyles.memberSlot(member.slot());
        out.box(id + "-swatch", x, y, 12, height, 0, "", slot);
        String name = member.clientId() + (member.leader() ? "  " + text("ui.main.consumer.leader") : "");
        out.label(id + "-name", textX, y + 18, TextFit.fit(name, 13, inner), Anchor.START, "name");
        String state = text("ui.main.memberState." + member.state());
        if (member.generation() > 0 && member.running()) {
            state += " · " + text("ui.main.consumer.generation", "generation", member.generation());
        }
        out.label(id + "-state", textX, y + 35, TextFit.fit(state, 12, inner), Anchor.START, "detail");
        for (int i = 0; i < ownedLines.size(); i++) {
            out.label(i == 0 ? id + "-partitions" : id + "-partitions-" + i, textX, y + 51 + OWNED_LINE * i,
                    ownedLines.get(i), Anchor.START, "caption");
        }
        for (int i = 0; i < member.assigned().size(); i++) {
            // Each owned partition's arrow ends at its own height on the box, so the arrows do not merge.
            double share = (i + 1.0) / (member.assigned().size() + 1.0);
            memberAnchors.put(group.groupId() + "/" + member.clientId() + "/" + member.assigned().get(i),
                    new double[] {x, y + 6 + share * (MEMBER_HEIGHT + more - 12)});
        }
        if (workers != null) {
            workers.draw(out, id, textX, y + MEMBER_HEIGHT + more);
        }
        return y + height;
    }

    private double topics(double y) {
        long window = window();
        for (Topology.Topic topic : topology.topics()) {
            out.label("topic-" + topic.name(), MARGIN, y + 14, text("diagram.topic.title", "topic", topic.name(),
                    "count", topic.partitions().size()), Anchor.START, "heading");
            y += 26;
            for (Topology.Partition partition : topic.partitions()) {
                y = partition(partition, y, window) + 6;
            }
            y += 10;
        }
        return y;
    }

    /** How many of the newest offsets each strip shows: enough for every lag and position, at least 40. */
    private long window() {
        long window = MIN_WINDOW;
        for (Topology.Topic topic : topology.topics()) {
            for (Topology.Partition partition : topic.partitions()) {
                for (Topology.GroupOffsets offsets : partition.groups()) {
                    long leo = partition.logEndOffset();
                    long oldest = Math.min(offsets.committed() == null ? leo : offsets.committed(),
                            offsets.position() == null ? leo : offsets.position());
                    window = Math.max(window, leo - oldest + 5);
                }
            }
        }
        return window;
    }

    private double partition(Topology.Partition partition, double y, long window) {
        String id = "partition-" + partition.name();
        // Laid out first: a group whose owner has a worker pool takes a row more, for the window.
        List<WindowLine> windows = new ArrayList<>();
        double rows = 0;
        for (Topology.GroupOffsets offsets : partition.groups()) {
            WindowLine line = offsets.window() == null ? null : new WindowLine(offsets.window(), offsets.committed(),
                    offsets.owner(), partition.name(), this::text, WINDOW_FACTS_ROOM);
            windows.add(line);
            rows += GROUP_ROW + (line == null ? 0 : line.height());
        }
        double height = Math.max(40, Math.max(GROUP_ROW, rows) + 6);
        out.box(id, MARGIN - 6, y, ARROW_FROM_X - MARGIN + 2, height, 4,
                text("diagram.partition.tooltip", "partition", partition.name(), "leader", partition.leader(),
                        "end", TextFit.number(partition.logEndOffset())), "partition-row");
        out.label(id + "-name", MARGIN, y + 17, partition.name(), Anchor.START, "name");
        out.label(id + "-info", MARGIN, y + 34, TextFit.fit(text("diagram.partition.info", "leader",
                partition.leader(), "end", TextFit.number(partition.logEndOffset())), 12, STRIP_X - MARGIN - 8),
                Anchor.START, "detail");
        double rowY = y + 6;
        for (int gi = 0; gi < partition.groups().size(); gi++) {
            Topology.GroupOffsets offsets = partition.groups().get(gi);
            strip(partition, offsets, rowY, window);
            rowY += GROUP_ROW;
            WindowLine line = windows.get(gi);
            if (line != null) {
                line.draw(out, id + "-" + offsets.groupId() + "-window", offsets.ownerSlot(), STRIP_X, rowY);
                rowY += line.height();
            }
        }
        return y + height;
    }

    private void strip(Topology.Partition partition, Topology.GroupOffsets offsets, double y, long window) {
        String id = "partition-" + partition.name() + "-" + offsets.groupId();
        long leo = partition.logEndOffset();
        long first = leo - window;
        double height = 12;
        double trackStart = x(Math.max(0, first), first, window);
        out.box(id + "-log", STRIP_X, y, STRIP_WIDTH, height, 0, "", "log-empty");
        out.box(id + "-track", trackStart, y, STRIP_X + STRIP_WIDTH - trackStart, height, 0, "", "log-track");
        long committed = offsets.committed() == null ? 0 : offsets.committed();
        double committedX = x(committed, first, window);
        if (leo > committed) {
            out.box(id + "-lag", committedX, y, STRIP_X + STRIP_WIDTH - committedX, height, 0, "", "log-lag");
        }
        if (offsets.committed() != null) {
            out.box(id + "-committed", committedX - 2, y - 3, 4, height + 6, 0, "", "log-committed");
        }
        if (offsets.position() != null) {
            double px = x(offsets.position(), first, window);
            out.arrow(id + "-position", px, y + height + 10, px, y + height + 1, "position",
                    DiagramStyles.memberSlot(offsets.ownerSlot()));
        }
        String committedText = offsets.committed() == null ? text("ui.main.partition.noCommit")
                : TextFit.number(offsets.committed());
        String numbers = text("diagram.partition.numbers", "group", offsets.groupId(), "committed", committedText,
                "lag", TextFit.number(offsets.lag(leo)));
        double room = ARROW_FROM_X - NUMBERS_X - 8;
        if (TextFit.width(numbers, 12) > room && partition.groups().size() == 1) {
            // One group reads this log, named in the group column: a long name is what goes first, not the lag
            // ("auto-pool-app: committed 354 · lag …").
            numbers = text("diagram.partition.numbers.oneGroup", "committed", committedText,
                    "lag", TextFit.number(offsets.lag(leo)));
        }
        out.label(id + "-numbers", NUMBERS_X, y + 10, TextFit.fit(numbers, 12, room), Anchor.START, "detail");
        String owner = offsets.owner() == null ? unowned(offsets.assignee())
                : offsets.position() == null ? offsets.owner()
                : text("ui.main.partition.position", "owner", offsets.owner(),
                "position", TextFit.number(offsets.position()));
        out.label(id + "-owner", NUMBERS_X, y + 24, TextFit.fit(owner, 12, room), Anchor.START, "caption");
        double[] target = offsets.owner() == null ? null : memberAnchors.get(offsets.groupId() + "/" + offsets.owner() + "/" + partition.name());
        if (target != null) {
            out.arrow("assign-" + offsets.groupId() + "-" + partition.name(), ARROW_FROM_X, y + height / 2,
                    target[0] - 2, target[1], "assignment", DiagramStyles.memberSlot(offsets.ownerSlot()));
        }
    }

    /**
     * "no owner", or who the coordinator gave the partition to if it did ({@link Topology.Assignee}): no arrow then
     * says nobody reads it, and the line has no room for both.
     */
    private String unowned(Topology.Assignee assignee) {
        return assignee == null ? text("ui.main.partition.unowned")
                : text(assignedKey(assignee), "consumer", assignee.clientId());
    }

    /** The words for a partition the coordinator gave to a consumer that does not read it (the UI's too). */
    public static String assignedKey(Topology.Assignee assignee) {
        return assignee.down() ? "ui.main.partition.assignedDown" : "ui.main.partition.assignedUnheard";
    }

    private static double x(long offset, long first, long window) {
        double fraction = (double) Math.max(0, Math.min(window, offset - first)) / window;
        return STRIP_X + fraction * STRIP_WIDTH;
    }

    private String text(String key, Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            args.put((String) namesAndValues[i], value instanceof Number n ? TextFit.number(n.longValue()) : value);
        }
        return messages.format(key, args);
    }
}
