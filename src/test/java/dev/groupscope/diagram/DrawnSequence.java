package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sequence diagram tests read off a drawing: a row's label, and a request and its answer as arrows. */
final class DrawnSequence {

    private DrawnSequence() {
    }

    /** The text of row {@code id}'s label (an arrow's, or a note's on all the lines it wraps onto). */
    static String label(Drawing drawing, String id) {
        return NoteLines.words(drawing, id + "-label");
    }

    /** Row {@code requestRow} is an {@code api} request drawn from client to broker, the next row its answer back. */
    static void assertRequestAndAnswer(Drawing drawing, int requestRow, String api) {
        Shape.Line request = (Shape.Line) drawing.shape("msg-" + requestRow).orElseThrow();
        Shape.Line answer = (Shape.Line) drawing.shape("msg-" + (requestRow + 1)).orElseThrow();
        assertThat(request.x2()).isGreaterThan(request.x1());
        assertThat(answer.x2()).isLessThan(answer.x1());
        assertThat(request.styles()).contains("request", "api-" + api);
    }
}
