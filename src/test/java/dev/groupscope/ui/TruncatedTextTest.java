package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The projector checks' eye: it sees a label JavaFX cut short, and nothing where the whole text is drawn. */
@ExtendWith(ApplicationExtension.class)
class TruncatedTextTest {

    private VBox root;

    @Start
    void start(Stage stage) {
        Label cut = new Label("Stop the coordinator's broker");
        cut.setId("cut");
        cut.setMaxWidth(60);
        Label whole = new Label("Stable");
        Label hidden = new Label("Not shown at all, so not cut short either");
        hidden.setMaxWidth(40);
        hidden.setVisible(false);
        Button mnemonic = new Button("_Play");
        root = new VBox(cut, whole, hidden, mnemonic);
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void reportsOnlyTheShowingLabelDrawnShorterThanItsText(FxRobot robot) {
        java.util.List<String> found = new java.util.ArrayList<>();
        robot.interact(() -> found.addAll(TruncatedText.in(root)));

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("#cut: 'Stop the coordinator's broker' shown as '");
    }
}
