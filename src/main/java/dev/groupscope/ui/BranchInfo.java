package dev.groupscope.ui;

import dev.groupscope.scenario.Scenario.ActionSpec;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run as the branch list shows it: its number, the branch it forked from (-1 for the scenario as written), the
 * moment it forked, the command that made it (empty for the scenario as written), and whether it is the run shown.
 */
public record BranchInfo(int id, int parent, long forkTimeMs, Optional<ModelCommand> command, boolean current) {

    BranchInfo asCurrent() {
        return new BranchInfo(id, parent, forkTimeMs, command, true);
    }

    /**
     * The what-if actions that made branch {@code id} of {@code branches}, from the scenario as written to it, each
     * at the moment it was made: empty for the scenario as written.
     */
    static List<ActionSpec> whatIfActions(List<BranchInfo> branches, int id) {
        Map<Integer, BranchInfo> byId = new HashMap<>();
        branches.forEach(branch -> byId.put(branch.id(), branch));
        LinkedList<ActionSpec> actions = new LinkedList<>();
        for (BranchInfo at = byId.get(id); at != null && at.command().isPresent(); at = byId.get(at.parent())) {
            actions.addFirst(at.command().get().action().at(at.forkTimeMs()));
        }
        return actions;
    }
}
