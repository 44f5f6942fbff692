package dev.groupscope.app;

import dev.groupscope.ui.Theme;
import dev.groupscope.ui.UiLanguage;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The window's own options: {@code --lang=en|zh-CN}, {@code --theme=light|dark|high-contrast} and
 * {@code --snapshot=out.png}, also written with a space
 * ({@code --lang zh-CN}). Without {@code --lang} the desktop's locale chooses.
 */
record AppOptions(UiLanguage language, Optional<Path> snapshot, Theme theme) {

    private static final String LANG = "--lang";
    private static final String SNAPSHOT = "--snapshot";
    private static final String THEME = "--theme";

    AppOptions(UiLanguage language, Optional<Path> snapshot) {
        this(language, snapshot, Theme.LIGHT);
    }

    /** Parses the options; throws {@link IllegalArgumentException} with a sentence for the user otherwise. */
    static AppOptions parse(List<String> args, Locale desktop) {
        UiLanguage language = UiLanguage.forLocale(desktop);
        Optional<Path> snapshot = Optional.empty();
        Theme theme = Theme.LIGHT;
        Iterator<String> rest = args.iterator();
        while (rest.hasNext()) {
            String arg = rest.next();
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!name.equals(LANG) && !name.equals(SNAPSHOT) && !name.equals(THEME)) {
                throw new IllegalArgumentException(
                        "unknown option '" + arg + "' (the window takes --lang, --theme and --snapshot)");
            }
            String value = equals >= 0 ? arg.substring(equals + 1) : valueAfter(name, rest);
            if (name.equals(LANG)) {
                language = UiLanguage.fromTag(value).orElseThrow(() -> new IllegalArgumentException(
                        "unknown language '" + value + "' for --lang (use en or zh-CN)"));
            } else if (name.equals(THEME)) {
                theme = Theme.fromTag(value).orElseThrow(() -> new IllegalArgumentException(
                        "unknown theme '" + value + "' for --theme (use light, dark or high-contrast)"));
            } else {
                snapshot = Optional.of(snapshotFile(value));
            }
        }
        return new AppOptions(language, snapshot, theme);
    }

    private static String valueAfter(String name, Iterator<String> rest) {
        if (!rest.hasNext()) {
            throw new IllegalArgumentException(name + " needs a value, e.g. "
                    + (name.equals(LANG) ? "--lang=zh-CN" : name.equals(THEME) ? "--theme=dark" : "--snapshot=out.png"));
        }
        return rest.next();
    }

    private static Path snapshotFile(String value) {
        if (!value.toLowerCase(Locale.ROOT).endsWith(".png") || value.length() <= ".png".length()) {
            throw new IllegalArgumentException("--snapshot needs a .png file name, got '" + value + "'");
        }
        return Path.of(value);
    }
}
