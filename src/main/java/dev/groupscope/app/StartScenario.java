package dev.groupscope.app;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.json.EnglishText;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.ui.PlaygroundViewModel;
import java.util.function.Supplier;

/**
 * What the window opens on and at which moment: the scenario named by {@code --scenario} or the lesson named by
 * {@code --lesson} (the built-in playground without either), the time from {@code --at} and the group from
 * {@code --group}. Everything is checked here, before any window exists, so a bad file
 * or a time past the scenario's end is one readable line and exit code 2, never a half-open window.
 *
 * @param startAtMs where t starts; {@code defaultAtMs} unless {@code --at} says otherwise
 */
record StartScenario(Scenario scenario, long startAtMs) {

    /** Reads the scenario {@code options} name; throws {@link IllegalArgumentException} with one line otherwise. */
    static StartScenario of(AppOptions options, long defaultAtMs) {
        return of(options, defaultAtMs, PlaygroundViewModel::readPlayground);
    }

    static StartScenario of(AppOptions options, long defaultAtMs, Supplier<Scenario> playground) {
        Scenario scenario;
        try {
            scenario = PlaygroundViewModel.showable(options.scenario().map(ScenarioReader::read)
                    .or(() -> options.lesson().map(StartScenario::lesson)).orElseGet(playground));
        } catch (JsonInputException e) {
            // Already one line naming the file and the line and column or the JSON path.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        long at = options.at().orElse(Math.min(defaultAtMs, scenario.durationMs()));
        if (at < 0 || at > scenario.durationMs()) {
            throw new IllegalArgumentException(EnglishText.format("cli.timeOutside", "option", "--at", "value", at,
                    "file", scenario.file(), "duration", scenario.durationMs()));
        }
        options.group().ifPresent(group -> checkGroup(scenario, group));
        return new StartScenario(scenario, at);
    }

    /** The group {@code --group} names must be one of the scenario's, or one line listing them. */
    private static void checkGroup(Scenario scenario, String group) {
        java.util.List<String> groups = scenario.groupOfClient().values().stream().distinct().toList();
        if (!groups.contains(group)) {
            throw new IllegalArgumentException("no consumer group '" + group + "' in " + scenario.file()
                    + " for --group" + dev.groupscope.scenario.json.DidYouMean.hint(group, groups) + "; its groups: "
                    + String.join(", ", groups));
        }
    }

    /** The lesson {@code name}, or one line listing the lessons there are (with the closest to a typo). */
    private static Scenario lesson(String name) {
        java.util.List<String> names = PlaygroundViewModel.lessonNames();
        if (!names.contains(name)) {
            throw new IllegalArgumentException("unknown lesson '" + name + "' for --lesson"
                    + dev.groupscope.scenario.json.DidYouMean.hint(name, names) + "; the lessons: "
                    + String.join(", ", names));
        }
        return PlaygroundViewModel.readLesson(name);
    }
}
