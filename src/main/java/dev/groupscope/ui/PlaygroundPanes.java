package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
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

    final HBox root;
    final FlowPane brokers = new FlowPane();
    final VBox partitions = new VBox();
    final Label groupTitle = new Label();
    final FlowPane groupStates = new FlowPane();
    final Label groupSummary = new Label();
    final VBox consumers = new VBox();

    PlaygroundPanes(Messages messages) {
        Label clusterTitle = new Label(messages.text("ui.main.cluster"));
        clusterTitle.getStyleClass().add("panel-title");
        identify(brokers, "brokers", "brokers");
        identify(partitions, "partitions", "partitions");
        VBox cluster = panel("cluster-panel", clusterTitle, brokers, scroll(partitions));
        HBox.setHgrow(cluster, Priority.ALWAYS);

        identify(groupTitle, "groupTitle", "panel-title");
        identify(groupStates, "group-state", "group-states");
        identify(groupSummary, "groupSummary", "group-summary");
        groupSummary.setWrapText(true);
        // A wrapped sentence keeps all its lines even when the panel is short of height.
        groupSummary.setMinHeight(Region.USE_PREF_SIZE);
        identify(consumers, "consumers", "members");
        ScrollPane members = scroll(consumers);
        // Cards wrap to the panel's width: never a horizontal scroll bar.
        members.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox group = panel("group-panel", groupTitle, groupStates, groupSummary, members);
        HBox.setHgrow(group, Priority.SOMETIMES);

        root = new HBox(cluster, group);
        root.getStyleClass().add("stage-panes");
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

    private static ScrollPane scroll(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("panel-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }
}
