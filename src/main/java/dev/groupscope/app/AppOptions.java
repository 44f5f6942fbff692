package dev.groupscope.app;

import dev.groupscope.ui.Theme;
import dev.groupscope.ui.UiLanguage;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The window's own options, each also written with a space ({@code --lang zh-CN}):
 * <ul>
 *   <li>{@code --lang=en|zh-CN}: the language (without it the desktop's locale chooses);</li>
 *   <li>{@code --theme=light|dark|high-contrast}: the colours (light by default);</li>
 *   <li>{@code --snapshot=out.png}: write the window as PNG and quit;</li>
 *   <li>{@code --scenario=file.json}: open that scenario instead of the built-in playground;</li>
 *   <li>{@code --lesson=name}: open one of the lessons GroupScope comes with (File → Lessons), by its file name
 *       without .json, e.g. {@code crash-and-rebalance}: a shortcut straight to the lesson of the day;</li>
 *   <li>{@code --at=ms}: start at that virtual time (with {@code --snapshot}: the moment pictured);</li>
 *   <li>{@code --group=id}: show that consumer group of the scenario first (a scenario with several groups shows its
 *       first otherwise), e.g. {@code --lesson=two-threading-schemes --group=pool-app}.</li>
 * </ul>
 * Only the syntax is checked here; whether the scenario file reads, {@code --at} lies inside it and it has the group
 * {@code --group} names is checked by
 * {@link StartScenario} before any window opens.
 */
record AppOptions(UiLanguage language, Optional<Path> snapshot, Optional<Path> scenario, Optional<String> lesson,
                  OptionalLong at, Theme theme, Optional<String> group) {

    private static final String LANG = "--lang";
    private static final String SNAPSHOT = "--snapshot";
    private static final String SCENARIO = "--scenario";
    private static final String AT = "--at";
    private static final String THEME = "--theme";
    private static final String LESSON = "--lesson";
    private static final String GROUP = "--group";
    private static final Set<String> NAMES = Set.of(LANG, SNAPSHOT, SCENARIO, LESSON, AT, THEME, GROUP);

    AppOptions(UiLanguage language, Optional<Path> snapshot) {
        this(language, snapshot, Optional.empty(), Optional.empty(), OptionalLong.empty(), Theme.LIGHT);
    }

    AppOptions(UiLanguage language, Optional<Path> snapshot, Optional<Path> scenario, Optional<String> lesson,
               OptionalLong at, Theme theme) {
        this(language, snapshot, scenario, lesson, at, theme, Optional.empty());
    }

    /** Whether {@code arg} is one of the window's options (so the launcher opens the window, not the CLI). */
    static boolean isWindowOption(String arg) {
        int equals = arg.indexOf('=');
        return NAMES.contains(equals < 0 ? arg : arg.substring(0, equals));
    }

    /** Parses the options; throws {@link IllegalArgumentException} with a sentence for the user otherwise. */
    static AppOptions parse(List<String> args, Locale desktop) {
        UiLanguage language = UiLanguage.forLocale(desktop);
        Optional<Path> snapshot = Optional.empty();
        Optional<Path> scenario = Optional.empty();
        Optional<String> lesson = Optional.empty();
        OptionalLong at = OptionalLong.empty();
        Theme theme = Theme.LIGHT;
        Optional<String> group = Optional.empty();
        Iterator<String> rest = args.iterator();
        while (rest.hasNext()) {
            String arg = rest.next();
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg
                        + "' (the window takes --lang, --theme, --snapshot, --scenario, --lesson, --at and --group)");
            }
            String value = equals >= 0 ? arg.substring(equals + 1) : valueAfter(name, rest);
            switch (name) {
                case LANG:
                    language = UiLanguage.fromTag(value).orElseThrow(() -> new IllegalArgumentException(
                            "unknown language '" + value + "' for --lang (use en or zh-CN)"));
                    break;
                case SNAPSHOT:
                    snapshot = Optional.of(snapshotFile(value));
                    break;
                case SCENARIO:
                    scenario = Optional.of(scenarioFile(value));
                    break;
                case LESSON:
                    lesson = Optional.of(lessonName(value));
                    break;
                case GROUP:
                    group = Optional.of(groupId(value));
                    break;
                case THEME:
                    theme = Theme.fromTag(value).orElseThrow(() -> new IllegalArgumentException(
                            "unknown theme '" + value + "' for --theme (use light, dark or high-contrast)"));
                    break;
                default:
                    at = OptionalLong.of(milliseconds(value));
                    break;
            }
        }
        if (scenario.isPresent() && lesson.isPresent()) {
            throw new IllegalArgumentException("--scenario and --lesson both say what to open: give one of them");
        }
        return new AppOptions(language, snapshot, scenario, lesson, at, theme, group);
    }

    private static String valueAfter(String name, Iterator<String> rest) {
        if (!rest.hasNext()) {
            throw new IllegalArgumentException(name + " needs a value, e.g. " + example(name));
        }
        return rest.next();
    }

    private static String example(String name) {
        switch (name) {
            case LANG:
                return "--lang=zh-CN";
            case SNAPSHOT:
                return "--snapshot=out.png";
            case SCENARIO:
                return "--scenario=lessons/scenarios/crash-and-rebalance.json";
            case THEME:
                return "--theme=dark";
            case LESSON:
                return "--lesson=crash-and-rebalance";
            case GROUP:
                return "--group=pool-app";
            default:
                return "--at=30000";
        }
    }

    private static Path snapshotFile(String value) {
        if (!value.toLowerCase(Locale.ROOT).endsWith(".png") || value.length() <= ".png".length()) {
            throw new IllegalArgumentException("--snapshot needs a .png file name, got '" + value + "'");
        }
        return Path.of(value);
    }

    private static Path scenarioFile(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--scenario needs a scenario file, e.g. " + example(SCENARIO));
        }
        return Path.of(value);
    }

    private static String lessonName(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--lesson needs a lesson's name, e.g. " + example(LESSON));
        }
        return value.strip();
    }

    private static String groupId(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--group needs a consumer group's id, e.g. " + example(GROUP));
        }
        return value.strip();
    }

    private static long milliseconds(String value) {
        try {
            long ms = Long.parseLong(value.trim());
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // Falls through to the sentence below: the user needs the rule, not the parser's message.
        }
        throw new IllegalArgumentException("--at needs a virtual time in whole milliseconds (0 or more), got '"
                + value + "'");
    }
}
