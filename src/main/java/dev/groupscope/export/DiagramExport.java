package dev.groupscope.export;

import dev.groupscope.diagram.Drawing;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The export formats, one entry point for the CLI and the window: the same drawing gives the same file whichever
 * asks.
 */
public enum DiagramExport {
    SVG("svg"),
    PNG("png");

    private final String extension;

    DiagramExport(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The file's bytes: SVG text in UTF-8, or a PNG at {@link PngExporter#SCALE}. */
    public byte[] bytes(Drawing drawing) {
        return this == SVG ? SvgExporter.svg(drawing).getBytes(StandardCharsets.UTF_8) : PngExporter.png(drawing);
    }

    /** The format called {@code name} (svg or png, any case). */
    public static Optional<DiagramExport> named(String name) {
        for (DiagramExport format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
