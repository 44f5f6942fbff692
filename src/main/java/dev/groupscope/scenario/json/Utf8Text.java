package dev.groupscope.scenario.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A JSON input file read as UTF-8, strictly. Java's own reader fails on a byte that is not UTF-8 with "Input length =
 * 1", which tells nobody that a scenario saved in another encoding (GBK, Latin-1) or a binary file was opened, nor
 * where; this names the line, the column and the byte.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /** The text of {@code path}; {@code file} names it in messages. */
    public static String read(Path path, String file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw JsonInputException.of("json.error.noFile", "file", file);
        } catch (IOException e) {
            throw JsonInputException.of("json.error.unreadable", "file", file, "reason", String.valueOf(e.getMessage()));
        }
        return decode(file, bytes);
    }

    /** {@code bytes} as UTF-8 text, or an error at the first byte that is not UTF-8. */
    public static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static JsonInputException notUtf8(String file, byte[] bytes, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The column counts characters, as an editor does: UTF-8 continuation bytes start no character.
        int column = 1;
        for (int i = lineStart; i < at; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return JsonInputException.of("json.error.notUtf8", "file", file, "line", line, "column", column,
                "byte", String.format("0x%02X", bytes[at] & 0xFF));
    }
}
