package dev.groupscope.diagram;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.EventGroups;
import java.nio.file.Path;
import java.util.List;

/** A lesson as the Protocol tab reads it, for the tests of the notes it draws. */
final class LessonRows {

    private LessonRows() {
    }

    /** The lesson run to {@code to}, and its rows from {@code from} to {@code to}. */
    static List<ProtocolEvent> read(String lesson, long from, long to) {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/" + lesson + ".json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(to);
        return ProtocolLog.read(simulation.log(), from, to, new EventGroups(scenario.groupOfClient()));
    }

    /**
     * The texts of the notes the rows are drawn with, from {@code from} to {@code to}, in {@code messages}: each
     * note's words on all the lines it wraps onto.
     */
    static List<String> noteTexts(List<ProtocolEvent> rows, long from, long to, Messages messages) {
        Drawing drawing = SequenceLayout.layout(rows, from, to, messages, true, -1).drawing();
        return drawing.shapes().stream().filter(shape -> shape instanceof Shape.Label)
                .filter(shape -> shape.id().startsWith("note-") && shape.id().endsWith("-label"))
                .map(shape -> NoteLines.words(drawing, shape.id())).toList();
    }
}
