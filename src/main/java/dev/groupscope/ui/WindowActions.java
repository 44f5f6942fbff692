package dev.groupscope.ui;

import static dev.groupscope.ui.UiAction.Section.CLASSROOM;
import static dev.groupscope.ui.UiAction.Section.LAB;
import static dev.groupscope.ui.UiAction.Section.PLAYBACK;
import static dev.groupscope.ui.UiAction.Section.VIEW;
import static dev.groupscope.ui.UiAction.Section.WHAT_IF;
import static dev.groupscope.ui.UiAction.Section.WINDOW;

import dev.groupscope.ui.PlaygroundViewModel.WhatIf;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every action of the main window, in one place: playback and the what-if buttons of the playground, the lab's
 * commands, the classroom keys (presenter mode, blanking, panels, help, the card about the lesson) and the view's
 * (text size, theme, full screen). Clicker keys: Page Down / → next, Page Up / ← previous, Space play, "." blank,
 * F5 presenter mode.
 */
final class WindowActions {

    static final double SPEED_STEP = 1.0 / 3;

    private WindowActions() {
    }

    static UiActions create(GroupScopeWindow window) {
        PlaygroundViewModel playground = window.playground();
        // The lab is made when first used (its tab or one of its keys), not for the window's first frame.
        UiActions actions = new UiActions();
        actions.add(action("play", "ui.action.play", PLAYBACK, playground::togglePlay, PlaygroundView.PLAY_KEY))
                .add(action("next", "ui.action.next", PLAYBACK, playground::stepNext, PlaygroundView.NEXT_KEY,
                        key(KeyCode.RIGHT)))
                .add(action("previous", "ui.action.previous", PLAYBACK, playground::stepPrevious,
                        PlaygroundView.PREVIOUS_KEY, key(KeyCode.LEFT)))
                .add(action("trace.next", "ui.action.trace.next", PLAYBACK, playground::nextTraceStep,
                        PlaygroundView.TRACE_NEXT_KEY))
                .add(action("trace.previous", "ui.action.trace.previous", PLAYBACK, playground::previousTraceStep,
                        PlaygroundView.TRACE_PREVIOUS_KEY))
                .add(action("faster", "ui.action.faster", PLAYBACK, () -> changeSpeed(playground, SPEED_STEP),
                        key(KeyCode.UP)))
                .add(action("slower", "ui.action.slower", PLAYBACK, () -> changeSpeed(playground, -SPEED_STEP),
                        key(KeyCode.DOWN)))
                .add(action("whatIf.add", "ui.action.addConsumer", WHAT_IF,
                        () -> playground.act(WhatIf.ADD_CONSUMER, null), PlaygroundView.ADD_KEY))
                .add(action("whatIf.crash", "ui.action.crashConsumer", WHAT_IF,
                        () -> playground.act(WhatIf.CRASH_CONSUMER, null), PlaygroundView.CRASH_KEY))
                .add(action("whatIf.stopBroker", "ui.action.stopBroker", WHAT_IF,
                        () -> playground.act(WhatIf.STOP_COORDINATOR_BROKER, null), PlaygroundView.STOP_BROKER_KEY))
                .add(action("whatIf.undo", "ui.action.undo", WHAT_IF, playground::undo, WhatIfBar.UNDO_KEY))
                .add(action("group.next", "ui.action.group.next", VIEW, playground::showNextGroup,
                        PlaygroundView.NEXT_GROUP_KEY))
                .add(action("presenter", "ui.action.presenter", CLASSROOM, window::togglePresenter, key(KeyCode.F5)))
                .add(action("blank", "ui.action.blank", CLASSROOM, window::toggleBlank, key(KeyCode.PERIOD)))
                .add(action("panel.cluster", "ui.action.panel.cluster", CLASSROOM,
                        () -> window.togglePanel(GroupScopeWindow.CLUSTER_PANEL), key(KeyCode.C)))
                .add(action("panel.group", "ui.action.panel.group", CLASSROOM,
                        () -> window.togglePanel(GroupScopeWindow.GROUP_PANEL), key(KeyCode.G)))
                .add(action("panel.explanation", "ui.action.panel.explanation", CLASSROOM,
                        () -> window.togglePanel(GroupScopeWindow.EXPLANATION_PANEL), key(KeyCode.E)))
                .add(action("help", "ui.action.help", CLASSROOM, window::toggleHelp, key(KeyCode.F1)))
                .add(action("about", "ui.action.about", CLASSROOM, window::toggleAbout, key(KeyCode.F2)))
                .add(action("tab.playground", "ui.action.tab.playground", VIEW, () -> window.showTab(0),
                        shortcut(KeyCode.DIGIT1)))
                .add(action("tab.lab", "ui.action.tab.lab", VIEW, () -> window.showTab(1), shortcut(KeyCode.DIGIT2)))
                .add(action("tab.coordinator", "ui.action.tab.coordinator", VIEW, () -> window.showTab(2),
                        shortcut(KeyCode.DIGIT3)))
                .add(action("zoom.in", "ui.menu.view.larger", VIEW, window::zoomIn, shortcut(KeyCode.EQUALS),
                        shortcut(KeyCode.ADD), shortcut(KeyCode.PLUS)))
                .add(action("zoom.out", "ui.menu.view.smaller", VIEW, window::zoomOut, shortcut(KeyCode.MINUS),
                        shortcut(KeyCode.SUBTRACT)))
                .add(action("zoom.reset", "ui.menu.view.defaultSize", VIEW, window::resetZoom,
                        shortcut(KeyCode.DIGIT0)))
                .add(action("theme.next", "ui.action.theme.next", VIEW, window::nextTheme,
                        KeyCombination.keyCombination("Shortcut+Shift+T")))
                .add(action("fullScreen", "ui.menu.view.fullScreen", VIEW, window::toggleFullScreen,
                        key(KeyCode.F11)))
                .add(action("lab.add", "ui.action.lab.add", LAB, () -> window.lab().addConsumer(),
                        AssignorLabView.ADD_KEY))
                .add(action("lab.remove", "ui.action.lab.remove", LAB, () -> window.lab().removeConsumer(),
                        AssignorLabView.REMOVE_KEY))
                .add(action("lab.rebalance", "ui.action.lab.rebalance", LAB, () -> window.lab().rebalance(),
                        AssignorLabView.REBALANCE_KEY))
                .add(action("open", "ui.menu.file.open", WINDOW, window::chooseScenario, shortcut(KeyCode.O)))
                .add(action("save", "ui.menu.file.save", WINDOW, window::chooseSaveFile, shortcut(KeyCode.S)))
                .add(action("export.topologySvg", "ui.menu.file.exportTopologySvg", WINDOW,
                        () -> window.export(ExportActions.Kind.TOPOLOGY_SVG), shortcut(KeyCode.E)))
                .add(action("export.topologyPng", "ui.menu.file.exportTopologyPng", WINDOW,
                        () -> window.export(ExportActions.Kind.TOPOLOGY_PNG),
                        KeyCombination.keyCombination("Shortcut+Shift+E")))
                .add(action("export.sequenceSvg", "ui.menu.file.exportSequenceSvg", WINDOW,
                        () -> window.export(ExportActions.Kind.SEQUENCE_SVG),
                        KeyCombination.keyCombination("Shortcut+Alt+E")))
                .add(action("tab.protocol", "ui.action.tab.protocol", VIEW, () -> window.showTab(3),
                        shortcut(KeyCode.DIGIT4)))
                .add(action("tab.numbers", "ui.action.tab.numbers", VIEW, () -> window.showTab(4),
                        shortcut(KeyCode.DIGIT5)))
                .add(action("tab.compare", "ui.action.tab.compare", VIEW, () -> window.showTab(5),
                        shortcut(KeyCode.DIGIT6)))
                .add(action("quit", "ui.menu.file.quit", WINDOW, window::close, shortcut(KeyCode.Q)));
        return actions;
    }

    private static void changeSpeed(PlaygroundViewModel playground, double by) {
        double next = playground.speedExponentProperty().get() + by;
        playground.speedExponentProperty().set(Math.max(PlaygroundViewModel.MIN_SPEED_EXPONENT,
                Math.min(PlaygroundViewModel.MAX_SPEED_EXPONENT, next)));
    }

    private static UiAction action(String id, String labelKey, UiAction.Section section, Runnable handler,
                                   KeyCombination... keys) {
        return new UiAction(id, labelKey, List.of(keys), section, handler);
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
