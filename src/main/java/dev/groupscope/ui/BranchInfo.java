package dev.groupscope.ui;

import java.util.Optional;

/**
 * One run as the branch list shows it: its number, the branch it forked from (-1 for the scenario as written), the
 * moment it forked, the command that made it (empty for the scenario as written), and whether it is the run shown.
 */
public record BranchInfo(int id, int parent, long forkTimeMs, Optional<ModelCommand> command, boolean current) {

    BranchInfo asCurrent() {
        return new BranchInfo(id, parent, forkTimeMs, command, true);
    }
}
