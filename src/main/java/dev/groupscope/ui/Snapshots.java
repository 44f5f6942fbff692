package dev.groupscope.ui;

import dev.groupscope.export.PngEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

/**
 * Node snapshots at a chosen scale, written as PNG. Scale 2 gives projector- and print-sharp images however the
 * screen is set. Must run on the JavaFX thread, like every snapshot.
 */
public final class Snapshots {

    private Snapshots() {
    }

    public static WritableImage capture(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        return node.snapshot(parameters, null);
    }

    /** Captures {@code node} at {@code scale} into {@code file}; returns the image written. */
    public static Image writePng(Node node, double scale, Path file) throws IOException {
        WritableImage image = capture(node, scale);
        Files.write(file, PngEncoder.encode(argb(image), (int) image.getWidth(), (int) image.getHeight()));
        return image;
    }

    static int[] argb(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return pixels;
    }
}
