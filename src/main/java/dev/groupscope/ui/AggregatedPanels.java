package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.ui.PlaygroundFrame.ConsumerRow;
import dev.groupscope.ui.PlaygroundFrame.PartitionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;

/**
 * The cluster and the group of a large run drawn aggregated: more than {@link #MAX_PARTITION_ROWS} partitions or
 * {@link #MAX_CONSUMER_CARDS} consumers would be thousands of nodes re-laid out every frame, so the window
 * switches to two {@link CellGrid}s, each under a caption that says it is aggregated and how to read it. Every
 * number still comes from the frame; tooltips give one partition's or consumer's details.
 */
final class AggregatedPanels {

    static final int MAX_PARTITION_ROWS = 48;
    static final int MAX_CONSUMER_CARDS = 24;
    /** Partitions listed in a consumer's tooltip before "…". */
    static final int TOOLTIP_PARTITIONS = 16;

    private final Messages messages;
    private final Map<String, String[]> partitionNames = new java.util.HashMap<>();
    private final Map<String, Map.Entry<Map<String, Object>, String>> captions = new java.util.HashMap<>();
    final Label partitionCaption = new MeasuredLabel();
    final CellGrid partitionGrid = new CellGrid("partition-grid");
    final Label consumerCaption = new MeasuredLabel();
    final CellGrid consumerGrid = new CellGrid("consumer-grid");

    AggregatedPanels(Messages messages) {
        this.messages = messages;
        partitionCaption.setId("partitions-aggregated");
        partitionCaption.getStyleClass().add("aggregated-caption");
        partitionCaption.setWrapText(true);
        partitionGrid.setId("partition-grid");
        consumerCaption.setId("consumers-aggregated");
        consumerCaption.getStyleClass().add("aggregated-caption");
        consumerCaption.setWrapText(true);
        consumerGrid.setId("consumer-grid");
    }

    /** Whether {@code frame} is too large to draw one node per partition and consumer. */
    static boolean needed(PlaygroundFrame frame) {
        return frame.partitions().size() > MAX_PARTITION_ROWS || frame.consumers().size() > MAX_CONSUMER_CARDS;
    }

    void show(PlaygroundFrame frame, long nowNanos) {
        List<PartitionRow> partitions = frame.partitions();
        long maxLag = 1;
        for (PartitionRow row : partitions) {
            maxLag = Math.max(maxLag, row.lag().orElse(0));
        }
        List<CellGrid.Cell> cells = new ArrayList<>(partitions.size());
        for (PartitionRow row : partitions) {
            cells.add(new CellGrid.Cell(name(row), row.owner() == null ? -1 : row.ownerSlot(),
                    (double) row.lag().orElse(0) / maxLag, false));
        }
        partitionCaption.setText(caption("ui.main.aggregated.partitions",
                Map.of("count", partitions.size(), "maxLag", maxLag)));
        partitionGrid.show(cells, index -> partitionTip(partitions.get(index)), nowNanos);

        List<ConsumerRow> consumers = frame.consumers();
        List<CellGrid.Cell> members = new ArrayList<>(consumers.size());
        for (ConsumerRow consumer : consumers) {
            members.add(new CellGrid.Cell(consumer.clientId(), consumer.slot(), 0, down(consumer)));
        }
        consumerCaption.setText(caption("ui.main.aggregated.consumers", Map.of("count", consumers.size(),
                "down", consumers.stream().filter(AggregatedPanels::down).count())));
        consumerGrid.show(members, index -> consumerTip(consumers.get(index)), nowNanos);
    }

    /** Another group is shown next: its owners are not this group's, and nothing moved ({@link CellGrid#forget}). */
    void forget() {
        partitionGrid.forget();
        consumerGrid.forget();
    }

    /** A partition's name, made once: a frame of 1,000 partitions arrives at every pulse. */
    private String name(PartitionRow row) {
        String[] names = partitionNames.computeIfAbsent(row.topic(), topic -> new String[0]);
        if (row.partition() >= names.length) {
            names = java.util.Arrays.copyOf(names, row.partition() + 1);
            partitionNames.put(row.topic(), names);
        }
        if (names[row.partition()] == null) {
            names[row.partition()] = row.name();
        }
        return names[row.partition()];
    }

    /** The caption {@code key} with {@code args}, formatted again only when they changed. */
    private String caption(String key, Map<String, Object> args) {
        Map.Entry<Map<String, Object>, String> last = captions.get(key);
        if (last != null && last.getKey().equals(args)) {
            return last.getValue();
        }
        String text = messages.format(key, args);
        captions.put(key, Map.entry(args, text));
        return text;
    }

    static boolean down(ConsumerRow consumer) {
        return consumer.state().equals("CRASHED") || consumer.state().equals("FAILED")
                || consumer.state().equals("STOPPED");
    }

    String partitionTip(PartitionRow row) {
        return messages.format("ui.main.aggregated.partitionTip", Map.of(
                "partition", row.name(), "leader", row.leader(),
                "owner", row.owner() == null ? messages.text("ui.main.partition.unowned") : row.owner(),
                "end", row.logEndOffset(),
                "committed", row.committed() == null ? messages.text("ui.main.partition.noCommit") : row.committed(),
                "lag", row.lag().isPresent() ? (Object) row.lag().getAsLong() : "–"));
    }

    String consumerTip(ConsumerRow consumer) {
        List<String> owned = down(consumer) ? List.of() : consumer.assigned();
        String listed = String.join(", ", owned.subList(0, Math.min(TOOLTIP_PARTITIONS, owned.size())))
                + (owned.size() > TOOLTIP_PARTITIONS ? ", …" : "");
        return messages.format("ui.main.aggregated.consumerTip", Map.of(
                "consumer", consumer.clientId() + (consumer.leader() ? " " + messages.text("ui.main.consumer.leader")
                        : ""),
                "state", messages.text("ui.main.memberState." + consumer.displayState()),
                "generation", Math.max(0, consumer.generation()),
                "count", owned.size(),
                "partitions", owned.isEmpty() ? messages.text("ui.main.consumer.nothing") : listed));
    }

}
