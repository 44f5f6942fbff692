package dev.groupscope.realkafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's single, ordered record of what every member did. Members write from their own threads (and commit
 * results may arrive on the client's heartbeat thread), so every access is synchronized; one list for all members
 * keeps the real interleaving, which per-member lists would lose.
 */
final class Timeline {

    private final long startNanos = System.nanoTime();
    private final List<Timed> entries = new ArrayList<>();
    private final Map<String, List<String>> memberIds = new LinkedHashMap<>();

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    synchronized void add(Observation observation) {
        entries.add(new Timed(elapsedMs(), observation));
    }

    /** Remembers Kafka's member id for a member when it first appears or changes (a new join, a fenced member). */
    synchronized void memberIdSeen(String member, String memberId) {
        List<String> ids = memberIds.computeIfAbsent(member, m -> new ArrayList<>());
        if (!memberId.isEmpty() && (ids.isEmpty() || !ids.get(ids.size() - 1).equals(memberId))) {
            ids.add(memberId);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized List<Timed> entries() {
        return List.copyOf(entries);
    }

    synchronized Map<String, List<String>> memberIds() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        memberIds.forEach((member, ids) -> copy.put(member, List.copyOf(ids)));
        return copy;
    }
}
