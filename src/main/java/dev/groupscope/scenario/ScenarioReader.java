package dev.groupscope.scenario;

import dev.groupscope.kafka.TopicRules;
import dev.groupscope.kafka.config.BrokerConfigs;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.kafka.config.ConsumerConfigs;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.kafka.config.GroupProtocol;
import dev.groupscope.kafka.config.SettingDefinition;
import dev.groupscope.kafka.config.SettingProblem;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.Scenario.ClusterSpec;
import dev.groupscope.scenario.Scenario.ConsumerSpec;
import dev.groupscope.scenario.Scenario.ProducerSpec;
import dev.groupscope.scenario.Scenario.TopicSpec;
import dev.groupscope.scenario.json.DidYouMean;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.scenario.json.JsonObjectReader;
import dev.groupscope.scenario.json.StrictJson;
import dev.groupscope.scenario.json.Utf8Text;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.client.ConsumerSubscription;
import dev.groupscope.sim.client.ListenerPolicy;
import dev.groupscope.sim.client.ProducerConfig;
import dev.groupscope.sim.client.WorkerPoolConfig;
import dev.groupscope.sim.ledger.Ledger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario file strictly. Besides well-formed JSON with known keys and values of the right type, it checks
 * what a simulation needs to make sense: ids are unique; every topic, consumer, producer and broker an action or a
 * subscription names exists (a topic may also come from a createTopic action); replication factors fit the brokers;
 * partition counts only grow; and every Kafka setting is a real one (with a "did you mean") holding a value Kafka
 * accepts, checked by the same rules as a real KafkaConsumer and broker. Each problem is one line naming the file,
 * the line and column or the JSON path, and what was expected.
 *
 * <p>A consumer or producer starts at {@code startAtMs} (default 0) — unless an action starts it, in which case it
 * waits for that action.
 */
public final class ScenarioReader {

    private static final List<String> TOP_KEYS = List.of("name", "description", "seed", "durationMs", "cluster",
            "topics", "producers", "consumers", "actions");
    /** The languages a name and a description may be given in: those the window speaks ({@code UiLanguage}'s tags). */
    public static final List<String> TEXT_LANGUAGES = List.of("en", "zh-CN");
    private static final List<String> CLUSTER_KEYS = List.of("brokers", "settings", "network", "simulation");
    private static final List<String> NETWORK_KEYS = List.of("delayMs", "jitterMs");
    private static final List<String> SIMULATION_KEYS =
            List.of("recordSizeBytes", "offsetsSegmentRecords", "logCleanerBackoffMs", "coordinatorLoadMs");
    private static final List<String> TOPIC_KEYS = List.of("name", "partitions", "replicationFactor");
    private static final List<String> PRODUCER_KEYS =
            List.of("id", "topic", "recordsPerSecond", "keys", "keyCount", "zipfExponent", "startAtMs", "settings");
    /** The producer settings a scenario may give: only what the model of a producer uses. */
    private static final List<String> PRODUCER_SETTINGS = List.of("metadata.max.age.ms");
    private static final List<String> CONSUMER_KEYS =
            List.of("id", "groupId", "topics", "pattern", "assign", "settings", "processingMsPerRecord", "startAtMs",
                    "commitPolicy", "listener", "workers", "process");
    private static final List<String> SUBSCRIPTION_KEYS = List.of("topics", "pattern", "assign");
    private static final List<String> WORKERS_KEYS =
            List.of("count", "ordering", "windowSize", "onRevoke", "processingJitterMs", "commitIntervalMs");
    private static final List<String> COMMIT_POLICY_KEYS = List.of("type", "records");
    private static final List<String> KEY_DISTRIBUTIONS = List.of("uniform", "zipf", "none");
    private static final long MAX_DURATION_MS = 24L * 3_600_000L;
    private static final int MAX_BROKERS = 12;
    private static final int MAX_PARTITIONS = 10_000;

    private final String file;
    private int brokers;
    private final Map<String, Integer> topicPartitions = new LinkedHashMap<>();
    private final Set<String> consumerIds = new LinkedHashSet<>();
    private final Map<String, ConsumerSpec> consumerSpecs = new LinkedHashMap<>();
    private final Set<String> producerIds = new LinkedHashSet<>();
    private final Map<String, Integer> workerCounts = new LinkedHashMap<>();
    private final Set<String> processes = new LinkedHashSet<>();
    /** The groups the consumers name, in the order they first do. */
    private final Set<String> groupIds = new LinkedHashSet<>();
    /** The consumers addConsumer actions add, by the id the model gives them. */
    private Map<String, AddedConsumers.Added> added = Map.of();

    private ScenarioReader(String file) {
        this.file = file;
    }

    /** Reads and validates the scenario file at {@code path}. */
    public static Scenario read(Path path) {
        String name = path.toString();
        return read(name, Utf8Text.read(path, name));
    }

    /**
     * A scenario's name in the language tagged {@code languageTag}, as {@link Scenario#nameIn} gives it, read without
     * checking the rest of the file: for a menu that lists many (File → Lessons).
     */
    public static String nameIn(String file, String text, String languageTag) {
        Map<String, String> names = JsonObjectReader.of(file, "$", StrictJson.parse(file, text))
                .texts("name", TEXT_LANGUAGES);
        String own = ownText(names, file);
        return names.getOrDefault(languageTag, own);
    }

    /** Reads and validates scenario text; {@code file} names it in messages. */
    public static Scenario read(String file, String text) {
        return new ScenarioReader(file).scenario(JsonObjectReader.of(file, "$", StrictJson.parse(file, text)), text);
    }

    private Scenario scenario(JsonObjectReader root, String text) {
        root.allowOnly(TOP_KEYS);
        ClusterSpec cluster = cluster(root.object("cluster"));
        List<TopicSpec> topics = new ArrayList<>();
        root.objects("topics").forEach(topic -> topics.add(topic(topic)));
        List<JsonObjectReader> actionReaders = root.objects("actions");
        actionReaders.forEach(this::noteCreatedTopic);
        List<ProducerSpec> producers = new ArrayList<>();
        root.objects("producers").forEach(producer -> producers.add(producer(producer)));
        List<ConsumerSpec> consumers = new ArrayList<>();
        root.objects("consumers").forEach(consumer -> {
            ConsumerSpec spec = consumer(consumer);
            consumerSpecs.put(spec.id(), spec);
            consumers.add(spec);
        });
        long duration = root.whole("durationMs", 1, MAX_DURATION_MS);
        noteAddedConsumers(actionReaders, duration, consumers);
        List<ActionSpec> actions = new ArrayList<>();
        for (int i = 0; i < actionReaders.size(); i++) {
            actions.add(action(actionReaders.get(i), i, duration));
        }
        ScenarioChecks.partitionsOnlyGrow(file, topics, actions);
        Map<String, AddedConsumers.Added> addedByPath = new LinkedHashMap<>();
        added.values().forEach(consumer -> addedByPath.put(consumer.path(), consumer));
        SettingChanges.check(file, consumerSpecs, actions, addedByPath);
        Map<String, String> names = root.texts("name", TEXT_LANGUAGES);
        Map<String, String> descriptions = root.texts("description", TEXT_LANGUAGES);
        return new Scenario(file, ownText(names, file), ownText(descriptions, ""),
                root.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0), duration, cluster, topics, producers,
                withStarts(consumers, actions), actions, Optional.of(text), descriptions, names);
    }

    /**
     * The scenario's own text of {@code texts} ({@link JsonObjectReader#texts}), taking it out of them: the one text
     * given, or the English one, or the first; {@code absent} when none is given. What stays is by language tag.
     */
    private static String ownText(Map<String, String> texts, String absent) {
        String own = texts.getOrDefault("",
                texts.getOrDefault("en", texts.values().stream().findFirst().orElse(absent)));
        texts.remove("");
        return own;
    }

    private ClusterSpec cluster(JsonObjectReader cluster) {
        cluster.allowOnly(CLUSTER_KEYS);
        brokers = cluster.count("brokers", 1, MAX_BROKERS);
        Map<String, Object> settings = cluster.settings("settings");
        checkSettingNames(cluster, "settings", settings, BrokerConfigs.DEFINITIONS);
        if (settings.containsKey(BrokerConfigs.OFFSETS_COMMIT_TIMEOUT_MS)) {
            // Kafka's setting, but the model appends a commit without waiting for the offsets partition's
            // replicas, so the timeout could never expire: accepting it would promise an effect it cannot have.
            throw JsonInputException.of("scenario.error.commitTimeoutNotModelled", "file", file,
                    "path", cluster.pathOf("settings") + "['" + BrokerConfigs.OFFSETS_COMMIT_TIMEOUT_MS + "']");
        }
        reportProblem(cluster, "settings", BrokerSettings.validate(settings));
        JsonObjectReader network = cluster.optionalObject("network").orElse(null);
        JsonObjectReader simulation = cluster.optionalObject("simulation").orElse(null);
        if (network != null) {
            network.allowOnly(NETWORK_KEYS);
        }
        if (simulation != null) {
            simulation.allowOnly(SIMULATION_KEYS);
        }
        return new ClusterSpec(brokers, settings,
                network == null ? 2 : network.count("delayMs", 0, 10_000, 2),
                network == null ? 0 : network.count("jitterMs", 0, 10_000, 0),
                simulation == null ? 100 : simulation.count("recordSizeBytes", 1, 1_048_576, 100),
                simulation == null ? 20 : simulation.count("offsetsSegmentRecords", 1, 1_000_000, 20),
                simulation == null ? 15_000 : simulation.whole("logCleanerBackoffMs", 0, MAX_DURATION_MS, 15_000),
                simulation == null ? 0 : simulation.whole("coordinatorLoadMs", 0, MAX_DURATION_MS, 0));
    }

    private TopicSpec topic(JsonObjectReader topic) {
        topic.allowOnly(TOPIC_KEYS);
        String name = newTopicName(topic, "name");
        int partitions = topic.count("partitions", 1, MAX_PARTITIONS);
        int replicationFactor = replicationFactor(topic);
        topicPartitions.put(name, partitions);
        return new TopicSpec(name, partitions, replicationFactor);
    }

    private int replicationFactor(JsonObjectReader reader) {
        int factor = reader.count("replicationFactor", 1, Integer.MAX_VALUE, Math.min(3, brokers));
        if (factor > brokers) {
            throw reader.fail("replicationFactor", "scenario.error.replicationFactor", "factor", factor,
                    "brokers", brokers);
        }
        return factor;
    }

    private String newTopicName(JsonObjectReader reader, String key) {
        String name = reader.string(key);
        if (name.equals("__consumer_offsets")) {
            throw reader.fail(key, "scenario.error.internalTopic");
        }
        if (topicPartitions.containsKey(name)) {
            throw reader.fail(key, "scenario.error.duplicate", "kind", "topic", "name", name);
        }
        // Kafka's CreateTopics checks: a legal name, not colliding with another once '.' and '_' are alike.
        TopicRules.checkCreate(name, 1, topicPartitions.keySet()).ifPresent(refusal -> {
            throw reader.fail(key, "scenario.error.topicRefused", "reason", refusal.kafkaMessage());
        });
        return name;
    }

    /** Topics created by actions can be subscribed to and produced to; their names are known up front. */
    private void noteCreatedTopic(JsonObjectReader action) {
        if (action.has("action") && action.has("topic") && "createTopic".equals(action.string("action"))) {
            String name = newTopicName(action, "topic");
            topicPartitions.put(name, action.count("partitions", 1, MAX_PARTITIONS));
        }
    }

    private ProducerSpec producer(JsonObjectReader producer) {
        producer.allowOnly(PRODUCER_KEYS);
        String id = newId(producer);
        producerIds.add(id);
        String keys = producer.has("keys") ? producer.choice("keys", KEY_DISTRIBUTIONS) : "uniform";
        long metadataMaxAgeMs = producer.optionalObject("settings")
                .map(settings -> settings.allowOnly(PRODUCER_SETTINGS).whole("metadata.max.age.ms", 0, Long.MAX_VALUE,
                        ProducerConfig.DEFAULT_METADATA_MAX_AGE_MS))
                .orElse(ProducerConfig.DEFAULT_METADATA_MAX_AGE_MS);
        return new ProducerSpec(id, existingTopic(producer, "topic"), producer.positive("recordsPerSecond", 1000),
                keys, producer.count("keyCount", 1, 1_000_000, 100), producer.positive("zipfExponent", 10, 1.0),
                optionalStart(producer), metadataMaxAgeMs);
    }

    private ConsumerSpec consumer(JsonObjectReader consumer) {
        consumer.allowOnly(CONSUMER_KEYS);
        String id = newId(consumer);
        consumerIds.add(id);
        String groupId = consumer.string("groupId");
        groupIds.add(groupId);
        ConsumerSubscription subscription = subscription(consumer);
        List<String> topics = subscription.topics();
        Map<String, Object> settings = consumer.settings("settings");
        checkSettingNames(consumer, "settings", settings, ConsumerConfigs.DEFINITIONS);
        for (String reserved : List.of(ConsumerConfigs.GROUP_ID, ConsumerConfigs.CLIENT_ID)) {
            if (settings.containsKey(reserved)) {
                throw consumer.fail("settings", "scenario.error.reservedSetting", "setting", reserved);
            }
        }
        Map<String, Object> withGroup = new LinkedHashMap<>(settings);
        withGroup.put(ConsumerConfigs.GROUP_ID, groupId);
        withGroup.put(ConsumerConfigs.CLIENT_ID, id);
        refuseNewProtocol(consumer, settings);
        reportProblem(consumer, "settings", ConsumerSettings.validate(withGroup));
        boolean autoCommit = ConsumerSettings.from(withGroup).enableAutoCommit();
        CommitPolicy policy = commitPolicy(consumer, autoCommit);
        ListenerPolicy listener = consumer.has("listener")
                ? ListenerPolicy.byFileName(consumer.choice("listener", ListenerPolicy.fileNames()))
                : ListenerPolicy.NONE;
        Optional<WorkerPoolConfig> workers = workers(consumer, policy);
        workers.ifPresent(pool -> workerCounts.put(id, pool.count()));
        String process = consumer.optionalString("process").orElse(id);
        processes.add(process);
        return new ConsumerSpec(id, groupId, topics, settings,
                consumer.whole("processingMsPerRecord", 0, 3_600_000, 1), optionalStart(consumer), policy, listener,
                subscription, workers, process);
    }

    /**
     * {@code "workers": {"count": 8, "ordering": "unordered" | "byKey", "windowSize": 500, "onRevoke": "wait" |
     * "abandon", "processingJitterMs": 0}}: the poll loop feeds a worker pool. Only ordering is required. The poller
     * commits the windows' low marks (syncAfterBatch: commitSync each round; asyncAfterBatch: commitAsync), or
     * Kafka's auto commit commits positions (past unfinished records: the pitfall); everyN and beforeProcessing
     * count records processed on the poll loop, which a pool does not do.
     */
    private Optional<WorkerPoolConfig> workers(JsonObjectReader consumer, CommitPolicy policy) {
        if (!consumer.has("workers")) {
            return Optional.empty();
        }
        JsonObjectReader workers = consumer.object("workers");
        workers.allowOnly(WORKERS_KEYS);
        if (!policy.fitsWorkerPool()) {
            throw consumer.fail("workers", "scenario.error.workersPolicy", "policy", policy.kind().fileName());
        }
        return Optional.of(new WorkerPoolConfig(
                workers.count("count", 1, WorkerPoolConfig.MAX_WORKERS, 8),
                WorkerPoolConfig.Ordering.byFileName(workers.choice("ordering",
                        WorkerPoolConfig.Ordering.fileNames())),
                workers.count("windowSize", 1, WorkerPoolConfig.MAX_WINDOW, 500),
                workers.has("onRevoke") ? WorkerPoolConfig.OnRevoke.byFileName(workers.choice("onRevoke",
                        WorkerPoolConfig.OnRevoke.fileNames())) : WorkerPoolConfig.OnRevoke.WAIT,
                workers.whole("processingJitterMs", 0, 3_600_000, 0),
                workers.whole("commitIntervalMs", 0, 3_600_000, 0)));
    }

    /**
     * Exactly one of {@code "topics"} (subscribe(topics)), {@code "pattern"} (subscribe(Pattern), a Java regular
     * expression matched against whole topic names) and {@code "assign"} (assign(partitions), no group
     * membership); also the form of the subscribe and assign actions.
     */
    private ConsumerSubscription subscription(JsonObjectReader reader) {
        List<String> given = SUBSCRIPTION_KEYS.stream().filter(reader::has).toList();
        if (given.size() != 1) {
            throw reader.fail(given.isEmpty() ? "topics" : given.get(1), "scenario.error.oneSubscription");
        }
        switch (given.get(0)) {
            case "topics" -> {
                List<String> topics = reader.strings("topics");
                if (topics.isEmpty()) {
                    throw reader.fail("topics", "scenario.error.noTopics");
                }
                for (int i = 0; i < topics.size(); i++) {
                    requireTopic(reader, reader.pathOf("topics") + "[" + i + "]", topics.get(i));
                }
                return ConsumerSubscription.topics(topics);
            }
            case "pattern" -> {
                String pattern = reader.string("pattern");
                try {
                    return ConsumerSubscription.pattern(pattern);
                } catch (IllegalArgumentException e) {
                    throw reader.fail("pattern", "scenario.error.pattern", "pattern", pattern,
                            "reason", e.getCause() instanceof java.util.regex.PatternSyntaxException syntax
                                    ? syntax.getDescription() : e.getMessage());
                }
            }
            default -> {
                List<String> names = reader.strings("assign");
                if (names.isEmpty()) {
                    throw reader.fail("assign", "scenario.error.noPartitions");
                }
                List<dev.groupscope.kafka.TopicPartition> partitions = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    dev.groupscope.kafka.TopicPartition tp = ClientActionParams.partition(reader, "assign",
                            names.get(i), i);
                    String path = reader.pathOf("assign") + "[" + i + "]";
                    requireTopic(reader, path, tp.topic());
                    requirePartition(path, tp);
                    partitions.add(tp);
                }
                return ConsumerSubscription.assign(partitions);
            }
        }
    }

    /**
     * {@code "commitPolicy": {"type": "syncAfterBatch"}} or {@code {"type": "everyN", "records": 100}}; absent: Kafka's
     * auto commit. A policy of the application's own needs enable.auto.commit=false, as with a real consumer (which
     * would otherwise also auto-commit).
     */
    private CommitPolicy commitPolicy(JsonObjectReader consumer, boolean autoCommit) {
        if (!consumer.has("commitPolicy")) {
            return CommitPolicy.AUTO;
        }
        JsonObjectReader policy = consumer.object("commitPolicy");
        CommitPolicy parsed = parsePolicy(policy);
        if (!parsed.fitsAutoCommit(autoCommit)) {
            throw policy.fail("type", autoCommit ? "scenario.error.commitPolicyNeedsNoAutoCommit"
                    : "scenario.error.autoPolicyNeedsAutoCommit", "policy", parsed.kind().fileName());
        }
        return parsed;
    }

    /** The policy's own form: a known type, and a record count for everyN only. */
    private static CommitPolicy parsePolicy(JsonObjectReader policy) {
        policy.allowOnly(COMMIT_POLICY_KEYS);
        CommitPolicy.Kind kind = CommitPolicy.Kind.byFileName(policy.choice("type", CommitPolicy.Kind.fileNames()));
        if (kind == CommitPolicy.Kind.EVERY_N) {
            return CommitPolicy.everyN(policy.count("records", 1, 1_000_000));
        }
        if (policy.has("records")) {
            throw policy.fail("records", "scenario.error.everyNOnly");
        }
        return CommitPolicy.of(kind);
    }

    /** Actions may name the consumers addConsumer adds, as the model names them (see {@link AddedConsumers}). */
    private void noteAddedConsumers(List<JsonObjectReader> actions, long duration, List<ConsumerSpec> consumers) {
        added = AddedConsumers.name(actions, duration, consumers, AddedConsumers.actorIds(consumerIds, producerIds));
        added.values().forEach(consumer -> {
            consumerIds.add(consumer.id());
            consumerSpecs.put(consumer.id(), consumer.spec());
            consumer.template().workers().ifPresent(pool -> workerCounts.put(consumer.id(), pool.count()));
        });
    }

    private ActionSpec action(JsonObjectReader action, int index, long duration) {
        ActionType type = ActionType.byFileName(action.choice("action", ActionType.fileNames()));
        List<String> keys = new ArrayList<>(List.of("atMs", "action", type.target().key()));
        keys.addAll(type.params());
        action.allowOnly(keys);
        long at = action.whole("atMs", 0, duration);
        String target = target(action, type);
        AddedConsumers.Added addedTarget = type.target() == ActionType.Target.CONSUMER ? added.get(target) : null;
        if (addedTarget != null && !addedTarget.before(at, index)) {
            throw action.fail(type.target().key(), "scenario.error.notAddedYet", "consumer", target,
                    "addedBy", addedTarget.path(), "addedAt", addedTarget.atMs());
        }
        Map<String, Object> params = ScenarioChecks.actionParams(action, type, brokers);
        if (type == ActionType.SUBSCRIBE) {
            params.put("subscription", subscription(action));
        }
        if (type == ActionType.CHANGE_SETTINGS) {
            changeSettings(action, params);
        }
        requirePartitionTopics(action, params);
        if (type == ActionType.SLOW_WORKER) {
            Integer workers = workerCounts.get(target);
            if (workers == null) {
                throw action.fail("consumer", "scenario.error.noWorkers", "consumer", target);
            }
            if ((Integer) params.get("worker") > workers) {
                throw action.fail("worker", "scenario.error.noSuchWorker", "worker", params.get("worker"),
                        "consumer", target, "count", workers);
            }
        }
        return new ActionSpec(at, type, target, params, action.path());
    }

    /**
     * {@code "settings": {...}} (Kafka's names) and/or {@code "commitPolicy": {...}} (as a consumer's). Here the names
     * and the policy's form; the values, merged over what the consumer runs with by then, in {@link SettingChanges}.
     */
    private void changeSettings(JsonObjectReader action, Map<String, Object> params) {
        if (!action.has("settings") && !action.has("commitPolicy")) {
            throw action.fail("settings", "scenario.error.nothingToChange");
        }
        // null: the property left out from now on, so Kafka's default applies (a static member becomes dynamic).
        Map<String, Object> settings = action.settings("settings", true);
        checkSettingNames(action, "settings", settings, ConsumerConfigs.DEFINITIONS);
        for (String reserved : List.of(ConsumerConfigs.GROUP_ID, ConsumerConfigs.CLIENT_ID)) {
            if (settings.containsKey(reserved)) {
                throw action.fail("settings", "scenario.error.reservedSetting", "setting", reserved);
            }
        }
        refuseNewProtocol(action, settings);
        params.put("settings", settings);
        params.put("commitPolicy", action.has("commitPolicy") ? parsePolicy(action.object("commitPolicy")) : null);
    }

    private String target(JsonObjectReader action, ActionType type) {
        String key = type.target().key();
        switch (type.target()) {
            case CONSUMER:
                return existing(action, key, "consumer", consumerIds);
            case PRODUCER:
                return existing(action, key, "producer", producerIds);
            case PROCESS:
                return existing(action, key, "process", processes);
            case GROUP:
                return existing(action, key, "group", groupIds);
            case BROKER:
                return Long.toString(action.whole(key, 1, brokers));
            case NEW_TOPIC:
                return action.string(key);
            default:
                return existingTopic(action, key);
        }
    }

    /** The topics of the partitions a consumer call names exist (or are created by an action). */
    private void requirePartitionTopics(JsonObjectReader action, Map<String, Object> params) {
        if (params.get("partition") instanceof dev.groupscope.kafka.TopicPartition tp) {
            requireTopic(action, action.pathOf("partition"), tp.topic());
        }
        if (params.get("partitions") instanceof List<?> partitions) {
            for (int i = 0; i < partitions.size(); i++) {
                if (partitions.get(i) instanceof dev.groupscope.kafka.TopicPartition tp) {
                    requireTopic(action, action.pathOf("partitions") + "[" + i + "]", tp.topic());
                }
            }
        }
    }

    private String existing(JsonObjectReader reader, String key, String kind, Set<String> known) {
        String name = reader.string(key);
        if (!known.contains(name)) {
            throw reader.fail(key, "scenario.error.unknownReference", "kind", kind, "name", name,
                    "hint", DidYouMean.hint(name, known), "known", String.join(", ", known),
                    "none", known.isEmpty() ? "none" : "");
        }
        return name;
    }

    private String existingTopic(JsonObjectReader reader, String key) {
        String name = reader.string(key);
        requireTopic(reader, reader.pathOf(key), name);
        return name;
    }

    private void requireTopic(JsonObjectReader reader, String path, String name) {
        if (!topicPartitions.containsKey(name)) {
            throw JsonInputException.of("scenario.error.unknownReference", "file", file, "path", path,
                    "kind", "topic", "name", name, "hint", DidYouMean.hint(name, topicPartitions.keySet()),
                    "known", String.join(", ", topicPartitions.keySet()),
                    "none", topicPartitions.isEmpty() ? "none" : "");
        }
    }

    /**
     * An assigned partition must exist when the run starts: the consumer would otherwise ask for its offsets forever
     * (a partition added later by an action cannot be assigned from the start).
     */
    private void requirePartition(String path, dev.groupscope.kafka.TopicPartition partition) {
        int partitions = topicPartitions.get(partition.topic());
        if (partition.partition() >= partitions) {
            throw JsonInputException.of("scenario.error.noSuchPartition", "file", file, "path", path,
                    "partition", partition.toString(), "topic", partition.topic(), "count", partitions);
        }
    }

    private String newId(JsonObjectReader reader) {
        String id = reader.string("id");
        if (consumerIds.contains(id) || producerIds.contains(id) || id.equals("cluster") || id.startsWith("broker-")
                || id.startsWith("group:")
                || id.equals(Ledger.ID)) {
            throw reader.fail("id", "scenario.error.duplicate", "kind", "id", "name", id);
        }
        return id;
    }

    private static Optional<Long> optionalStart(JsonObjectReader reader) {
        return reader.has("startAtMs") ? Optional.of(reader.whole("startAtMs", 0, MAX_DURATION_MS)) : Optional.empty();
    }

    /** A consumer without startAtMs starts at 0 unless an action starts it. */
    private static List<ConsumerSpec> withStarts(List<ConsumerSpec> consumers, List<ActionSpec> actions) {
        List<ConsumerSpec> resolved = new ArrayList<>();
        for (ConsumerSpec consumer : consumers) {
            boolean startedByAction = actions.stream().anyMatch(action -> action.type() == ActionType.START_CONSUMER
                    && action.target().equals(consumer.id()));
            Optional<Long> start = consumer.startAtMs().isPresent() || startedByAction ? consumer.startAtMs()
                    : Optional.of(0L);
            resolved.add(new ConsumerSpec(consumer.id(), consumer.groupId(), consumer.topics(), consumer.settings(),
                    consumer.processingMsPerRecord(), start, consumer.commitPolicy(), consumer.listener(),
                    consumer.subscription(), consumer.workers(), consumer.process()));
        }
        return resolved;
    }

    private void checkSettingNames(JsonObjectReader reader, String key, Map<String, Object> settings,
                                   List<SettingDefinition> definitions) {
        List<String> known = definitions.stream().map(SettingDefinition::name).toList();
        for (String name : settings.keySet()) {
            if (!known.contains(name)) {
                throw JsonInputException.of("scenario.error.unknownSetting", "file", file,
                        "path", reader.pathOf(key), "setting", name, "hint", DidYouMean.hint(name, known));
            }
        }
    }

    /**
     * Kafka accepts group.protocol = consumer (KIP-848), but the model runs the classic protocol only, so such a
     * consumer would fail as the world is built: refuse it here, where the error can name the file and path. First,
     * since Kafka's own checks of the other settings under that protocol would otherwise hide the cause.
     */
    private void refuseNewProtocol(JsonObjectReader consumer, Map<String, Object> settings) {
        Object protocol = settings.get(ConsumerConfigs.GROUP_PROTOCOL);
        if (protocol instanceof String name && name.equalsIgnoreCase(GroupProtocol.CONSUMER.name())) {
            throw JsonInputException.of("scenario.error.classicOnly", "file", file,
                    "path", consumer.pathOf("settings") + "['" + ConsumerConfigs.GROUP_PROTOCOL + "']");
        }
    }

    private void reportProblem(JsonObjectReader reader, String key, List<SettingProblem> problems) {
        if (!problems.isEmpty()) {
            SettingProblem problem = problems.get(0);
            throw JsonInputException.of("scenario.error.setting", "file", file,
                    "path", reader.pathOf(key) + "['" + problem.setting() + "']", "reason", problem.kafkaMessage());
        }
    }
}
