package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Locale;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coordinator-failover lesson on the Protocol tab: broker 2, the coordinator, stops at 20 s and closes the
 * members' connections. Without a note the members' FindCoordinator arrows at 20,002 ms came from nowhere: the close
 * each member reads is noted on its lane, as a fault.
 */
class ConnectionsClosedNotesTest {

    private static List<ProtocolEvent> rows;

    @BeforeAll
    static void run() {
        rows = LessonRows.read("coordinator-failover", 19_000, 21_000);
    }

    @Test
    void eachMembersLaneNotesTheCloseBeforeItLooksForTheNewCoordinator() {
        assertThat(rows).filteredOn(row -> row.api().equals("ConnectionsClosed"))
                .extracting(ProtocolEvent::kind, ProtocolEvent::from, ProtocolEvent::time)
                .containsExactly(Tuple.tuple(ProtocolEvent.Kind.NOTE, "C1", 20_002L),
                        Tuple.tuple(ProtocolEvent.Kind.NOTE, "C2", 20_002L));
        ProtocolEvent closed = rows.stream().filter(row -> row.api().equals("ConnectionsClosed")).findFirst()
                .orElseThrow();
        assertThat(rows).filteredOn(row -> row.api().equals("FindCoordinator") && row.request())
                .isNotEmpty().allSatisfy(find -> assertThat(find.seq()).isGreaterThan(closed.seq()));
    }

    @Test
    void theNoteSaysWhichBrokerClosedThemInBothLanguagesAndIsDrawnAsAFault() {
        assertThat(LessonRows.noteTexts(rows, 19_000, 21_000, Messages.english()))
                .contains("✗ Broker 2 closed its connections");
        assertThat(LessonRows.noteTexts(rows, 19_000, 21_000, Messages.of(Locale.SIMPLIFIED_CHINESE)))
                .contains("✗ Broker 2 关闭了连接");
        Drawing english = SequenceLayout.layout(rows, 19_000, 21_000, Messages.english(), true, -1).drawing();
        ProtocolEvent closed = rows.stream().filter(row -> row.api().equals("ConnectionsClosed")).findFirst()
                .orElseThrow();
        assertThat(english.shape("note-" + closed.seq()).orElseThrow().styles()).contains("error");
    }
}
