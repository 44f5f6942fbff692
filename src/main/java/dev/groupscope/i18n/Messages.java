package dev.groupscope.i18n;

import java.text.MessageFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message key and named arguments into a sentence in English or Simplified Chinese, from the
 * {@code dev/groupscope/i18n/messages*.properties} bundles (UTF-8). Placeholders are named: {@code {topic}}.
 * A count that a noun follows names both forms, {@code #} standing for the number:
 * {@code {records|# record|# records}} reads "1 record" and "2 records" (the Chinese bundle, which has no plural,
 * writes plain {@code {records}}). A part that only some values need is written {@code {created? Created: #.}}: shown,
 * with {@code #} standing for the value, only when the value is there (a non-empty text or list, a count other than
 * 0, or {@code true}).
 * The model and the assignors only ever produce keys and arguments; this is the one place they become words.
 */
public final class Messages {

    public static final String BUNDLE = "dev.groupscope.i18n.messages";
    /**
     * {@code {name}}; {@code {name|one|other}} for a count with its noun's singular and plural forms; or
     * {@code {name?text}} for a part shown only when the value is there.
     */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?:\\|([^|{}]*)\\|([^|{}]*)|\\?([^{}]*))?}");

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    public static Messages english() {
        return new Messages(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The sentence for {@code key} with its {@code {name}} placeholders filled; the key itself if unknown. */
    public String format(String key, Map<String, ?> args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = args.get(matcher.group(1));
            String text;
            if (matcher.group(4) != null) {
                text = present(value) ? matcher.group(4).replace("#", render(value)) : "";
            } else {
                text = value == null ? matcher.group() : render(value, matcher.group(2), matcher.group(3));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The names of the placeholders in a bundle's pattern, in order of first appearance. */
    public static Set<String> placeholders(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public String text(String key) {
        return format(key, Map.of());
    }

    /** Whether an optional part's value is there: a non-empty text or list, a count other than 0, or {@code true}. */
    private static boolean present(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof Iterable<?> items) {
            return items.iterator().hasNext();
        }
        return value != null && !value.toString().isEmpty();
    }

    private String render(Object value, String one, String other) {
        if (one == null) {
            return render(value);
        }
        // Some callers pass a count as text ("2"); it takes the same forms.
        boolean single = value instanceof Number number ? number.doubleValue() == 1 : "1".equals(value.toString());
        return (single ? one : other).replace("#", render(value));
    }

    private String render(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return MessageFormat.format("{0,number,#,##0.##}", value); // 100.0 reads "100", 2.5 "2.5"
        }
        if (value instanceof Number number) {
            return MessageFormat.format("{0,number,integer}", number);
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder joined = new StringBuilder();
            for (Object item : items) {
                if (joined.length() > 0) {
                    joined.append(", ");
                }
                joined.append(item);
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }
}
