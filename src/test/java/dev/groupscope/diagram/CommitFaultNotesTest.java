package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Locale;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commit-async-failure lesson on the Protocol tab: at 10 s the next three commits are answered
 * COORDINATOR_LOAD_IN_PROGRESS, at 20 s the next five arrive 1.5 s late. Without a note the red answers came from
 * nowhere, and no commit of C1's was answered from 20,004 ms to 21,508 ms with nothing saying why.
 */
class CommitFaultNotesTest {

    private static List<ProtocolEvent> rows;

    @BeforeAll
    static void run() {
        rows = LessonRows.read("commit-async-failure", 0, 25_000);
    }

    @Test
    void eachInjectedCommitFaultIsANoteOnTheConsumersLane() {
        assertThat(rows).filteredOn(row -> row.kind() == ProtocolEvent.Kind.NOTE)
                .filteredOn(row -> row.api().endsWith("Commits"))
                .extracting(ProtocolEvent::api, ProtocolEvent::from, ProtocolEvent::time)
                .containsExactly(Tuple.tuple("FailCommits", "C1", 10_000L), Tuple.tuple("DelayCommits", "C1", 20_000L));
        // A fault is drawn as the cut-off note is: in the error style.
        Drawing drawing = SequenceLayout.layout(rows, 0, 25_000, Messages.english(), true, -1).drawing();
        rows.stream().filter(row -> row.api().endsWith("Commits")).forEach(row -> assertThat(
                drawing.shape("note-" + row.seq()).orElseThrow().styles()).contains("error"));
    }

    @Test
    void theNotesSayHowManyCommitsAndWhatHappensToThemInBothLanguagesUncut() {
        assertThat(LessonRows.noteTexts(rows, 0, 25_000, Messages.english())).contains("3 commits: COORDINATOR_LOAD_IN_PROGRESS",
                "5 commits 1,500 ms late");
        assertThat(LessonRows.noteTexts(rows, 0, 25_000, Messages.of(Locale.SIMPLIFIED_CHINESE))).contains(
                "3 次提交：COORDINATOR_LOAD_IN_PROGRESS", "5 次提交晚 1,500 毫秒");
    }
}
