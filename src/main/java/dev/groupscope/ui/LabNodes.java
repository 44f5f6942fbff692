package dev.groupscope.ui;

import dev.groupscope.lab.Departure;
import dev.groupscope.lab.LabRound;
import dev.groupscope.lab.MemberRow;
import dev.groupscope.lab.PartitionChip;
import dev.groupscope.lab.IdleReason;
import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Builds the lab's nodes from a {@link LabRound}: member rows, partition chips and narrated steps, each with a
 * stable id ({@code consumer-C0}, {@code partition-t0-3}, {@code step-0}) so tests and exports can find them.
 * Colours and sizes live in the stylesheet; this class only picks style classes.
 */
final class LabNodes {

    private final Messages messages;

    LabNodes(Messages messages) {
        this.messages = messages;
    }

    Node memberRow(LabRound round, MemberRow member, ObservableBooleanValue canLeave, Consumer<String> leave) {
        HBox row = new HBox(name(round, member), content(round, member),
                leaveButton(member.memberId(), canLeave, leave));
        row.setId("consumer-" + member.memberId());
        row.getStyleClass().add("member-row");
        if (member.idle().isPresent()) {
            row.getStyleClass().add("idle");
        }
        return row;
    }

    /**
     * The member whose leaving started this round, apart from the members: what it revoked before its LeaveGroup
     * (id {@code departure}, its sentence {@code departure-text}).
     */
    Node departureRow(Departure departure) {
        Label name = new Label(departure.memberId());
        name.getStyleClass().add("member-name");
        VBox box = new VBox(name, leftBadge());
        box.getStyleClass().add("member-name-box");
        Label why = new Label(WholeNames.in(departureSentence(departure)));
        why.setId("departure-text");
        why.getStyleClass().add("departure-reason");
        why.setWrapText(true);
        HBox.setHgrow(why, Priority.ALWAYS);
        HBox row = new HBox(box, why);
        row.setId("departure");
        row.getStyleClass().add("departure-row");
        return row;
    }

    /** "left", as the departed member's badge says it. */
    Label leftBadge() {
        Label left = new Label(messages.text("ui.lab.left"));
        left.getStyleClass().add("left-badge");
        left.setMinWidth(Label.USE_PREF_SIZE);
        return left;
    }

    private String departureSentence(Departure departure) {
        if (departure.revoked().isEmpty()) {
            return messages.format("ui.lab.departure.nothing", Map.of("member", departure.memberId()));
        }
        return messages.format("ui.lab.departure", Map.of("member", departure.memberId(),
                "count", departure.revoked().size(), "partitions", departure.revoked()));
    }

    /**
     * The member's name, with "new" beside it if it just joined, in a column as wide in every row: else the badge
     * (or a longer id, "C10" under "C9") pushed that row's chips about 20 px right of the others' at 1.5x text, and
     * the chips no longer read down one column.
     */
    private Node name(LabRound round, MemberRow member) {
        Node shown = nameAndBadge(member.memberId(), showsJoined(round, member));
        StackPane column = new StackPane(widestName(round), shown);
        column.setAlignment(Pos.CENTER_LEFT);
        // Not squeezed to the style's 3.6em where an idle member's long reason asks for more than the row has.
        column.setMinWidth(StackPane.USE_PREF_SIZE);
        return column;
    }

    /**
     * The round's widest name column, its longest id with a badge if any row shows one: invisible, yet laid out, so
     * every row's column takes its width, in whatever language and text size.
     */
    private Node widestName(LabRound round) {
        String longest = round.members().stream().map(MemberRow::memberId)
                .max(Comparator.comparingInt(String::length)).orElse("");
        boolean anyBadge = round.members().stream().anyMatch(member -> showsJoined(round, member));
        Node widest = nameAndBadge(longest, anyBadge);
        widest.setVisible(false);
        return widest;
    }

    private HBox nameAndBadge(String memberId, boolean joined) {
        Label name = new Label(memberId);
        name.getStyleClass().add("member-name");
        name.setMinWidth(Label.USE_PREF_SIZE);
        // The badge beside the name, not under it: under it, it made its row half as tall again as the others, and
        // the newest member's row is the one a scroll hid at 1.5x text.
        HBox box = new HBox(name);
        box.getStyleClass().add("member-name-box");
        if (joined) {
            Label badge = new Label(messages.text("ui.lab.joined"));
            badge.getStyleClass().add("joined-badge");
            badge.setMinWidth(Label.USE_PREF_SIZE);
            box.getChildren().add(badge);
        }
        return box;
    }

    /** Whether {@code member} wears "new": in a fresh group all have just joined, so the badge would say nothing. */
    private static boolean showsJoined(LabRound round, MemberRow member) {
        return member.joinedThisRound() && !round.members().stream().allMatch(MemberRow::joinedThisRound);
    }

    private Node content(LabRound round, MemberRow member) {
        Node content = member.idle().map(reason -> idleNote(round, member.memberId(), reason))
                .orElseGet(() -> chips(member));
        HBox.setHgrow(content, Priority.ALWAYS);
        return content;
    }

    private Node chips(MemberRow member) {
        FlowPane chips = new FlowPane();
        chips.getStyleClass().add("chips");
        member.partitions().forEach(chip -> chips.getChildren().add(assignedChip(chip, member)));
        return chips;
    }

    private Node idleNote(LabRound round, String memberId, IdleReason reason) {
        Label badge = new Label(messages.text("ui.lab.idle"));
        badge.getStyleClass().add("idle-badge");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        Label why = new Label(WholeNames.in(messages.format(reason.messageKey(), idleArgs(round, memberId))));
        why.getStyleClass().add("idle-reason");
        why.setWrapText(true);
        HBox note = new HBox(badge, why);
        note.setId("idle-" + memberId);
        note.getStyleClass().add("idle-note");
        return note;
    }

    private static Map<String, Object> idleArgs(LabRound round, String memberId) {
        return Map.of("member", memberId, "strategy", round.strategy(),
                "partitions", round.partitionCount(), "consumers", round.members().size());
    }

    private Node leaveButton(String memberId, ObservableBooleanValue canLeave, Consumer<String> leave) {
        Button button = new Button(messages.text("ui.lab.leave"));
        button.setId("leave-" + memberId);
        button.getStyleClass().add("leave-button");
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(messages.format("ui.lab.leave.tooltip", Map.of("member", memberId))));
        button.disableProperty().bind(Bindings.not(canLeave));
        button.setOnAction(event -> leave.accept(memberId));
        button.setFocusTraversable(false);
        return button;
    }

    /** One of {@code owner}'s partitions: marked "← C1" if it moved here, "↺" if {@code owner} revoked it first. */
    Node assignedChip(PartitionChip chip, MemberRow owner) {
        Label chipNode = chip(chip);
        chip.from().ifPresent(from -> {
            chipNode.getStyleClass().add("moved");
            chipNode.setText(chip.partition() + "  ← " + from);
            chipNode.setTooltip(new Tooltip(messages.format("ui.lab.chip.movedFrom", args(chip, from))));
        });
        if (owner.revokedAndGivenBack().contains(chip.partition())) {
            chipNode.getStyleClass().add("given-back");
            chipNode.setText(chip.partition() + " ↺");
            chipNode.setTooltip(new Tooltip(messages.format("ui.lab.chip.givenBack", args(chip, owner.memberId()))));
        }
        return chipNode;
    }

    /** The rebalance protocol's name as the bundles spell it (Kafka's EAGER / COOPERATIVE). */
    String protocolName(LabRound round) {
        return messages.text("ui.lab.protocol." + round.protocol().name());
    }

    Node withheldChip(PartitionChip chip) {
        Label chipNode = chip(chip);
        chipNode.getStyleClass().add("withheld");
        chip.from().ifPresent(holder -> {
            chipNode.setText(chip.partition() + "  (" + holder + ")");
            chipNode.setTooltip(new Tooltip(messages.format("ui.lab.chip.withheldFrom", args(chip, holder))));
        });
        return chipNode;
    }

    private static Label chip(PartitionChip chip) {
        Label node = new Label(chip.partition().toString());
        node.setId("partition-" + chip.partition());
        node.getStyleClass().addAll("chip", topicSlotClass(chip.topicSlot()));
        node.setMinWidth(Label.USE_PREF_SIZE);
        return node;
    }

    private static Map<String, Object> args(PartitionChip chip, String member) {
        return Map.of("partition", chip.partition().toString(), "member", member);
    }

    static String topicSlotClass(int slot) {
        return "topic-slot-" + Math.floorMod(slot, TopicsSpec.MAX_TOPICS);
    }

    Node stepRow(int index, AssignmentStep step, Map<String, Integer> topics) {
        Label kind = kindBadge(step);
        TextFlow sentence = sentence(step, topics);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        HBox row = new HBox(stepNumber(index), kind, sentence);
        row.setId("step-" + index);
        row.getStyleClass().add("step-row");
        return row;
    }

    /**
     * As {@link #stepRow}, the kind's badge above the sentence rather than beside it: for the lab's trace, beside
     * the group's rows, where a badge column 10 em wide left the sentences a third of the width at large text.
     */
    Node stackedStepRow(int index, AssignmentStep step, Map<String, Integer> topics) {
        Label kind = kindBadge(step);
        kind.setMaxWidth(Label.USE_PREF_SIZE);
        VBox body = new VBox(kind, sentence(step, topics));
        body.getStyleClass().add("step-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox row = new HBox(stepNumber(index), body);
        row.setId("step-" + index);
        row.getStyleClass().addAll("step-row", "stacked");
        return row;
    }

    private static Label stepNumber(int index) {
        Label number = new Label(Integer.toString(index + 1));
        number.getStyleClass().add("step-number");
        return number;
    }

    private Label kindBadge(AssignmentStep step) {
        Label kind = new Label(StepNarration.kindName(step.kind(), messages));
        kind.getStyleClass().addAll("step-kind", "step-kind-" + step.kind().name().toLowerCase(Locale.ROOT));
        kind.setMinWidth(Label.USE_PREF_SIZE);
        return kind;
    }

    private TextFlow sentence(AssignmentStep step, Map<String, Integer> topics) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("step-sentence");
        for (StepNarration.Run run : StepNarration.runs(step, messages)) {
            flow.getChildren().add(runNode(run, step.partition(), topics));
        }
        flow.setAccessibleText(StepNarration.sentence(step, messages));
        return flow;
    }

    private static Node runNode(StepNarration.Run run, TopicPartition partition, Map<String, Integer> topics) {
        if (run.role() == StepNarration.Role.PARTITION && partition != null) {
            Label chip = new Label(run.text());
            int slot = List.copyOf(topics.keySet()).indexOf(partition.topic());
            chip.getStyleClass().addAll("chip", "inline-chip", topicSlotClass(Math.max(0, slot)));
            return chip;
        }
        // The sentence wraps: "group.instance.id" is kept whole wherever a line breaks (the flow's accessible text
        // keeps the plain sentence).
        Text text = new Text(WholeNames.in(run.text()));
        text.getStyleClass().add(run.role() == StepNarration.Role.MEMBER ? "step-member" : "step-text");
        return text;
    }
}
