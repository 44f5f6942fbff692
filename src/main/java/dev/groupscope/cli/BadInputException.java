package dev.groupscope.cli;

/**
 * Input the CLI cannot use: the message is the one line the user sees on standard error (after "groupscope: "),
 * and the exit code is {@link GroupScopeCli#BAD_INPUT}.
 */
final class BadInputException extends RuntimeException {

    BadInputException(String message) {
        super(message, null, false, false);
    }

    /** {@code time}, given with {@code option}, must fall within the scenario's run, 0 to its durationMs. */
    static void requireWithin(String option, long time, dev.groupscope.scenario.Scenario scenario) {
        if (time < 0 || time > scenario.durationMs()) {
            throw new BadInputException(dev.groupscope.scenario.json.EnglishText.format("cli.timeOutside", "option", option,
                    "value", time, "file", scenario.file(), "duration", scenario.durationMs()));
        }
    }
}
