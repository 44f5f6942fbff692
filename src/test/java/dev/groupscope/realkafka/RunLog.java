package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything one scripted run observed: the interleaved timeline of all members, when each step ran, and the
 * member ids Kafka generated. The comparison views ({@link #callbacks()}, {@link #rounds()}, {@link #member})
 * carry no wall-clock time; {@link #timeline()} and {@link #timing} do, for the tests that measure it.
 */
public record RunLog(List<Timed> timeline, List<StepTiming> steps, Map<String, List<String>> memberIds) {

    public RunLog {
        timeline = List.copyOf(timeline);
        steps = List.copyOf(steps);
        memberIds = Map.copyOf(memberIds);
    }

    /** Every listener callback of every member, in the order they happened. */
    public List<ListenerCallback> callbacks() {
        return callbacksIn(timeline);
    }

    /** The callbacks that happened once the given step had started: what the step set off. */
    public List<ListenerCallback> callbacksSince(Step step) {
        return callbacksIn(timedSince(step));
    }

    /** The timed observations from the start of the given step on. */
    public List<Timed> timedSince(Step step) {
        return timeline.subList(timing(step).firstObservation(), timeline.size());
    }

    /** When the first step equal to the given one ran. */
    public StepTiming timing(Step step) {
        for (StepTiming timing : steps) {
            if (timing.step().equals(step)) {
                return timing;
            }
        }
        throw new IllegalArgumentException("the run had no step " + step + "; its steps were " + steps);
    }

    public MemberLog member(String member) {
        List<Observation> observations = new ArrayList<>();
        for (Timed timed : timeline) {
            if (timed.observation().member().equals(member)) {
                observations.add(timed.observation());
            }
        }
        return new MemberLog(member, observations, memberIds.getOrDefault(member, List.of()));
    }

    /**
     * The assignment at the end of each rebalance, by generation, replayed from the callbacks: each member's owned
     * set just after its {@code onPartitionsAssigned} of that generation.
     */
    public List<RebalanceRound> rounds() {
        Map<String, SortedSet<TopicPartition>> owned = new HashMap<>();
        SortedMap<Integer, SortedMap<String, SortedSet<TopicPartition>>> byGeneration = new TreeMap<>();
        for (ListenerCallback callback : callbacks()) {
            SortedSet<TopicPartition> mine = owned.computeIfAbsent(callback.member(), m -> new TreeSet<>());
            if (callback.kind() == ListenerCallback.Kind.ASSIGNED) {
                mine.addAll(callback.partitions());
                byGeneration.computeIfAbsent(callback.generation(), g -> new TreeMap<>())
                        .put(callback.member(), new TreeSet<>(mine));
            } else {
                mine.removeAll(callback.partitions());
            }
        }
        List<RebalanceRound> rounds = new ArrayList<>();
        byGeneration.forEach((generation, assignment) -> rounds.add(new RebalanceRound(generation, assignment)));
        return Collections.unmodifiableList(rounds);
    }

    /** The rounds whose rebalance completed once the given step had started. */
    public List<RebalanceRound> roundsSince(Step step) {
        int before = lastAssignedGenerationBefore(timing(step).firstObservation());
        List<RebalanceRound> result = new ArrayList<>();
        for (RebalanceRound round : rounds()) {
            if (round.generation() > before) {
                result.add(round);
            }
        }
        return result;
    }

    /** The last round completed before the given step started: the assignment the step acted on. */
    public RebalanceRound roundBefore(Step step) {
        int before = lastAssignedGenerationBefore(timing(step).firstObservation());
        for (RebalanceRound round : rounds()) {
            if (round.generation() == before) {
                return round;
            }
        }
        throw new IllegalStateException("no rebalance had completed before " + step);
    }

    private int lastAssignedGenerationBefore(int timelineIndex) {
        int generation = -1;
        for (Timed timed : timeline.subList(0, timelineIndex)) {
            if (timed.observation() instanceof ListenerCallback callback
                    && callback.kind() == ListenerCallback.Kind.ASSIGNED) {
                generation = Math.max(generation, callback.generation());
            }
        }
        return generation;
    }

    private static List<ListenerCallback> callbacksIn(List<Timed> timed) {
        List<ListenerCallback> result = new ArrayList<>();
        for (Timed entry : timed) {
            if (entry.observation() instanceof ListenerCallback callback) {
                result.add(callback);
            }
        }
        return result;
    }
}
