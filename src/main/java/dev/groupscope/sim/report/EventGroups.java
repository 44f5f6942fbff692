package dev.groupscope.sim.report;

import dev.groupscope.sim.client.ClientIds;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which consumer group an event of the log is about, or none: the one answer every view of a single group uses (the
 * explanation, stepping to the next event that matters, the protocol diagram), so they never disagree.
 *
 * <p>An event is a group's when one of its parties is: the coordinator's own notes on a group have the actor
 * {@code group:<id>}; a consumer's steps have the consumer as actor, and a request arriving at a broker has it as
 * peer (a consumer's view does not carry its group, hence the scenario's client-to-group map); the records the
 * coordinator writes name the group in {@code groupId}; an offsets partition changing leader lists the groups it
 * holds in {@code groups}; an event on a {@code __consumer_offsets} partition that does not list its groups (the log
 * cleaner compacting it, a new leader elected for it) is about the groups whose partition it is, by Kafka's own
 * hash of the group id, and one that holds none of the run's groups is about other groups, so shown to none of its
 * views. Anything else — a broker stopping, a producer, a topic created, a leader elected for an ordinary
 * partition — is about no group, and so matters to every group.
 */
public final class EventGroups {

    private static final String GROUP_ACTOR = CoordinatorEnv.groupActor("");
    private static final String OFFSETS_PARTITION = "__consumer_offsets-";

    private final Map<String, String> groupOfClient;
    /**
     * The group of the clients whose ids start so (see {@code ClientIds.prefix}), where one group alone has ids so
     * named: a consumer added from the window while the run goes on ("C4" after C1–C3) is named from one of its
     * group's. (One a scenario's addConsumer adds is in {@code groupOfClient} by its id: see
     * {@code Scenario.groupOfEveryClient()}.)
     */
    private final Map<String, String> groupOfPrefix;
    /**
     * Consumers added from the window while the run goes on, learned before the run that adds them is computed
     * ({@link #learn}); an id that two what-if branches give to different groups is left to its name.
     */
    private final Map<String, String> learned = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> ambiguous = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Each group's __consumer_offsets partition; empty when the partition count is not known. */
    private final Map<Integer, Set<String>> groupsOnOffsetsPartition = new java.util.HashMap<>();

    /**
     * Without the count of {@code __consumer_offsets} partitions: an event on one of them that does not name its
     * groups is then about no group.
     *
     * @param groupOfClient each consumer's group, by client id (see {@code Scenario.groupOfEveryClient()})
     */
    public EventGroups(Map<String, String> groupOfClient) {
        this.groupOfClient = Map.copyOf(groupOfClient);
        Map<String, String> byPrefix = new java.util.HashMap<>();
        Set<String> shared = new java.util.HashSet<>();
        groupOfClient.forEach((client, group) -> {
            String prefix = ClientIds.prefix(client);
            String other = byPrefix.putIfAbsent(prefix, group);
            if (other != null && !other.equals(group)) {
                shared.add(prefix);
            }
        });
        shared.forEach(byPrefix::remove);
        this.groupOfPrefix = Map.copyOf(byPrefix);
    }

    /**
     * @param groupOfClient     each consumer's group, by client id (see {@code Scenario.groupOfEveryClient()})
     * @param offsetsPartitions how many partitions {@code __consumer_offsets} has (offsets.topic.num.partitions)
     */
    public EventGroups(Map<String, String> groupOfClient, int offsetsPartitions) {
        this(groupOfClient);
        new TreeSet<>(groupOfClient.values()).forEach(group -> groupsOnOffsetsPartition.computeIfAbsent(
                GroupCoordinatorPartitioning.partitionFor(group, offsetsPartitions).partition(),
                partition -> new TreeSet<>()).add(group));
    }

    /** For a log read without its scenario: every event is then about no group, or the one its fields name. */
    public static EventGroups unknownClients() {
        return new EventGroups(Map.of());
    }

    /**
     * The groups {@code event} is about, in name order: one for a consumer's or a group's event, those held on an
     * offsets partition for its coordinator moving, none (empty) for an event about the cluster or a producer.
     */
    public Set<String> of(SimEvent event) {
        String actor = event.actor();
        if (actor != null && actor.startsWith(GROUP_ACTOR)) {
            return Set.of(actor.substring(GROUP_ACTOR.length()));
        }
        String group = actor == null ? null : known(actor);
        if (group == null && event.peer() != null) {
            group = known(event.peer());
        }
        if (group == null && event.fields().get("groupId") instanceof String named) {
            group = named;
        }
        if (group == null && actor != null) {
            group = addedClientGroup(actor);
        }
        if (group == null && event.peer() != null) {
            group = addedClientGroup(event.peer());
        }
        if (group != null) {
            return Set.of(group);
        }
        if (event.fields().get("groups") instanceof Collection<?> held) {
            Set<String> groups = new TreeSet<>();
            held.forEach(name -> groups.add(String.valueOf(name)));
            return java.util.Collections.unmodifiableSet(groups);
        }
        return onOffsetsPartition(event);
    }

    /**
     * Learns the groups of consumers a what-if is about to add ({@code Scenario.groupOfEveryClient()} of the branch
     * it makes): from then on their events are their group's, whatever their names. Safe while other threads ask.
     */
    public void learn(Map<String, String> groupOfEveryClient) {
        groupOfEveryClient.forEach((client, group) -> {
            if (groupOfClient.containsKey(client) || ambiguous.contains(client)) {
                return;
            }
            String before = learned.putIfAbsent(client, group);
            if (before != null && !before.equals(group)) {
                ambiguous.add(client);
                learned.remove(client);
            }
        });
    }

    private String known(String client) {
        String group = groupOfClient.get(client);
        return group != null ? group : learned.get(client);
    }

    /**
     * The group of a client the scenario does not list, one added while the run goes on (an addConsumer action): the
     * one group whose clients its id is named after, or null. Ids that are no consumer's (brokers, producers) do
     * not end up here unless named like one group's consumers.
     */
    private String addedClientGroup(String client) {
        if (client.startsWith("broker-") || client.startsWith(GROUP_ACTOR) || client.equals("cluster")) {
            return null;
        }
        return groupOfPrefix.get(ClientIds.prefix(client));
    }

    /** The groups stored on the {@code __consumer_offsets} partition an event is on, if it is on one. */
    private Set<String> onOffsetsPartition(SimEvent event) {
        for (String field : List.of("partition", "topicPartition")) {
            if (event.fields().get(field) instanceof String name && name.startsWith(OFFSETS_PARTITION)) {
                try {
                    int partition = Integer.parseInt(name.substring(OFFSETS_PARTITION.length()));
                    return java.util.Collections.unmodifiableSet(
                            groupsOnOffsetsPartition.getOrDefault(partition, Set.of()));
                } catch (NumberFormatException notAPartition) {
                    return Set.of();
                }
            }
        }
        return Set.of();
    }

    /**
     * Whether a view of {@code groupId} shows {@code event}: it is about that group, or about none. An event on a
     * {@code __consumer_offsets} partition that holds none of the run's groups is about other groups, not about none:
     * when a broker stops or comes back, seventeen such partitions change leader in the same millisecond as the
     * group's own, and a learner stepped through every one ("broker 2 is the preferred replica of
     * __consumer_offsets-1 …") before and after the one that moves the group's coordinator.
     */
    public boolean shows(SimEvent event, String groupId) {
        Set<String> groups = of(event);
        if (groups.isEmpty()) {
            return !onAnOffsetsPartitionOfNoGroup(event);
        }
        return groups.contains(groupId);
    }

    /** Whether {@code event} is on a {@code __consumer_offsets} partition that, as far as is known, holds no group. */
    private boolean onAnOffsetsPartitionOfNoGroup(SimEvent event) {
        if (groupsOnOffsetsPartition.isEmpty()) {
            return false; // the partition count is not known: which partition holds which group is not either
        }
        for (String field : List.of("partition", "topicPartition")) {
            if (event.fields().get(field) instanceof String name && name.startsWith(OFFSETS_PARTITION)) {
                try {
                    return !groupsOnOffsetsPartition.containsKey(
                            Integer.parseInt(name.substring(OFFSETS_PARTITION.length())));
                } catch (NumberFormatException notAPartition) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Each consumer's group, by client id. */
    public Map<String, String> groupOfClient() {
        return groupOfClient;
    }

    /** The group of client {@code clientId}, or null when the scenario has no such consumer. */
    public String groupOfClient(String clientId) {
        return groupOfClient.get(clientId);
    }
}
