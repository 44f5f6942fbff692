package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final long HORIZON = 8_000;

    private static Simulation run(long seed, List<ScriptedAction> script, int snapshotEvery) {
        Simulation simulation = new Simulation(PingPong.world(seed), script, snapshotEvery);
        simulation.runUntil(HORIZON);
        return simulation;
    }

    private static List<ScriptedAction> crashAndRestart() {
        return List.of(new ScriptedAction(2_000, new PingPong.Crash("server")),
                new ScriptedAction(3_000, new PingPong.Restart("server")));
    }

    @Property(tries = 200)
    void theSameSeedAndScriptGiveTheSameEventLog(@ForAll long seed) {
        assertThat(run(seed, crashAndRestart(), 16).log()).isEqualTo(run(seed, crashAndRestart(), 7).log());
    }

    @Property(tries = 100)
    void eventsNoLongerHeldAreReplayedExactlyAsTheyHappened(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 40) int snapshotEvery,
                                                            @ForAll @LongRange(min = 0, max = 6_000) long forkAt) {
        Simulation holdingAll = run(seed, crashAndRestart(), snapshotEvery);
        Simulation holdingOne = new Simulation(PingPong.world(seed), crashAndRestart(), snapshotEvery, 1);
        holdingOne.runUntil(HORIZON);
        List<SimEvent> all = holdingAll.log();
        List<SimEvent> one = holdingOne.log();
        assertThat(one).hasSameSizeAs(all);
        for (int i = all.size() - 1; i >= 0; i--) { // backwards: every segment but the last is replayed
            assertThat(one.get(i)).isEqualTo(all.get(i));
        }
        Simulation forkOfAll = holdingAll.fork(forkAt, new PingPong.Crash("server"));
        Simulation forkOfOne = holdingOne.fork(forkAt, new PingPong.Crash("server"));
        forkOfAll.runUntil(HORIZON);
        forkOfOne.runUntil(HORIZON);
        assertThat(forkOfOne.log()).isEqualTo(forkOfAll.log());
    }

    @Property(tries = 50)
    void aRebuiltStateGoesOnWithTheEventsTheLogHas(@ForAll long seed,
                                                   @ForAll @IntRange(min = 1, max = 40) int snapshotEvery,
                                                   @ForAll @LongRange(min = 0, max = 6_000) long at) {
        Simulation simulation = run(seed, crashAndRestart(), snapshotEvery);
        // Rebuilding skips building the replayed steps' events, but must still count them.
        World rebuilt = simulation.stateAtTime(at);
        List<SimEvent> log = simulation.log();
        assertThat(rebuilt.eventCount()).isEqualTo(log.stream().filter(e -> e.time() <= at).count());
        List<SimEvent> next = new ArrayList<>();
        while (next.isEmpty() && rebuilt.steps() < simulation.steps()) {
            next.addAll(rebuilt.step());
        }
        if (!next.isEmpty()) {
            assertThat(next.get(0)).isEqualTo(log.get((int) next.get(0).seq()));
        }
    }

    @Property(tries = 100)
    void everyRebuiltStateEqualsTheStateReachedGoingForward(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 50) int snapshotEvery) {
        Simulation simulation = new Simulation(PingPong.world(seed), crashAndRestart(), snapshotEvery);
        List<Map<String, Object>> forward = new ArrayList<>();
        forward.add(simulation.current().views());
        while (simulation.current().peek() != null && simulation.current().peek().time() <= HORIZON) {
            simulation.step();
            forward.add(simulation.current().views());
        }
        for (int steps = 0; steps < forward.size(); steps++) {
            assertThat(simulation.stateAfterSteps(steps).views()).as("after %d steps", steps)
                    .isEqualTo(forward.get(steps));
        }
    }

    @Property(tries = 50)
    void aStateAdvancedToALaterTimeEqualsTheStateRebuiltThere(@ForAll long seed,
                                                             @ForAll @IntRange(min = 1, max = 50) int snapshotEvery,
                                                             @ForAll @IntRange(min = 0, max = 8_000) int from,
                                                             @ForAll @IntRange(min = 0, max = 3_000) int ahead) {
        Simulation simulation = run(seed, crashAndRestart(), snapshotEvery);
        World playing = simulation.stateAtTime(from);
        simulation.advanceTo(playing, from + ahead);
        assertThat(playing.views()).isEqualTo(simulation.stateAtTime(from + ahead).views());
        assertThat(playing.steps()).isEqualTo(simulation.stepsUpTo(from + ahead));
    }

    @Property(tries = 100)
    void aForkEqualsAFreshRunOfTheExtendedScript(@ForAll long seed,
                                                 @ForAll @LongRange(min = 0, max = 6_000) long crashAt,
                                                 @ForAll @IntRange(min = 1, max = 40) int snapshotEvery) {
        Simulation original = run(seed, crashAndRestart(), snapshotEvery);
        Simulation fork = original.fork(crashAt, new PingPong.Crash("server"));
        fork.runUntil(HORIZON);

        List<ScriptedAction> extended = new ArrayList<>(crashAndRestart());
        extended.add(new ScriptedAction(crashAt, new PingPong.Crash("server")));
        Simulation fresh = run(seed, extended, snapshotEvery);

        assertThat(fork.log()).isEqualTo(fresh.log());
        assertThat(fork.current().views()).isEqualTo(fresh.current().views());
    }

    /**
     * A fork of a fork starts from the first fork's snapshots: those taken before the first insertion must hold its
     * action too, or the second fork replays the run without it (found replaying the real-Kafka harness's scripts,
     * which insert one action per step).
     */
    @Property(tries = 100)
    void aForkOfAForkEqualsAFreshRunOfBothActions(@ForAll long seed,
                                                  @ForAll @LongRange(min = 0, max = 3_000) long crashAt,
                                                  @ForAll @LongRange(min = 1, max = 3_000) long restartAfter,
                                                  @ForAll @IntRange(min = 1, max = 40) int snapshotEvery) {
        Simulation original = new Simulation(PingPong.world(seed), List.of(), snapshotEvery);
        original.runUntil(crashAt - 1);
        Simulation first = original.fork(crashAt, new PingPong.Crash("server"));
        first.runUntil(crashAt + restartAfter - 1);
        Simulation second = first.fork(crashAt + restartAfter, new PingPong.Restart("server"));
        second.runUntil(HORIZON);

        Simulation fresh = run(seed, List.of(new ScriptedAction(crashAt, new PingPong.Crash("server")),
                new ScriptedAction(crashAt + restartAfter, new PingPong.Restart("server"))), snapshotEvery);

        assertThat(second.log()).isEqualTo(fresh.log());
        assertThat(second.current().views()).isEqualTo(fresh.current().views());
    }

    @Property(tries = 50)
    void everyStateRebuiltInAForkEqualsTheFreshRunsState(@ForAll long seed,
                                                        @ForAll @LongRange(min = 0, max = 6_000) long crashAt,
                                                        @ForAll @IntRange(min = 1, max = 40) int snapshotEvery) {
        Simulation fork = run(seed, List.of(), snapshotEvery).fork(crashAt, new PingPong.Crash("server"));
        fork.runUntil(HORIZON);
        Simulation fresh = run(seed, List.of(new ScriptedAction(crashAt, new PingPong.Crash("server"))),
                snapshotEvery);

        for (long steps = 0; steps <= fork.steps(); steps += 7) {
            assertThat(fork.stateAfterSteps(steps).views()).as("after %d steps", steps)
                    .isEqualTo(fresh.stateAfterSteps(steps).views());
        }
    }

    @Property(tries = 100)
    void everyStateOfAForkRebuildsAsInAFreshRunOfTheExtendedScript(
            @ForAll long seed, @ForAll @LongRange(min = 0, max = 6_000) long crashAt,
            @ForAll @IntRange(min = 1, max = 40) int snapshotEvery) {
        Simulation fork = run(seed, crashAndRestart(), snapshotEvery).fork(crashAt, new PingPong.Crash("server"));
        fork.runUntil(HORIZON);
        List<ScriptedAction> extended = new ArrayList<>(crashAndRestart());
        extended.add(new ScriptedAction(crashAt, new PingPong.Crash("server")));
        Simulation fresh = run(seed, extended, snapshotEvery);

        for (long steps = 0; steps <= fresh.steps(); steps++) {
            assertThat(fork.stateAfterSteps(steps).views()).as("after %d steps", steps)
                    .isEqualTo(fresh.stateAfterSteps(steps).views());
        }
        for (long time = 0; time <= HORIZON; time += 250) {
            assertThat(fork.stateAtTime(time).views()).as("at %d ms", time)
                    .isEqualTo(fresh.stateAtTime(time).views());
        }
    }

    @Test
    void aCopySharesTheActorsNoStepHasTouchedAndNeverSeesTheOtherSidesChanges() {
        World world = PingPong.world(3);
        for (int i = 0; i < 20; i++) {
            world.step();
        }
        World snapshot = world.copy();
        Map<String, Object> before = snapshot.views();
        assertThat(snapshot.actors().get("server")).isSameAs(world.actors().get("server"));

        world.step(); // the client's next task: the client is copied before it changes, the server stays shared
        World rebuilt = snapshot.copy();
        rebuilt.step();

        assertThat(snapshot.views()).isEqualTo(before);
        assertThat(world.actors().get("client")).isNotSameAs(snapshot.actors().get("client"));
        assertThat(rebuilt.views()).isEqualTo(world.views());
    }

    @Test
    void forkingLeavesTheOriginalRunAsItWas() {
        Simulation original = run(42, crashAndRestart(), 10);
        List<SimEvent> before = List.copyOf(original.log());
        Map<String, Object> endBefore = original.current().views();

        original.fork(500, new PingPong.Crash("server")).runUntil(HORIZON);

        assertThat(original.log()).isEqualTo(before);
        assertThat(original.current().views()).isEqualTo(endBefore);
        assertThat(original.stateAtTime(HORIZON).views()).isEqualTo(endBefore);
    }

    @Test
    void aReArmedTimerFiresOnlyAtItsLastDeadline() {
        Simulation simulation = run(7, List.of(new ScriptedAction(2_000, new PingPong.Crash("server"))), 10);
        List<SimEvent> expirations = simulation.log().stream()
                .filter(event -> event.type().equals("SessionExpired")).toList();
        // Pongs keep pushing the session deadline forward; it expires once, 250 ms after the last pong.
        long lastPong = simulation.log().stream().filter(event -> event.type().equals("Pong"))
                .mapToLong(SimEvent::time).max().orElseThrow();
        assertThat(expirations).hasSize(1);
        assertThat(expirations.get(0).time()).isEqualTo(lastPong + 250);
        assertThat(expirations.get(0).ruleArgs()).containsEntry("timeoutMs", 250);
    }

    @Test
    void stateAtTimeIncludesEverythingDueAtThatMillisecond() {
        Simulation simulation = run(3, crashAndRestart(), 5);
        World atCrash = simulation.stateAtTime(2_000);
        assertThat(atCrash.views().get("server")).isEqualTo(new PingPong.ServerView(
                ((PingPong.ServerView) atCrash.views().get("server")).answered(), false));
        assertThat(simulation.stateAtTime(1_999).views().get("server"))
                .extracting(view -> ((PingPong.ServerView) view).up()).isEqualTo(true);
    }

    @Test
    void eventsAreNumberedInOrderAndCarryTheirStep() {
        Simulation simulation = run(11, crashAndRestart(), 10);
        List<SimEvent> log = simulation.log();
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.get(i).seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(log.get(i).time()).isGreaterThanOrEqualTo(log.get(i - 1).time());
                assertThat(log.get(i).step()).isGreaterThanOrEqualTo(log.get(i - 1).step());
            }
        }
        SimEvent crash = log.stream().filter(event -> event.type().equals("Crash")).findFirst().orElseThrow();
        assertThat(simulation.stateAtEvent(crash.seq()).views().get("server"))
                .extracting(view -> ((PingPong.ServerView) view).up()).isEqualTo(false);
    }

    @Test
    void schedulingIntoThePastIsRefused() {
        World world = PingPong.world(1);
        assertThatThrownBy(() -> world.schedule(-1, new PingPong.Tick("client")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past");
    }

    @Test
    void aSnapshotKeepsNoStaleTimerEntries() {
        // PingPong's client re-arms its session timer on every pong; each re-arming leaves the old entry queued.
        World going = PingPong.world(7);
        while (going.hasPending() && going.now() < 3_000) {
            going.step();
        }
        int queued = going.queued();
        going.dropAllStaleTimers();
        assertThat(going.queued()).as("the run leaves stale entries behind").isLessThan(queued);

        Simulation simulation = new Simulation(PingPong.world(7), List.of(), 10);
        simulation.runUntil(HORIZON);
        assertThat(simulation.snapshotCount()).isGreaterThan(10);
        for (int i = 0; i < simulation.snapshotCount(); i++) {
            World snapshot = simulation.snapshot(i);
            int held = snapshot.queued();
            snapshot.dropAllStaleTimers();
            assertThat(snapshot.queued()).as("snapshot %d", i).isEqualTo(held);
        }
    }
}
