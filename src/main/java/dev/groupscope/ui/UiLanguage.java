package dev.groupscope.ui;

import java.util.Locale;
import java.util.Optional;

/** The languages the window speaks, with the tag {@code --lang} accepts for each. */
public enum UiLanguage {
    ENGLISH("en", Locale.ENGLISH),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    UiLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Accepts {@code en}, {@code zh-CN} and the looser {@code zh} / {@code zh_CN}, ignoring case. */
    public static Optional<UiLanguage> fromTag(String tag) {
        String normalised = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (normalised.equals("en") || normalised.startsWith("en-")) {
            return Optional.of(ENGLISH);
        }
        if (normalised.equals("zh") || normalised.equals("zh-cn") || normalised.equals("zh-hans")) {
            return Optional.of(SIMPLIFIED_CHINESE);
        }
        return Optional.empty();
    }

    /** What to show when no {@code --lang} is given: Chinese on a Chinese desktop, English everywhere else. */
    public static UiLanguage forLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }
}
