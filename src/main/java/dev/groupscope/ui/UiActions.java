package dev.groupscope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The single registry of the window's actions: menus take their accelerators from it, buttons their tooltips' keys,
 * the help overlay its list, and one key filter on the scene dispatches every key that no menu item carries. A key
 * without a modifier (Space, arrows, ".") is left to a text field that has the focus, so typing a group id never
 * plays or blanks the screen.
 */
public final class UiActions {

    private final Map<String, UiAction> actions = new LinkedHashMap<>();
    private final Set<String> onMenus = new HashSet<>();
    private final EventHandler<KeyEvent> dispatcher = this::dispatch;

    public UiActions add(UiAction action) {
        if (actions.putIfAbsent(action.id(), action) != null) {
            throw new IllegalArgumentException("duplicate action " + action.id());
        }
        for (UiAction other : actions.values()) {
            if (other != action && other.keys().stream().anyMatch(action.keys()::contains)) {
                throw new IllegalArgumentException(action.id() + " and " + other.id() + " share a key");
            }
        }
        return this;
    }

    public List<UiAction> all() {
        return Collections.unmodifiableList(new ArrayList<>(actions.values()));
    }

    public Optional<UiAction> get(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    public UiAction require(String id) {
        return get(id).orElseThrow(() -> new IllegalArgumentException("no action " + id));
    }

    /** The primary key of {@code id}, for a tooltip; empty text when it has none. */
    public String keyText(String id) {
        return get(id).map(UiAction::keyText).orElse("");
    }

    /** Gives a menu item the action's handler and first key; the menu then owns that key (JavaFX dispatches it). */
    public void bind(MenuItem item, String id) {
        UiAction action = require(id);
        item.setOnAction(event -> action.handler().run());
        if (!action.keys().isEmpty()) {
            item.setAccelerator(action.keys().get(0));
            onMenus.add(id);
        }
    }

    /**
     * Dispatches every key no menu carries on {@code scene} (idempotent). A filter, not a handler: controls would
     * otherwise take the clicker's keys first (a focused tab pane turns → into "next tab").
     */
    public void install(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, dispatcher);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, dispatcher);
    }

    /** Forgets which actions menus carried: a new shell (language switch) binds its menus again. */
    public void menusRebuilt() {
        onMenus.clear();
    }

    private void dispatch(KeyEvent event) {
        if (event.isConsumed()) {
            return;
        }
        boolean typing = event.getTarget() instanceof TextInputControl
                || (event.getSource() instanceof Scene scene && scene.getFocusOwner() instanceof TextInputControl);
        for (UiAction action : actions.values()) {
            for (int i = 0; i < action.keys().size(); i++) {
                KeyCombination keys = action.keys().get(i);
                if (!keys.match(event) || (i == 0 && onMenus.contains(action.id()))) {
                    continue;
                }
                if (typing && !hasModifier(event)) {
                    return;
                }
                action.handler().run();
                event.consume();
                return;
            }
        }
    }

    private static boolean hasModifier(KeyEvent event) {
        return event.isShortcutDown() || event.isControlDown() || event.isAltDown() || event.isMetaDown()
                || event.getCode().isFunctionKey();
    }
}
