package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.Task;
import java.util.List;
import java.util.Objects;

/**
 * What the application around a consumer calls on its {@code KafkaConsumer} besides poll(), as scripted actions.
 * The consumer is single-threaded: a call runs on the application thread at its moment, between two records, or as
 * poll() or commitSync() returns when the thread is inside one, and takes effect as in kafka-clients (seek at once, seekToBeginning / seekToEnd lazily at the
 * next poll(), offsetsForTimes blocking the thread until the brokers answer; a call scripted while the thread is
 * blocked in one waits for it). An empty partition list means {@code consumer.assignment()}: every partition
 * assigned now.
 */
public final class ApplicationCalls {

    private ApplicationCalls() {
    }

    /** One call on the consumer {@code target}. */
    public sealed interface Call extends Task permits Pause, Resume, Seek, SeekToBeginning, SeekToEnd,
            OffsetsForTimes, Subscribe, Assign, Unsubscribe {
        /** The name of the KafkaConsumer method, as events and sentences show it. */
        String method();
    }

    /**
     * {@code subscribe(topics)} or {@code subscribe(Pattern)} while running: the next poll() rejoins the group with
     * the new subscription. Switching between topics, a pattern and assign() needs an unsubscribe() first.
     */
    public record Subscribe(String target, ConsumerSubscription subscription) implements Call {
        public Subscribe {
            if (!subscription.autoAssigned()) {
                throw new IllegalArgumentException("subscribe takes topics or a pattern; use Assign for partitions");
            }
        }

        @Override
        public String method() {
            return "subscribe";
        }
    }

    /** {@code assign(partitions)}: manual assignment, no group membership and no rebalance. */
    public record Assign(String target, List<TopicPartition> partitions) implements Call {
        public Assign {
            partitions = List.copyOf(partitions);
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("assign() of no partitions is unsubscribe(): use Unsubscribe");
            }
        }

        @Override
        public String method() {
            return "assign";
        }
    }

    /** {@code unsubscribe()}: give the partitions up (listener callbacks, LeaveGroup) and stop polling. */
    public record Unsubscribe(String target) implements Call {
        @Override
        public String method() {
            return "unsubscribe";
        }
    }

    /** {@code pause(partitions)}: no more fetches for them, and poll() holds back what was already fetched. */
    public record Pause(String target, List<TopicPartition> partitions) implements Call {
        public Pause {
            partitions = List.copyOf(partitions);
        }

        @Override
        public String method() {
            return "pause";
        }
    }

    /** {@code resume(partitions)}. */
    public record Resume(String target, List<TopicPartition> partitions) implements Call {
        public Resume {
            partitions = List.copyOf(partitions);
        }

        @Override
        public String method() {
            return "resume";
        }
    }

    /** {@code seek(partition, offset)}: the next poll() returns records from {@code offset}. */
    public record Seek(String target, TopicPartition partition, long offset) implements Call {
        public Seek {
            Objects.requireNonNull(partition, "partition");
            if (offset < 0) {
                throw new IllegalArgumentException("seek offset must not be negative");
            }
        }

        @Override
        public String method() {
            return "seek";
        }
    }

    /** {@code seekToBeginning(partitions)}: lazy, resolved at the next poll(). */
    public record SeekToBeginning(String target, List<TopicPartition> partitions) implements Call {
        public SeekToBeginning {
            partitions = List.copyOf(partitions);
        }

        @Override
        public String method() {
            return "seekToBeginning";
        }
    }

    /** {@code seekToEnd(partitions)}: lazy, resolved at the next poll(). */
    public record SeekToEnd(String target, List<TopicPartition> partitions) implements Call {
        public SeekToEnd {
            partitions = List.copyOf(partitions);
        }

        @Override
        public String method() {
            return "seekToEnd";
        }
    }

    /**
     * {@code offsetsForTimes({partition: timestamp})}: per partition the earliest offset whose timestamp is at or
     * after {@code timestampMs} (null when every record is older), asked of the partitions' leaders while the
     * application thread waits, for up to default.api.timeout.ms ({@link OffsetsByTime}); with {@code seek}, the
     * application then seeks each partition to its answer (the usual replay-from-a-time pattern). The partitions need
     * not be assigned to the consumer.
     */
    public record OffsetsForTimes(String target, List<TopicPartition> partitions, long timestampMs, boolean seek)
            implements Call {
        public OffsetsForTimes {
            partitions = List.copyOf(partitions);
            if (timestampMs < 0) {
                throw new IllegalArgumentException("offsetsForTimes timestamp must not be negative");
            }
        }

        @Override
        public String method() {
            return "offsetsForTimes";
        }
    }
}
