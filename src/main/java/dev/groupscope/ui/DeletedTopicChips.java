package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * Marks the chips of partitions the cluster no longer has. A consumer keeps a deleted topic's partitions until its
 * assignment changes (in the pattern-new-topic lesson, until the group rebalances), while the cluster stops drawing
 * that topic at once; unmarked, its chip looked like a partition the class could not find.
 */
final class DeletedTopicChips {

    static final String STYLE = "deleted-partition";

    private DeletedTopicChips() {
    }

    /** Marks (or unmarks) each of {@code chips}, a consumer's partition chips, by whether {@code frame} has it. */
    static void mark(Iterable<Node> chips, String consumer, PlaygroundFrame frame, Messages messages) {
        Set<String> existing = frame.partitions().stream().map(PlaygroundFrame.PartitionRow::name)
                .collect(Collectors.toSet());
        for (Node node : chips) {
            Label chip = (Label) node;
            if (existing.contains(chip.getText())) {
                unmark(chip);
            } else {
                mark(chip, messages.format("ui.main.chip.deletedTopic", Map.of("consumer", consumer,
                        "partition", chip.getText(), "topic", topicOf(chip.getText()))));
            }
        }
    }

    private static void mark(Label chip, String why) {
        if (!chip.getStyleClass().contains(STYLE)) {
            chip.getStyleClass().add(STYLE);
        }
        if (chip.getTooltip() == null) {
            chip.setTooltip(new Tooltip(why));
        } else if (!chip.getTooltip().getText().equals(why)) {
            chip.getTooltip().setText(why);
        }
        chip.setAccessibleText(why);
    }

    private static void unmark(Label chip) {
        if (chip.getStyleClass().remove(STYLE)) {
            chip.setTooltip(null);
            chip.setAccessibleText(null);
        }
    }

    /** "logs-app-0" is partition 0 of "logs-app": a topic's name may hold dashes, the partition number none. */
    private static String topicOf(String partition) {
        return partition.substring(0, partition.lastIndexOf('-'));
    }
}
