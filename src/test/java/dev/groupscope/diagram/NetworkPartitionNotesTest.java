package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network-partition lesson on the Protocol tab: at 20 s C2 is cut off from broker 1, its coordinator, for 25 s.
 * Its heartbeats and commits vanish without an answer, so without a note C2's lane simply fell silent and the class
 * could not see why the coordinator removed it at 30 s; the cut and the heal are noted on C2's lane.
 */
class NetworkPartitionNotesTest {

    private static List<ProtocolEvent> rows;

    @BeforeAll
    static void run() {
        rows = LessonRows.read("network-partition", 0, 50_000);
    }

    @Test
    void theCutAndTheHealAreNotesOnTheCutOffConsumersLane() {
        assertThat(rows).filteredOn(row -> row.kind() == ProtocolEvent.Kind.NOTE)
                .filteredOn(row -> row.api().startsWith("Network"))
                .extracting(ProtocolEvent::api, ProtocolEvent::from, ProtocolEvent::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NetworkPartition", "C2", 20_000L),
                        org.assertj.core.groups.Tuple.tuple("NetworkHealed", "C2", 45_000L));
    }

    @Test
    void theNotesSayFromWhichBrokerAndForHowLongInBothLanguages() {
        assertThat(LessonRows.noteTexts(rows, 0, 50_000, Messages.english())).contains("✂ cut off from Broker 1 for 25,000 ms",
                "network to Broker 1 healed");
        assertThat(LessonRows.noteTexts(rows, 0, 50_000, Messages.of(Locale.SIMPLIFIED_CHINESE))).contains("✂ 与 Broker 1 断开 25,000 毫秒",
                "与 Broker 1 的网络已恢复");
    }

    @Test
    void theCutIsDrawnAsAFaultNote() {
        Drawing drawing = SequenceLayout.layout(rows, 0, 50_000, Messages.english(), true, -1).drawing();
        ProtocolEvent cut = rows.stream().filter(row -> row.api().equals("NetworkPartition")).findFirst()
                .orElseThrow();

        assertThat(drawing.shape("note-" + cut.seq()).orElseThrow().styles()).contains("error");
    }

    @Test
    void afterTheHealTheZombieGivingItsPartitionsUpAsLostIsAFaultNoteOnItsLane() {
        // Its heartbeat is answered UNKNOWN_MEMBER_ID: it gives up events-2 and events-3 without committing.
        ProtocolEvent unknown = rows.stream().filter(row -> row.api().equals("Heartbeat") && row.time() > 45_000
                && "UNKNOWN_MEMBER_ID".equals(row.error())).findFirst().orElseThrow();
        ProtocolEvent lost = rows.stream().filter(row -> row.api().equals("onPartitionsLost")).findFirst()
                .orElseThrow();

        assertThat(lost.from()).isEqualTo("C2");
        assertThat(lost.seq()).isGreaterThan(unknown.seq());
        assertThat(LessonRows.noteTexts(rows, 0, 50_000, Messages.english()))
                .contains("onPartitionsLost(events-2, events-3)");
        Drawing drawing = SequenceLayout.layout(rows, 0, 50_000, Messages.english(), true, -1).drawing();
        assertThat(drawing.shape("note-" + lost.seq()).orElseThrow().styles()).contains("error");
    }
}
