package dev.groupscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds the labels, buttons and other {@link Labeled}s a viewer sees cut short: the text their skin draws (its
 * {@code LabeledText} child) is not the text they hold, because JavaFX replaced the end with "…" (or cut it) for
 * lack of room. Only what is showing counts: nodes in a hidden or unmanaged branch are not on screen.
 */
final class TruncatedText {

    private TruncatedText() {
    }

    /** "id or style class: 'held' shown as 'drawn'" for every showing Labeled under {@code root} drawn cut short. */
    static List<String> in(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            drawnText(labeled).filter(drawn -> !drawn.equals(held(labeled)))
                    .ifPresent(drawn -> cut.add(name(labeled) + ": '" + held(labeled) + "' shown as '" + drawn + "'"));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }

    /** The text as held, without the underscore that only marks a mnemonic. */
    private static String held(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        return labeled.isMnemonicParsing() ? text.replaceFirst("_(?=[^_])", "") : text;
    }

    private static java.util.Optional<String> drawnText(Labeled labeled) {
        if (labeled.getText() == null || labeled.getText().isEmpty()) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return java.util.Optional.of(text.isVisible() ? text.getText() : "");
            }
        }
        return java.util.Optional.empty();
    }

    private static String name(Labeled labeled) {
        if (labeled.getId() != null) {
            return "#" + labeled.getId();
        }
        return labeled.getClass().getSimpleName() + labeled.getStyleClass();
    }
}
