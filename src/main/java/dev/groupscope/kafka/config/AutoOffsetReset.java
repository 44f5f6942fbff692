package dev.groupscope.kafka.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code auto.offset.reset}: where a consumer starts when its group has no committed offset for a partition (or the
 * committed one no longer exists). {@code by_duration:PT1H} starts at the first record no older than an hour.
 */
public record AutoOffsetReset(Strategy strategy, Optional<Duration> duration) {

    /** The strategies, with the spelling Kafka accepts (lower case only). */
    public enum Strategy {
        LATEST, EARLIEST, NONE, BY_DURATION;

        public String kafkaName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final AutoOffsetReset LATEST = new AutoOffsetReset(Strategy.LATEST, Optional.empty());
    public static final AutoOffsetReset EARLIEST = new AutoOffsetReset(Strategy.EARLIEST, Optional.empty());
    public static final AutoOffsetReset NONE = new AutoOffsetReset(Strategy.NONE, Optional.empty());

    private static final String BY_DURATION_PREFIX = "by_duration:";
    private static final String KAFKA_FORMAT_HINT =
            ". The value must be either 'earliest', 'latest', 'none' or of the format 'by_duration:<PnDTnHnMn.nS.>'.";

    public AutoOffsetReset {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(duration, "duration");
        if ((strategy == Strategy.BY_DURATION) != duration.isPresent()) {
            throw new IllegalArgumentException("a duration goes with by_duration and only with it");
        }
    }

    /** Parses the setting as Kafka's {@code AutoOffsetResetStrategy.fromString} does: case-sensitive. */
    static AutoOffsetReset parse(String text) throws BadValueException {
        if (text == null) {
            throw invalid(null, "unknown");
        }
        switch (text) {
            case "latest":
                return LATEST;
            case "earliest":
                return EARLIEST;
            case "none":
                return NONE;
            case "by_duration":
                throw invalid(text, "missingDuration");
            default:
                return parseByDuration(text);
        }
    }

    private static AutoOffsetReset parseByDuration(String text) throws BadValueException {
        if (!text.startsWith(BY_DURATION_PREFIX)) {
            throw invalid(text, "unknown");
        }
        Duration duration;
        try {
            duration = Duration.parse(text.substring(BY_DURATION_PREFIX.length()));
        } catch (DateTimeParseException e) {
            throw invalid(text, "badDuration");
        }
        if (duration.isNegative()) {
            throw invalid(text, "negativeDuration");
        }
        return new AutoOffsetReset(Strategy.BY_DURATION, Optional.of(duration));
    }

    /** Kafka gives one message for every way of getting it wrong; our explanation says which way it was. */
    private static BadValueException invalid(String text, String reason) {
        return BadValueException.invalidValue("setting.problem.autoOffsetReset." + reason,
                "Invalid value `" + text + "` for configuration auto.offset.reset" + KAFKA_FORMAT_HINT);
    }

    /** The setting's text, as Kafka spells it. */
    @Override
    public String toString() {
        return duration.map(d -> BY_DURATION_PREFIX + d).orElse(strategy.kafkaName());
    }
}
