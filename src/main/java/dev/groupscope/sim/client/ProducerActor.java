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
 * through the cluster actor. Acks and batching delays are not modelled: a record is in the log the moment it is
 * produced. A keyed record whose partition has no leader waits in the producer's buffer, as in Kafka's
 * {@code RecordAccumulator} (the sender skips partitions with no known leader and asks for metadata), and goes out in
 * order once a leader is back, or expires after delivery.timeout.ms.
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

    /** The sender's next look at the records held for partitions with no leader: retry.backoff.ms later. */
    record Retry(String target) implements Task {
    }

    /** A record held because its partition had no leader: its key, its partitioner's choice, and when it was sent. */
    private record Held(String key, PartitionChoice choice, long createdAt) {
    }

    /**
     * Kafka's producer defaults: delivery.timeout.ms, retry.backoff.ms (the metadata refresh's backoff) and
     * max.block.ms (how long send() waits for a topic to appear in its metadata).
     */
    static final long DELIVERY_TIMEOUT_MS = 120_000;
    static final long RETRY_BACKOFF_MS = 100;
    static final long MAX_BLOCK_MS = 60_000;

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
    /** The key of the sender's look at held records, made once too. */
    private final String retryKey;
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
    /** Records held for partitions with no leader, in send order. Immutable, so a snapshot shares it. */
    private List<Held> held = List.of();
    /** Since when send() has been blocked waiting for the topic to appear in the producer's metadata (-1: not). */
    private long blockedSince = -1;

    public ProducerActor(String id, ProducerConfig config) {
        this.id = Objects.requireNonNull(id, "id");
        this.timerKey = id + "/produce";
        this.retryKey = id + "/retry";
        this.config = Objects.requireNonNull(config, "config");
        this.draws = new Draws();
        this.partitioner = new BuiltInPartitioner(config.batchSize(), draws);
        this.perPartition = new PagedLongs();
    }

    private ProducerActor(ProducerActor other) {
        this.id = other.id;
        this.timerKey = other.timerKey;
        this.retryKey = other.retryKey;
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
        this.held = other.held;
        this.blockedSince = other.blockedSince;
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
            if (produceOne(context)) {
                sinceStart++;
                context.setTimer(timerKey(), config.timeOf(startedAt, sinceStart) - context.now(), new Produce(id));
            } else {
                // send() is blocked in waitOnMetadata: it asks for metadata again a retry.backoff.ms later.
                context.setTimer(timerKey(), RETRY_BACKOFF_MS, new Produce(id));
            }
        } else if (task instanceof Retry) {
            sendHeld(context);
        }
    }

    private String timerKey() {
        return timerKey;
    }

    /** One send(); false while it is blocked waiting for the topic's metadata (it has not returned). */
    private boolean produceOne(Context context) {
        ClusterAccess cluster = ClusterAccess.of(context);
        Integer partitions = knownPartitions(context, cluster);
        if (partitions == null) {
            return blockedSendGivesUp(context);
        }
        if (blockedSince >= 0) {
            resumeAfterBlock(context); // the topic appeared: the blocked send goes on
        }
        String key = config.keys().next(context.random());
        PartitionChoice choice = place(context, cluster, partitions, key);
        // A record goes behind those its partition already holds: a partition's records keep their order.
        long offset = holds(choice.partition()) ? -1
                : cluster.append(context, id, config.topic(), choice.partition(), context.now(), key);
        if (offset < 0) {
            boolean topicGone = !cluster.partitionsPerTopic().containsKey(config.topic());
            if (topicGone) {
                knownPartitions = -1; // UNKNOWN_TOPIC_OR_PARTITION: the sender asks for metadata at once
            }
            hold(context, new Held(key, choice, context.now()), topicGone);
            return true;
        }
        failedInARow = 0;
        appended(context, key, choice, offset, partitions);
        return true;
    }

    /**
     * The topic is not in the producer's metadata: {@code waitOnMetadata} blocks send() up to max.block.ms, asking
     * for metadata every retry.backoff.ms, then throws TimeoutException; the application's next send() blocks the
     * same way. True when this send() has given up (it returned, with the exception).
     */
    private boolean blockedSendGivesUp(Context context) {
        if (blockedSince < 0) {
            blockedSince = context.now();
            if (failedInARow == 0) {
                context.emit(EventKind.PRODUCE, "ProduceBlocked", id, null, fields("topic", config.topic(),
                        "maxBlockMs", MAX_BLOCK_MS), "sim.producer.blocked",
                        Map.of("producer", id, "topic", config.topic(), "maxBlockMs", MAX_BLOCK_MS));
            }
            return false;
        }
        if (context.now() - blockedSince < MAX_BLOCK_MS) {
            return false;
        }
        failedInARow++;
        context.emit(EventKind.PRODUCE, "ProduceFailed", id, null, fields("topic", config.topic(),
                "error", "TimeoutException", "failedInARow", failedInARow), "sim.producer.noTopic",
                Map.of("topic", config.topic(), "producer", id, "maxBlockMs", MAX_BLOCK_MS));
        resumeAfterBlock(context);
        return true;
    }

    /** send() returned after blocking: the application's loop goes on at its pace from now. */
    private void resumeAfterBlock(Context context) {
        blockedSince = -1;
        startedAt = context.now();
        sinceStart = 0;
    }

    private void appended(Context context, String key, PartitionChoice choice, long offset, int partitions) {
        produced++;
        perPartition.grow(Math.max(partitions, choice.partition() + 1));
        perPartition.increment(choice.partition());
        emitAppend(context, key, choice, offset);
    }

    private boolean holds(int partition) {
        return holdsFor(held, partition);
    }

    private static boolean holdsFor(List<Held> records, int partition) {
        for (Held record : records) {
            if (record.choice().partition() == partition) {
                return true;
            }
        }
        return false;
    }

    /** The partition has no leader: the record waits in the buffer, and the sender looks again after its backoff. */
    private void hold(Context context, Held record, boolean topicGone) {
        boolean first = held.isEmpty();
        held = append(held, record);
        int partition = record.choice().partition();
        context.emit(EventKind.PRODUCE, "ProduceHeld", id, null, fields("topic", config.topic(),
                "partition", partition, "error", topicGone ? "UNKNOWN_TOPIC_OR_PARTITION" : "NOT_LEADER_OR_FOLLOWER",
                "held", held.size()), topicGone ? "sim.producer.topicGone" : "sim.producer.noLeader",
                Map.of("producer", id, "topic", config.topic(), "partition", partition,
                        "deliveryTimeoutMs", DELIVERY_TIMEOUT_MS));
        if (first) {
            context.setTimer(retryKey, RETRY_BACKOFF_MS, new Retry(id));
        }
    }

    /**
     * The sender's look at the held records: those of a partition that has a leader again go out, in order; those
     * held for delivery.timeout.ms expire (the send's callback gets a TimeoutException, and the record is never
     * written). The rest wait another retry.backoff.ms.
     */
    private void sendHeld(Context context) {
        ClusterAccess cluster = ClusterAccess.of(context);
        List<Held> waiting = new java.util.ArrayList<>();
        Map<Integer, Long> expired = new TreeMap<>();
        java.util.Set<Integer> released = new java.util.TreeSet<>();
        for (Held record : held) {
            int partition = record.choice().partition();
            if (context.now() - record.createdAt() >= DELIVERY_TIMEOUT_MS) {
                expired.merge(partition, 1L, Long::sum);
                continue;
            }
            long offset = holdsFor(waiting, partition) ? -1 : cluster.append(context, id, config.topic(), partition, record.createdAt(),
                    record.key());
            if (offset < 0) {
                waiting.add(record);
                continue;
            }
            if (released.add(partition)) {
                emitReleased(context, record, held.stream().filter(h -> h.choice().partition() == partition
                        && context.now() - h.createdAt() < DELIVERY_TIMEOUT_MS).count());
            }
            appended(context, record.key(), record.choice(), offset, knownPartitions);
        }
        expired.forEach((partition, count) -> context.emit(EventKind.PRODUCE, "ProduceExpired", id, null,
                fields("topic", config.topic(), "partition", partition, "records", count,
                        "deliveryTimeoutMs", DELIVERY_TIMEOUT_MS), "sim.producer.expired",
                Map.of("producer", id, "records", count, "topic", config.topic(), "partition", partition,
                        "deliveryTimeoutMs", DELIVERY_TIMEOUT_MS)));
        held = List.copyOf(waiting);
        if (!held.isEmpty()) {
            context.setTimer(retryKey, RETRY_BACKOFF_MS, new Retry(id));
        }
    }

    private void emitReleased(Context context, Held oldest, long count) {
        int partition = oldest.choice().partition();
        long waitedMs = context.now() - oldest.createdAt();
        context.emit(EventKind.PRODUCE, "ProduceReleased", id, null, fields("topic", config.topic(),
                "partition", partition, "records", count, "waitedMs", waitedMs), "sim.producer.released",
                Map.of("producer", id, "records", count, "partition", partition, "waitedMs", waitedMs));
    }

    private static List<Held> append(List<Held> list, Held record) {
        List<Held> longer = new java.util.ArrayList<>(list);
        longer.add(record);
        return List.copyOf(longer);
    }

    /**
     * The partition count the producer's metadata gives, refreshed when it has none or it is metadata.max.age.ms
     * old; null while its metadata has no such topic. A topic deleted since the last refresh still looks there: the
     * send fails with UNKNOWN_TOPIC_OR_PARTITION, which refreshes the metadata at once, and the next send() blocks
     * ({@link #blockedSendGivesUp}). A refresh that finds more partitions says so: from then on keys hash over the new
     * count.
     */
    private Integer knownPartitions(Context context, ClusterAccess cluster) {
        if (knownPartitions >= 0 && context.now() - metadataAt < config.metadataMaxAgeMs()) {
            return knownPartitions; // its metadata: a topic deleted since still looks there until a send fails
        }
        Integer current = cluster.partitionsPerTopic().get(config.topic());
        if (current == null && cluster.autoCreateTopic(context, config.topic(), id)) {
            // The producer's Metadata request always allows auto-creation. Kafka's send() waits for the next
            // metadata answer (a retry.backoff.ms away) to see the new topic; here it goes out at once.
            current = cluster.partitionsPerTopic().get(config.topic());
        }
        if (current == null) {
            knownPartitions = -1;
            return null;
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
        if (!context.buildsEvents()) { // a replay: counted only
            context.emit(EventKind.PRODUCE, "Send", id, null, Map.of());
            return;
        }
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
