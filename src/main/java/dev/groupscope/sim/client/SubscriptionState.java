package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The subscription half of kafka-clients' {@code SubscriptionState}: what the application subscribed to (topics, a
 * pattern, or partitions it assigned itself), the topics a pattern matches now, and the group's topics when this
 * consumer leads. The metadata those topics need is {@link ConsumerMetadata}'s: a pattern is matched (in poll())
 * only against its cache, so a new topic can go unnoticed for up to metadata.max.age.ms. Plain mutable state whose
 * sets are replaced, never changed (so {@link #copy()} shares them); the logic takes the step it runs in.
 */
final class SubscriptionState {

    /** Kafka's {@code SubscriptionType}. */
    enum Type {
        NONE, AUTO_TOPICS, AUTO_PATTERN, USER_ASSIGNED
    }

    Type type = Type.NONE;
    /** Subscribed topics: the ones named, or those the pattern matched at the last poll(). */
    TreeSet<String> topics = new TreeSet<>();
    String pattern;
    TreeSet<TopicPartition> userAssignment = new TreeSet<>();
    /** {@code groupSubscription}: the topics of the whole group, which the leader's metadata must cover. */
    TreeSet<String> groupSubscription = new TreeSet<>();
    /** {@code ConsumerCoordinator.joinedSubscription}: the topics the last JoinGroup carried (null: none yet). */
    TreeSet<String> joined;

    /**
     * A copy that shares the sets: they are replaced, never changed in place (keep it so), and change only when
     * the subscription or the metadata does, while a consumer is copied into nearly every snapshot.
     */
    SubscriptionState copy() {
        SubscriptionState copy = new SubscriptionState();
        copy.type = type;
        copy.topics = topics;
        copy.pattern = pattern;
        copy.userAssignment = userAssignment;
        copy.groupSubscription = groupSubscription;
        copy.joined = joined;
        return copy;
    }

    static SubscriptionState of(ConsumerSubscription initial) {
        SubscriptionState state = new SubscriptionState();
        state.set(initial);
        return state;
    }

    /** Takes the subscription as given; pattern matches wait for {@link #maybeUpdatePatternSubscription}. */
    void set(ConsumerSubscription subscription) {
        switch (subscription.kind()) {
            case TOPICS -> {
                type = Type.AUTO_TOPICS;
                topics = new TreeSet<>(subscription.topics());
                pattern = null;
            }
            case PATTERN -> {
                if (type != Type.AUTO_PATTERN || !subscription.pattern().equals(pattern)) {
                    topics = new TreeSet<>();
                }
                type = Type.AUTO_PATTERN;
                pattern = subscription.pattern();
            }
            case ASSIGN -> {
                type = Type.USER_ASSIGNED;
                userAssignment = new TreeSet<>(subscription.partitions());
                topics = new TreeSet<>();
                pattern = null;
            }
            default -> throw new IllegalStateException("unknown subscription " + subscription.kind());
        }
    }

    /** {@code SubscriptionState.unsubscribe}. */
    void clear() {
        type = Type.NONE;
        topics = new TreeSet<>();
        pattern = null;
        userAssignment = new TreeSet<>();
        groupSubscription = new TreeSet<>();
    }

    boolean isNone() {
        return type == Type.NONE;
    }

    boolean autoAssigned() {
        return type == Type.AUTO_TOPICS || type == Type.AUTO_PATTERN;
    }

    boolean userAssigned() {
        return type == Type.USER_ASSIGNED;
    }

    /**
     * Kafka's {@code isFetchableAndSubscribed}: with subscribe(topics), a partition of a topic no longer subscribed
     * is not fetched, nor are its buffered records returned, from the call on (it stays assigned until the rebalance
     * revokes it). A pattern's or assign()'s partitions are not checked.
     */
    boolean dropped(TopicPartition partition) {
        return type == Type.AUTO_TOPICS && !topics.contains(partition.topic());
    }

    boolean hasPattern() {
        return type == Type.AUTO_PATTERN;
    }

    /** Kafka's {@code SUBSCRIPTION_EXCEPTION_MESSAGE}: the three kinds exclude each other until unsubscribe(). */
    boolean conflictsWith(ConsumerSubscription.Kind kind) {
        return switch (type) {
            case NONE -> false;
            case AUTO_TOPICS -> kind != ConsumerSubscription.Kind.TOPICS;
            case AUTO_PATTERN -> kind != ConsumerSubscription.Kind.PATTERN;
            case USER_ASSIGNED -> kind != ConsumerSubscription.Kind.ASSIGN;
        };
    }

    /** One line for views: how the consumer asks for partitions. */
    String summary() {
        return switch (type) {
            case NONE -> "none";
            case AUTO_TOPICS -> "topics " + topics;
            case AUTO_PATTERN -> "pattern " + pattern + " " + topics;
            case USER_ASSIGNED -> "assign " + ClientEvents.partitions(userAssignment);
        };
    }

    /** What events show of the subscription. */
    Map<String, Object> describe() {
        return switch (type) {
            case AUTO_PATTERN -> fields("pattern", pattern, "topics", List.copyOf(topics));
            case USER_ASSIGNED -> fields("partitions", ClientEvents.partitions(userAssignment));
            default -> fields("topics", List.copyOf(topics));
        };
    }

    // ---- the pattern and the metadata it needs ---------------------------------------------------------------------

    /**
     * {@code ConsumerCoordinator.maybeUpdateSubscriptionMetadata} / {@code updatePatternSubscription}, in poll():
     * the pattern is matched (whole names, {@code Matcher.matches}) against the topics of the consumer's metadata
     * cache, so a new topic is seen only once a Metadata answer has brought it.
     */
    void maybeUpdatePatternSubscription(Step step) {
        if (!hasPattern()) {
            return;
        }
        Pattern compiled = ConsumerSubscription.compile(pattern);
        TreeSet<String> matched = new TreeSet<>();
        step.metadata().partitionCounts().keySet().stream().filter(topic -> compiled.matcher(topic).matches())
                .forEach(matched::add);
        if (matched.equals(topics)) {
            return;
        }
        SortedSet<String> added = new TreeSet<>(matched);
        added.removeAll(topics);
        SortedSet<String> removed = new TreeSet<>(topics);
        removed.removeAll(matched);
        topics = matched;
        // updatePatternSubscription: a changed match asks for metadata at once (requestUpdateForNewTopics), which
        // also lifts the refresh backoff, so the rejoin this change calls for waits for that answer first.
        step.metadata().requestUpdateForNewTopics("beforeJoin");
        step.client("PatternMatched", fields("pattern", pattern, "topics", List.copyOf(matched), "added",
                List.copyOf(added), "removed", List.copyOf(removed)), "sim.client.patternMatched",
                Map.of("pattern", pattern, "topics", String.join(", ", matched), "added", String.join(", ", added),
                        "removed", String.join(", ", removed), "nothing", matched.isEmpty()));
    }

    /**
     * {@code SubscriptionState.groupSubscribe}: the leader watches every topic the group subscribes to. True when
     * that brings topics beyond its own subscription, whose metadata it must then ask for.
     */
    boolean groupSubscribe(Collection<String> groupTopics) {
        groupSubscription = new TreeSet<>(groupTopics);
        return !topics.containsAll(groupSubscription);
    }

    void resetGroupSubscription() {
        if (!groupSubscription.isEmpty()) {
            groupSubscription = new TreeSet<>();
        }
    }

    /**
     * {@code ConsumerMetadata.newMetadataRequestBuilder}: the topics a Metadata request names — the subscription
     * and, for the leader, the group's; for assign(), the assigned partitions' topics.
     */
    List<String> metadataTopics() {
        TreeSet<String> wanted = new TreeSet<>(topics);
        wanted.addAll(groupSubscription);
        userAssignment.forEach(tp -> wanted.add(tp.topic()));
        return List.copyOf(wanted);
    }

    /** A pattern subscriber asks for every topic (and matches the pattern itself). */
    boolean needsAllTopics() {
        return hasPattern();
    }

    /** {@code needRejoin}'s subscription check: the topics changed since the last JoinGroup. */
    boolean changedSinceJoin() {
        return autoAssigned() && joined != null && !joined.equals(topics);
    }
}
