package dev.groupscope.sim.report;

import dev.groupscope.sim.engine.SimEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a run's event log for its rebalances. A rebalance opens when the coordinator moves a group to
 * PreparingRebalance and closes when the group is Stable (or Empty) again; a further rebalance that members start
 * because they had to revoke partitions (the cooperative protocol's second round) counts as another round of the
 * same rebalance. Partition ownership comes from the members' own listener callbacks, so "moved" and
 * "stop-the-world" are what the consumers lived through, not what the coordinator planned.
 */
public final class RebalanceHistory {

    /** The rule of the revocation a cooperative member runs after a round that took partitions away from it. */
    static final String COOPERATIVE_REVOKE = "sim.client.revokedCooperative";

    private final Map<String, String> groupOfClient;
    private final Map<String, TreeSet<String>> owned = new HashMap<>();
    private final Map<String, Open> open = new TreeMap<>();
    /** Members that gave up their partitions before the rebalance they belong to was opened (eager, on leave). */
    private final Map<String, Long> emptyBeforeOpen = new HashMap<>();
    private final java.util.Set<String> crashed = new java.util.HashSet<>();
    /**
     * Per group, partitions given up before their rebalance was opened (eager rejoin, leave), with who gave them up.
     * By group: two groups reading one topic give up the same partitions at once.
     */
    private final Map<String, Map<String, String>> revokedBeforeOpen = new TreeMap<>();
    private final List<Rebalance> done = new ArrayList<>();

    private RebalanceHistory(Map<String, String> groupOfClient) {
        // A copy that grows: a consumer added while the run goes on is not the scenario's, and its AddConsumer
        // event names its group.
        this.groupOfClient = new HashMap<>(groupOfClient);
    }

    /** The rebalances in {@code log}, in the order they started; {@code groupOfClient} maps client ids to groups. */
    public static List<Rebalance> of(List<SimEvent> log, Map<String, String> groupOfClient) {
        RebalanceHistory history = new RebalanceHistory(groupOfClient);
        log.forEach(history::read);
        long end = log.isEmpty() ? 0 : log.get(log.size() - 1).time();
        history.open.values().forEach(rebalance -> history.done.add(rebalance.finish(end)));
        history.done.sort(java.util.Comparator.comparingLong(Rebalance::startMs));
        return history.done;
    }

    /** An empty history fed event by event ({@link #read}) while a run is still being computed. */
    public static RebalanceHistory reading(Map<String, String> groupOfClient) {
        return new RebalanceHistory(groupOfClient);
    }

    /**
     * The rebalances read so far, in the order they started; one still going is shown as it stands at {@code nowMs}
     * (its end is now, its pauses those already over). Reading on later changes nothing in the returned list.
     */
    public List<Rebalance> soFar(long nowMs) {
        List<Rebalance> all = new ArrayList<>(done);
        open.values().forEach(rebalance -> all.add(rebalance.finish(nowMs)));
        all.sort(java.util.Comparator.comparingLong(Rebalance::startMs));
        return List.copyOf(all);
    }

    /** Reads the next event of the run (events must come in log order). */
    public void read(SimEvent event) {
        if (event.type().equals("GroupStateChange")) {
            groupStateChange(event);
        } else if (event.type().startsWith("onPartitions")) {
            callback(event);
        } else if (event.type().equals("AddConsumer") && event.fields().get("groupId") instanceof String group) {
            groupOfClient.put(event.actor(), group);
        } else if (event.type().equals("CrashConsumer")) {
            // The group still counts a crashed member's partitions as its own until a rebalance gives them away.
            crashed.add(event.actor());
        } else if (event.type().equals("RestartConsumer")) {
            crashed.remove(event.actor());
            ownership(event.actor()).clear();
        }
    }

    private void groupStateChange(SimEvent event) {
        String group = event.actor().substring("group:".length());
        String to = (String) event.fields().get("to");
        int generation = ((Number) event.fields().get("generation")).intValue();
        Open current = open.get(group);
        if (to.equals("PreparingRebalance")) {
            if (current != null && current.closed && current.revokedSinceClose) {
                current.reopen();
            } else {
                if (current != null) {
                    done.add(current.finish(event.time()));
                }
                Open next = new Open(group, event, generation, ownersBeforeOpening(group));
                open.put(group, next);
                takePendingEmpties(next);
            }
        } else if (current != null && to.equals("CompletingRebalance")) {
            current.rounds++;
        } else if (current != null && (to.equals("Stable") || to.equals("Empty"))) {
            current.close(event.time(), generation);
        }
    }

    private void callback(SimEvent event) {
        String client = event.actor();
        TreeSet<String> partitions = new TreeSet<>();
        Object listed = event.fields().get("partitions");
        if (listed instanceof Iterable<?> items) {
            items.forEach(item -> partitions.add(String.valueOf(item)));
        }
        TreeSet<String> mine = ownership(client);
        boolean hadSome = !mine.isEmpty();
        String group = groupOfClient.get(client);
        Open rebalance = group == null ? null : open.get(group);
        if (event.type().equals("onPartitionsAssigned")) {
            takeOverFromStaleOwners(client, partitions);
            mine.addAll(partitions);
            if (rebalance != null && rebalance.assigned(client, event.time())) {
                rebalance.ownersAfter = ownersOf(rebalance.group, false);
            }
            emptyBeforeOpen.remove(client);
            return;
        }
        if (group != null && (rebalance == null || rebalance.closed)) {
            Map<String, String> given = revokedBeforeOpen.computeIfAbsent(group, g -> new TreeMap<>());
            partitions.forEach(partition -> given.putIfAbsent(partition, client));
        }
        mine.removeAll(partitions);
        if (COOPERATIVE_REVOKE.equals(event.ruleKey()) && rebalance != null && rebalance.closed) {
            // The cooperative protocol's first round ended with this member giving partitions up: it rejoins at
            // once, and the round that hands them over belongs to the same rebalance.
            rebalance.revokedSinceClose = true;
        } else if (hadSome && mine.isEmpty()) {
            if (rebalance != null && !rebalance.closed) {
                rebalance.emptied(client, event.time());
            } else {
                emptyBeforeOpen.put(client, event.time());
            }
        }
    }

    /**
     * A partition has one owner in a group: whoever is assigned it now. A member the coordinator removed while it
     * was still alive (session timeout behind a network partition, max.poll.interval.ms while processing) believes
     * it owns its partitions until its next poll() calls onPartitionsLost, which may come after the new owners'
     * onPartitionsAssigned; its stale claim must not hide the move.
     */
    private void takeOverFromStaleOwners(String client, TreeSet<String> partitions) {
        String group = groupOfClient.get(client);
        owned.forEach((other, theirs) -> {
            if (!other.equals(client) && Objects.equals(groupOfClient.get(other), group)) {
                theirs.removeAll(partitions);
            }
        });
    }

    /** Ownership as the rebalance found it, counting partitions members gave up just before it opened. */
    private Map<String, String> ownersBeforeOpening(String group) {
        Map<String, String> owners = ownersOf(group, true);
        Map<String, String> given = revokedBeforeOpen.remove(group);
        if (given != null) {
            given.forEach(owners::putIfAbsent);
        }
        return owners;
    }

    private void takePendingEmpties(Open rebalance) {
        emptyBeforeOpen.entrySet().removeIf(entry -> {
            if (Objects.equals(groupOfClient.get(entry.getKey()), rebalance.group)) {
                rebalance.emptied(entry.getKey(), entry.getValue());
                return true;
            }
            return false;
        });
    }

    private TreeSet<String> ownership(String client) {
        return owned.computeIfAbsent(client, c -> new TreeSet<>());
    }

    /** Who owns what in {@code group}; crashed members count only before a rebalance, not after it. */
    private Map<String, String> ownersOf(String group, boolean withCrashed) {
        Map<String, String> owners = new TreeMap<>();
        new TreeMap<>(owned).forEach((client, partitions) -> {
            if (Objects.equals(groupOfClient.get(client), group) && (withCrashed || !crashed.contains(client))) {
                partitions.forEach(partition -> owners.put(partition, client));
            }
        });
        return owners;
    }

    /** A rebalance being followed. */
    private final class Open {
        private final String group;
        private final long start;
        private final String trigger;
        private final Map<String, Object> triggerArgs;
        private final int fromGeneration;
        private final Map<String, String> ownersBefore;
        /** Ownership once the members had their new partitions (null until the first assignment arrives). */
        private Map<String, String> ownersAfter;
        private final Map<String, Long> emptySince = new HashMap<>();
        private final Map<String, Long> stopTheWorld = new LinkedHashMap<>();
        private final java.util.Set<String> settled = new java.util.HashSet<>();
        private int rounds;
        private int toGeneration;
        private boolean closed;
        private boolean revokedSinceClose;
        private long endMs;

        Open(String group, SimEvent event, int generation, Map<String, String> ownersBefore) {
            this.group = group;
            this.start = event.time();
            this.trigger = event.ruleKey();
            this.triggerArgs = event.ruleArgs();
            this.fromGeneration = generation;
            this.toGeneration = generation;
            this.ownersBefore = ownersBefore;
        }

        void reopen() {
            closed = false;
            revokedSinceClose = false;
            settled.clear();
        }

        void close(long time, int generation) {
            closed = true;
            endMs = time;
            toGeneration = generation;
        }

        void emptied(String client, long time) {
            emptySince.putIfAbsent(client, time);
        }

        /**
         * The member's new assignment ends its pause, even an empty one: the rebalance is over for it. Once the group
         * is stable again only each member's first assignment belongs here; a later one (a static member coming
         * back without a rebalance) does not.
         */
        boolean assigned(String client, long time) {
            if (closed && !settled.add(client)) {
                return false;
            }
            endMs = Math.max(endMs, time);
            Long since = emptySince.remove(client);
            if (since != null) {
                stopTheWorld.merge(client, time - since, Long::sum);
            }
            return true;
        }

        /** Members still waiting never came back (closed, crashed): their absence is not a pause. */
        Rebalance finish(long runEnd) {
            Map<String, String> after = ownersAfter != null ? ownersAfter : ownersOf(group, false);
            List<Rebalance.Move> moves = new ArrayList<>();
            TreeSet<String> partitions = new TreeSet<>(ownersBefore.keySet());
            partitions.addAll(after.keySet());
            for (String partition : partitions) {
                String from = ownersBefore.get(partition);
                String to = after.get(partition);
                if (!Objects.equals(from, to)) {
                    moves.add(new Rebalance.Move(partition, from, to));
                }
            }
            return new Rebalance(group, start, closed ? endMs : runEnd, trigger == null ? "" : trigger, triggerArgs,
                    Math.max(rounds, 1), fromGeneration, toGeneration, moves, stopTheWorld);
        }
    }
}
