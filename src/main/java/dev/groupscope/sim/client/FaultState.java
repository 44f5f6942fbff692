package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerFaults.CutOff;
import dev.groupscope.sim.client.ConsumerFaults.DelayCommits;
import dev.groupscope.sim.client.ConsumerFaults.FailCommits;
import dev.groupscope.sim.client.ConsumerFaults.Fault;
import dev.groupscope.sim.client.ConsumerFaults.Heal;
import dev.groupscope.sim.client.ConsumerFaults.LoseMessage;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Disconnected;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The faults in force on one consumer's connections ({@link ConsumerFaults}). They belong to its host and network,
 * not to the KafkaConsumer instance, so they outlast a restart. A lost request (in a cut, or the one message a
 * {@link LoseMessage} names) is never answered: kafka-clients closes the connection after request.timeout.ms (a
 * JoinGroup's: see {@link #timeoutMs}) and fails it with a DisconnectException, modelled as a timed-out
 * {@link Disconnected} arriving then (unless the client gave the request up earlier, e.g. by marking the
 * coordinator unknown when its session timed out, or because an earlier timeout closed the same connection). The
 * consumer fails every other request on that connection with it ({@code ConsumerActor}).
 */
final class FaultState {

    /** What kafka-clients adds to the rebalance timeout to wait for a JoinGroup answer (JOIN_GROUP_TIMEOUT_LAPSE). */
    private static final long JOIN_GROUP_TIMEOUT_LAPSE_MS = 5_000;

    /** The broker cut off from this consumer, or -1. */
    int cutBroker = -1;
    long cutUntil;
    /**
     * Messages of each API lost since the cut began, numbering the lost events: a learner steps to the first lost
     * heartbeat (or fetch) of a cut, and the diagram shows them all (see LearnerFilter).
     */
    private Map<String, Integer> lostInCut;
    /** Single messages to lose ({@link LoseMessage}); null while none, as nearly always. */
    private List<LoseMessage> armed;
    int failCommitsLeft;
    Errors failWith = Errors.NONE;
    int delayCommitsLeft;
    long commitDelayMs;

    FaultState copy() {
        FaultState copy = new FaultState();
        copy.cutBroker = cutBroker;
        copy.cutUntil = cutUntil;
        // Null until a cut loses something: every snapshot copies every consumer's faults, nearly always none.
        copy.lostInCut = lostInCut == null ? null : new TreeMap<>(lostInCut);
        copy.armed = armed; // never changed in place: arming and disarming replace the list
        copy.failCommitsLeft = failCommitsLeft;
        copy.failWith = failWith;
        copy.delayCommitsLeft = delayCommitsLeft;
        copy.commitDelayMs = commitDelayMs;
        return copy;
    }

    /**
     * Whether no fault can act at {@code now}: nothing armed, no commit to fail or delay, no cut in force. Then
     * {@link #intercept} and {@link #losesAnswer} answer false and change nothing, so a shared state stays shared.
     */
    boolean quiet(long now) {
        return armed == null && failCommitsLeft == 0 && delayCommitsLeft == 0 && (cutBroker < 0 || now >= cutUntil);
    }

    /** A scripted fault begins (or a network partition ends). */
    void apply(Step step, Fault fault) {
        if (fault instanceof CutOff cut) {
            cutOff(step, cut);
        } else if (fault instanceof Heal heal) {
            if (heal.broker() == cutBroker && step.now() >= cutUntil) {
                step.context.emit(EventKind.FAULT, "NetworkHealed", step.id(), ClientEvents.broker(cutBroker),
                        fields("broker", cutBroker), "sim.client.fault.healed",
                        Map.of("consumer", step.id(), "broker", cutBroker));
                cutBroker = -1;
            }
        } else if (fault instanceof LoseMessage lose) {
            arm(step, lose);
        } else if (fault instanceof FailCommits fail) {
            failCommitsLeft = fail.count();
            failWith = fail.error();
            step.context.emit(EventKind.FAULT, "FailCommits", step.id(), null, fields("count", fail.count(),
                    "error", fail.error().name()), "sim.client.fault.failCommits", Map.of("consumer", step.id(),
                    "count", fail.count(), "error", fail.error().name()));
        } else if (fault instanceof DelayCommits delay) {
            delayCommitsLeft = delay.count();
            commitDelayMs = delay.delayMs();
            step.context.emit(EventKind.FAULT, "DelayCommits", step.id(), null, fields("count", delay.count(),
                    "delayMs", delay.delayMs()), "sim.client.fault.delayCommits", Map.of("consumer", step.id(),
                    "count", delay.count(), "delayMs", delay.delayMs()));
        }
    }

    /**
     * The broker to cut off is the coordinator the consumer knows, or else the one it would find: the leader of the
     * group's {@code __consumer_offsets} partition.
     */
    private void cutOff(Step step, CutOff cut) {
        int broker = step.group().coordinator >= 0 ? step.group().coordinator
                : ClusterAccess.of(step.context).coordinatorOf(step.config().groupId());
        if (broker < 0) {
            return;
        }
        cutBroker = broker;
        cutUntil = step.now() + cut.durationMs();
        lostInCut = null;
        step.context.emit(EventKind.FAULT, "NetworkPartition", step.id(), ClientEvents.broker(broker),
                fields("broker", broker, "durationMs", cut.durationMs(), "sessionTimeoutMs",
                        step.config().sessionTimeoutMs()), "sim.client.fault.cutOff",
                Map.of("consumer", step.id(), "broker", broker, "durationMs", cut.durationMs(),
                        "sessionTimeoutMs", step.config().sessionTimeoutMs()));
        step.context.schedule(cut.durationMs(), new Heal(step.id(), broker));
    }

    private void arm(Step step, LoseMessage lose) {
        List<LoseMessage> more = armed == null ? new ArrayList<>() : new ArrayList<>(armed);
        more.add(lose);
        armed = List.copyOf(more);
        step.context.emit(EventKind.FAULT, "LoseMessage", step.id(), null, fields("api", lose.api(),
                "correlationId", lose.correlationId(), "answer", lose.answer(), "sentAtMs", lose.sentAtMs()),
                lose.answer() ? "sim.client.fault.loseAnswer" : "sim.client.fault.loseRequest",
                Map.of("consumer", step.id(), "api", lose.api(), "correlationId", lose.correlationId(),
                        "sentAtMs", lose.sentAtMs()));
    }

    /**
     * Whether the message is one to lose; if so it is lost now and no longer armed. A request not sent when it was
     * to be (the run went otherwise) is forgotten then.
     */
    private boolean disarm(String api, long correlationId, boolean answer, long sentAt, long now) {
        if (armed == null) {
            return false;
        }
        List<LoseMessage> left = new ArrayList<>(armed);
        boolean lost = left.removeIf(one -> one.is(api, correlationId, answer, sentAt));
        left.removeIf(one -> !one.answer() && one.sentAtMs() < now);
        armed = left.isEmpty() ? null : List.copyOf(left);
        return lost;
    }

    boolean cutFrom(int broker, long now) {
        return broker == cutBroker && now < cutUntil;
    }

    /**
     * What happens to a request about to be sent on connection {@code node} to {@code broker}: false if it goes out as
     * usual (the caller sends it), true if this fault took care of it (lost, answered with an injected error, or sent
     * late on that connection).
     */
    boolean intercept(Step step, int broker, int node, Message message, dev.groupscope.sim.protocol.Network network) {
        boolean targeted = disarm(message.api(), message.correlationId(), false, step.now(), step.now());
        if (targeted || cutFrom(broker, step.now())) {
            long timeoutAt = lose(step, broker, message.correlationId(), message.api(), step.now());
            emitLost(step, "RequestLost", targeted ? "sim.client.fault.requestLostWhatIf"
                    : "sim.client.fault.requestLost", broker, message, step.now(), timeoutAt,
                    message instanceof OffsetCommitRequest commit ? commit.offsets() : Map.of(), targeted);
            return true;
        }
        if (!(message instanceof OffsetCommitRequest commit)) {
            return false;
        }
        if (failCommitsLeft > 0) {
            failCommitsLeft--;
            Map<TopicPartition, Errors> errors = new TreeMap<>();
            commit.offsets().keySet().forEach(tp -> errors.put(tp, failWith));
            step.context.emit(EventKind.FAULT, "CommitFailureInjected", step.id(), ClientEvents.broker(broker),
                    fields("error", failWith.name(), "offsets", ClientEvents.offsets(commit.offsets()), "left",
                            failCommitsLeft), "sim.client.fault.commitFails", Map.of("consumer", step.id(),
                            "error", failWith.name(), "offsets", ClientEvents.offsetsText(commit.offsets())));
            // The coordinator's answer after a round trip, without the offsets being stored.
            long roundTrip = 2L * network.delayMs();
            step.context.schedule(roundTrip, new Deliver(step.id(), "broker-" + broker, broker, step.now(),
                    new OffsetCommitResponse(commit.correlationId(), errors)));
            return true;
        }
        if (delayCommitsLeft > 0) {
            delayCommitsLeft--;
            step.commits().heldUp();
            step.context.emit(EventKind.FAULT, "CommitDelayInjected", step.id(), ClientEvents.broker(broker),
                    fields("delayMs", commitDelayMs, "offsets", ClientEvents.offsets(commit.offsets()), "left",
                            delayCommitsLeft), "sim.client.fault.commitDelayed", Map.of("consumer", step.id(),
                            "delayMs", commitDelayMs, "offsets", ClientEvents.offsetsText(commit.offsets())));
            network.sendLater(step.context, step.id(), ClusterAccess.ACTOR_ID, broker, node, message, commitDelayMs);
            long timeout = timeoutMs(step, message.api());
            if (commitDelayMs + 2L * (network.delayMs() + network.jitterMs()) >= timeout) {
                // Held up past request.timeout.ms: kafka-clients stops waiting and closes the connection, as for a
                // lost request; whichever comes first, this or the answer, finds the other's request gone.
                step.context.schedule(timeout, new Deliver(step.id(), "broker-" + broker, broker, step.now(),
                        new Disconnected(message.correlationId(), message.api(), broker, true)));
            }
            return true;
        }
        return false;
    }

    /** An answer from a cut-off broker arriving during the partition is lost too. */
    boolean losesAnswer(Step step, Deliver deliver, InFlight.Pending pending) {
        if (deliver.message() instanceof Disconnected) {
            return false;
        }
        boolean targeted = disarm(pending.api(), deliver.message().correlationId(), true, deliver.sentAt(),
                step.now());
        if (!targeted && !cutFrom(deliver.broker(), step.now())) {
            return false;
        }
        long timeoutAt = lose(step, deliver.broker(), deliver.message().correlationId(), pending.api(),
                pending.sentAt());
        emitLost(step, "ResponseLost", targeted ? "sim.client.fault.responseLostWhatIf"
                : "sim.client.fault.responseLost", deliver.broker(), deliver.message(), deliver.sentAt(), timeoutAt,
                pending.offsets(), targeted);
        return true;
    }

    /**
     * No answer will come: after request.timeout.ms the client closes the connection and fails the request, and with
     * it every other request on that connection. Returns when, at the latest: a request on the same connection that
     * times out first closes it sooner, and this Disconnected, coming later, finds the request gone and is dropped.
     */
    private static long lose(Step step, int broker, long correlationId, String api, long sentAt) {
        long at = Math.max(step.now(), sentAt + timeoutMs(step, api));
        step.context.schedule(at - step.now(), new Deliver(step.id(), "broker-" + broker, broker, sentAt,
                new Disconnected(correlationId, api, broker, true)));
        return at;
    }

    /**
     * How long the client waits for an answer to {@code api} before it closes the connection: request.timeout.ms,
     * but a JoinGroup may be held by the coordinator for the whole rebalance, so kafka-clients waits for it
     * max(request.timeout.ms, rebalance timeout + 5,000 ms), the rebalance timeout being max.poll.interval.ms.
     */
    static long timeoutMs(Step step, String api) {
        return timeoutMs(step.config(), api);
    }

    static long timeoutMs(ConsumerClientConfig config, String api) {
        long requestTimeout = config.settings().requestTimeoutMs();
        if (!"JoinGroup".equals(api)) {
            return requestTimeout;
        }
        return Math.max(requestTimeout, (long) config.maxPollIntervalMs() + JOIN_GROUP_TIMEOUT_LAPSE_MS);
    }

    /**
     * The one record of a message the cut swallowed. Neither end can log it (the broker never sees the request, the
     * client only learns of it as a Disconnected request.timeout.ms later, if at all), so without it the log, the
     * explanation and the Protocol tab show the cut and, seconds later, the member removed for missing heartbeats,
     * but not the heartbeats that went missing. {@code sentAt} is when the lost message left: the client's request
     * now, or the broker's answer; {@code timeoutAt} when the client gives up on the request (its
     * {@link Disconnected}, unless it has dropped the request before). A commit's {@code offsets} say what was not
     * stored (a lost request) or stored without the consumer learning it (a lost answer).
     */
    private void emitLost(Step step, String type, String rule, int broker, Message message, long sentAt,
                          long timeoutAt, Map<TopicPartition, Long> offsets, boolean targeted) {
        String api = message.api(); // a request's and its answer's are the same name
        long requestTimeoutMs = step.config().settings().requestTimeoutMs();
        long timeoutMs = timeoutMs(step, api);
        // A single lost message is the first (and only) of its own: a learner steps to each.
        int nth = targeted ? 1 : countLostInCut(api);
        Map<String, Object> fields = fields("api", api, "broker", broker, "correlationId", message.correlationId(),
                "sentAt", sentAt, "timeoutAt", timeoutAt, "requestTimeoutMs", requestTimeoutMs, "lostInCut", nth);
        if (timeoutMs != requestTimeoutMs) {
            fields.put("joinTimeoutMs", timeoutMs);
        }
        if (targeted) {
            fields.put("whatIf", true); // lost on purpose, not by a cut: the diagram says which
        }
        if (!offsets.isEmpty()) {
            fields.put("offsets", ClientEvents.offsets(offsets));
        }
        step.context.emit(EventKind.FAULT, type, step.id(), ClientEvents.broker(broker), fields,
                timeoutMs != requestTimeoutMs ? rule + ".join" : rule,
                Map.of("consumer", step.id(), "broker", broker, "api", api, "timeoutMs", timeoutMs));
    }

    private int countLostInCut(String api) {
        if (lostInCut == null) {
            lostInCut = new TreeMap<>();
        }
        return lostInCut.merge(api, 1, Integer::sum);
    }
}
