package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.ui.PlaygroundFrame.OffsetsTopicRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The cluster panel's {@code __consumer_offsets} row: the topic as a caption, the shown group's partition as a
 * numbered chip with what its log holds now ("12 records · 3 keys"), and a strip of one small cell per partition
 * (50 by default) in which that partition is lit, partitions holding records are darker and other groups'
 * partitions are outlined. One line when the panel is wide enough for a usable strip, else the strip goes under the
 * words. Every number is the frame's ({@link OffsetsTopicRow}), read from the model.
 */
final class OffsetsTopicPane extends Region {

    private final Messages messages;
    final Label caption = new Label("__consumer_offsets");
    /** The shown group's partition number, in the coordinator's colours like its lit cell. */
    final Label chip = new Label();
    /** What the shown group's partition holds now; or, before the topic exists, that it does not yet. */
    final Label count = new Label();
    final Strip strip = new Strip();
    private OffsetsTopicRow shown = OffsetsTopicRow.NONE;
    private String groupId = "";
    private int coordinator = -1;
    private Tooltip groupTip;

    OffsetsTopicPane(Messages messages) {
        this.messages = messages;
        setId("offsets-topic");
        getStyleClass().add("offsets-topic");
        caption.setId("offsets-caption");
        caption.getStyleClass().add("offsets-caption");
        chip.setId("offsets-group-partition");
        chip.getStyleClass().add("offsets-chip");
        count.setId("offsets-records");
        count.getStyleClass().add("offsets-records");
        strip.setId("offsets-strip");
        for (Label label : List.of(caption, chip, count)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(caption, chip, count, strip);
    }

    /** Tooltips are chrome: made once the rest of the window is there. */
    void installTooltips() {
        if (groupTip != null) {
            return;
        }
        groupTip = tooltip();
        groupTip.setOnShowing(event -> groupTip.setText(WholeNames.in(groupText())));
        Tooltip.install(chip, groupTip);
        Tooltip.install(count, groupTip);
        strip.installTooltip();
    }

    static Tooltip tooltip() {
        Tooltip tip = new Tooltip();
        tip.getStyleClass().add("entity-tooltip");
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        return tip;
    }

    void show(OffsetsTopicRow row, String groupId, int coordinator) {
        this.shown = row;
        this.groupId = groupId;
        this.coordinator = coordinator;
        boolean exists = row.partitions() > 0 && row.groupPartition() >= 0;
        chip.setVisible(exists);
        chip.setManaged(exists);
        strip.setVisible(row.partitions() > 0);
        strip.setManaged(row.partitions() > 0);
        if (exists) {
            chip.setText(String.valueOf(row.groupPartition()));
            count.setText(messages.format("ui.main.offsets.records", args("records", row.groupRecords(),
                    "keys", row.groupKeys())));
        } else {
            count.setText(messages.text("ui.main.offsets.none"));
        }
        strip.show(row);
        if (groupTip != null && groupTip.isShowing()) {
            groupTip.setText(WholeNames.in(groupText()));
        }
        setUserData(row);
    }

    /** The shown group's partition, in words (the chip's and the count's tooltip). */
    String groupText() {
        if (shown.partitions() == 0 || shown.groupPartition() < 0) {
            return messages.text("ui.main.offsets.none");
        }
        return messages.format(coordinator < 0 ? "ui.main.offsets.group.noLeader" : "ui.main.offsets.group",
                args("group", groupId, "partition", shown.groupPartition(), "count", shown.partitions(),
                        "broker", coordinator, "records", shown.groupRecords(), "keys", shown.groupKeys(),
                        "end", shown.groupLogEnd()));
    }

    /** Cell {@code p} in words (the strip's tooltip over that cell). */
    String cellText(int p) {
        if (p < 0 || p >= shown.partitions()) {
            return "";
        }
        int leader = shown.leaders().get(p);
        List<String> groups = shown.groups().getOrDefault(p, List.of());
        return messages.format(leader < 0 ? "ui.main.offsets.cell.noLeader" : "ui.main.offsets.cell",
                args("partition", p, "broker", leader, "records", shown.records().get(p),
                        "groups", String.join(", ", groups)));
    }

    private static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
    }

    // ------------------------------------------------------------------ layout: one line, or the strip below

    private double gap() {
        return Math.max(4, Math.round(caption.getFont().getSize() * 0.5));
    }

    private List<Region> words() {
        List<Region> words = new ArrayList<>();
        for (Region node : List.of(caption, chip, count)) {
            if (node.isManaged()) {
                words.add(node);
            }
        }
        return words;
    }

    private double wordsWidth() {
        double width = 0;
        for (Region word : words()) {
            width += word.prefWidth(-1) + gap();
        }
        return width;
    }

    private double wordsHeight() {
        double height = 0;
        for (Region word : words()) {
            height = Math.max(height, word.prefHeight(-1));
        }
        return height;
    }

    /** Whether the strip fits beside the words, at {@code width}. */
    private boolean oneLine(double width) {
        return !strip.isManaged() || width - wordsWidth() >= strip.minWidth(-1);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        // At the largest text the count goes under the caption (see layoutChildren): the widest of the two lines.
        return snappedLeftInset() + snappedRightInset() + Math.max(Math.max(headWidth() - gap(), countWidth()),
                strip.isManaged() ? strip.minWidth(-1) : 0);
    }

    /** Whether all the words fit on one line at {@code width}; if not, the count goes on a line of its own. */
    private boolean wordsOneLine(double width) {
        return wordsWidth() - gap() <= width;
    }

    /** The caption and the chip, with a gap after each. */
    private double headWidth() {
        double width = 0;
        for (Region word : words()) {
            if (word != count) {
                width += word.prefWidth(-1) + gap();
            }
        }
        return width;
    }

    private double countWidth() {
        return count.isManaged() ? count.prefWidth(-1) : 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + wordsWidth()
                + (strip.isManaged() ? strip.prefWidth(-1) : -gap());
    }

    /** Never squeezed by the panel: its words and cells are all there is of the topic. */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? computePrefWidth(-1) : width) - snappedLeftInset() - snappedRightInset();
        double strips = strip.isManaged() ? strip.prefHeight(-1) : 0;
        double lines = oneLine(inner) ? Math.max(wordsHeight(), strips)
                : wordsOneLine(inner) ? wordsHeight() + gap() / 2 + strips
                : 2 * wordsHeight() + gap() + strips;
        return snappedTopInset() + snappedBottomInset() + lines;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double inner = getWidth() - left - snappedRightInset();
        boolean one = oneLine(inner);
        double line = one ? Math.max(wordsHeight(), strip.isManaged() ? strip.prefHeight(-1) : 0) : wordsHeight();
        boolean wordsOne = wordsOneLine(inner);
        double x = left;
        for (Region word : words()) {
            double w = word.prefWidth(-1);
            double h = word.prefHeight(-1);
            if (word == count && !wordsOne) {
                // Too narrow for all the words (the largest text): the count starts a line of its own.
                x = left;
                top += line + gap() / 2;
            }
            word.resizeRelocate(x, top + (line - h) / 2, w, h);
            x += w + gap();
        }
        if (strip.isManaged()) {
            double h = strip.prefHeight(-1);
            if (one) {
                strip.resizeRelocate(x, top + (line - h) / 2, Math.max(strip.minWidth(-1), left + inner - x), h);
            } else {
                strip.resizeRelocate(left, top + line + gap() / 2, inner, h);
            }
        }
    }

    /** One cell per partition, as wide as the strip allows (at most square), the shown group's partition lit. */
    final class Strip extends Region {

        /**
         * Cells never get narrower than this (50 partitions: a strip of at least 125 px). So narrow, the cells read as
         * a comb, one tooth per partition, and the group's (full height, the coordinator's colour) as its one mark; on a
         * projector that keeps the strip beside the words, on the title's line, where it costs the panel no height.
         */
        static final double MIN_CELL = 2.5;
        private final List<Rectangle> cells = new ArrayList<>();
        private Tooltip tip;
        private int pointed = -1;

        Strip() {
            getStyleClass().add("offsets-strip");
            addEventHandler(MouseEvent.MOUSE_MOVED, event -> point(event.getX()));
        }

        void installTooltip() {
            tip = tooltip();
            tip.setOnShowing(event -> tip.setText(WholeNames.in(cellText(pointed))));
            Tooltip.install(this, tip);
        }

        private void point(double x) {
            int index = cells.isEmpty() ? -1 : (int) Math.floor((x - left()) / cellWidth());
            pointed = index >= 0 && index < cells.size() ? index : -1;
            if (tip != null) {
                tip.setText(WholeNames.in(cellText(pointed)));
            }
        }

        /** The partition whose cell is at {@code x} in the strip, or -1 (for tests). */
        int partitionAt(double x) {
            point(x);
            return pointed;
        }

        void show(OffsetsTopicRow row) {
            boolean resized = cells.size() != row.partitions();
            while (cells.size() < row.partitions()) {
                Rectangle cell = new Rectangle();
                cell.setManaged(false);
                cell.getStyleClass().add("offsets-cell");
                cell.setId("offsets-cell-" + cells.size());
                cells.add(cell);
                getChildren().add(cell);
            }
            while (cells.size() > row.partitions()) {
                getChildren().remove(cells.remove(cells.size() - 1));
            }
            for (int p = 0; p < cells.size(); p++) {
                Rectangle cell = cells.get(p);
                boolean lit = p == row.groupPartition();
                boolean other = !lit && row.groups().containsKey(p);
                mark(cell, "has-records", row.records().get(p) > 0);
                mark(cell, "group-offsets", lit);
                mark(cell, "other-group-offsets", other);
                mark(cell, "no-leader", row.leaders().get(p) < 0);
            }
            if (resized) {
                // The cells are unmanaged (placed here, not by a layout pass), so adding them asks for no layout:
                // the strip's size, which depends on how many there are, must be measured again.
                requestLayout();
                OffsetsTopicPane.this.requestLayout();
            } else if (getWidth() > 0 && getHeight() > 0) {
                layoutChildren();
            } else {
                requestLayout();
            }
            if (tip != null && tip.isShowing()) {
                tip.setText(WholeNames.in(cellText(pointed)));
            }
        }

        /** Adds or removes one style class, touching the list only on a change (each change re-applies CSS). */
        private static void mark(Rectangle cell, String style, boolean on) {
            boolean has = cell.getStyleClass().contains(style);
            if (on && !has) {
                cell.getStyleClass().add(style);
            } else if (!on && has) {
                cell.getStyleClass().remove(style);
            }
        }

        /**
         * Where the first cell starts: the cells keep to the strip's right end, so a count that gains a digit
         * ("9 records", "10 records") moves none of them while the strip is wider than its cells need.
         */
        private double left() {
            return Math.max(0, getWidth() - cells.size() * cellWidth());
        }

        private double cellWidth() {
            return cells.isEmpty() ? 1 : Math.min(getHeight(), getWidth() / cells.size());
        }

        @Override
        protected double computeMinWidth(double height) {
            return Math.max(1, cells.size()) * MIN_CELL;
        }

        @Override
        protected double computePrefWidth(double height) {
            return Math.max(1, cells.size()) * MIN_CELL * 2;
        }

        @Override
        protected double computePrefHeight(double width) {
            // Sized in the stylesheet (em, so it follows the text zoom); this only when it says nothing.
            return 14;
        }

        @Override
        protected void layoutChildren() {
            double height = getHeight();
            double width = cellWidth();
            double gap = Math.max(1, Math.floor(width * 0.2));
            double small = height * 0.6;
            for (int p = 0; p < cells.size(); p++) {
                Rectangle cell = cells.get(p);
                boolean lit = cell.getStyleClass().contains("group-offsets");
                // The group's partition is the full height of the strip, the others a smaller square: it stands out
                // by its shape too, not by colour alone.
                double h = lit ? height : small;
                cell.setX(left() + p * width);
                cell.setY((height - h) / 2);
                cell.setWidth(Math.max(1, width - gap));
                cell.setHeight(h);
            }
        }
    }
}
