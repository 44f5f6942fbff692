package dev.groupscope.ui;

import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Optional;

/**
 * What the explanation adds when the moment shown is later than the event it explains. A learner steps over routine
 * traffic (a pool's commits after the first two in a row, its dispatches after the first, routine metadata
 * refreshes: {@link dev.groupscope.sim.engine.LearnerFilter}), so at 12 s of a worker-pool lesson the explanation
 * still told its commit at 0.032 s — "clicks-0 @ 0" — while the partition row beside it showed committed 344. The
 * latest event like the explained one (same type, same actor) since then says what that traffic is doing now.
 */
final class SinceThen {

    /**
     * Events looked at, back from the moment shown: a routine event recurs every few ms, so a like one is found in a
     * few dozen; an explained event nothing like followed (a JoinGroup) would otherwise cost a walk back to it on
     * every frame, through segments a large run may have to replay.
     */
    static final int SCAN = 8_192;

    private SinceThen() {
    }

    /**
     * The latest event after {@code current} and at or before {@code last} (both positions in {@code log}) with the
     * type and actor of the event at {@code current} that the shown group's view shows ({@code shown}), looking back
     * at most {@link #SCAN} events; none when {@code current} is -1 or is the last. A broker is the actor of every
     * group's requests to it: without {@code shown}, payments' JoinGroup parked at broker 2 was followed by "since
     * then" reports' one.
     */
    static Optional<SimEvent> latestLike(List<SimEvent> log, long current, long last,
                                         java.util.function.Predicate<SimEvent> shown) {
        if (current < 0 || last <= current) {
            return Optional.empty();
        }
        SimEvent explained = log.get((int) current);
        long stop = Math.max(current, last - SCAN);
        for (long seq = last; seq > stop; seq--) {
            SimEvent event = log.get((int) seq);
            if (event.type().equals(explained.type()) && java.util.Objects.equals(event.actor(), explained.actor())
                    && shown.test(event)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
