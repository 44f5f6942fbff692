package dev.groupscope.ui;

import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.ProtocolLog;
import dev.groupscope.diagram.SequenceLayout;
import dev.groupscope.diagram.TopologyLayout;
import dev.groupscope.diagram.TopologyReader;
import dev.groupscope.export.DiagramExport;
import dev.groupscope.export.PngExporter;
import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * File → Export: the topology at the current time t (SVG or PNG at 2×) and the protocol's sequence diagram from 0 to
 * t (SVG), drawn and written on the model's thread by the same code as {@code groupscope export}, so the window and
 * the CLI give the same file for the same run ({@code export --at t} and {@code export --view sequence --to t}).
 */
public final class ExportActions {

    /** What File → Export offers. */
    public enum Kind {
        TOPOLOGY_SVG(DiagramExport.SVG, "topology"),
        TOPOLOGY_PNG(DiagramExport.PNG, "topology"),
        SEQUENCE_SVG(DiagramExport.SVG, "protocol");

        private final DiagramExport format;
        private final String name;

        Kind(DiagramExport format, String name) {
            this.format = format;
            this.name = name;
        }

        public DiagramExport format() {
            return format;
        }

        /** A file name to suggest: {@code topology-12000ms.svg}. */
        public String suggestedFileName(long time) {
            return name + "-" + time + "ms." + format.extension();
        }
    }

    private final PlaygroundViewModel playground;
    private final SequenceViewModel sequence;

    public ExportActions(PlaygroundViewModel playground, SequenceViewModel sequence) {
        this.playground = playground;
        this.sequence = sequence;
    }

    /**
     * Writes {@code kind} at the current time to {@code file} in {@code language}; {@code done} gets, on the UI
     * thread, nothing on success or the reason it failed.
     */
    public void export(Kind kind, Path file, Messages language, Consumer<Optional<String>> done) {
        long time = playground.getTime();
        boolean fold = sequence.foldHeartbeatsProperty().get();
        String group = playground.groups().size() > 1 ? playground.getGroup() : null;
        dev.groupscope.diagram.EventGroups groups = playground.eventGroups();
        playground.query(run -> {
            Drawing drawing = drawing(kind, run, time, language, fold, groups, group);
            if (kind.format() == DiagramExport.PNG && !PngExporter.fits(drawing, PngExporter.SCALE)) {
                return Optional.of(language.format("ui.export.tooLarge", java.util.Map.of(
                        "width", PngExporter.pixelWidth(drawing, PngExporter.SCALE),
                        "height", PngExporter.pixelHeight(drawing, PngExporter.SCALE))));
            }
            return write(file, kind.format().bytes(drawing));
        }, done);
    }

    /**
     * The picture of {@code kind} at {@code time}; a sequence diagram of {@code group}'s protocol when it is not null
     * (as the Protocol tab shows it: the other groups' messages left out), of every message when it is.
     */
    static Drawing drawing(Kind kind, Simulation run, long time, Messages language, boolean foldHeartbeats,
                           dev.groupscope.diagram.EventGroups groups, String group) {
        if (kind == Kind.SEQUENCE_SVG) {
            java.util.List<dev.groupscope.diagram.ProtocolEvent> rows = ProtocolLog.read(run.log(), 0, time, groups)
                    .stream().filter(row -> group == null || groups.shows(run.log().get((int) row.seq()), group))
                    .toList();
            return SequenceLayout.layout(rows, 0, time, language, foldHeartbeats, -1, null, group).drawing();
        }
        return TopologyLayout.layout(TopologyReader.read(run.stateAtTime(time)), language);
    }

    private static Optional<String> write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
