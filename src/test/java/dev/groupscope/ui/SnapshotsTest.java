package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What {@code --snapshot} does, on the same window: the scene at 2x, as a PNG any reader opens. */
@ExtendWith(ApplicationExtension.class)
class SnapshotsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new GroupScopeWindow(stage).show(UiLanguage.SIMPLIFIED_CHINESE);
    }

    @Test
    void writesTheWholeWindowAtTwiceItsSize(FxRobot robot, @TempDir Path folder) throws Exception {
        Path file = folder.resolve("lab.png");

        WaitForAsyncUtils.asyncFx(() -> Snapshots.writePng(stage.getScene().getRoot(), 2, file)).get();

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(stage.getScene().getWidth() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(stage.getScene().getHeight() * 2));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}
