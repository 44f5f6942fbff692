package dev.groupscope.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/** The context menus the window shows right now, as a test finds their items (a shown menu is a window of its own). */
final class ShownMenus {

    private ShownMenus() {
    }

    /** The item with {@code id} of any context menu shown now, or null. */
    static MenuItem item(String id) {
        for (Window shown : Window.getWindows()) {
            if (shown instanceof ContextMenu menu) {
                for (MenuItem item : menu.getItems()) {
                    if (id.equals(item.getId())) {
                        return item;
                    }
                }
            }
        }
        return null;
    }
}
