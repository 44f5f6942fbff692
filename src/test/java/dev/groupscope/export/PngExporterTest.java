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

    @Test
    void noLifelineShowsWhereAMessagesWordsAreInTheSequenceDiagram() throws IOException {
        // The words blanked out, so that any pixel not the canvas's where they go is a lifeline showing through.
        Drawing drawing = SmallRun.sequence(0, 12_000, true, SmallRun.ENGLISH).drawing();
        java.util.List<Shape> blanked = drawing.shapes().stream().map(shape -> shape instanceof Shape.Label label
                && label.id().startsWith("msg-") ? new Shape.Label(label.id(), label.styles(), label.x(), label.y(),
                "", label.anchor()) : shape).toList();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngExporter.png(new Drawing(drawing.kind(),
                drawing.title(), drawing.width(), drawing.height(), blanked))));

        java.util.List<String> through = new java.util.ArrayList<>();
        int crossings = 0;
        for (Shape shape : drawing.shapes()) {
            if (!(shape instanceof Shape.Label label) || !label.id().startsWith("msg-")) {
                continue;
            }
            double half = dev.groupscope.diagram.TextFit.width(label.text(), 12) / 2;
            for (Shape other : drawing.shapes()) {
                if (!(other instanceof Shape.Line life) || !life.id().endsWith("-life")
                        || life.x1() <= label.x() - half || life.x1() >= label.x() + half) {
                    continue;
                }
                crossings++;
                // From the top of the letters to just under the baseline, both pixel columns of the 1-px line.
                int x = (int) Math.round(life.x1() * PngExporter.SCALE);
                for (int y = (int) ((label.y() - 11) * PngExporter.SCALE); y <= (label.y() + 1) * PngExporter.SCALE;
                     y++) {
                    for (int column = x - 1; column <= x; column++) {
                        if ((image.getRGB(column, y) & 0xffffff) != 0xffffff) {
                            through.add(life.id() + " through " + label.id() + " \"" + label.text() + "\"");
                        }
                    }
                }
            }
        }

        assertThat(crossings).as("lifelines under the words").isGreaterThan(10);
        assertThat(through.stream().distinct().toList()).isEmpty();
    }

    @Test
    void refusesPicturesTooLargeToHoldInMemory() {
        Drawing huge = new Drawing("sequence", "an hour of protocol", 1200, 30_000, java.util.List.of());
        Drawing fine = new Drawing("sequence", "a minute", 1200, 3_000, java.util.List.of());

        assertThat(PngExporter.fits(huge, PngExporter.SCALE)).isFalse();
        assertThat(PngExporter.fits(fine, PngExporter.SCALE)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PngExporter.png(huge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2400 x 60000 px");
    }

    private static int colourAtCentre(BufferedImage image, Shape.Box box) {
        int x = (int) Math.round((box.x() + box.width() / 2) * PngExporter.SCALE);
        int y = (int) Math.round((box.y() + box.height() / 2) * PngExporter.SCALE);
        return image.getRGB(x, y) & 0xffffff;
    }
}
