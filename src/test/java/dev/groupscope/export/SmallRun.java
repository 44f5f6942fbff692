package dev.groupscope.export;

import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.ProtocolLog;
import dev.groupscope.diagram.SequenceDiagram;
import dev.groupscope.diagram.SequenceLayout;
import dev.groupscope.diagram.TopologyLayout;
import dev.groupscope.diagram.TopologyReader;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The small fixed run of {@code src/test/resources/export/small.json}: two consumers of group "shop" share three
 * partitions; C2 crashes at 5 s and the coordinator removes it at about 10 s (6 s session timeout).
 */
final class SmallRun {

    static final Path SCENARIO = Path.of("src/test/resources/export/small.json");
    static final Messages ENGLISH = Messages.english();
    static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);

    private SmallRun() {
    }

    static Scenario scenario() {
        return ScenarioReader.read(SCENARIO);
    }

    static Simulation runUntil(long time) {
        Simulation simulation = ScenarioWorld.simulation(scenario());
        simulation.runUntil(time);
        return simulation;
    }

    static Drawing topologyAt(long time, Messages messages) {
        return TopologyLayout.layout(TopologyReader.read(runUntil(time).stateAtTime(time)), messages);
    }

    static SequenceDiagram sequence(long from, long to, boolean fold, Messages messages) {
        return SequenceLayout.layout(ProtocolLog.read(runUntil(to).log(), from, to), from, to, messages, fold, -1);
    }
}
