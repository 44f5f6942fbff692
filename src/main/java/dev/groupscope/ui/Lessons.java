package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lessons GroupScope comes with (File → Lessons): the scenarios under {@code /lessons/scenarios}, in the sections
 * and the order of {@code /lessons/index.txt}, each titled in the window's language by its file's name (the sections
 * by the message bundles). The index is there because a jar's resources cannot be listed.
 */
final class Lessons {

    /** The lesson the window opens on without {@code --scenario} or {@code --lesson}. */
    static final String PLAYGROUND = "playground";
    private static final String INDEX = "/lessons/index.txt";
    private static final String SCENARIOS = "/lessons/scenarios/";
    private static final String SECTION = "==";
    /**
     * Titles read so far, by lesson and language tag: the menu is made again at every language switch, and reading
     * the 36 files each time took ~25 ms.
     */
    private static final Map<String, String> TITLES = new ConcurrentHashMap<>();

    private Lessons() {
    }

    /** A part of the menu: lessons on one subject. */
    record Section(String name, List<Lesson> lessons) {

        String title(Messages messages) {
            return messages.text("lesson.section." + name);
        }
    }

    /** One lesson, named as its file is (without .json). */
    record Lesson(String name) {

        /** Its title in the language tagged {@code languageTag}: the name its file gives in that language. */
        String title(String languageTag) {
            return TITLES.computeIfAbsent(name + " " + languageTag,
                    key -> ScenarioReader.nameIn(file(), resource(SCENARIOS + file()), languageTag));
        }

        private String file() {
            return name + ".json";
        }

        Scenario read() {
            return Lessons.read(name);
        }
    }

    /** Every lesson, by section, as the index lists them. */
    static List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        String section = null;
        List<Lesson> lessons = new ArrayList<>();
        for (String line : resource(INDEX).split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (entry.startsWith(SECTION)) {
                if (section != null) {
                    sections.add(new Section(section, List.copyOf(lessons)));
                }
                section = entry.substring(SECTION.length()).strip();
                lessons.clear();
            } else {
                lessons.add(new Lesson(entry));
            }
        }
        if (section != null) {
            sections.add(new Section(section, List.copyOf(lessons)));
        }
        return List.copyOf(sections);
    }

    /** The lesson {@code name}'s scenario, read and checked (a lesson's file is named in messages as name.json). */
    static Scenario read(String name) {
        return ScenarioReader.read(name + ".json", resource(SCENARIOS + name + ".json"));
    }

    private static String resource(String path) {
        try (InputStream in = Lessons.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
