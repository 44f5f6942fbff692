package dev.groupscope.diagram;

import java.util.List;
import java.util.Optional;

/**
 * A laid-out sequence diagram: the drawing, and for each row the id of its shapes, the event it shows and where it
 * is, so a window can move time to the row a person selects and scroll to the row of the current time.
 */
public record SequenceDiagram(Drawing drawing, List<Row> rows) {

    public SequenceDiagram {
        rows = List.copyOf(rows);
    }

    /**
     * One row: {@code id} is its shapes' common id ({@code msg-<seq>}, {@code note-<seq>}, {@code heartbeats-<seq>}),
     * {@code seq} and {@code time} those of its (first) event, {@code y} its centre line, {@code height} how high it
     * is (a note wrapped onto several lines makes its row higher).
     */
    public record Row(String id, long seq, long time, double y, double height) {
    }

    public Optional<Row> row(String id) {
        return rows.stream().filter(row -> row.id().equals(id)).findFirst();
    }

    /** The last row at or before {@code time}. */
    public Optional<Row> lastAtOrBefore(long time) {
        Row found = null;
        for (Row row : rows) {
            if (row.time() <= time) {
                found = row;
            }
        }
        return Optional.ofNullable(found);
    }
}
