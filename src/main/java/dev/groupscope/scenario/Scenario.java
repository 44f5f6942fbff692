package dev.groupscope.scenario;

import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.client.ConsumerSubscription;
import dev.groupscope.sim.client.ListenerPolicy;
import dev.groupscope.sim.client.WorkerPoolConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario as its file describes it: the cluster, its topics, producers and consumers (settings under Kafka's own
 * names), a seed, how long to run, and actions at virtual times. Validated on reading (see {@link ScenarioReader}),
 * so everything here refers to things that exist and every value is one Kafka would accept. {@code source} is the
 * text it was read from, kept so that a run can be saved as that text with its what-if actions added
 * ({@link ScenarioWriter}); empty for a scenario made in code. {@code description} says what the scenario shows; a
 * file may give it, and the name, in each language the window speaks ({@code descriptionsByLanguage},
 * {@code namesByLanguage}, by language tag, e.g. "zh-CN"), and {@code description} and {@code name} are then the
 * English ones (or the first given).
 */
public record Scenario(String file, String name, String description, long seed, long durationMs,
                       ClusterSpec cluster, List<TopicSpec> topics, List<ProducerSpec> producers,
                       List<ConsumerSpec> consumers, List<ActionSpec> actions, Optional<String> source,
                       Map<String, String> descriptionsByLanguage, Map<String, String> namesByLanguage) {

    public Scenario {
        topics = List.copyOf(topics);
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
        actions = List.copyOf(actions);
        java.util.Objects.requireNonNull(source, "source");
        descriptionsByLanguage = Map.copyOf(descriptionsByLanguage);
        namesByLanguage = Map.copyOf(namesByLanguage);
    }

    /** A scenario read from {@code source}, described in one language. */
    public Scenario(String file, String name, String description, long seed, long durationMs, ClusterSpec cluster,
                    List<TopicSpec> topics, List<ProducerSpec> producers, List<ConsumerSpec> consumers,
                    List<ActionSpec> actions, Optional<String> source) {
        this(file, name, description, seed, durationMs, cluster, topics, producers, consumers, actions, source,
                Map.of(), Map.of());
    }

    /** A scenario made in code, with no file text behind it. */
    public Scenario(String file, String name, String description, long seed, long durationMs, ClusterSpec cluster,
                    List<TopicSpec> topics, List<ProducerSpec> producers, List<ConsumerSpec> consumers,
                    List<ActionSpec> actions) {
        this(file, name, description, seed, durationMs, cluster, topics, producers, consumers, actions,
                Optional.empty());
    }

    /** This scenario with {@code added} after its own actions (not read from a file: nothing is checked). */
    public Scenario withActions(List<ActionSpec> added) {
        List<ActionSpec> all = new java.util.ArrayList<>(actions);
        all.addAll(added);
        return new Scenario(file, name, description, seed, durationMs, cluster, topics, producers, consumers, all,
                source, descriptionsByLanguage, namesByLanguage);
    }

    /** What the scenario shows, in the language tagged {@code languageTag} if the file gives it, else its own. */
    public String descriptionIn(String languageTag) {
        return descriptionsByLanguage.getOrDefault(languageTag, description);
    }

    /** The scenario's name in the language tagged {@code languageTag} if the file gives it, else its own. */
    public String nameIn(String languageTag) {
        return namesByLanguage.getOrDefault(languageTag, name);
    }

    /** Each consumer's group, by client id, in the order the scenario lists the consumers. */
    public java.util.Map<String, String> groupOfClient() {
        java.util.Map<String, String> groups = new java.util.LinkedHashMap<>();
        consumers.forEach(consumer -> groups.put(consumer.id(), consumer.groupId()));
        return java.util.Collections.unmodifiableMap(groups);
    }

    /**
     * {@link #groupOfClient}, then the consumers the addConsumer actions add, under the ids the model gives them
     * (see {@link AddedConsumers}): every consumer of the run as written, so that whose each event is never has to
     * be guessed from a name.
     */
    public java.util.Map<String, String> groupOfEveryClient() {
        java.util.List<AddedConsumers.Add> adds = new java.util.ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionSpec action = actions.get(i);
            if (action.type() == ActionType.ADD_CONSUMER) {
                adds.add(new AddedConsumers.Add(action.atMs(), i, action.target(), action.path()));
            }
        }
        java.util.Map<String, String> groups = new java.util.LinkedHashMap<>(groupOfClient());
        AddedConsumers.name(adds, consumers, AddedConsumers.actorIds(groups.keySet(),
                        producers.stream().map(ProducerSpec::id).toList()))
                .forEach((id, added) -> groups.put(id, added.template().groupId()));
        return java.util.Collections.unmodifiableMap(groups);
    }

    /**
     * Brokers 1..{@code brokers}; {@code brokerSettings} under Kafka's names (validated by {@code BrokerSettings});
     * the network and the simulation's own knobs.
     */
    public record ClusterSpec(int brokers, Map<String, Object> brokerSettings, int networkDelayMs,
                              int networkJitterMs, int recordSizeBytes, int offsetsSegmentRecords,
                              long logCleanerBackoffMs, long coordinatorLoadMs) {
        public ClusterSpec {
            brokerSettings = Map.copyOf(brokerSettings);
        }
    }

    public record TopicSpec(String name, int partitions, int replicationFactor) {
    }

    /**
     * Keys: {@code uniform} over {@code keyCount} keys, {@code zipf} (skewed) over them, or {@code none}.
     * {@code metadataMaxAgeMs}: its metadata.max.age.ms, how long it writes with the partition count it knows.
     */
    public record ProducerSpec(String id, String topic, double recordsPerSecond, String keys, int keyCount,
                               double zipfExponent, Optional<Long> startAtMs, long metadataMaxAgeMs) {
    }

    /**
     * A consumer (one KafkaConsumer, used by one thread): its client id, group, topics, settings under Kafka's names
     * (validated by {@code ConsumerSettings}), how long it takes per record, and when it starts (empty: only when an
     * action starts it). {@code workers}: the worker pool its poll loop feeds, if any. {@code process} names the
     * application process it runs in (by default its own id): several consumers of one process each have their own
     * membership, and a crashProcess action kills them all at once.
     */
    public record ConsumerSpec(String id, String groupId, List<String> topics, Map<String, Object> settings,
                               long processingMsPerRecord, Optional<Long> startAtMs, CommitPolicy commitPolicy,
                               ListenerPolicy listener, ConsumerSubscription subscription,
                               Optional<WorkerPoolConfig> workers, String process) {
        public ConsumerSpec {
            topics = List.copyOf(topics);
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
            java.util.Objects.requireNonNull(commitPolicy, "commitPolicy");
            java.util.Objects.requireNonNull(listener, "listener");
            java.util.Objects.requireNonNull(subscription, "subscription");
            java.util.Objects.requireNonNull(workers, "workers");
            java.util.Objects.requireNonNull(process, "process");
        }

        /** A consumer alone in its own process, processing records on its poll loop. */
        public ConsumerSpec(String id, String groupId, List<String> topics, Map<String, Object> settings,
                            long processingMsPerRecord, Optional<Long> startAtMs, CommitPolicy commitPolicy,
                            ListenerPolicy listener, ConsumerSubscription subscription) {
            this(id, groupId, topics, settings, processingMsPerRecord, startAtMs, commitPolicy, listener,
                    subscription, Optional.empty(), id);
        }

        /** A consumer that subscribes to {@code topics}, alone in its own process, with the given worker pool. */
        public ConsumerSpec(String id, String groupId, List<String> topics, Map<String, Object> settings,
                            long processingMsPerRecord, Optional<Long> startAtMs, CommitPolicy commitPolicy,
                            ListenerPolicy listener, Optional<WorkerPoolConfig> workers) {
            this(id, groupId, topics, settings, processingMsPerRecord, startAtMs, commitPolicy, listener,
                    ConsumerSubscription.topics(topics), workers, id);
        }

        /** A consumer that subscribes to {@code topics}. */
        public ConsumerSpec(String id, String groupId, List<String> topics, Map<String, Object> settings,
                            long processingMsPerRecord, Optional<Long> startAtMs, CommitPolicy commitPolicy,
                            ListenerPolicy listener) {
            this(id, groupId, topics, settings, processingMsPerRecord, startAtMs, commitPolicy, listener,
                    ConsumerSubscription.topics(topics));
        }

        /** Kafka's auto commit (whatever enable.auto.commit says) and no listener. */
        public ConsumerSpec(String id, String groupId, List<String> topics, Map<String, Object> settings,
                            long processingMsPerRecord, Optional<Long> startAtMs) {
            this(id, groupId, topics, settings, processingMsPerRecord, startAtMs, CommitPolicy.AUTO,
                    ListenerPolicy.NONE);
        }
    }

    /** An action at a virtual time; {@code target} names the consumer, producer, broker or topic it acts on. */
    public record ActionSpec(long atMs, ActionType type, String target, Map<String, Object> params, String path) {
        public ActionSpec {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }

        /** The same action at another moment. */
        public ActionSpec at(long time) {
            return new ActionSpec(time, type, target, params, path);
        }
    }
}
