package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * In the high-contrast theme yellow means "this one": the group's current state, the leader's badge, the selected
 * tab. Consumer 5's chips (slot 4) were Okabe–Ito yellow, 22 from that highlight in CIELAB, and on a washed-out
 * projector its partitions looked selected (so did topic slot 3's, the same yellow). Every consumer and topic colour
 * stays well apart from the highlight.
 */
@ExtendWith(ApplicationExtension.class)
class HighContrastPaletteTest {

    /**
     * CIELAB distance (ΔE*76) a consumer's colour keeps from the highlight: about 2 is just noticeable side by side,
     * and a projector flattens colours; the nearest of the other seven, Okabe–Ito orange, is 50 away.
     */
    private static final double APART = 40;

    private HBox chips;
    private Label highlight;

    @Start
    void start(Stage stage) {
        chips = new HBox();
        highlight = new Label("Stable");
        for (int slot = 0; slot < 8; slot++) {
            Label chip = new Label("C" + (slot + 1));
            chip.getStyleClass().addAll("part-chip", PlaygroundView.slotClass(slot));
            Label topic = new Label("t" + slot);
            topic.getStyleClass().addAll("chip", "topic-slot-" + slot);
            chips.getChildren().addAll(chip, topic);
        }
        highlight.getStyleClass().addAll("state-pill", "lit");
        chips.getChildren().add(highlight);
        Scene scene = new Scene(chips, 600, 100);
        scene.getStylesheets().add(getClass().getResource("/dev/groupscope/ui/groupscope.css").toExternalForm());
        Theme.HIGH_CONTRAST.stylesheet().ifPresent(scene.getStylesheets()::add);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void noConsumerOrTopicColourCanBeTakenForTheHighlight(FxRobot robot) {
        robot.interact(() -> chips.applyCss());
        Color lit = fill(highlight);
        List<String> tooClose = new ArrayList<>();
        for (javafx.scene.Node node : chips.getChildren()) {
            if (node == highlight) {
                continue;
            }
            Label chip = (Label) node;
            double apart = deltaE(fill(chip), lit);
            if (apart < APART) {
                tooClose.add(String.format("%s %s is %.1f from the highlight %s", chip.getStyleClass(), fill(chip),
                        apart, lit));
            }
        }
        assertThat(tooClose).isEmpty();
    }

    private static Color fill(Label label) {
        var fills = label.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    /** CIE76 colour difference: the straight distance between two sRGB colours in CIELAB (D65). */
    static double deltaE(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
