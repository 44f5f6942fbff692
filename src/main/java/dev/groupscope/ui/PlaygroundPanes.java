package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The playground's two panels, the cluster (brokers, partitions) and the group (state, summary, consumers), built
 * in code rather than from FXML: they are what the window's first frame shows, before the FXML of the menus, tabs
 * and transport has been loaded (see {@link GroupScopeWindow#showContentFirst}). Ids and style classes are the ones
 * the panels always had, so the stylesheet and lookups such as {@code #partitions} see the same nodes.
 */
final class PlaygroundPanes {

    final javafx.scene.layout.StackPane root;
    /** The two panels side by side (dimmed as "provisional" while t is not computed yet). */
    final HBox stagePanes;
    final FlowPane brokers = new FlowPane();
    final VBox partitions = new VBox();
    /** {@code __consumer_offsets} beside the panel's title: a strip of its partitions, the group's lit. */
    final OffsetsTopicPane offsetsTopic;
    final Label groupTitle = new Label();
    /**
     * With several groups in the scenario, the title is followed by a choice of the group shown; made only then
     * ({@link #groupChoice()}): a combo box's skin brings a list view and a popup, which one group never needs.
     */
    private ComboBox<String> groupChoice;
    private final HBox groupHeader;
    private static final String PANEL_SCROLL = "panel-scroll";
    /**
     * The cluster's and the group's panel: a title, then all the rest in one area that scrolls (once {@link
     * #scrollable} has been called) where the panel is too short for it.
     */
    private final VBox cluster;
    private final VBox group;
    /** Over the panels while t is a moment not computed yet: what is drawn is an earlier one, and says so. */
    final Label computingNotice = new MeasuredLabel();
    final FlowPane groupStates = new FlowPane();
    final Label groupSummary = new MeasuredLabel();
    final VBox consumers = new VBox();
    /** The states, the summary and the cards: what scrolls in the group panel. */
    final VBox groupBody;
    /**
     * The height the group panel shows its scrolling content in (the scroll pane's viewport, or before it the
     * {@link Unscrolled} inside its frame); 0 until laid out. The window sets it, not the content: the panel's
     * height comes from the window's, so the cards' arrangement chosen from it cannot feed back into it.
     */
    private final javafx.beans.property.ReadOnlyDoubleWrapper groupRoom =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "groupRoom");

    PlaygroundPanes(Messages messages) {
        Label clusterTitle = new Label(messages.text("ui.main.cluster"));
        clusterTitle.getStyleClass().add("panel-title");
        identify(brokers, "brokers", "brokers");
        identify(partitions, "partitions", "partitions");
        // __consumer_offsets on the title's line, where the panel had room to spare: a projector keeps every row.
        offsetsTopic = new OffsetsTopicPane(messages);
        clusterTitle.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(offsetsTopic, Priority.ALWAYS);
        HBox clusterHeader = new HBox(clusterTitle, offsetsTopic);
        identify(clusterHeader, "clusterHeader", "cluster-header");
        // Under the title, the brokers and the partitions scroll as one, as the group's states and cards do.
        VBox clusterBody = new VBox(brokers, partitions);
        identify(clusterBody, "clusterBody", "cluster-body");
        cluster = panel("cluster-panel", clusterHeader, unscrolled(clusterBody));
        HBox.setHgrow(cluster, Priority.ALWAYS);

        identify(groupTitle, "groupTitle", "panel-title");
        identify(groupStates, "group-state", "group-states");
        identify(groupSummary, "groupSummary", "group-summary");
        groupSummary.setWrapText(true);
        // A wrapped sentence keeps all its lines even when the panel is short of height.
        groupSummary.setMinHeight(Region.USE_PREF_SIZE);
        identify(consumers, "consumers", "members");
        groupHeader = new HBox(groupTitle);
        identify(groupHeader, "groupHeader", "group-header");
        // Under the title, the state machine, the summary and the cards scroll as one: where the panels are short
        // (presenter mode at the largest text, in Chinese each state with its Chinese name) the states and the
        // summary took the whole panel and left the cards' own scroll pane no height inside it, and the panels'
        // least heights pushed the explanation out of the window.
        groupBody = new VBox(groupStates, groupSummary, consumers);
        identify(groupBody, "groupBody", "group-body");
        Unscrolled groupArea = unscrolled(groupBody);
        groupArea.heightProperty().addListener((observable, before, now) -> {
            if (groupBody.getParent() == groupArea) {
                groupRoom.set(Math.max(0, now.doubleValue() - groupArea.snappedTopInset()
                        - groupArea.snappedBottomInset()));
            }
        });
        group = panel("group-panel", groupHeader, groupArea);
        HBox.setHgrow(group, Priority.SOMETIMES);

        stagePanes = new SharingPanes(cluster, group);
        identify(stagePanes, "stagePanes", "stage-panes");
        identify(computingNotice, "computingNotice", "computing-notice");
        computingNotice.setWrapText(true);
        computingNotice.setVisible(false);
        computingNotice.setMouseTransparent(true);
        javafx.scene.layout.StackPane.setAlignment(computingNotice, javafx.geometry.Pos.TOP_CENTER);
        root = new javafx.scene.layout.StackPane(stagePanes, computingNotice);
    }

    /**
     * The two panels side by side, each at least its least width (presenter mode's are set so the three brokers
     * keep one row and a card its chips on one line) while the window has room for both. When it has not (presenter
     * mode and the largest text on a 1280-pixel screen: 49.5em of 34 px), they share the width in proportion to
     * their least widths instead of making the playground wider than the window, which cut off the group panel,
     * the last what-if buttons and the explanation's line ends. Their content then wraps or scrolls inside them.
     */
    static final class SharingPanes extends HBox {

        SharingPanes(Region... panels) {
            super(panels);
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + snappedRightInset();
        }

        @Override
        protected void layoutChildren() {
            List<javafx.scene.Node> panels = getManagedChildren();
            double spacing = snapSpaceX(getSpacing()) * Math.max(0, panels.size() - 1);
            double inner = getWidth() - snappedLeftInset() - snappedRightInset() - spacing;
            double least = panels.stream().mapToDouble(panel -> panel.minWidth(-1)).sum();
            if (inner >= least || least <= 0) {
                super.layoutChildren();
                return;
            }
            double x = snappedLeftInset();
            double top = snappedTopInset();
            double height = getHeight() - top - snappedBottomInset();
            double end = getWidth() - snappedRightInset();
            for (int i = 0; i < panels.size(); i++) {
                javafx.scene.Node panel = panels.get(i);
                // Whole pixels, the last panel what is left: rounding each up made the pair a pixel too wide.
                double width = i == panels.size() - 1 ? end - x : Math.floor(inner * panel.minWidth(-1) / least);
                panel.resizeRelocate(snapPositionX(x), top, width, height);
                x += width + snapSpaceX(getSpacing());
            }
        }
    }

    /** See {@link #groupRoom}. */
    javafx.beans.property.ReadOnlyDoubleProperty groupRoomProperty() {
        return groupRoom.getReadOnlyProperty();
    }

    /** The choice of the group shown after the group panel's title, made the first time it is asked for. */
    ComboBox<String> groupChoice() {
        if (groupChoice == null) {
            groupChoice = new ComboBox<>();
            groupChoice.setId("group-choice");
            groupChoice.getStyleClass().add("group-choice");
            groupHeader.getChildren().add(groupChoice);
        }
        return groupChoice;
    }

    /** Whether the title is followed by a choice of group (a scenario with several groups). */
    boolean choosesGroup() {
        return groupChoice != null;
    }

    private static void identify(Region node, String id, String styleClass) {
        node.setId(id);
        node.getStyleClass().add(styleClass);
    }

    private static VBox panel(String kind, Region... children) {
        VBox panel = new VBox(children);
        panel.getStyleClass().addAll("panel", kind);
        return panel;
    }

    private static Unscrolled unscrolled(Region content) {
        Unscrolled area = new Unscrolled(content, PANEL_SCROLL);
        VBox.setVgrow(area, Priority.ALWAYS);
        return area;
    }

    /**
     * Puts a scroll pane around the partitions and around the consumers, where the first frame had them unscrolled
     * (at the top, cut at the panel's edge); the same nodes move into them. Called when the rest of the window is
     * attached; does nothing the second time.
     */
    void scrollable() {
        for (VBox panel : List.of(cluster, group)) {
            for (int i = 0; i < panel.getChildren().size(); i++) {
                if (panel.getChildren().get(i) instanceof Unscrolled area) {
                    panel.getChildren().set(i, scroll(area.release()));
                }
            }
        }
    }

    private ScrollPane scroll(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(PANEL_SCROLL);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        if (content == groupBody) {
            // Cards wrap to the panel's width: never a horizontal scroll bar.
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            scroll.viewportBoundsProperty().addListener((observable, before, now) -> groupRoom.set(now.getHeight()));
        }
        scroll.skinProperty().addListener((observable, before, skin) -> uncacheViewport(scroll));
        return scroll;
    }

    /**
     * The scroll pane's skin caches its viewport as a bitmap (fast for scrolling a still picture). The panels
     * change at every frame of the model, so the software renderer redrew the whole viewport into that bitmap
     * each time and then drew the bitmap, instead of just the rows that changed: about half its time per pulse.
     */
    static void uncacheViewport(ScrollPane scroll) {
        javafx.scene.Node viewport = scroll.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
