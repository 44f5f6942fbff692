package dev.groupscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngExporterTest {

    @Test
    void thePngIsTheDrawingAtTwiceItsSize() throws IOException {
        Drawing drawing = SmallRun.topologyAt(12_000, SmallRun.ENGLISH);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngExporter.png(drawing)));

        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(drawing.width() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(drawing.height() * 2));
    }

    @Test
    void eachShapeIsPaintedWhereTheDrawingPutsItInItsStyleColours() throws IOException {
        Drawing drawing = SmallRun.topologyAt(12_000, SmallRun.ENGLISH);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngExporter.png(drawing)));

        // The group's __consumer_offsets cell is lit in the accent colour; C1's swatch has its palette colour.
        assertThat(colourAtCentre(image, (Shape.Box) drawing.shape("offsets-2").orElseThrow())).isEqualTo(0x0072b2);
        assertThat(colourAtCentre(image, (Shape.Box) drawing.shape("consumer-C1-swatch").orElseThrow()))
                .isEqualTo(0xe69f00);
        assertThat(colourAtCentre(image, (Shape.Box) drawing.shape("offsets-7").orElseThrow())).isEqualTo(0xffffff);
    }

    private static int colourAtCentre(BufferedImage image, Shape.Box box) {
        int x = (int) Math.round((box.x() + box.width() / 2) * PngExporter.SCALE);
        int y = (int) Math.round((box.y() + box.height() / 2) * PngExporter.SCALE);
        return image.getRGB(x, y) & 0xffffff;
    }
}
