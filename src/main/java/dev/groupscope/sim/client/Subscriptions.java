package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The application changing what it consumes while running, as {@code ClassicKafkaConsumer} does it:
 * subscribe(topics | pattern) (the next poll() sees the subscription changed since the last join and rejoins),
 * assign(partitions) (manual: positions of partitions that stay are kept, no group, no rebalance), and
 * unsubscribe() (listener callbacks, LeaveGroup for a dynamic member, then no partitions; the application waits
 * for its next subscribe or assign before it polls again). Topics, a pattern and assign() exclude each other until
 * unsubscribe(): Kafka throws IllegalStateException, which the application catches and logs.
 */
final class Subscriptions {

    private Subscriptions() {
    }

    static void subscribe(Step step, ConsumerSubscription subscription) {
        SubscriptionState state = step.subscription();
        if (subscription.kind() == ConsumerSubscription.Kind.TOPICS) {
            // clearBufferedDataForUnassignedPartitions, before subscribe(topics) can throw: only the buffered
            // records of assigned partitions of the topics named stay. (subscribe(Pattern) clears nothing.)
            Set<String> named = new TreeSet<>(subscription.topics());
            step.fetcher().buffer.retainOnly(tp -> named.contains(tp.topic())
                    && step.fetcher().assignment.isAssigned(tp), step.fetcher().assignment);
        }
        if (state.conflictsWith(subscription.kind())) {
            rejectExclusive(step, "subscribe");
            return;
        }
        boolean wasIdle = state.isNone();
        boolean sameTopics = subscription.kind() == ConsumerSubscription.Kind.TOPICS
                && state.type == SubscriptionState.Type.AUTO_TOPICS
                && state.topics.equals(new TreeSet<>(subscription.topics()));
        state.set(subscription);
        if (subscription.kind() == ConsumerSubscription.Kind.TOPICS) {
            // subscribe(topics) asks for metadata of the new topics at once (requestUpdateForNewTopics), but only
            // when the set changed: changeSubscription returns false for the same topics, and nothing follows.
            if (!sameTopics) {
                step.metadata().requestUpdateForNewTopics("subscribe");
            }
            step.client("Subscribe", state.describe(), sameTopics ? "sim.client.call.subscribeSame"
                    : "sim.client.call.subscribe", Map.of("topics", String.join(", ", state.topics)));
        } else {
            // subscribe(Pattern) matches the cached metadata at once and asks for fresh metadata.
            step.metadata().requestUpdateForNewTopics("subscribe");
            step.client("Subscribe", state.describe(), "sim.client.call.subscribePattern",
                    Map.of("pattern", state.pattern));
            state.maybeUpdatePatternSubscription(step);
        }
        resumeLoop(step, wasIdle);
    }

    static void assign(Step step, List<TopicPartition> partitions) {
        SubscriptionState state = step.subscription();
        SortedSet<TopicPartition> wanted = new TreeSet<>(partitions);
        // Before assignFromUser can throw: the buffered records of partitions left out are dropped, and an auto
        // commit that is due goes out ("the offsets of partitions the consumer is unsubscribing from are committed,
        // since there will be no following rebalance").
        step.fetcher().buffer.retainOnly(wanted::contains, step.fetcher().assignment);
        step.commits().maybeAutoCommitAsync(step);
        if (state.conflictsWith(ConsumerSubscription.Kind.ASSIGN)) {
            rejectExclusive(step, "assign");
            return;
        }
        boolean wasIdle = state.isNone();
        boolean newTopics = !state.userAssigned()
                || !topicsOf(step.fetcher().assignment.partitions()).equals(topicsOf(wanted));
        state.set(ConsumerSubscription.assign(wanted));
        if (newTopics) {
            // assignFromUser → changeSubscription: only a new set of topics asks for their metadata.
            step.metadata().requestUpdateForNewTopics("subscribe");
        }
        step.commits().processedPositions.keySet().retainAll(wanted);
        step.fetcher().assignment.assignFromUser(wanted);
        step.client("Assign", fields("partitions", ClientEvents.partitions(wanted)), "sim.client.call.assign",
                Map.of("partitions", String.join(", ", ClientEvents.partitions(wanted))));
        resumeLoop(step, wasIdle);
    }

    private static SortedSet<String> topicsOf(java.util.Collection<TopicPartition> partitions) {
        SortedSet<String> topics = new TreeSet<>();
        partitions.forEach(tp -> topics.add(tp.topic()));
        return topics;
    }

    static void unsubscribe(Step step) {
        SubscriptionState state = step.subscription();
        step.client("Unsubscribe", state.describe(), state.autoAssigned() ? "sim.client.call.unsubscribe"
                : "sim.client.call.unsubscribeAssigned", Map.of());
        step.fetcher().buffer.clear();
        if (state.autoAssigned()) {
            step.group().onLeavePrepare(step);
            step.group().maybeLeaveGroup(step, false, "the consumer unsubscribed from all topics");
        }
        state.clear();
        step.commits().processedPositions.clear();
        step.fetcher().assignment.assign(new TreeSet<>());
        step.heartbeat().enabled = false;
        step.cancelTimer(TimerKind.METADATA);
        if (step.loop().phase == PollLoop.Phase.IN_POLL) {
            step.loop().phase = PollLoop.Phase.UNSUBSCRIBED;
            step.cancelTimer(TimerKind.POLL_RETURN);
        }
    }

    /** After unsubscribe() the loop waited; a new subscription sends it back into poll(). */
    private static void resumeLoop(Step step, boolean wasIdle) {
        if (wasIdle && step.loop().phase == PollLoop.Phase.UNSUBSCRIBED) {
            step.callPoll();
        }
    }

    private static void rejectExclusive(Step step, String method) {
        step.client("CallRejected", fields("method", method, "exception", "IllegalStateException",
                "message", "Subscription to topics, partitions and pattern are mutually exclusive"),
                "sim.client.call.exclusive", Map.of("method", method));
    }
}
