package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ApplicationCalls.OffsetsForTimes;
import dev.groupscope.sim.client.ApplicationCalls.Seek;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import dev.groupscope.sim.protocol.Responses.ListOffsetsResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's {@code offsetsForTimes()} as kafka-clients 4.1 runs it ({@code ClassicKafkaConsumer
 * .offsetsForTimes} → {@code OffsetFetcher.fetchOffsetsByTimes}): a blocking call, in rounds. A round asks every
 * partition still without an answer, grouped by leader, with one ListOffsets per leader carrying the call's
 * timestamp; a partition without a leader is not asked. The round is over when every leader asked has answered, or
 * at its first request that fails (disconnected: Kafka raises the round's future, and its answers so far are lost).
 * A round that ended well keeps its answers: an offset, or none (the partition's answer is then null: no record that
 * recent); partitions answered with an error (NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION...), without a
 * leader, or all those of a failed round are asked again in the next round, after a metadata update. When every
 * partition has its answer the call returns them all; at default.api.timeout.ms after the call it throws
 * TimeoutException instead, and returns nothing, not even the answers that came.
 *
 * <p>Meanwhile the application thread waits in the call ({@link PollLoop.Phase#IN_CALL}): no poll(), so no fetch
 * is sent, no auto commit, no rebalance completes. The network is still read (Kafka's {@code ConsumerNetworkClient
 * .poll}: other answers are handled and fetched records buffered), and the heartbeat thread goes on.
 *
 * <p>Leaders are the consumer's metadata cache's ({@link ConsumerMetadata}): a partition it names no leader for asks
 * for an update, one whose leader's connection is backing off waits for the next round. Between rounds Kafka's
 * {@code awaitMetadataUpdate} waits for the next Metadata answer, which its {@code Metadata} allows no sooner than
 * retry.backoff.ms after the previous refresh (longer, with jitter, while refreshes bring nothing new).
 */
final class OffsetsByTime {

    private OffsetsByTime() {
    }

    /** An offsetsForTimes() in progress: plain mutable state, copied for snapshots. */
    static final class Search {
        /** The call waits for no Metadata answer. */
        static final int NOT_AWAITING = -1;


        /** The partitions asked about, in the call's order. */
        final List<TopicPartition> partitions;
        final long timestamp;
        final boolean seek;
        final long startedAt;
        final long deadline;
        /** Kafka's {@code result.fetchedOffsets}: the offsets the rounds that ended well found. */
        final TreeMap<TopicPartition, Long> found;
        /** Kafka's {@code remainingToSearch}. */
        final TreeSet<TopicPartition> remaining;
        /** The correlation ids of this round's requests not answered yet. */
        final TreeSet<Long> awaiting;
        /** This round's offsets so far. */
        final TreeMap<TopicPartition, Long> roundFound;
        /** This round's partitions to ask again. */
        final TreeSet<TopicPartition> roundRetry;
        /**
         * {@code awaitMetadataUpdate}: the metadata's update version when the last round ended; the next round goes
         * once an answer has passed it ({@link #NOT_AWAITING}: no round is waiting for one).
         */
        int awaitedMetadataVersion = NOT_AWAITING;
        long roundEndedAt;

        int rounds;

        Search(List<TopicPartition> partitions, long timestamp, boolean seek, long startedAt, long deadline) {
            this.partitions = List.copyOf(partitions);
            this.timestamp = timestamp;
            this.seek = seek;
            this.startedAt = startedAt;
            this.deadline = deadline;
            this.found = new TreeMap<>();
            this.remaining = new TreeSet<>(partitions);
            this.awaiting = new TreeSet<>();
            this.roundFound = new TreeMap<>();
            this.roundRetry = new TreeSet<>();
        }

        private Search(Search other) {
            this.partitions = other.partitions;
            this.timestamp = other.timestamp;
            this.seek = other.seek;
            this.startedAt = other.startedAt;
            this.deadline = other.deadline;
            this.found = new TreeMap<>(other.found);
            this.remaining = new TreeSet<>(other.remaining);
            this.awaiting = new TreeSet<>(other.awaiting);
            this.roundFound = new TreeMap<>(other.roundFound);
            this.roundRetry = new TreeSet<>(other.roundRetry);
            this.awaitedMetadataVersion = other.awaitedMetadataVersion;
            this.roundEndedAt = other.roundEndedAt;

            this.rounds = other.rounds;
        }

        Search copy() {
            return new Search(this);
        }
    }

    /**
     * The application calls offsetsForTimes() for {@code partitions}: it blocks its thread and sends the first round.
     * No partition at all returns an empty answer at once, as Kafka's does.
     */
    static void call(Step step, OffsetsForTimes call, List<TopicPartition> partitions) {
        List<TopicPartition> asked = List.copyOf(new LinkedHashSet<>(partitions)); // a map's keys in Kafka
        long timeoutMs = step.config().settings().defaultApiTimeoutMs();
        step.client("OffsetsForTimes", fields("partitions", names(asked), "timestamp", call.timestampMs(),
                "seek", call.seek(), "defaultApiTimeoutMs", timeoutMs), "sim.client.call.offsetsForTimes",
                Map.of("partitions", String.join(", ", names(asked)), "timestamp", call.timestampMs(),
                        "defaultApiTimeoutMs", timeoutMs));
        Search search = new Search(asked, call.timestampMs(), call.seek(), step.now(), step.now() + timeoutMs);
        if (asked.isEmpty()) {
            emitReturned(step, search);
            return;
        }
        step.blockInCall();
        step.fetcher().timesSearch = search;
        // Kafka's fetchOffsetsByTimes: topics the consumer does not read are asked for too, until the call ends
        step.metadata().addTransientTopics(topicsOf(asked));
        armTimer(step, search);
        sendRound(step, search);
        step.metadata().maybeUpdate(step); // the network poll that sends the round sends a due Metadata too
        step.readArrived(PollLoop.Phase.IN_CALL.name()); // and reads what arrived while records were processed
    }

    /**
     * Kafka's {@code sendListOffsetsRequests}: one ListOffsets per leader of the partitions still unanswered. A
     * partition its metadata names no leader for asks for an update; one whose leader's connection failed lately
     * waits out the reconnect backoff (the disconnect has asked for metadata already). With no leader to ask at all
     * the round fails at once ({@code StaleMetadataException}) and waits for metadata.
     */
    private static void sendRound(Step step, Search search) {
        search.rounds++;
        TreeMap<Integer, Map<TopicPartition, Long>> byLeader = new TreeMap<>();
        for (TopicPartition tp : search.remaining) {
            int leader = Fetcher.leaderFor(step, tp);
            if (leader < 0) {
                step.metadata().requestUpdate("noLeader");
                search.roundRetry.add(tp);
            } else if (step.metadata().isUnavailable(leader, step.now())) {
                search.roundRetry.add(tp);
            } else {
                byLeader.computeIfAbsent(leader, b -> new TreeMap<>()).put(tp, search.timestamp);
            }
        }
        if (byLeader.isEmpty()) {
            roundOver(step, search);
            return;
        }
        byLeader.forEach((leader, targets) -> {
            long correlationId = step.send(leader, false, id -> new ListOffsetsRequest(id, targets, true));
            search.awaiting.add(correlationId);
            step.fetcher().timesSent(correlationId);
        });
    }

    /** A leader answers one of the call's ListOffsets; the answer of a round that is over is dropped. */
    static void onAnswer(Step step, Deliver deliver, ListOffsetsResponse response) {
        step.fetcher().timesOver(response.correlationId());
        Search search = step.fetcher().timesSearch;
        ListedOffsets answer = ListedOffsets.of(response);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("consumer", step.id());
        args.put("broker", step.answeringBroker());
        if (search == null || !search.awaiting.remove(response.correlationId())) {
            step.emitResponse(deliver, answer.salient(), "sim.client.offsetsForTimes.late", args);
            return;
        }
        search.roundFound.putAll(answer.found());
        search.roundRetry.addAll(answer.retry());
        if (answer.retry().isEmpty()) {
            Map<String, Object> offsets = new TreeMap<>(ClientEvents.offsets(answer.found()));
            answer.notFound().forEach(tp -> offsets.put(tp.toString(), "null"));
            args.put("offsets", ClientEvents.joined(offsets));
            step.emitResponse(deliver, answer.salient(), "sim.client.offsetsForTimes.answer", args);
        } else {
            // Kafka's handleListOffsetResponse: a leader that moved, or a partition it does not know, is stale metadata
            step.metadata().requestUpdate(Errors.UNKNOWN_TOPIC_OR_PARTITION.name().equals(answer.firstError())
                    ? "unknownTopic" : "notLeader");
            args.put("partitions", String.join(", ", ClientEvents.partitions(answer.retry())));
            args.put("error", answer.firstError());
            args.put("retryBackoffMs", step.config().retryBackoffMs());
            step.emitResponse(deliver, answer.salient(), "sim.client.offsetsForTimes.retry", args);
        }
        if (search.awaiting.isEmpty()) {
            roundOver(step, search);
        }
    }

    /**
     * One of the call's ListOffsets failed without an answer (disconnected): Kafka fails the whole round at once, so
     * what it found so far is lost and every partition still unanswered is asked again.
     */
    static void onFailed(Step step, long correlationId) {
        step.fetcher().timesOver(correlationId);
        Search search = step.fetcher().timesSearch;
        if (search == null || !search.awaiting.contains(correlationId)) {
            return;
        }
        search.awaiting.clear();
        search.roundFound.clear();
        search.roundRetry.addAll(search.remaining);
        roundOver(step, search);
    }

    /**
     * The round is over: its answers join the result, and the partitions to ask again are all that remain. With none
     * left the call returns; otherwise the next round waits for the next Metadata answer ({@code
     * awaitMetadataUpdate}, which asks for one).
     */
    private static void roundOver(Step step, Search search) {
        search.found.putAll(search.roundFound);
        search.remaining.retainAll(search.roundRetry);
        search.roundFound.clear();
        search.roundRetry.clear();
        if (search.remaining.isEmpty()) {
            returned(step, search);
            return;
        }
        ConsumerMetadata metadata = step.metadata();
        search.awaitedMetadataVersion = metadata.updateVersion();
        search.roundEndedAt = step.now();
        metadata.requestUpdate("offsetsForTimes");
        metadata.maybeUpdate(step);
    }

    /**
     * A Metadata answer came: a call waiting for one asks again. An answer to a request sent before the round ended
     * that arrives at the very moment it ended was read in the same network poll as the round's last answer, and
     * Kafka's poll handles Metadata before it completes the round: it came before {@code awaitMetadataUpdate}
     * began, which waits for the next one.
     */
    static void onMetadata(Step step, Deliver deliver) {
        Search search = step.fetcher().timesSearch;
        if (search == null || step.loop().phase != PollLoop.Phase.IN_CALL
                || search.awaitedMetadataVersion == Search.NOT_AWAITING
                || step.metadata().updateVersion() <= search.awaitedMetadataVersion) {
            return;
        }
        if (step.now() == search.roundEndedAt && deliver.sentAt() < search.roundEndedAt) {
            search.awaitedMetadataVersion = step.metadata().updateVersion();
            step.metadata().requestUpdate("offsetsForTimes");
            step.metadata().maybeUpdate(step);
            return;
        }
        // (With no network delay a round may follow at once; the refresh backoff, at least 1 ms, keeps a partition
        // no answer names a leader for from being asked forever within one millisecond.)
        search.awaitedMetadataVersion = Search.NOT_AWAITING;
        sendRound(step, search);
    }

    /** The call's timer: default.api.timeout.ms is up. */
    static void wake(Step step) {
        Search search = step.fetcher().timesSearch;
        if (search == null || step.loop().phase != PollLoop.Phase.IN_CALL) {
            return;
        }
        if (step.now() >= search.deadline) {
            timedOut(step, search);
        } else {
            armTimer(step, search);
        }
    }

    private static void armTimer(Step step, Search search) {
        step.armTimer(TimerKind.OFFSETS_FOR_TIMES, search.deadline - step.now());
    }

    /** Every partition has its answer: the call returns them, the application seeks if it does, and goes on. */
    private static void returned(Step step, Search search) {
        end(step);
        emitReturned(step, search);
        step.callReturned();
        if (search.seek) {
            seekToAnswers(step, search);
        }
        step.goOnAfterCall();
    }

    private static void emitReturned(Step step, Search search) {
        Map<String, Object> offsets = new LinkedHashMap<>();
        search.partitions.forEach(tp -> offsets.put(tp.toString(), search.found.containsKey(tp)
                ? search.found.get(tp) : "null"));
        long durationMs = step.now() - search.startedAt;
        step.client("OffsetsForTimesReturned", fields("timestamp", search.timestamp, "offsets", offsets,
                "seek", search.seek, "durationMs", durationMs, "rounds", search.rounds),
                search.seek ? "sim.client.offsetsForTimes.returnedSeek" : "sim.client.offsetsForTimes.returned",
                Map.of("timestamp", search.timestamp, "offsets", ClientEvents.joined(offsets),
                        "durationMs", durationMs));
    }

    /** The application's {@code seek(tp, offset)} for each partition answered, in the call's order. */
    private static void seekToAnswers(Step step, Search search) {
        for (TopicPartition tp : search.partitions) {
            Long offset = search.found.get(tp);
            if (offset == null) {
                continue; // null: nothing to seek to
            }
            Seek seek = new Seek(step.id(), tp, offset);
            if (!step.fetcher().assignment.isAssigned(tp)) {
                ConsumerCalls.rejectUnassigned(step, seek, tp);
                return;
            }
            ConsumerCalls.seek(step, seek);
        }
    }

    /**
     * default.api.timeout.ms is up with partitions still unanswered: Kafka's TimeoutException, and no answer at all.
     * The application catches it and goes on; requests still in flight are answered later, and dropped.
     */
    private static void timedOut(Step step, Search search) {
        end(step);
        long elapsedMs = step.now() - search.startedAt;
        List<String> unanswered = ClientEvents.partitions(search.remaining);
        step.client("OffsetsForTimesFailed", fields("exception", "TimeoutException", "message",
                "Failed to get offsets by times in " + elapsedMs + "ms", "timestamp", search.timestamp,
                "unanswered", unanswered, "durationMs", elapsedMs, "rounds", search.rounds),
                "sim.client.offsetsForTimes.timeout", Map.of("partitions", String.join(", ", unanswered),
                        "defaultApiTimeoutMs", step.config().settings().defaultApiTimeoutMs()));
        step.callReturned();
        step.goOnAfterCall();
    }

    private static void end(Step step) {
        step.fetcher().timesSearch = null;
        step.metadata().clearTransientTopics();
        step.cancelTimer(TimerKind.OFFSETS_FOR_TIMES);
    }

    private static TreeSet<String> topicsOf(List<TopicPartition> partitions) {
        TreeSet<String> topics = new TreeSet<>();
        partitions.forEach(tp -> topics.add(tp.topic()));
        return topics;
    }

    private static List<String> names(List<TopicPartition> partitions) {
        List<String> names = new ArrayList<>(partitions.size());
        partitions.forEach(tp -> names.add(tp.toString()));
        return names;
    }
}
