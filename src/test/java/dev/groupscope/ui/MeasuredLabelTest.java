package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.skin.LabelSkin;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A wrapping label measures its text once per width, and again whenever anything it is measured by changes. */
@ExtendWith(ApplicationExtension.class)
class MeasuredLabelTest {

    private static final String SENTENCE = "C2 left the group, so the coordinator moves the group to"
            + " PreparingRebalance and every member must join again before anyone gets partitions.";

    private MeasuredLabel label;
    private CountingSkin skin;

    @Start
    void start(Stage stage) {
        label = new MeasuredLabel(SENTENCE);
        label.setWrapText(true);
        skin = new CountingSkin(label);
        label.setSkin(skin);
        stage.setScene(new Scene(new VBox(label), 400, 300));
        stage.show();
    }

    @Test
    void askedAgainAtTheSameWidthItDoesNotLayItsTextOutAgain(FxRobot robot) {
        robot.interact(() -> {
            double preferred = label.prefHeight(200);
            double minimum = label.minHeight(200);
            int measured = skin.measured;
            for (int i = 0; i < 10; i++) {
                assertThat(label.prefHeight(200)).isEqualTo(preferred);
                assertThat(label.minHeight(200)).isEqualTo(minimum);
            }
            assertThat(skin.measured).isEqualTo(measured);
        });
    }

    @Test
    void anotherWidthIsMeasuredForItself(FxRobot robot) {
        robot.interact(() -> {
            double narrow = label.prefHeight(120);
            double wide = label.prefHeight(600);
            assertThat(narrow).as("more lines when narrower").isGreaterThan(wide);
            assertThat(label.prefHeight(120)).isEqualTo(narrow);
        });
    }

    @Test
    void aNewTextIsMeasuredAgain(FxRobot robot) {
        robot.interact(() -> {
            double before = label.prefHeight(200);
            label.setText(SENTENCE + " " + SENTENCE);
            assertThat(label.prefHeight(200)).isGreaterThan(before);
            label.setText("Stable");
            assertThat(label.prefHeight(200)).isLessThan(before);
        });
    }

    @Test
    void aLargerFontOrMorePaddingIsMeasuredAgain(FxRobot robot) {
        robot.interact(() -> {
            double before = label.prefHeight(200);
            label.setStyle("-fx-font-size: 24px;");
            label.applyCss();
            double larger = label.prefHeight(200);
            assertThat(larger).isGreaterThan(before);
            label.setStyle("-fx-font-size: 24px; -fx-padding: 20px;");
            label.applyCss();
            assertThat(label.prefHeight(200)).isGreaterThan(larger);
        });
    }

    @Test
    void noWrappingIsMeasuredAgain(FxRobot robot) {
        robot.interact(() -> {
            double wrapped = label.prefHeight(200);
            label.setWrapText(false);
            assertThat(label.prefHeight(200)).isLessThan(wrapped);
        });
    }

    /** The label's own skin, counting how often it lays out the text for a height. */
    private static final class CountingSkin extends LabelSkin {
        int measured;

        CountingSkin(MeasuredLabel label) {
            super(label);
        }

        @Override
        protected double computePrefHeight(double width, double topInset, double rightInset, double bottomInset,
                                           double leftInset) {
            measured++;
            return super.computePrefHeight(width, topInset, rightInset, bottomInset, leftInset);
        }

        @Override
        protected double computeMinHeight(double width, double topInset, double rightInset, double bottomInset,
                                          double leftInset) {
            measured++;
            return super.computeMinHeight(width, topInset, rightInset, bottomInset, leftInset);
        }
    }
}
