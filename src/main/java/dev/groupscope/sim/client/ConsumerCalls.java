package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ApplicationCalls.Assign;
import dev.groupscope.sim.client.ApplicationCalls.Call;
import dev.groupscope.sim.client.ApplicationCalls.OffsetsForTimes;
import dev.groupscope.sim.client.ApplicationCalls.Pause;
import dev.groupscope.sim.client.ApplicationCalls.Resume;
import dev.groupscope.sim.client.ApplicationCalls.Seek;
import dev.groupscope.sim.client.ApplicationCalls.SeekToBeginning;
import dev.groupscope.sim.client.ApplicationCalls.SeekToEnd;
import dev.groupscope.sim.client.ApplicationCalls.Subscribe;
import dev.groupscope.sim.client.ApplicationCalls.Unsubscribe;
import dev.groupscope.sim.client.ConsumerActor.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application's calls on its consumer ({@link ApplicationCalls}), each as kafka-clients runs it: pause and
 * resume flip the partition's flag in the subscription state; seek sets the position at once; seekToBeginning and
 * seekToEnd only request a reset that the next poll() resolves; offsetsForTimes blocks the application thread while
 * the partitions' leaders are asked ({@link OffsetsByTime}). A call naming a partition that is not assigned throws
 * Kafka's IllegalStateException at that partition, after the ones before it took effect (the methods loop over the
 * partitions in order); the application catches and logs it. The application has one thread: a call scripted while
 * that thread is inside poll(), commitSync() or offsetsForTimes waits until the method returns.
 */
final class ConsumerCalls {

    private ConsumerCalls() {
    }

    /** A scripted call comes: the application makes it now, or once its thread is free. */
    static void run(Step step, Call call) {
        if (!step.state().running()) {
            rejectNotRunning(step, call, step.state().name());
            return;
        }
        if (waits(step, call)) {
            step.loop().addWaitingCall(call);
            return;
        }
        make(step, call);
        // Whatever changed (a resumed partition with records waiting, a new position to fetch from) is acted on
        // by the poll() the loop is in, or by its next one.
        step.pollIteration();
    }

    /**
     * Whether the application thread is inside one of the consumer's own methods, so the call must wait: in poll(),
     * in commitSync() or in offsetsForTimes. A KafkaConsumer has one thread (a second one gets a
     * ConcurrentModificationException), so the application makes the call when that method returns: as poll()
     * returns its records (before the first is processed), as commitSync() returns, or before its next poll().
     */
    private static boolean waits(Step step, Call call) {
        PollLoop loop = step.loop();
        if (loop.phase == PollLoop.Phase.IN_POLL || loop.phase == PollLoop.Phase.COMMITTING
                || loop.phase == PollLoop.Phase.IN_CALL) {
            return true;
        }
        // A worker pool's poller waiting in onPartitionsRevoked: a blocking call would block it a second time.
        return call instanceof OffsetsForTimes && (loop.inListener || step.group().listenerCommitPending);
    }

    /** The application makes the call on its thread. */
    static void make(Step step, Call call) {
        if (call instanceof Pause pause) {
            flag(step, call, pause.partitions(), true);
        } else if (call instanceof Resume resume) {
            flag(step, call, resume.partitions(), false);
        } else if (call instanceof Seek seek) {
            seek(step, seek);
        } else if (call instanceof SeekToBeginning toBeginning) {
            lazySeek(step, call, toBeginning.partitions(), "earliest");
        } else if (call instanceof SeekToEnd toEnd) {
            lazySeek(step, call, toEnd.partitions(), "latest");
        } else if (call instanceof OffsetsForTimes forTimes) {
            offsetsForTimes(step, forTimes);
        } else if (call instanceof Subscribe subscribe) {
            Subscriptions.subscribe(step, subscribe.subscription());
        } else if (call instanceof Assign assign) {
            Subscriptions.assign(step, assign.partitions());
        } else if (call instanceof Unsubscribe) {
            Subscriptions.unsubscribe(step);
        }
    }

    private static void rejectNotRunning(Step step, Call call, String state) {
        step.client("CallRejected", fields("method", call.method(), "exception", "IllegalStateException",
                "state", state), "sim.client.call.notRunning", Map.of("method", call.method(), "state", state));
    }

    /** {@code consumer.assignment()} when the call names no partitions. */
    private static List<TopicPartition> orAssigned(Step step, List<TopicPartition> partitions) {
        return partitions.isEmpty() ? List.copyOf(step.fetcher().assignment.partitions()) : partitions;
    }

    private static void flag(Step step, Call call, List<TopicPartition> named, boolean pause) {
        Assignment assignment = step.fetcher().assignment;
        List<TopicPartition> done = new ArrayList<>();
        for (TopicPartition tp : orAssigned(step, named)) {
            if (!assignment.isAssigned(tp)) {
                report(step, call, done);
                rejectUnassigned(step, call, tp);
                return;
            }
            if (pause) {
                assignment.pause(tp);
            } else {
                assignment.resume(tp);
            }
            done.add(tp);
        }
        report(step, call, done);
    }

    private static void report(Step step, Call call, List<TopicPartition> done) {
        if (done.isEmpty()) {
            return;
        }
        String type = call instanceof Pause ? "Pause" : "Resume";
        step.client(type, fields("partitions", ClientEvents.partitions(done), "paused",
                ClientEvents.partitions(step.fetcher().assignment.pausedPartitions())),
                "sim.client.call." + call.method(), Map.of("partitions", String.join(", ",
                        ClientEvents.partitions(done))));
    }

    static void seek(Step step, Seek seek) {
        TopicPartition tp = seek.partition();
        Assignment assignment = step.fetcher().assignment;
        if (!assignment.isAssigned(tp)) {
            rejectUnassigned(step, seek, tp);
            return;
        }
        long before = assignment.position(tp);
        assignment.seek(tp, seek.offset());
        step.client("Seek", fields("partition", tp.toString(), "offset", seek.offset(), "previousPosition", before,
                "recordsInHand", step.loop().recordsLeft()), "sim.client.call.seek",
                Map.of("partition", tp.toString(), "offset", seek.offset()));
    }

    private static void lazySeek(Step step, Call call, List<TopicPartition> named, String strategy) {
        Assignment assignment = step.fetcher().assignment;
        List<TopicPartition> requested = new ArrayList<>();
        TopicPartition unassigned = null;
        for (TopicPartition tp : orAssigned(step, named)) {
            if (!assignment.isAssigned(tp)) {
                unassigned = tp;
                break;
            }
            assignment.requestReset(tp, strategy, call instanceof SeekToBeginning ? "seekToBeginning" : "seekToEnd");
            requested.add(tp);
        }
        if (!requested.isEmpty()) {
            String type = call instanceof SeekToBeginning ? "SeekToBeginning" : "SeekToEnd";
            step.client(type, fields("partitions", ClientEvents.partitions(requested), "strategy", strategy),
                    "sim.client.call." + call.method(), Map.of("partitions", String.join(", ",
                            ClientEvents.partitions(requested))));
        }
        if (unassigned != null) {
            rejectUnassigned(step, call, unassigned);
        }
    }

    /** {@code offsetsForTimes}: not while close() runs (it would throw once closed); otherwise a blocking call. */
    private static void offsetsForTimes(Step step, OffsetsForTimes call) {
        if (step.loop().phase == PollLoop.Phase.CLOSING) {
            rejectNotRunning(step, call, PollLoop.Phase.CLOSING.name());
            return;
        }
        OffsetsByTime.call(step, call, orAssigned(step, call.partitions()));
    }

    static void rejectUnassigned(Step step, Call call, TopicPartition tp) {
        step.client("CallRejected", fields("method", call.method(), "exception", "IllegalStateException",
                "message", "No current assignment for partition " + tp), "sim.client.call.unassigned",
                Map.of("method", call.method(), "partition", tp.toString()));
    }
}
