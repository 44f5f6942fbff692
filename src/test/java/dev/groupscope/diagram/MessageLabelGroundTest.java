package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message's words span the lanes between its sender and receiver, and the lifelines of those lanes ran through
 * them in every export (the window alone patched them over). The drawing itself now puts a patch of the ground under
 * each message's words: over the lifelines, under the arrow and the words, in the canvas colour (the current row's
 * on the current row), so the SVG, the PNG and the window all show the words whole.
 */
class MessageLabelGroundTest {

    private static final List<ProtocolEvent> EVENTS = List.of(
            // C1 talks to Broker 2 across C2's and Broker 1's lifelines; C2 to Broker 1, across nothing.
            request(1, "JoinGroup", "C1", "broker-2", 0, 2),
            request(2, "JoinGroup", "C2", "broker-1", 0, 2),
            response(3, "JoinGroup", "broker-2", "C1", 2, 4, "MEMBER_ID_REQUIRED"),
            new ProtocolEvent(4, ProtocolEvent.Kind.LOST_REQUEST, "Heartbeat", "C1", "broker-2", 4, 6, "", Map.of()),
            request(5, "Heartbeat", "C2", "broker-1", 6, 8));

    @Test
    void everyLifelineThatCrossesAMessagesWordsIsCoveredByTheGroundUnderThemInAnExport() {
        for (Messages messages : List.of(Messages.english(), Messages.of(Locale.SIMPLIFIED_CHINESE))) {
            Drawing drawing = SequenceLayout.layout(EVENTS, 0, 10, messages, false, -1).drawing();

            List<String> crossed = crossedWords(drawing);

            assertThat(crossed).as("lifelines through words").isEmpty();
            assertThat(crossingsChecked(drawing)).as("some words do span lifelines").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theGroundIsTheCanvasColourInEveryPaletteAndTheCurrentRowsOnTheCurrentRow() {
        Drawing drawing = SequenceLayout.layout(EVENTS, 0, 10, Messages.english(), false, 4, null, null)
                .drawing();

        Shape.Box current = (Shape.Box) drawing.shape("msg-3-ground").orElseThrow();
        Shape.Box other = (Shape.Box) drawing.shape("msg-1-ground").orElseThrow();
        Shape.Box future = (Shape.Box) drawing.shape("msg-5-ground").orElseThrow();
        for (DiagramStyles.Palette palette : DiagramStyles.Palette.values()) {
            String canvas = DiagramStyles.resolve(List.of("canvas"), palette).fill();
            String currentRow = DiagramStyles.resolve(List.of("current"), palette).fill();
            Style ground = DiagramStyles.resolve(other.styles(), palette);
            assertThat(ground.fill()).as("%s ground", palette).isEqualTo(canvas);
            assertThat(ground.stroke()).isEqualTo("none");
            assertThat(DiagramStyles.resolve(current.styles(), palette).fill()).as("%s current row", palette)
                    .isEqualTo(currentRow);
            // A future row's words are faded, but the lifelines under them stay hidden.
            assertThat(DiagramStyles.resolve(future.styles(), palette).opacity()).isEqualTo(1.0);
        }
        // Within the current row's frame, clear of its top edge.
        Shape.Box frame = (Shape.Box) drawing.shape("current-row").orElseThrow();
        assertThat(current.y()).isGreaterThan(frame.y() + 0.5);
        assertThat(current.y() + current.height()).isLessThan(frame.y() + frame.height());
    }

    @Test
    void theGroundNeverReachesTheArrowUnderTheWordsAndIsDrawnBeforeIt() {
        Drawing drawing = SequenceLayout.layout(EVENTS, 0, 10, Messages.english(), false, -1).drawing();

        for (long seq = 1; seq <= 5; seq++) {
            String id = "msg-" + seq;
            Shape.Box ground = (Shape.Box) drawing.shape(id + "-ground").orElseThrow();
            Shape.Line arrow = (Shape.Line) drawing.shape(id).orElseThrow();
            // Clear of the line itself (half the thickest stroke, an error's, is 1).
            assertThat(ground.y() + ground.height()).as(id)
                    .isLessThanOrEqualTo(Math.min(arrow.y1(), arrow.y2()) - 1);
            assertThat(index(drawing, id + "-ground")).isLessThan(index(drawing, id));
        }
    }

    /** Per message label and lifeline crossing its words: unless a ground box drawn after the lifeline covers it. */
    private static List<String> crossedWords(Drawing drawing) {
        List<String> crossed = new ArrayList<>();
        for (Shape shape : drawing.shapes()) {
            if (!(shape instanceof Shape.Label label) || !label.id().startsWith("msg-")) {
                continue;
            }
            double[] words = words(label);
            for (Shape other : drawing.shapes()) {
                if (other instanceof Shape.Line life && life.id().endsWith("-life") && crosses(life, words)
                        && !covered(drawing, life, label, words)) {
                    crossed.add(life.id() + " through " + label.id() + " \"" + label.text() + "\"");
                }
            }
        }
        return crossed;
    }

    private static int crossingsChecked(Drawing drawing) {
        int count = 0;
        for (Shape shape : drawing.shapes()) {
            if (shape instanceof Shape.Label label && label.id().startsWith("msg-")) {
                double[] words = words(label);
                for (Shape other : drawing.shapes()) {
                    if (other instanceof Shape.Line life && life.id().endsWith("-life") && crosses(life, words)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Left, top, right, bottom of where a 12-px label's letters can be, from the layout's own width estimate. */
    private static double[] words(Shape.Label label) {
        double half = TextFit.width(label.text(), 12) / 2;
        return new double[] {label.x() - half, label.y() - 11, label.x() + half, label.y() + 2};
    }

    private static boolean crosses(Shape.Line life, double[] words) {
        return life.x1() > words[0] && life.x1() < words[2] && Math.min(life.y1(), life.y2()) < words[1]
                && Math.max(life.y1(), life.y2()) > words[3];
    }

    private static boolean covered(Drawing drawing, Shape.Line life, Shape.Label label, double[] words) {
        int after = index(drawing, life.id());
        int before = index(drawing, label.id());
        for (Shape shape : drawing.shapes().subList(after + 1, before)) {
            if (shape instanceof Shape.Box box && !"none".equals(DiagramStyles.resolve(box.styles()).fill())
                    && DiagramStyles.resolve(box.styles()).opacity() == 1.0
                    && box.x() <= life.x1() - 1 && box.x() + box.width() >= life.x1() + 1
                    && box.y() <= words[1] && box.y() + box.height() >= words[3]) {
                return true;
            }
        }
        return false;
    }

    private static int index(Drawing drawing, String id) {
        for (int i = 0; i < drawing.shapes().size(); i++) {
            if (drawing.shapes().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no shape " + id);
    }

    private static ProtocolEvent request(long seq, String api, String from, String to, long sent, long time) {
        return new ProtocolEvent(seq, ProtocolEvent.Kind.REQUEST, api, from, to, sent, time, "", Map.of());
    }

    private static ProtocolEvent response(long seq, String api, String from, String to, long sent, long time,
                                          String error) {
        return new ProtocolEvent(seq, ProtocolEvent.Kind.RESPONSE, api, from, to, sent, time, error, Map.of());
    }
}
