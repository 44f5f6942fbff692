package dev.groupscope.kafka.config;

import java.util.Optional;

/**
 * Kafka's rules for a {@code group.instance.id} (its {@code JoinGroupRequest.validateGroupInstanceId}, which
 * applies the topic-name rules): not empty, not "." or "..", at most 249 characters, only ASCII letters, digits,
 * '.', '_' and '-'.
 */
public final class GroupInstanceIds {

    public static final int MAX_LENGTH = 249;
    private static final String PREFIX = "Group instance id is invalid: ";

    private GroupInstanceIds() {
    }

    /** The problem with an id, if any, reported against {@code setting}. */
    public static Optional<SettingProblem> check(String setting, String id) {
        try {
            validate(id);
            return Optional.empty();
        } catch (BadValueException e) {
            return Optional.of(e.toProblem(setting, id));
        }
    }

    static void validate(String id) throws BadValueException {
        if (id.isEmpty()) {
            throw problem("empty", "the empty string is not allowed");
        }
        if (id.equals(".") || id.equals("..")) {
            throw problem("dots", "'" + id + "' is not allowed");
        }
        if (id.length() > MAX_LENGTH) {
            throw problem("tooLong", "the length of '" + id + "' is longer than the max allowed length " + MAX_LENGTH);
        }
        if (!id.chars().allMatch(GroupInstanceIds::isLegal)) {
            throw problem("illegalCharacters",
                    "'" + id + "' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'");
        }
    }

    private static boolean isLegal(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static BadValueException problem(String reason, String kafkaReason) {
        return BadValueException.standalone("setting.problem.groupInstanceId." + reason, PREFIX + kafkaReason,
                "max", Integer.toString(MAX_LENGTH));
    }
}
