package dev.groupscope.kafka.config;

import java.util.List;
import java.util.stream.Collectors;

/** Settings Kafka would refuse, with every problem found (Kafka stops at the first; a learner wants them all). */
public final class InvalidSettingsException extends IllegalArgumentException {

    private final transient List<SettingProblem> problems;

    public InvalidSettingsException(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::kafkaMessage).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
