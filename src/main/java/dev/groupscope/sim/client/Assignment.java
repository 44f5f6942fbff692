package dev.groupscope.sim.client;

import dev.groupscope.kafka.AssignedPartitionOrder;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SortedArrayMap;
import dev.groupscope.sim.engine.SortedArraySet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of kafka-clients' {@code SubscriptionState} the model needs: the assigned partitions and, per
 * partition, the fetch position (the next offset poll() returns), or none while it is being initialised from the
 * committed offset, or while it awaits a reset (auto.offset.reset, seekToBeginning/seekToEnd) that a ListOffsets to
 * its leader resolves; whether the application paused it ({@code TopicPartitionState.paused}); and whether it is
 * pending revocation ({@code TopicPartitionState.pendingRevocation}).
 */
final class Assignment {

    /** Position of a partition without one yet. */
    static final long NO_POSITION = -1;

    private final SortedArrayMap<TopicPartition, Long> positions;
    /**
     * The assigned partitions' places in kafka-clients' order ({@code PartitionStates}; a smaller rank comes first),
     * which decides the order a fetch names those that fall in one bucket of its HashSet of them
     * ({@link FetchSessionHandler#build}). Set by each assignment ({@link AssignedPartitionOrder}); a partition whose
     * fetched records poll() used up, or whose fetch answered an error, goes last ({@code movePartitionToEnd}). Ranks,
     * not a list: a worker pool's consumer moves one of a thousand partitions at nearly every fetch it drains.
     * {@code ranks[i]} is the rank of the i-th partition of {@link #positions} in key order (both hold exactly the
     * assigned partitions, and only an assignment changes which): a primitive array, not a map of boxed ranks, as
     * nearly every snapshot's copy of a consumer holds a new one. A copy shares it until either side moves a
     * partition ({@link #ranksShared}).
     */
    private int[] ranks = NO_RANKS;
    /** Whether a copy (or the assignment this one copies) may hold the same {@link #ranks} array. */
    private boolean ranksShared;
    /** The rank the next partition moved to the end takes. */
    private int nextRank;

    private static final int[] NO_RANKS = {};

    /**
     * Partitions the application paused: not fetched, and their buffered records are held back by poll(). Null while
     * none is, as nearly always (as {@link #pendingRevocation}).
     */
    private SortedArraySet<TopicPartition> paused;
    /**
     * Partitions an EAGER onJoinPrepare marked while its auto commit is in flight: not fetched, and their buffered
     * records dropped, so that poll() cannot move a position past what that commit stores before they are revoked.
     * Null while none is, as nearly always (a snapshot's copy of every consumer then holds no empty set).
     */
    private SortedArraySet<TopicPartition> pendingRevocation;
    /**
     * Partitions awaiting a reset (Kafka's AWAIT_RESET state): a lazy seek, or auto.offset.reset for a partition
     * without a committed offset or whose fetch offset fell out of range. Resolved by a ListOffsets to the leader.
     * Null while none does, as nearly always (so is {@link #awaitingValidation}): read through {@link #resets()},
     * changed through {@link #resetsToChange()}, so that a snapshot's copy of every consumer holds no empty map.
     */
    private SortedArrayMap<TopicPartition, Reset> awaitingReset;
    /**
     * Known to have a position for every partition (set when {@link #withoutPosition} finds none, cleared by
     * whatever can take one away): every poll() asks, and a worker pool's poller polls every few ms over 1,000
     * partitions.
     */
    private boolean allPositioned;
    /**
     * KIP-320, per position: {@code offsetEpoch}, the leader epoch of the last record consumed (records taken by
     * poll() set it, and a committed offset sets the epoch its commit carried; a seek or a reset clears it), and
     * the epoch of the leader the position was last checked against ({@code FetchPosition.currentLeader}; absent
     * until the position is first checked after being set).
     */
    private SortedArrayMap<TopicPartition, Integer> offsetEpochs;
    private SortedArrayMap<TopicPartition, Integer> leaderEpochs;
    /**
     * Whether {@link #offsetEpochs} and {@link #leaderEpochs} may be shared with a copy (or the assignment this one
     * copies): both are then copied before either changes ({@link #ownEpochs}). Epochs change nearly never between
     * two snapshots (a leader change, a seek, an assignment), while nearly every snapshot holds a copy of every
     * consumer; so they are read freely and changed only after {@code ownEpochs()}.
     */
    private boolean epochsShared;
    /**
     * Positions awaiting validation (Kafka's AWAIT_VALIDATION) after a leader change, with Kafka's
     * {@code nextRetryTimeMs}: not fetched, not committed, until an OffsetForLeaderEpoch answer validates them.
     */
    private SortedArrayMap<TopicPartition, Long> awaitingValidation;

    /**
     * A partition awaiting reset: the strategy ({@code earliest}, {@code latest}, or auto.offset.reset's text such
     * as {@code by_duration:PT1H}), what asked for it (seekToBeginning, seekToEnd, or auto.offset.reset's cause), and
     * Kafka's {@code nextRetryTimeMs}: no ListOffsets for it before then (one in flight, or a retry backing off).
     */
    record Reset(String strategy, String cause, long nextRetryAt) {

        /** No wait: a ListOffsets may go at the next poll(). */
        static final long NOW = Long.MIN_VALUE;
    }

    Assignment() {
        this.positions = new SortedArrayMap<>();
        this.offsetEpochs = new SortedArrayMap<>();
        this.leaderEpochs = new SortedArrayMap<>();
    }

    private Assignment(Assignment other) {
        this.positions = new SortedArrayMap<>(other.positions);
        this.paused = other.paused == null || other.paused.isEmpty() ? null : new SortedArraySet<>(other.paused);
        this.pendingRevocation = other.pendingRevocation == null || other.pendingRevocation.isEmpty() ? null
                : new SortedArraySet<>(other.pendingRevocation);
        this.awaitingReset = copyOf(other.awaitingReset);
        this.allPositioned = other.allPositioned;
        this.offsetEpochs = other.offsetEpochs;
        this.leaderEpochs = other.leaderEpochs;
        this.epochsShared = true;
        other.epochsShared = true;
        this.awaitingValidation = copyOf(other.awaitingValidation);
        this.ranks = other.ranks;
        this.ranksShared = true;
        other.ranksShared = true;
        this.nextRank = other.nextRank;
    }

    Assignment copy() {
        return new Assignment(this);
    }

    /** A copy's map of partitions awaiting a reset or a validation: none while none does, as nearly always. */
    private static <V> SortedArrayMap<TopicPartition, V> copyOf(SortedArrayMap<TopicPartition, V> awaiting) {
        return awaiting == null || awaiting.isEmpty() ? null : new SortedArrayMap<>(awaiting);
    }

    /** Makes both epoch maps private to this assignment (copied first if a copy may share them). */
    private void ownEpochs() {
        if (epochsShared) {
            offsetEpochs = new SortedArrayMap<>(offsetEpochs);
            leaderEpochs = new SortedArrayMap<>(leaderEpochs);
            epochsShared = false;
        }
    }

    /** Sets {@code tp}'s offset epoch: nothing to change (or copy) when it is the same, as for nearly every batch. */
    private void setOffsetEpoch(TopicPartition tp, int epoch) {
        Integer before = offsetEpochs.get(tp);
        if (before == null || before != epoch) {
            ownEpochs();
            offsetEpochs.put(tp, epoch);
        }
    }

    /** Sets the leader epoch {@code tp}'s position follows; returns the one before (null if none). */
    private Integer setLeaderEpoch(TopicPartition tp, int epoch) {
        Integer before = leaderEpochs.get(tp);
        if (before == null || before != epoch) {
            ownEpochs();
            leaderEpochs.put(tp, epoch);
        }
        return before;
    }

    /** A new position without epochs: neither its offset epoch nor the leader epoch it was checked against. */
    private void dropEpochs(TopicPartition tp) {
        if (offsetEpochs.containsKey(tp) || leaderEpochs.containsKey(tp)) {
            ownEpochs();
            offsetEpochs.remove(tp);
            leaderEpochs.remove(tp);
        }
    }

    /** The partitions awaiting a reset, for reading (empty while none does). */
    private Map<TopicPartition, Reset> resets() {
        return awaitingReset == null ? Map.of() : awaitingReset;
    }

    private SortedArrayMap<TopicPartition, Reset> resetsToChange() {
        if (awaitingReset == null) {
            awaitingReset = new SortedArrayMap<>();
        }
        return awaitingReset;
    }

    private void dropReset(TopicPartition tp) {
        if (awaitingReset != null) {
            awaitingReset.remove(tp);
        }
    }

    /** The positions awaiting validation, for reading (empty while none does). */
    private Map<TopicPartition, Long> validations() {
        return awaitingValidation == null ? Map.of() : awaitingValidation;
    }

    private SortedArrayMap<TopicPartition, Long> validationsToChange() {
        if (awaitingValidation == null) {
            awaitingValidation = new SortedArrayMap<>();
        }
        return awaitingValidation;
    }

    private void dropValidation(TopicPartition tp) {
        if (awaitingValidation != null) {
            awaitingValidation.remove(tp);
        }
    }

    /** Kafka's {@code assignFromSubscribed}: partitions that stay keep their position, new ones start without. */
    void assign(SortedSet<TopicPartition> partitions) {
        positions.keySet().retainAll(partitions);
        // Partitions that stay keep their state, paused included; new ones start unpaused. An eager rebalance
        // assigns the empty set first, so afterwards every partition is unpaused.
        if (paused != null) {
            paused.retainAll(partitions);
        }
        if (pendingRevocation != null) {
            pendingRevocation.retainAll(partitions);
        }
        if (awaitingReset != null) {
            awaitingReset.keySet().retainAll(partitions);
        }
        ownEpochs();
        offsetEpochs.keySet().retainAll(partitions);
        leaderEpochs.keySet().retainAll(partitions);
        if (awaitingValidation != null) {
            awaitingValidation.keySet().retainAll(partitions);
        }
        partitions.forEach(tp -> positions.putIfAbsent(tp, NO_POSITION));
        allPositioned = false;
        rank(AssignedPartitionOrder.fromSubscribed(partitions));
    }

    /** Ranks the assigned partitions (exactly {@code inOrder}'s) 0, 1, ... in that order. */
    private void rank(List<TopicPartition> inOrder) {
        ranks = new int[positions.size()];
        ranksShared = false;
        nextRank = 0;
        inOrder.forEach(tp -> ranks[positions.slotOf(tp)] = nextRank++);
    }

    /**
     * Kafka's {@code assignFromUser}: as {@link #assign}, but the partitions are ordered as {@code assign()} orders
     * them; the same set again changes nothing, its order included.
     */
    void assignFromUser(SortedSet<TopicPartition> partitions) {
        if (positions.keySet().equals(partitions)) {
            return;
        }
        assign(partitions);
        rank(AssignedPartitionOrder.fromUser(partitions));
    }

    /** Kafka's {@code movePartitionToEnd}: {@code tp} goes last in the fetch order (if still assigned). */
    void moveToEnd(TopicPartition tp) {
        int slot = positions.slotOf(tp);
        if (slot >= 0 && ranks[slot] != nextRank - 1) {
            if (nextRank == Integer.MAX_VALUE) {
                renumber();
            }
            ownRanks()[slot] = nextRank++;
        }
    }

    /** The ranks array, private to this assignment from now on (copied first if a copy may share it). */
    private int[] ownRanks() {
        if (ranksShared) {
            ranks = ranks.clone();
            ranksShared = false;
        }
        return ranks;
    }

    /**
     * Ranks 0, 1, ... in the same order, when moves have used up the ints (some two billion of them): the order,
     * all that a rank tells, stays.
     */
    private void renumber() {
        rank(fetchOrder());
    }

    /** Those of {@code partitions} that are assigned, in the fetch order. */
    List<TopicPartition> inFetchOrder(java.util.Collection<TopicPartition> partitions) {
        List<TopicPartition> inOrder = new ArrayList<>(partitions.size());
        partitions.forEach(tp -> {
            if (positions.containsKey(tp)) {
                inOrder.add(tp);
            }
        });
        inOrder.sort(java.util.Comparator.comparingInt(tp -> ranks[positions.slotOf(tp)]));
        return inOrder;
    }

    /** The assigned partitions in kafka-clients' order. */
    List<TopicPartition> fetchOrder() {
        return inFetchOrder(positions.keySet());
    }

    SortedSet<TopicPartition> partitions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(positions.keySet()));
    }

    /** Every assigned partition with its position ({@link #NO_POSITION} if none yet): a read-only view, no copy. */
    Map<TopicPartition, Long> positions() {
        return Collections.unmodifiableMap(positions);
    }

    boolean isAssigned(TopicPartition tp) {
        return positions.containsKey(tp);
    }

    boolean isEmpty() {
        return positions.isEmpty();
    }

    long position(TopicPartition tp) {
        return positions.getOrDefault(tp, NO_POSITION);
    }

    boolean hasPosition(TopicPartition tp) {
        return position(tp) != NO_POSITION;
    }

    /** Kafka's {@code hasValidPosition}: a position not awaiting validation (one awaiting a reset has none). */
    boolean hasValidPosition(TopicPartition tp) {
        return hasPosition(tp) && !isAwaitingValidation(tp);
    }

    /**
     * A new position without an epoch (a seek, a committed offset, a reset): Kafka's {@code seekUnvalidated} with an
     * empty {@code offsetEpoch}, which needs no validation; checked against the leader at the next fetch.
     */
    void seek(TopicPartition tp, long offset) {
        if (positions.containsKey(tp)) {
            positions.put(tp, offset);
            dropReset(tp);
            dropEpochs(tp);
            dropValidation(tp);
            allPositioned &= offset != NO_POSITION;
        }
    }

    /**
     * Kafka's {@code seekUnvalidated} to a committed offset ({@code ConsumerUtils.refreshCommittedOffsets}): the
     * position takes the commit's leader epoch as its {@code offsetEpoch} ({@code committedEpoch}, -1 without one)
     * and follows the leader epoch the metadata names now ({@code leaderEpoch}, -1 if none; known even while the
     * leader is not): {@code validatePosition} makes it await validation when both epochs are known (true), sent
     * once a leader is known; else it is fetchable at once, and one with an offsetEpoch but no leader epoch yet is
     * validated when a leader appears ({@link #followLeader}).
     */
    boolean seekUnvalidated(TopicPartition tp, long offset, int committedEpoch, int leaderEpoch) {
        seek(tp, offset);
        if (!positions.containsKey(tp) || committedEpoch < 0) {
            return false; // like a seek: no epoch, nothing to validate
        }
        setOffsetEpoch(tp, committedEpoch);
        if (leaderEpoch < 0) {
            return false;
        }
        setLeaderEpoch(tp, leaderEpoch);
        validationsToChange().put(tp, Reset.NOW);
        return true;
    }

    /**
     * poll() returned records up to {@code offset} - 1, the last written in leader epoch {@code epoch}: the position
     * moves on and takes that epoch ({@code FetchCollector}: a new FetchPosition with the batch's epoch and the same
     * current leader).
     */
    void advance(TopicPartition tp, long offset, int epoch) {
        if (positions.containsKey(tp)) {
            positions.put(tp, offset);
            if (epoch >= 0) {
                setOffsetEpoch(tp, epoch);
            }
        }
    }

    /** The position's {@code offsetEpoch}, or -1 when unknown. */
    int offsetEpoch(TopicPartition tp) {
        Integer epoch = offsetEpochs.get(tp);
        return epoch == null ? -1 : epoch;
    }

    /** The leader epoch the position was last checked against, or -1 if it has not been since it was set. */
    int positionLeaderEpoch(TopicPartition tp) {
        Integer epoch = leaderEpochs.get(tp);
        return epoch == null ? -1 : epoch;
    }

    /** A partition checked while it had no leader, no position, or awaited a reset. */
    private static final int NO_LEADER_EPOCH = -1;

    /** Whether some position has not been checked against a leader since it was set. */
    boolean anyUncheckedPosition() {
        return leaderEpochs.size() < positions.size();
    }

    /**
     * Kafka's {@code maybeValidatePosition}: the position now follows the leader of epoch {@code leaderEpoch}; if the
     * epoch changed and the position knows its {@code offsetEpoch}, it awaits validation (true), else it stays
     * fetchable. A position not yet checked just takes the epoch when it has no offset epoch (a seek, a reset, a
     * commit without one); a committed position with one, set while no leader was known, is validated now, as
     * Kafka's FetchPosition without a leader differs from any leader named later.
     */
    boolean followLeader(TopicPartition tp, int leaderEpoch) {
        if (!positions.containsKey(tp)) {
            return false;
        }
        if (leaderEpoch < 0 || positions.get(tp) == NO_POSITION || resets().containsKey(tp)) {
            // No leader, no position, or awaiting a reset: nothing to validate; checked (a new position unchecks it).
            if (!leaderEpochs.containsKey(tp)) {
                setLeaderEpoch(tp, NO_LEADER_EPOCH);
            }
            return false;
        }
        Integer before = setLeaderEpoch(tp, leaderEpoch);
        if (!offsetEpochs.containsKey(tp) || (before != null && before == leaderEpoch)) {
            return false;
        }
        validationsToChange().put(tp, Reset.NOW);
        return true;
    }

    boolean isAwaitingValidation(TopicPartition tp) {
        return validations().containsKey(tp);
    }

    boolean hasAwaitingValidation() {
        return !validations().isEmpty();
    }

    /** Kafka's {@code partitionsNeedingValidation(now)}: awaiting validation, no request in flight nor backoff. */
    List<TopicPartition> validationsDue(long now) {
        if (validations().isEmpty()) {
            return List.of();
        }
        List<TopicPartition> due = new ArrayList<>();
        validations().forEach((tp, at) -> {
            if (at <= now) {
                due.add(tp);
            }
        });
        return due;
    }

    /** Kafka's {@code setNextAllowedRetry} / {@code requestFailed} for a validation. */
    void validationNotBefore(TopicPartition tp, long at) {
        if (validations().containsKey(tp)) {
            validationsToChange().put(tp, at);
        }
    }

    /** The earliest time after {@code now} at which a validation may be sent again, or -1 if none. */
    long nextValidationRetryAfter(long now) {
        long next = -1;
        for (long at : validations().values()) {
            if (at > now && (next < 0 || at < next)) {
                next = at;
            }
        }
        return next;
    }

    /** Kafka's {@code completeValidation}: fetchable again from the same position. */
    void completeValidation(TopicPartition tp) {
        dropValidation(tp);
    }

    /**
     * Kafka's {@code seekValidated} to where the leader's log diverges (truncation with a reset policy): the
     * position moves back to {@code offset}, of epoch {@code epoch}, and is fetchable.
     */
    void seekValidated(TopicPartition tp, long offset, int epoch) {
        if (positions.containsKey(tp)) {
            positions.put(tp, offset);
            setOffsetEpoch(tp, epoch);
            dropValidation(tp);
        }
    }

    /**
     * {@code requestOffsetReset}: the position is dropped (the partition is not fetchable) until a ListOffsets
     * answer resolves {@code strategy}; a reset asked for again may be sent at once ({@code nextRetryTimeMs} cleared).
     */
    void requestReset(TopicPartition tp, String strategy, String cause) {
        if (positions.containsKey(tp)) {
            positions.put(tp, NO_POSITION);
            dropEpochs(tp);
            dropValidation(tp);
            resetsToChange().put(tp, new Reset(strategy, cause, Reset.NOW));
            allPositioned = false;
        }
    }

    /** Whether any partition awaits a reset. */
    boolean hasAwaitingReset() {
        return !resets().isEmpty();
    }

    /** The reset {@code tp} awaits, or null. */
    Reset awaitingReset(TopicPartition tp) {
        return resets().get(tp);
    }

    /** Kafka's {@code partitionsNeedingReset(now)}: awaiting a reset, and not waiting for an answer or a backoff. */
    Map<TopicPartition, Reset> resetsDue(long now) {
        if (resets().isEmpty()) {
            return Map.of(); // the usual answer, at every poll()
        }
        Map<TopicPartition, Reset> due = new TreeMap<>();
        resets().forEach((tp, reset) -> {
            if (reset.nextRetryAt() <= now) {
                due.put(tp, reset);
            }
        });
        return due;
    }

    /** Kafka's {@code setNextAllowedRetry} / {@code requestFailed}: no ListOffsets for {@code tp} before {@code at}. */
    void resetNotBefore(TopicPartition tp, long at) {
        Reset reset = resets().get(tp);
        if (reset != null) {
            resetsToChange().put(tp, new Reset(reset.strategy(), reset.cause(), at));
        }
    }

    /** The earliest time after {@code now} at which a partition's reset may be asked for again, or -1 if none. */
    long nextResetRetryAfter(long now) {
        long next = -1;
        for (Reset reset : resets().values()) {
            if (reset.nextRetryAt() > now && (next < 0 || reset.nextRetryAt() < next)) {
                next = reset.nextRetryAt();
            }
        }
        return next;
    }

    void pause(TopicPartition tp) {
        if (positions.containsKey(tp)) {
            if (paused == null) {
                paused = new SortedArraySet<>();
            }
            paused.add(tp);
        }
    }

    void resume(TopicPartition tp) {
        if (paused != null) {
            paused.remove(tp);
        }
    }

    boolean isPaused(TopicPartition tp) {
        return paused != null && paused.contains(tp);
    }

    /** Kafka's {@code markPendingRevocation}: every assigned partition, until the revocation assigns none. */
    void markPendingRevocation() {
        if (pendingRevocation == null) {
            pendingRevocation = new SortedArraySet<>();
        }
        pendingRevocation.addAll(positions.keySet());
    }

    boolean isPendingRevocation(TopicPartition tp) {
        return pendingRevocation != null && pendingRevocation.contains(tp);
    }

    SortedSet<TopicPartition> pausedPartitions() {
        TreeSet<TopicPartition> copy = new TreeSet<>();
        if (paused != null) {
            copy.addAll(paused);
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    /**
     * Kafka's {@code initializingPartitions()}: assigned partitions still without a position, other than those
     * awaiting a reset (Kafka: INITIALIZING, not AWAIT_RESET).
     */
    List<TopicPartition> withoutPosition() {
        if (allPositioned) {
            return List.of();
        }
        List<TopicPartition> missing = new ArrayList<>();
        boolean anyWithout = false;
        for (Map.Entry<TopicPartition, Long> entry : positions.entrySet()) {
            if (entry.getValue() == NO_POSITION) {
                anyWithout = true;
                if (!resets().containsKey(entry.getKey())) {
                    missing.add(entry.getKey());
                }
            }
        }
        allPositioned = !anyWithout;
        return missing;
    }

    /**
     * Kafka's {@code allConsumed()}: the position of every partition that has a valid one (not awaiting a reset or a
     * validation), i.e. what auto commit sends.
     */
    Map<TopicPartition, Long> allConsumed() {
        Map<TopicPartition, Long> consumed = new TreeMap<>();
        positions.forEach((tp, position) -> {
            if (position != NO_POSITION && !validations().containsKey(tp)) {
                consumed.put(tp, position);
            }
        });
        return consumed;
    }

    /**
     * Every position held, a position awaiting validation included: what an application that notes the offset of
     * each record it processed commits with {@code commitSync(offsets)} (its own map, which knows nothing of
     * validation), where {@link #allConsumed()} would leave such a partition out.
     */
    Map<TopicPartition, Long> positionsHeld() {
        Map<TopicPartition, Long> held = new TreeMap<>();
        positions.forEach((tp, position) -> {
            if (position != NO_POSITION) {
                held.put(tp, position);
            }
        });
        return held;
    }

    /**
     * The leader epochs that go with {@link #allConsumed()}: each position's {@code offsetEpoch} where it has one,
     * as {@code allConsumed()} builds {@code new OffsetAndMetadata(position.offset, position.offsetEpoch, "")}.
     */
    Map<TopicPartition, Integer> allConsumedEpochs() {
        Map<TopicPartition, Integer> epochs = new TreeMap<>();
        offsetEpochs.forEach((tp, epoch) -> {
            if (position(tp) != NO_POSITION && !validations().containsKey(tp)) {
                epochs.put(tp, epoch);
            }
        });
        return epochs;
    }

    Map<String, Object> positionsView() {
        Map<String, Object> view = new TreeMap<>();
        positions.forEach((tp, position) -> view.put(tp.toString(), position));
        return Collections.unmodifiableMap(view);
    }
}
