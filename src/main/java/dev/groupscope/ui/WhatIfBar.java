package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The what-if row's second half: create a topic, undo the last what-if (Ctrl+Z: back to the run it forked from, at
 * the moment it forked), and the list of branches — the scenario as written and every fork, each named by its
 * command and time — to go back to any of them.
 */
public final class WhatIfBar {

    static final KeyCombination UNDO_KEY = KeyCombination.keyCombination("Shortcut+Z");

    private final PlaygroundViewModel viewModel;
    private final Messages messages;
    private final Button undo;
    private final MenuButton branches = new MenuButton();
    private final ChangeListener<List<BranchInfo>> branchListener = (observable, before, now) -> show(now);

    private WhatIfBar(PlaygroundViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.undo = new Button(messages.text("ui.whatIf.undo"));
    }

    public static WhatIfBar install(HBox row, PlaygroundViewModel viewModel, Messages messages, EntityMenus menus) {
        WhatIfBar bar = new WhatIfBar(viewModel, messages);
        Button createTopic = new Button(messages.text("ui.menu.createTopic"));
        createTopic.setId("createTopic");
        createTopic.getStyleClass().add("command");
        createTopic.setFocusTraversable(false);
        createTopic.setMinWidth(Region.USE_PREF_SIZE);
        createTopic.setOnAction(event -> {
            if (viewModel.getFrame() != null) {
                menus.openCreateTopic(viewModel.getFrame());
            }
        });
        bar.undo.setId("undo");
        bar.undo.getStyleClass().add("command");
        bar.undo.setFocusTraversable(false);
        bar.undo.setMinWidth(Region.USE_PREF_SIZE);
        bar.undo.setTooltip(new Tooltip(messages.format("ui.whatIf.undo.tooltip",
                Map.of("key", UNDO_KEY.getDisplayText()))));
        bar.undo.setOnAction(event -> viewModel.undo());
        bar.branches.setId("branches");
        bar.branches.setFocusTraversable(false);
        bar.branches.setMinWidth(Region.USE_PREF_SIZE);
        bar.branches.setTooltip(new Tooltip(messages.text("ui.whatIf.branch.tooltip")));
        Separator separator = new Separator(Orientation.VERTICAL);
        // The row's own buttons keep their whole labels; the row is laid out so that all of them fit at 1280 px.
        row.getChildren().forEach(node -> {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        row.getChildren().addAll(createTopic, separator, bar.undo, bar.branches);
        viewModel.branchesProperty().addListener(new WeakChangeListener<>(bar.branchListener));
        row.sceneProperty().addListener((observable, before, scene) -> bar.installKeys(scene));
        row.getProperties().put(WhatIfBar.class, bar);
        bar.show(viewModel.branchesProperty().get());
        return bar;
    }

    private void installKeys(Scene scene) {
        if (scene != null) {
            scene.getAccelerators().put(UNDO_KEY, viewModel::undo);
        }
    }

    private void show(List<BranchInfo> list) {
        branches.setText(messages.format("ui.whatIf.branches", Map.of("count", list.size())));
        ToggleGroup group = new ToggleGroup();
        List<MenuItem> items = list.stream().map(branch -> {
            RadioMenuItem item = new RadioMenuItem(describe(branch));
            item.setId("branch-" + branch.id());
            item.setToggleGroup(group);
            item.setSelected(branch.current());
            item.setOnAction(event -> viewModel.showBranch(branch.id()));
            return (MenuItem) item;
        }).toList();
        branches.getItems().setAll(items);
        undo.setDisable(list.stream().filter(BranchInfo::current).allMatch(branch -> branch.parent() < 0));
    }

    /** "#2 · 20.0 s · Crash C2" (from #0), or "#0 · the scenario as written". */
    String describe(BranchInfo branch) {
        if (branch.command().isEmpty()) {
            return messages.text("ui.whatIf.branch.scenario");
        }
        ModelCommand command = branch.command().get();
        return messages.format("ui.whatIf.branch.fork", Map.of("id", branch.id(), "parent", branch.parent(),
                "seconds", String.format(Locale.ROOT, "%.1f", branch.forkTimeMs() / 1000.0),
                "command", messages.format(command.messageKey(), command.args())));
    }
}
