package dev.groupscope.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.input.KeyCombination;

/**
 * One thing the window can do from the keyboard, a menu or a button: a stable id, the bundle key of its label, its
 * keys (the first is the one menus and tooltips show) and what it does.
 *
 * @param section the help overlay's heading it is listed under
 */
public record UiAction(String id, String labelKey, List<KeyCombination> keys, Section section, Runnable handler) {

    /** The help overlay's sections, in the order it lists them. */
    public enum Section { PLAYBACK, WHAT_IF, CLASSROOM, VIEW, LAB, WINDOW }

    public UiAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelKey, "labelKey");
        keys = List.copyOf(keys);
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(handler, "handler");
    }

    /** The keys as a person reads them, e.g. "Page Down / →". */
    public String keyText() {
        return String.join(" / ", keys.stream().map(UiAction::display).toList());
    }

    static String display(KeyCombination keys) {
        String text = keys.getDisplayText();
        switch (text) {
            case "Right":
                return "→";
            case "Left":
                return "←";
            case "Up":
                return "↑";
            case "Down":
                return "↓";
            case "Period":
                return ".";
            case "Page Down":
            case "Page Up":
            default:
                return text;
        }
    }
}
