package dev.groupscope.realkafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One real {@link KafkaConsumer} on a thread of its own. {@code KafkaConsumer} is not thread-safe, so the script
 * never touches it: it queues an action, which the member's thread runs between two polls, and waits (bounded)
 * for it to finish.
 *
 * <p><b>Crash.</b> The faithful crash is a killed process. In-process, {@link #crash()} gets as close as the real
 * client allows: the member stops polling; its recorder dies, so nothing the client does while shutting down is
 * recorded (a dead process runs no callbacks); and it closes with {@code REMAIN_IN_GROUP} and a zero timeout, so
 * no LeaveGroup is sent and heartbeats stop at once. What the coordinator sees is then what it sees after a crash:
 * the heartbeats stop and the member is removed only when its session times out (the broker does not act on a
 * closed connection). One side effect of {@code close()} would reach the broker: with {@code enable.auto.commit}
 * it commits the current positions. So before closing, a crash rewinds every owned partition to the group's
 * committed offset (or to an unset position where nothing is committed), and the final auto-commit changes nothing.
 */
final class MemberThread {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLIENT_CALL_TIMEOUT = Duration.ofSeconds(10);

    /** Something to do on the member's own thread. */
    private interface Action {
        void run(KafkaConsumer<String, String> consumer);
    }

    private record Queued(String name, Action action, CompletableFuture<Void> done) {
    }

    private final String member;
    private final Map<String, Object> config;
    private final String topic;
    private final boolean autoCommit;
    private final MemberRecorder recorder;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean finished;
    private volatile Throwable failure;

    MemberThread(String member, Map<String, Object> config, String topic, MemberRecorder recorder) {
        this.member = member;
        this.config = new HashMap<>(config);
        this.config.put(CommitRecorder.RECORDER_CONFIG, recorder);
        this.topic = topic;
        this.autoCommit = Boolean.parseBoolean(String.valueOf(config.get("enable.auto.commit")));
        this.recorder = recorder;
        this.thread = new Thread(this::pollLoop, "groupscope-member-" + member);
        this.thread.setDaemon(true);
    }

    String member() {
        return member;
    }

    /** Starts the thread and returns once the consumer has subscribed (it joins the group on its first polls). */
    void start() {
        thread.start();
        Bounded.get(subscribed, CLIENT_CALL_TIMEOUT, member + " subscribing to " + topic);
    }

    /** True while the member polls: started, not closed, not crashed, not failed. */
    boolean isLive() {
        return thread.isAlive() && !finished;
    }

    /** The exception that ended the member's thread, if one did. */
    Throwable failure() {
        return failure;
    }

    void leave() {
        perform("leave", consumer -> closeWith(consumer,
                CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT)));
    }

    void close() {
        perform("close", consumer -> closeWith(consumer, CloseOptions.timeout(CLOSE_TIMEOUT)));
    }

    void crash() {
        perform("crash", consumer -> {
            recorder.die();
            if (autoCommit) {
                rewindToCommitted(consumer);
            }
            closeWith(consumer, CloseOptions.groupMembershipOperation(GroupMembershipOperation.REMAIN_IN_GROUP)
                    .withTimeout(Duration.ZERO));
        });
    }

    /** Commits the position of every owned partition; the {@link CommitRecorder} records what the broker took. */
    void commit() {
        perform("commit", consumer -> {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : consumer.assignment()) {
                offsets.put(partition, new OffsetAndMetadata(consumer.position(partition, CLIENT_CALL_TIMEOUT)));
            }
            consumer.commitSync(offsets, CLIENT_CALL_TIMEOUT);
        });
    }

    /**
     * The application is busy outside {@code poll()} for {@code durationMs} (the member's thread sleeps between two
     * polls; the client's heartbeat thread runs on), then calls {@code poll()} once and returns when that poll does.
     */
    void stall(long durationMs) {
        perform("stall", consumer -> {
            Bounded.sleep(durationMs);
            recorder.processed(consumer.poll(POLL));
        }, Duration.ofMillis(durationMs).plus(CLIENT_CALL_TIMEOUT));
    }

    /**
     * Stops recording. At the end of a run every member is silenced before any is stopped: otherwise the first
     * member's departure rebalances the others, and the log would end with callbacks no step asked for.
     */
    void silence() {
        recorder.die();
    }

    /** End-of-run cleanup: leaves the group if still in it, and waits (bounded) for the thread to end. */
    void stop() {
        if (isLive()) {
            try {
                leave();
            } catch (AssertionError e) {
                // The run is over and its outcome already decided; a member that will not close is abandoned.
            }
        }
        joinThread();
    }

    private void perform(String name, Action action) {
        perform(name, action, CLOSE_TIMEOUT.plus(CLIENT_CALL_TIMEOUT));
    }

    private void perform(String name, Action action, Duration timeout) {
        if (!isLive()) {
            throw new IllegalStateException(member + " cannot " + name + ": it is not running"
                    + (failure == null ? "" : " (it failed: " + failure + ")"));
        }
        Queued queued = new Queued(name, action, new CompletableFuture<>());
        queue.add(queued);
        Bounded.get(queued.done(), timeout, member + " " + name);
    }

    private void pollLoop() {
        KafkaConsumer<String, String> consumer = null;
        try {
            consumer = new KafkaConsumer<>(config);
            consumer.subscribe(List.of(topic), new RecordingListener(recorder, consumer::groupMetadata));
            subscribed.complete(null);
            while (!finished) {
                runQueued(consumer);
                if (!finished) {
                    recorder.processed(consumer.poll(POLL));
                }
            }
        } catch (Throwable t) {
            failure = t;
            subscribed.completeExceptionally(t);
            failQueued(t);
            closeAfterFailure(consumer);
        } finally {
            finished = true;
            // An action queued while the loop was ending would otherwise wait for its full timeout.
            failQueued(new IllegalStateException(member + " has stopped"));
        }
    }

    private void runQueued(KafkaConsumer<String, String> consumer) {
        Queued queued;
        while ((queued = queue.poll()) != null) {
            try {
                queued.action().run(consumer);
                queued.done().complete(null);
            } catch (RuntimeException e) {
                queued.done().completeExceptionally(e);
                throw e;
            }
        }
    }

    private void closeWith(KafkaConsumer<String, String> consumer, CloseOptions options) {
        finished = true;
        consumer.close(options);
    }

    private static void rewindToCommitted(KafkaConsumer<String, String> consumer) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(owned, CLIENT_CALL_TIMEOUT);
        for (TopicPartition partition : owned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                // Lazy: leaves the position unset, and auto-commit skips partitions without a position.
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    private void failQueued(Throwable t) {
        Queued queued;
        while ((queued = queue.poll()) != null) {
            queued.done().completeExceptionally(t);
        }
    }

    private void closeAfterFailure(KafkaConsumer<String, String> consumer) {
        if (consumer != null && !finished) {
            try {
                consumer.close(CloseOptions.timeout(Duration.ZERO));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private void joinThread() {
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
