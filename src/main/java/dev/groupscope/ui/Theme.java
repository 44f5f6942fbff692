package dev.groupscope.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * The window's colour themes, each with the tag {@code --theme} accepts: light (the base stylesheet alone), dark,
 * and high contrast for washed-out projectors. A theme is a stylesheet loaded after the base one.
 */
public enum Theme {
    LIGHT("light", null),
    DARK("dark", "/dev/groupscope/ui/theme-dark.css"),
    HIGH_CONTRAST("high-contrast", "/dev/groupscope/ui/theme-high-contrast.css");

    private final String tag;
    private final String stylesheet;

    Theme(String tag, String stylesheet) {
        this.tag = tag;
        this.stylesheet = stylesheet;
    }

    public String tag() {
        return tag;
    }

    /** The stylesheet's URL, or empty for the light theme, which is the base stylesheet alone. */
    public Optional<String> stylesheet() {
        return Optional.ofNullable(stylesheet).map(path -> Theme.class.getResource(path).toExternalForm());
    }

    /** The bundle key of the theme's name in the View menu. */
    public String labelKey() {
        return "ui.theme." + tag;
    }

    /** Accepts {@code light}, {@code dark}, {@code high-contrast} (also {@code high_contrast}, {@code hc}), any case. */
    public static Optional<Theme> fromTag(String tag) {
        String normalised = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (normalised.equals("hc")) {
            return Optional.of(HIGH_CONTRAST);
        }
        for (Theme theme : values()) {
            if (theme.tag.equals(normalised)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
