package dev.groupscope.cli;

/**
 * Input the CLI cannot use: the message is the one line the user sees on standard error (after "groupscope: "),
 * and the exit code is {@link GroupScopeCli#BAD_INPUT}.
 */
final class BadInputException extends RuntimeException {

    BadInputException(String message) {
        super(message, null, false, false);
    }
}
