package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.producer.BuiltInPartitioner;
import dev.groupscope.kafka.producer.KeyedPartition;
import dev.groupscope.kafka.producer.PartitionAvailability;
import dev.groupscope.kafka.producer.PartitionChoice;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.PagedLongs;
import dev.groupscope.sim.engine.Task;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A producer appending records to one topic at a steady rate, each placed by Kafka's default partitioner
 * ({@link BuiltInPartitioner}: murmur2 of the key, or sticky batches without one) and appended synchronously
 * through the cluster actor. Acks, batching delays and retries are not modelled: a record is in the log the moment
 * it is produced.
 */
public final class ProducerActor implements Actor {

    /** Starts producing now. */
    public record Start(String target) implements Task {
    }

    /** Stops producing. */
    public record Stop(String target) implements Task {
    }

    record Produce(String target) implements Task {
    }

    /** What a producer looks like: running or not, and how many records it put in each partition. */
    public record ProducerView(String id, boolean running, long produced, Map<Integer, Long> perPartition,
                               int stickyPartition) {
        public ProducerView {
            perPartition = Collections.unmodifiableMap(new TreeMap<>(perPartition));
        }
    }

    private final String id;
    /** The key of the producing timer, made once: it is re-armed for every record. */
    private final String timerKey;
    private final ProducerConfig config;
    private final Draws draws;
    private final BuiltInPartitioner partitioner;
    private boolean running;
    private long startedAt;
    private long sinceStart;
    private long produced;
    /** Records put in each partition, by partition number: in pages a snapshot shares (1,000 partitions). */
    private PagedLongs perPartition;
    /**
     * The topic's partition count as of the producer's last metadata refresh (-1: none yet, or the topic was
     * missing), and when that was: Kafka's producer, like the consumer, learns of added partitions only when its
     * metadata is refreshed, every metadata.max.age.ms.
     */
    private int knownPartitions = -1;
    private long metadataAt;
    /** Sends failed since the last that succeeded: a learner steps to the first of such a run only. */
    private long failedInARow;
    /** The availability last handed to the partitioner and the list it was made from (derived, not copied). */
    private List<Integer> lastAvailable;
    private PartitionAvailability lastAvailability;

    public ProducerActor(String id, ProducerConfig config) {
        this.id = Objects.requireNonNull(id, "id");
        this.timerKey = id + "/produce";
        this.config = Objects.requireNonNull(config, "config");
        this.draws = new Draws();
        this.partitioner = new BuiltInPartitioner(config.batchSize(), draws);
        this.perPartition = new PagedLongs();
    }

    private ProducerActor(ProducerActor other) {
        this.id = other.id;
        this.timerKey = other.timerKey;
        this.config = other.config;
        this.draws = new Draws();
        this.partitioner = other.partitioner.copy(draws);
        this.running = other.running;
        this.startedAt = other.startedAt;
        this.sinceStart = other.sinceStart;
        this.produced = other.produced;
        this.perPartition = other.perPartition.copy();
        this.knownPartitions = other.knownPartitions;
        this.metadataAt = other.metadataAt;
        this.failedInARow = other.failedInARow;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Actor copy() {
        return new ProducerActor(this);
    }

    @Override
    public void handle(Task task, Context context) {
        if (task instanceof Start && !running) {
            running = true;
            startedAt = context.now();
            sinceStart = 0;
            context.emit(EventKind.ACTION, "StartProducer", id, null, fields("topic", config.topic(),
                    "recordsPerSecond", config.recordsPerSecond(), "keys", config.keys().toString()),
                    "sim.producer.started", fields("producer", id, "topic", config.topic(),
                            "recordsPerSecond", config.recordsPerSecond()));
            context.setTimer(timerKey(), 0, new Produce(id));
        } else if (task instanceof Stop && running) {
            running = false;
            context.cancelTimer(timerKey());
            context.emit(EventKind.ACTION, "StopProducer", id, null, fields("produced", produced),
                    "sim.producer.stopped", fields("producer", id, "produced", produced));
        } else if (task instanceof Produce && running) {
            produceOne(context);
            sinceStart++;
            context.setTimer(timerKey(), config.timeOf(startedAt, sinceStart) - context.now(), new Produce(id));
        }
    }

    private String timerKey() {
        return timerKey;
    }

    private void produceOne(Context context) {
        ClusterAccess cluster = ClusterAccess.of(context);
        Integer partitions = knownPartitions(context, cluster);
        if (partitions == null) {
            failedInARow++;
            context.emit(EventKind.PRODUCE, "ProduceFailed", id, null, fields("topic", config.topic(),
                    "error", "UNKNOWN_TOPIC_OR_PARTITION", "failedInARow", failedInARow), "sim.producer.noTopic",
                    Map.of("topic", config.topic(), "producer", id));
            return;
        }
        String key = config.keys().next(context.random());
        PartitionChoice choice = place(context, cluster, partitions, key);
        long offset = cluster.append(context, id, config.topic(), choice.partition(), context.now(), key);
        if (offset < 0) {
            failedInARow++;
            context.emit(EventKind.PRODUCE, "ProduceFailed", id, null, fields("topic", config.topic(),
                    "partition", choice.partition(), "error", "NOT_LEADER_OR_FOLLOWER", "failedInARow", failedInARow),
                    "sim.producer.noLeader", Map.of("producer", id, "partition", choice.partition()));
            return;
        }
        failedInARow = 0;
        produced++;
        perPartition.grow(partitions);
        perPartition.increment(choice.partition());
        emitAppend(context, key, choice, offset);
    }

    /**
     * The partition count the producer's metadata gives, refreshed when it has none or it is metadata.max.age.ms
     * old; null while the topic does not exist (a send to a deleted topic fails with UNKNOWN_TOPIC_OR_PARTITION,
     * which refreshes the metadata at once; asked again at every send, as Kafka's producer waits for it). A refresh
     * that finds more partitions says so: from then on keys hash over the new count.
     */
    private Integer knownPartitions(Context context, ClusterAccess cluster) {
        Integer current = cluster.partitionsPerTopic().get(config.topic());
        if (current == null) {
            knownPartitions = -1;
            return null;
        }
        if (knownPartitions >= 0 && context.now() - metadataAt < config.metadataMaxAgeMs()) {
            return knownPartitions;
        }
        if (knownPartitions >= 0 && current != knownPartitions) {
            context.emit(EventKind.PRODUCE, "ProducerMetadataRefresh", id, null, fields("topic", config.topic(),
                    "from", knownPartitions, "to", current, "metadataMaxAgeMs", config.metadataMaxAgeMs()),
                    "sim.producer.partitionsChanged", fields("producer", id, "topic", config.topic(),
                            "from", knownPartitions, "to", current, "metadataMaxAgeMs", config.metadataMaxAgeMs()));
        }
        knownPartitions = current;
        metadataAt = context.now();
        return current;
    }

    /** The one place a record's partition is decided: Kafka's default partitioner, random draws from the run. */
    private PartitionChoice place(Context context, ClusterAccess cluster, int count, String key) {
        List<Integer> available = cluster.partitionsWithLeader(config.topic(), count);
        if (available != lastAvailable || lastAvailability.partitionCount() != count) {
            lastAvailability = new PartitionAvailability(count, available);
            lastAvailable = available;
        }
        draws.source = context.random();
        byte[] serialized = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return partitioner.partition(serialized, config.recordBytes(), lastAvailability);
    }

    private void emitAppend(Context context, String key, PartitionChoice choice, long offset) {
        String topicPartition = config.topic() + "-" + choice.partition();
        if (choice.keyed().isPresent()) {
            KeyedPartition keyed = choice.keyed().get();
            context.emit(EventKind.PRODUCE, "Send", id, null, fields("partition", topicPartition, "offset", offset,
                    "key", key, "murmur2", keyed.murmur2(), "positive", keyed.positive(),
                    "partitionCount", keyed.partitionCount()), "sim.producer.keyed",
                    Map.of("producer", id, "key", key, "murmur2", keyed.murmur2(), "positive", keyed.positive(),
                            "partitionCount", keyed.partitionCount(), "partition", choice.partition()));
        } else {
            context.emit(EventKind.PRODUCE, "Send", id, null, fields("partition", topicPartition, "offset", offset,
                    "key", null, "stickyBytes", choice.stickyBytes(), "batchFilled", choice.batchFilled()),
                    choice.newSticky() ? "sim.producer.newSticky" : "sim.producer.sticky",
                    Map.of("producer", id, "partition", choice.partition(), "stickyBytes", choice.stickyBytes(),
                            "batchSize", config.batchSize()));
        }
    }

    @Override
    public Object view() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (int p = 0; p < perPartition.length(); p++) {
            if (perPartition.get(p) > 0) {
                counts.put(p, perPartition.get(p));
            }
        }
        return new ProducerView(id, running, produced, counts, partitioner.stickyPartition().orElse(-1));
    }

    /**
     * The partitioner's random source: the run's seeded generator of the current step. Kafka draws the next sticky
     * partition from a thread-local random; here every draw is replayable.
     */
    private static final class Draws implements RandomGenerator {
        private DeterministicRandom source;

        @Override
        public long nextLong() {
            return source.nextLong();
        }
    }
}
