package dev.groupscope.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The JDK's own PNG reader is the judge: what we write must read back pixel for pixel. */
class PngEncoderTest {

    @Test
    void randomPixelsIncludingAlphaReadBackExactly() throws IOException {
        int width = 37;
        int height = 11;
        int[] argb = new Random(42).ints(width * height).toArray();

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(argb, width, height)));

        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        assertThat(decoded.getRGB(0, 0, width, height, null, 0, width)).containsExactly(argb);
    }

    @Test
    void flatColourCompressesFarBelowTheRawSize() {
        int[] white = new int[640 * 400];
        java.util.Arrays.fill(white, 0xffffffff);

        assertThat(PngEncoder.encode(white, 640, 400).length).isLessThan(640 * 400 * 4 / 100);
    }

    @Test
    void refusesPixelCountsThatDoNotMatchTheSize() {
        assertThatThrownBy(() -> PngEncoder.encode(new int[5], 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
