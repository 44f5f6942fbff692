package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lessons menu lists every lesson GroupScope comes with, once, titled in both languages by its file's name (so a
 * lesson's file opened from disk is titled the same), each one readable.
 */
class LessonsTest {

    @Test
    void theIndexListsEveryLessonFileExactlyOnce() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(Path.of("lessons/scenarios"))) {
            files = listed.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).toList();
        }
        List<String> indexed = Lessons.sections().stream().flatMap(section -> section.lessons().stream())
                .map(Lessons.Lesson::name).toList();

        assertThat(indexed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
        assertThat(indexed.get(0)).isEqualTo(Lessons.PLAYGROUND);
    }

    @Test
    void everyLessonAndSectionHasATitleInBothLanguagesAndEveryLessonReads() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Messages messages = Messages.of(locale);
            for (Lessons.Section section : Lessons.sections()) {
                assertThat(messages.has("lesson.section." + section.name())).as(section.name()).isTrue();
                assertThat(section.lessons()).as(section.name()).isNotEmpty();
            }
        }
        for (Lessons.Section section : Lessons.sections()) {
            for (Lessons.Lesson lesson : section.lessons()) {
                Scenario scenario = lesson.read();
                assertThat(lesson.title("en")).as(lesson.name()).isNotBlank().isEqualTo(scenario.nameIn("en"));
                assertThat(lesson.title("zh-CN")).as(lesson.name()).containsPattern("\\p{IsHan}")
                        .isEqualTo(scenario.nameIn("zh-CN"));
            }
        }
        Lessons.sections().forEach(section -> section.lessons().forEach(lesson ->
                assertThat(PlaygroundViewModel.showable(lesson.read()).file()).isEqualTo(lesson.name() + ".json")));
    }
}
