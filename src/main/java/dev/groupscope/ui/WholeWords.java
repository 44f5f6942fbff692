package dev.groupscope.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps a wrapped label at least as wide as the widest of some words, whatever its font size: narrower, JavaFX breaks
 * a word that does not fit a line inside it. At 1.6x text the settings sheet's limits column came out as
 * "[6000,...,18" over "00000]", a number a class would read as two.
 */
final class WholeWords {

    private WholeWords() {
    }

    /** The label's least width: its widest word, a word being what lies between spaces (zero width ones too). */
    static void keep(Labeled label) {
        keep(label, List.of(label.getText().split("[\\s\u200B]+")));
    }

    /** The label's least width: the widest of {@code words} (its line breaks elsewhere as it likes). */
    static void keep(Labeled label, List<String> words) {
        label.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Insets insets = label.getInsets();
            return widest(words, label.getFont()) + insets.getLeft() + insets.getRight();
        }, label.fontProperty(), label.insetsProperty()));
    }

    static double widest(List<String> words, Font font) {
        return words.stream().mapToDouble(word -> width(word, font)).max().orElse(0);
    }

    static double width(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        // Rounded up: a label given exactly the text's fractional width may still cut or wrap its last glyph.
        return Math.ceil(measured.getLayoutBounds().getWidth()) + 1;
    }
}
