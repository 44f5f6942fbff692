package dev.groupscope.sim.report;

import dev.groupscope.sim.engine.SimEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a timeline marks: a rebalance (a span, from PreparingRebalance to the last member's new partitions), a
 * fault (a crash, a stall, a broker stopping, a refused request), an action (a consumer or broker started, a topic
 * created, whether scripted or a what-if) or a commit the coordinator stored. Each carries what explains it: the event
 * with its Kafka rule, or the rebalance with its trigger.
 */
public record TimelineMark(Kind kind, long startMs, long endMs, Optional<SimEvent> event,
                          Optional<Rebalance> rebalance) {

    public enum Kind { REBALANCE, FAULT, ACTION, COMMIT }

    public TimelineMark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(rebalance, "rebalance");
        if (endMs < startMs) {
            throw new IllegalArgumentException("a mark ends before it starts: " + startMs + " > " + endMs);
        }
    }

    static TimelineMark of(Kind kind, SimEvent event) {
        return new TimelineMark(kind, event.time(), event.time(), Optional.of(event), Optional.empty());
    }

    static TimelineMark of(Rebalance rebalance) {
        return new TimelineMark(Kind.REBALANCE, rebalance.startMs(), rebalance.endMs(), Optional.empty(),
                Optional.of(rebalance));
    }
}
