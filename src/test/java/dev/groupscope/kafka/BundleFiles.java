package dev.groupscope.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/**
 * The two message bundles read as plain files. A {@code ResourceBundle} lookup would fall back from Chinese to
 * English and so hide a key missing from the Chinese file; reading each file on its own cannot.
 */
public final class BundleFiles {

    private static final Properties ENGLISH = load("messages.properties");
    private static final Properties CHINESE = load("messages_zh.properties");

    private BundleFiles() {
    }

    public static boolean inBoth(String key) {
        return ENGLISH.containsKey(key) && CHINESE.containsKey(key);
    }

    public static String english(String key) {
        return ENGLISH.getProperty(key);
    }

    public static String chinese(String key) {
        return CHINESE.getProperty(key);
    }

    public static Set<String> englishKeys() {
        return ENGLISH.stringPropertyNames();
    }

    public static Set<String> chineseKeys() {
        return CHINESE.stringPropertyNames();
    }

    private static Properties load(String file) {
        String path = "/dev/groupscope/i18n/" + file;
        try (InputStream in = BundleFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
