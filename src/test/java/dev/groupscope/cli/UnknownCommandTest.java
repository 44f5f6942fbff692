package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mistyped command is one line naming the commands there are, and the one meant when it is close: exit code 2. */
class UnknownCommandTest {

    @Test
    void aMistypedCommandSuggestsTheOneMeant() {
        CliRun run = CliRun.of("simulat", "lessons/scenarios/playground.json");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("groupscope: unknown command \"simulat\" (did you mean \"simulate\"?); "
                + "expected one of: help, coordinator, partition, assign, simulate, export\n");
    }

    @Test
    void aWordLikeNoCommandListsThemAll() {
        CliRun run = CliRun.of("frobnicate");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("groupscope: unknown command \"frobnicate\"; "
                + "expected one of: help, coordinator, partition, assign, simulate, export\n");
    }

    @Test
    void anUnknownOptionOfACommandIsStillPicocliSOwnLine() {
        CliRun run = CliRun.of("simulate", "--bogus", "x.json");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("groupscope: Unknown option: '--bogus'\n");
    }
}
