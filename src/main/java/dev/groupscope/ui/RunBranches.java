package dev.groupscope.ui;

import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.MetricsRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs a session has made: the scenario as written (branch 0) and every what-if fork, each with the command
 * that made it, the moment it forked at and the branch it forked from. Forking never changes a run (a
 * {@link Simulation#fork} is a new run sharing the old one's past), so undoing a command is going back to its
 * parent branch, and every branch can be returned to. Plain bookkeeping, confined to the simulation's worker thread.
 */
final class RunBranches {

    /** One run. {@code command} is empty for the scenario as written; {@code parent} is -1 for it. */
    static final class Branch {
        final int id;
        final int parent;
        final long forkTimeMs;
        /** The moment on screen when the command was given (an undo goes back to it); the fork's own for branch 0. */
        final long shownMs;
        final Optional<ModelCommand> command;
        final Simulation simulation;
        MetricsRecorder metrics;
        /** How far this run has been computed (runUntil's argument, which may be past its last event). */
        long computedUntil = -1;

        Branch(int id, int parent, long forkTimeMs, long shownMs, Optional<ModelCommand> command,
               Simulation simulation, MetricsRecorder metrics) {
            this.id = id;
            this.parent = parent;
            this.forkTimeMs = forkTimeMs;
            this.shownMs = shownMs;
            this.command = command;
            this.simulation = simulation;
            this.metrics = metrics;
        }

        BranchInfo info() {
            return new BranchInfo(id, parent, forkTimeMs, command, false);
        }
    }

    private final List<Branch> branches = new ArrayList<>();
    private Branch current;

    RunBranches(Simulation scenario, MetricsRecorder metrics) {
        current = new Branch(0, -1, 0, 0, Optional.empty(), scenario, metrics);
        branches.add(current);
    }

    Branch current() {
        return current;
    }

    /**
     * Records a fork of the current branch at {@code time} made by {@code command}, given while {@code shownMs} was
     * on screen, and makes it current.
     */
    Branch fork(long time, long shownMs, ModelCommand command, Simulation forked, MetricsRecorder metrics) {
        current = new Branch(branches.size(), current.id, time, shownMs, Optional.of(command), forked, metrics);
        branches.add(current);
        return current;
    }

    /** Goes back to the current branch's parent (undo) and returns the branch left; empty on the scenario as written. */
    Optional<Branch> undo() {
        if (current.parent < 0) {
            return Optional.empty();
        }
        Branch left = current;
        current = branches.get(left.parent);
        return Optional.of(left);
    }

    /** Makes branch {@code id} current; empty for an unknown id. */
    Optional<Branch> switchTo(int id) {
        if (id < 0 || id >= branches.size()) {
            return Optional.empty();
        }
        current = branches.get(id);
        return Optional.of(current);
    }

    Branch get(int id) {
        return branches.get(id);
    }

    /** Every branch in the order made, for a list a person picks from. */
    List<BranchInfo> infos() {
        return branches.stream().map(Branch::info).toList();
    }
}
