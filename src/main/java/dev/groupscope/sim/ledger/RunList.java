package dev.groupscope.sim.ledger;

import dev.groupscope.sim.engine.SharedList;
import dev.groupscope.sim.ledger.Ledger.Run;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A partition's runs (of processing or of delivery), of which nearly only the last changes: a run grows record by
 * record. Immutable: the last run is held apart, the others in a list that is never changed once made (a change
 * makes a changed copy, sharing its full chunks). A copy of a partition's ledger — one per partition processed
 * between two snapshots — then shares its runs outright, where copying two lists cost a third of it.
 */
record RunList(SharedList<Run> earlier, Run last) {

    /** No run. Its list is never changed: every change copies it first. */
    static final RunList EMPTY = new RunList(new SharedList<>(), null);

    int size() {
        return last == null ? 0 : earlier.size() + 1;
    }

    Run get(int index) {
        return index == earlier.size() && last != null ? last : earlier.get(index);
    }

    /** With {@code run} added at the end. */
    RunList plus(Run run) {
        if (last == null) {
            return new RunList(earlier, run);
        }
        SharedList<Run> grown = earlier.copy();
        grown.add(last);
        return new RunList(grown, run);
    }

    /** With the run at {@code index} replaced by {@code run}. */
    RunList with(int index, Run run) {
        if (index == earlier.size()) {
            return new RunList(earlier, run);
        }
        SharedList<Run> changed = earlier.copy();
        changed.set(index, run);
        return new RunList(changed, last);
    }

    /** The runs in order, read-only (a view: a later change makes a new RunList, not a change to this one). */
    List<Run> asList() {
        return new View();
    }

    private final class View extends AbstractList<Run> implements RandomAccess {
        @Override
        public Run get(int index) {
            java.util.Objects.checkIndex(index, size());
            return RunList.this.get(index);
        }

        @Override
        public int size() {
            return RunList.this.size();
        }
    }
}
