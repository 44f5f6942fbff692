package dev.groupscope.ui;

import static dev.groupscope.kafka.config.ConsumerConfigs.AUTO_OFFSET_RESET;
import static dev.groupscope.kafka.config.ConsumerConfigs.CLIENT_ID;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_ID;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_PROTOCOL;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_REMOTE_ASSIGNOR;
import static dev.groupscope.kafka.config.ConsumerConfigs.HEARTBEAT_INTERVAL_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.ISOLATION_LEVEL;
import static dev.groupscope.kafka.config.ConsumerConfigs.PARTITION_ASSIGNMENT_STRATEGY;
import static dev.groupscope.kafka.config.ConsumerConfigs.SESSION_TIMEOUT_MS;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.config.AssignmentStrategies;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.kafka.config.ConsumerConfigs;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.kafka.config.SettingDefinition;
import dev.groupscope.kafka.config.SettingProblem;
import dev.groupscope.kafka.config.SettingType;
import dev.groupscope.sim.client.CommitPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A consumer's settings sheet without a window: which settings it shows (every one the simulated classic consumer
 * reads), each with the value the consumer runs with, Kafka's default, the values Kafka allows and how to edit it;
 * the commit policy beside them; and what Apply does with the person's input. The input is checked by Kafka's own
 * rules ({@link ConsumerSettings#validate}, over the settings the consumer runs with) and by the coordinator's
 * session-timeout bounds, which would refuse every JoinGroup; a refusal names the row and gives Kafka's reason, and
 * nothing is applied. Accepted input becomes ONE {@link ModelCommand.ChangeSettings} for the one command path.
 */
public final class ConsumerSettingsViewModel {

    /** The row key of the commit policy, and of its record count (everyN). */
    public static final String COMMIT_POLICY = "commitPolicy";
    public static final String COMMIT_EVERY_RECORDS = "commitPolicy.records";

    /**
     * Settings the sheet leaves out: group.id and client.id make another consumer, not a changed one; group.protocol,
     * group.remote.assignor and isolation.level are never read by the classic consumer the model runs (it has no
     * transactions).
     */
    static final Set<String> HIDDEN = Set.of(GROUP_ID, CLIENT_ID, GROUP_PROTOCOL, GROUP_REMOTE_ASSIGNOR,
            ISOLATION_LEVEL);

    /** Kafka's message for INVALID_SESSION_TIMEOUT ({@code InvalidSessionTimeoutException}), word for word. */
    static final String KAFKA_INVALID_SESSION_TIMEOUT = "The session timeout is not within the range allowed by the "
            + "broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).";

    private static final int MAX_EVERY_RECORDS = 1_000_000;

    /** How a row is edited: numbers and free text as typed text, so that anything can be typed and refused. */
    public enum Editor { NUMBER, BOOLEAN, CHOICE, TEXT }

    /**
     * One setting as the sheet shows it.
     *
     * @param type     Kafka's type name (int, long, boolean, string, list)
     * @param allowed  the values Kafka accepts, as its documentation writes them (empty: any of the type)
     * @param choices  for a choice editor, the values offered (the current one first if it is not among them)
     * @param editable for a choice editor, whether other text may be typed (by_duration:…, assignor class names)
     */
    public record Row(String name, String type, Editor editor, String current, String defaultValue, String allowed,
                      String descriptionKey, List<String> choices, boolean editable) {
        public Row {
            choices = List.copyOf(choices);
        }
    }

    /**
     * Why a row's input is refused: the explanation's key and arguments, and Kafka's own message where Kafka (the
     * client's config checks or the coordinator) is the one refusing.
     */
    public record Problem(String row, String messageKey, Map<String, String> args, Optional<String> kafkaReason) {
        public Problem {
            args = Map.copyOf(args);
        }
    }

    /** What Apply did: refused (problems by row, nothing applied), or accepted (a command, or none when unchanged). */
    public sealed interface Outcome {
    }

    public record Refused(Map<String, Problem> problems) implements Outcome {
        public Refused {
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }
    }

    public record Accepted(Optional<ModelCommand.ChangeSettings> command) implements Outcome {
    }

    private final String consumer;
    private final ConsumerSettings current;
    private final CommitPolicy currentPolicy;
    private final BrokerSettings broker;
    private final boolean workerPool;

    /**
     * @param current       the settings {@code consumer} runs with at the moment shown
     * @param currentPolicy its commit policy then
     * @param workerPool    whether it feeds a worker pool (which cannot commit every N records or before processing)
     */
    public ConsumerSettingsViewModel(String consumer, ConsumerSettings current, CommitPolicy currentPolicy,
                                     BrokerSettings broker, boolean workerPool) {
        this.consumer = consumer;
        this.current = current;
        this.currentPolicy = currentPolicy;
        this.broker = broker;
        this.workerPool = workerPool;
    }

    public String consumer() {
        return consumer;
    }

    /** Every setting the sheet shows, in {@link ConsumerConfigs#DEFINITIONS}' order (membership first). */
    public List<Row> rows() {
        return ConsumerConfigs.DEFINITIONS.stream().filter(d -> !HIDDEN.contains(d.name())).map(this::row).toList();
    }

    private Row row(SettingDefinition definition) {
        String name = definition.name();
        String value = text(current.get(name));
        List<String> choices = choices(definition);
        if (!choices.isEmpty() && !choices.contains(value)) {
            choices = new ArrayList<>(choices);
            choices.add(0, value);
        }
        return new Row(name, definition.type().name().toLowerCase(Locale.ROOT), editor(definition), value,
                definition.defaultValue() == null ? "null" : text(definition.defaultValue()), allowed(definition),
                definition.descriptionKey(), choices,
                name.equals(AUTO_OFFSET_RESET) || name.equals(PARTITION_ASSIGNMENT_STRATEGY));
    }

    private static Editor editor(SettingDefinition definition) {
        if (definition.type() == SettingType.BOOLEAN) {
            return Editor.BOOLEAN;
        }
        if (!choices(definition).isEmpty()) {
            return Editor.CHOICE;
        }
        return definition.type() == SettingType.STRING || definition.type() == SettingType.LIST ? Editor.TEXT
                : Editor.NUMBER;
    }

    /**
     * auto.offset.reset's three plain strategies (by_duration:… is typed), and for partition.assignment.strategy each
     * of Kafka's assignors alone and Kafka's default pair.
     */
    private static List<String> choices(SettingDefinition definition) {
        switch (definition.name()) {
            case AUTO_OFFSET_RESET:
                return List.of("earliest", "latest", "none");
            case PARTITION_ASSIGNMENT_STRATEGY:
                List<String> choices = new ArrayList<>(AssignmentStrategies.PROTOCOL_NAMES);
                choices.add(text(definition.defaultValue()));
                return choices;
            default:
                return List.of();
        }
    }

    /**
     * The allowed values: the coordinator's session-timeout bounds, or as Kafka's validator documents itself; the
     * heartbeat's bound is the session timeout (Kafka checks it when the consumer is built).
     */
    private String allowed(SettingDefinition definition) {
        if (definition.name().equals(SESSION_TIMEOUT_MS)) {
            return "[" + broker.groupMinSessionTimeoutMs() + ",...," + broker.groupMaxSessionTimeoutMs() + "]";
        }
        if (definition.name().equals(HEARTBEAT_INTERVAL_MS)) {
            return "< " + SESSION_TIMEOUT_MS;
        }
        if (definition.type() == SettingType.BOOLEAN) {
            return "[true, false]";
        }
        return definition.validator().toString();
    }

    /** The commit policies the scenario file knows, by its names; a worker pool's only those it can use. */
    public List<String> policyChoices() {
        return java.util.Arrays.stream(CommitPolicy.Kind.values())
                .filter(kind -> !workerPool || kind.fitsWorkerPool())
                .map(CommitPolicy.Kind::fileName).toList();
    }

    public String currentPolicy() {
        return currentPolicy.kind().fileName();
    }

    /** The record count of an everyN policy, as text (100 when the consumer has another policy). */
    public String currentEveryRecords() {
        return Integer.toString(currentPolicy.kind() == CommitPolicy.Kind.EVERY_N ? currentPolicy.everyRecords() : 100);
    }

    /**
     * Checks the sheet's input and, if Kafka would take it, makes the command. {@code edited} holds each row's text
     * (rows left out keep their value); a row whose text equals its current value is no change.
     */
    public Outcome apply(Map<String, String> edited, String policy, String everyRecords) {
        Map<String, String> changed = changes(edited);
        Map<String, Object> merged = new LinkedHashMap<>(current.originals());
        changed.forEach((name, text) -> {
            if (unsets(name, text)) {
                // As in Kafka, the property left out: a static member (group.instance.id) becomes a dynamic one.
                merged.remove(name);
            } else {
                merged.put(name, text);
            }
        });
        Map<String, Problem> problems = new LinkedHashMap<>();
        ConsumerSettings.validate(merged).forEach(problem -> problems.putIfAbsent(problem.setting(), kafka(problem)));
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        ConsumerSettings after = ConsumerSettings.from(merged);
        sessionWithinBrokerBounds(after).ifPresent(problem -> problems.put(SESSION_TIMEOUT_MS, problem));
        Optional<CommitPolicy> newPolicy = policy(policy, everyRecords, after, problems);
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        // Tasks are immutable data: a list value (the assignors) is copied too.
        changed.keySet().forEach(name -> settings.put(name, after.get(name) instanceof List<?> list
                ? List.copyOf(list) : after.get(name)));
        CommitPolicy commitPolicy = newPolicy.filter(p -> !p.equals(currentPolicy)).orElse(null);
        if (settings.isEmpty() && commitPolicy == null) {
            return new Accepted(Optional.empty());
        }
        return new Accepted(Optional.of(new ModelCommand.ChangeSettings(consumer, settings, commitPolicy)));
    }

    /**
     * Whether {@code text} leaves the setting unset: an empty value for a setting whose Kafka default is null
     * (group.instance.id). Kafka refuses an empty group.instance.id; it is cleared by not setting it.
     */
    public static boolean unsets(String name, String text) {
        return text.isBlank() && ConsumerConfigs.definition(name).defaultValue() == null;
    }

    private Map<String, String> changes(Map<String, String> edited) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (Row row : rows()) {
            String text = edited.get(row.name());
            if (text != null && !text.strip().equals(row.current())) {
                changed.put(row.name(), text);
            }
        }
        return changed;
    }

    /** A session timeout outside the coordinator's bounds: Kafka takes the setting, then every JoinGroup fails. */
    private Optional<Problem> sessionWithinBrokerBounds(ConsumerSettings after) {
        int session = after.sessionTimeoutMs();
        if (broker.checkSessionTimeout(session) == Errors.NONE) {
            return Optional.empty();
        }
        return Optional.of(new Problem(SESSION_TIMEOUT_MS, "ui.settings.problem.sessionOutsideBroker",
                Map.of("value", Integer.toString(session), "min", Integer.toString(broker.groupMinSessionTimeoutMs()),
                        "max", Integer.toString(broker.groupMaxSessionTimeoutMs())),
                Optional.of(KAFKA_INVALID_SESSION_TIMEOUT)));
    }

    /** The chosen policy, if it goes with the new enable.auto.commit and the consumer's pool; else a problem. */
    private Optional<CommitPolicy> policy(String choice, String everyRecords, ConsumerSettings after,
                                          Map<String, Problem> problems) {
        CommitPolicy.Kind kind = CommitPolicy.Kind.byFileName(choice);
        if (workerPool && !kind.fitsWorkerPool()) {
            problems.put(COMMIT_POLICY, new Problem(COMMIT_POLICY, "ui.settings.problem.workersPolicy",
                    Map.of("policy", kind.fileName()), Optional.empty()));
            return Optional.empty();
        }
        if (!kind.fitsAutoCommit(after.enableAutoCommit())) {
            problems.put(COMMIT_POLICY, new Problem(COMMIT_POLICY, after.enableAutoCommit()
                    ? "ui.settings.problem.policyNeedsNoAutoCommit" : "ui.settings.problem.autoPolicyNeedsAutoCommit",
                    Map.of("policy", kind.fileName()), Optional.empty()));
            return Optional.empty();
        }
        if (kind != CommitPolicy.Kind.EVERY_N) {
            return Optional.of(CommitPolicy.of(kind));
        }
        Optional<Integer> records = count(everyRecords);
        if (records.isEmpty()) {
            problems.put(COMMIT_EVERY_RECORDS, new Problem(COMMIT_EVERY_RECORDS, "ui.settings.problem.everyRecords",
                    Map.of("value", everyRecords.strip(), "max", Integer.toString(MAX_EVERY_RECORDS)),
                    Optional.empty()));
            return Optional.empty();
        }
        return Optional.of(CommitPolicy.everyN(records.get()));
    }

    private static Optional<Integer> count(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1 && value <= MAX_EVERY_RECORDS ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Problem kafka(SettingProblem problem) {
        return new Problem(problem.setting(), problem.messageKey(), problem.args(),
                Optional.of(problem.kafkaMessage()));
    }

    /** A value as a person types it: lists comma-separated, unset as empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
