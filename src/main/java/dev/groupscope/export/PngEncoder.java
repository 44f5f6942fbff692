package dev.groupscope.export;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes 8-bit RGBA PNG files from ARGB pixels with nothing but {@code java.util.zip}: no AWT and no
 * {@code javafx-swing}, so the CLI and headless exports can use it too, and the same pixels always give the same
 * bytes. Each scanline uses PNG's "Sub" filter, which shrinks the flat colours of diagrams several-fold.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BYTES_PER_PIXEL = 4;
    private static final int FILTER_SUB = 1;

    private PngEncoder() {
    }

    /** Encodes {@code argb} (row by row, {@code width × height} pixels) as a PNG file's bytes. */
    public static byte[] encode(int[] argb, int width, int height) {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("need width*height pixels, got " + argb.length
                    + " for " + width + "x" + height);
        }
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(SIGNATURE);
            writeChunk(file, "IHDR", header(width, height));
            writeChunk(file, "IDAT", compressedScanlines(argb, width, height));
            writeChunk(file, "IEND", new byte[0]);
            return file.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory streams do not fail", e);
        }
    }

    private static byte[] header(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(width);
        out.writeInt(height);
        out.writeByte(8);  // bits per channel
        out.writeByte(6);  // colour type: RGBA
        out.writeByte(0);  // compression: deflate
        out.writeByte(0);  // filter method: adaptive (per-line filter byte)
        out.writeByte(0);  // no interlace
        return bytes.toByteArray();
    }

    private static byte[] compressedScanlines(int[] argb, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            byte[] line = new byte[1 + width * BYTES_PER_PIXEL];
            for (int y = 0; y < height; y++) {
                filterLine(argb, y * width, width, line);
                out.write(line);
            }
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** One scanline as RGBA bytes after the Sub filter: each byte minus the same channel of the pixel to its left. */
    private static void filterLine(int[] argb, int offset, int width, byte[] line) {
        line[0] = FILTER_SUB;
        int previous = 0;
        for (int x = 0; x < width; x++) {
            int pixel = argb[offset + x];
            int at = 1 + x * BYTES_PER_PIXEL;
            line[at] = (byte) ((pixel >> 16) - (previous >> 16));
            line[at + 1] = (byte) ((pixel >> 8) - (previous >> 8));
            line[at + 2] = (byte) (pixel - previous);
            line[at + 3] = (byte) ((pixel >>> 24) - (previous >>> 24));
            previous = pixel;
        }
    }

    private static void writeChunk(OutputStream file, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
