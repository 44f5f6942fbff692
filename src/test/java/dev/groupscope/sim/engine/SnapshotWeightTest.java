package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots are spaced by what a replay redoes: a step's events, plus what it weighs beyond them. */
class SnapshotWeightTest {

    record Tick(String target) implements Task {
    }

    /** Emits one event a millisecond and weighs each step {@code weight} more (an append, say). */
    record Ticker(String id, int weight) implements Actor {
        @Override
        public Actor copy() {
            return this;
        }

        @Override
        public void handle(Task task, Context context) {
            context.emit(EventKind.CLIENT, "Tick", id, null, Map.of());
            context.weigh(weight);
            context.schedule(1, new Tick(id));
        }

        @Override
        public Object view() {
            return id;
        }
    }

    private static int snapshotsAfter100Ticks(int weight) {
        return snapshotsAfter100Ticks(weight, true);
    }

    private static int snapshotsAfter100Ticks(int weight, boolean weighs) {
        World world = new World(1);
        world.addActor(new Ticker("ticker", weight));
        world.schedule(0, new Tick("ticker"));
        Simulation simulation = new Simulation(world, List.of(), 10, weighs);
        simulation.runUntil(99);
        return simulation.snapshotCount();
    }

    @Test
    void stepsThatEmitOneEventEachAreSnapshottedEveryTenEvents() {
        assertThat(snapshotsAfter100Ticks(0)).isEqualTo(1 + 10);
    }

    @Test
    void aStepWeighingFourMoreCountsAsFiveEvents() {
        assertThat(snapshotsAfter100Ticks(4)).isEqualTo(1 + 50);
    }

    @Test
    void aRunThatDoesNotWeighCountsEventsOnly() {
        assertThat(snapshotsAfter100Ticks(4, false)).isEqualTo(1 + 10);
    }

    @Test
    void aReplayBuildsNoEventButCountsThemAll() {
        World world = new World(1);
        world.addActor(new Ticker("ticker", 4));
        world.schedule(0, new Tick("ticker"));
        Simulation simulation = new Simulation(world, List.of(), 10);
        simulation.runUntil(99);

        World rebuilt = simulation.stateAtTime(55);
        assertThat(rebuilt.eventCount()).isEqualTo(56);
        assertThat(rebuilt.buildsEvents()).isTrue();
    }
}
