package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import dev.groupscope.sim.engine.EventKind;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The subscription half of kafka-clients' {@code SubscriptionState}, and the consumer's cached metadata: what the
 * application subscribed to (topics, a pattern, or partitions it assigned itself), the topics a pattern matches now,
 * and the cluster's topics with their partition counts as of the consumer's last metadata refresh. Kafka refreshes
 * metadata at subscribe(), every metadata.max.age.ms, and sooner when a fetch finds a topic gone; a pattern is matched
 * again (in poll()) only against that refreshed list, and a group leader notices partitions added to a topic it
 * assigned only there, so either can go unnoticed for up to metadata.max.age.ms. Plain mutable state whose sets are
 * replaced, never changed (so {@link #copy()} shares them); the logic takes the step it runs in.
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
    /**
     * The cluster's ordinary topics and their partition counts at the last metadata refresh, by name (unmodifiable,
     * replaced at each refresh).
     */
    SortedMap<String, Integer> metadata = Collections.emptySortedMap();
    long lastMetadataRefresh = Long.MIN_VALUE;
    boolean metadataUpdateRequested;
    /** {@code ConsumerCoordinator.joinedSubscription}: the topics the last JoinGroup carried (null: none yet). */
    TreeSet<String> joined;

    /**
     * A copy that shares the four sets: they are replaced, never changed in place (keep it so), and change only when
     * the subscription or the metadata does, while a consumer is copied into nearly every snapshot.
     */
    SubscriptionState copy() {
        SubscriptionState copy = new SubscriptionState();
        copy.type = type;
        copy.topics = topics;
        copy.pattern = pattern;
        copy.userAssignment = userAssignment;
        copy.metadata = metadata;
        copy.lastMetadataRefresh = lastMetadataRefresh;
        copy.metadataUpdateRequested = metadataUpdateRequested;
        copy.joined = joined;
        return copy;
    }

    static SubscriptionState of(ConsumerSubscription initial) {
        SubscriptionState state = new SubscriptionState();
        state.set(initial);
        return state;
    }

    /** Takes the subscription as given; pattern matches wait for {@link #refreshMetadata}. */
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
        metadataUpdateRequested = false;
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

    // ---- metadata and the pattern ---------------------------------------------------------------------------------

    /**
     * A metadata refresh: the consumer learns the cluster's topic list ({@code __consumer_offsets} excluded, as
     * exclude.internal.topics=true does). Arms the next periodic refresh.
     */
    void refreshMetadata(Step step, String why) {
        SortedMap<String, Integer> before = metadata;
        metadata = Collections.unmodifiableSortedMap(
                new TreeMap<>(ClusterAccess.of(step.context).partitionsPerTopic()));
        lastMetadataRefresh = step.now();
        metadataUpdateRequested = false;
        long maxAge = step.config().settings().metadataMaxAgeMs();
        step.armTimer(TimerKind.METADATA, maxAge);
        List<String> grown = grown(before);
        boolean changed = !metadata.keySet().equals(before.keySet()) || !grown.isEmpty();
        // Before a rejoin, while a subscribed topic is unknown, and before the leader assigns topics it had no
        // metadata for, Kafka refreshes as often as retry.backoff.ms allows: only a refresh that finds something new
        // is worth an event there.
        boolean routine = why.equals("beforeJoin") || why.equals("unknownTopic") || why.equals("groupSubscription");
        if (!why.equals("subscribe") && (changed || !routine)) {
            SortedSet<String> created = new TreeSet<>(metadata.keySet());
            created.removeAll(before.keySet());
            SortedSet<String> deleted = new TreeSet<>(before.keySet());
            deleted.removeAll(metadata.keySet());
            step.context.emit(EventKind.TIMER, "MetadataRefresh", step.id(), null, fields("why", why,
                    "topics", List.copyOf(metadata.keySet()), "created", List.copyOf(created), "deleted",
                    List.copyOf(deleted), "grown", grown, "metadataMaxAgeMs", maxAge),
                    "sim.client.metadataRefresh." + why,
                    Map.of("consumer", step.id(), "metadataMaxAgeMs", maxAge, "created", String.join(", ", created),
                            "deleted", String.join(", ", deleted), "grown", String.join(", ", grown),
                            "unchanged", !changed));
        }
    }

    /** The topics this refresh found with more partitions than the last one did: "logs (2 → 4)". */
    private List<String> grown(Map<String, Integer> before) {
        List<String> grown = new java.util.ArrayList<>();
        metadata.forEach((topic, count) -> {
            Integer was = before.get(topic);
            if (was != null && was < count) {
                grown.add(topic + " (" + was + " → " + count + ")");
            }
        });
        return List.copyOf(grown);
    }

    /**
     * {@code ConsumerCoordinator.maybeUpdateSubscriptionMetadata} / {@code updatePatternSubscription}, in poll():
     * the pattern is matched (whole names, {@code Matcher.matches}) against the refreshed topic list.
     */
    void maybeUpdatePatternSubscription(Step step) {
        maybeRefreshAsked(step);
        if (!hasPattern()) {
            return;
        }
        Pattern compiled = ConsumerSubscription.compile(pattern);
        TreeSet<String> matched = new TreeSet<>();
        metadata.keySet().stream().filter(topic -> compiled.matcher(topic).matches()).forEach(matched::add);
        if (matched.equals(topics)) {
            return;
        }
        SortedSet<String> added = new TreeSet<>(matched);
        added.removeAll(topics);
        SortedSet<String> removed = new TreeSet<>(topics);
        removed.removeAll(matched);
        topics = matched;
        step.client("PatternMatched", fields("pattern", pattern, "topics", List.copyOf(matched), "added",
                List.copyOf(added), "removed", List.copyOf(removed)), "sim.client.patternMatched",
                Map.of("pattern", pattern, "topics", String.join(", ", matched), "added", String.join(", ", added),
                        "removed", String.join(", ", removed), "nothing", matched.isEmpty()));
    }

    /**
     * The refreshes Kafka's consumer asks for between its periodic ones, at most every retry.backoff.ms: after a
     * fetch found a topic gone, and while a topic it subscribed to by name is missing from its metadata (the
     * metadata answer's UNKNOWN_TOPIC_OR_PARTITION asks for another).
     */
    private void maybeRefreshAsked(Step step) {
        if (!autoAssigned() || step.now() - lastMetadataRefresh < step.config().retryBackoffMs()) {
            return;
        }
        if (metadataUpdateRequested) {
            refreshMetadata(step, "requested");
        } else if (!metadata.keySet().containsAll(topics)) {
            refreshMetadata(step, "unknownTopic");
        }
    }

    /**
     * Before the leader assigns, Kafka's {@code ConsumerCoordinator.onLeaderElected} makes sure its metadata covers
     * every topic the group subscribes to ({@code updateGroupSubscription}, then {@code ensureFreshMetadata}).
     */
    void freshForGroupSubscription(Step step, java.util.Collection<String> groupTopics) {
        if (!metadata.keySet().containsAll(groupTopics)) {
            refreshMetadata(step, "groupSubscription");
        }
    }

    /**
     * Before a pattern consumer rejoins, Kafka refreshes metadata if retry.backoff.ms has passed since the last
     * refresh ({@code ensureFreshMetadata}): every member that joins a rebalance started by one member's discovery
     * matches the new topic too, so one topic creation costs one rebalance, not one per member.
     */
    void freshBeforeRejoin(Step step) {
        if (hasPattern() && step.now() - lastMetadataRefresh >= step.config().retryBackoffMs()) {
            refreshMetadata(step, "beforeJoin");
        }
        maybeUpdatePatternSubscription(step);
    }

    /** {@code needRejoin}'s subscription check: the topics changed since the last JoinGroup. */
    boolean changedSinceJoin() {
        return autoAssigned() && joined != null && !joined.equals(topics);
    }
}
