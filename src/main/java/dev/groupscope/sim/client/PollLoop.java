package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.FetchBuffer.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The application thread: where it is in its loop and the batch poll() last returned. */
final class PollLoop {

    enum Phase {
        /** subscribe() not called yet. */
        NOT_STARTED,
        /** Blocked inside poll(). */
        IN_POLL,
        /** Processing the records poll() returned, one by one. */
        PROCESSING,
        /** Blocked in the application's commitSync() (before, during or after processing a batch). */
        COMMITTING,
        /** Blocked in a call of the application's that waits for brokers' answers (offsetsForTimes). */
        IN_CALL,
        /** Inside close(). */
        CLOSING,
        /** After unsubscribe(): the application calls poll() again once it subscribes or assigns. */
        UNSUBSCRIBED,
        /** The loop has ended (closed, crashed or failed). */
        ENDED
    }

    /** What a pass of poll() can be blocked on besides the network wait every pass ends with. */
    enum Wait {
        NONE,
        /**
         * Finding the group's coordinator: ensureCoordinatorReady, in the coordinator's poll of a subscribed
         * consumer or before an OffsetFetch; it ends when a FindCoordinator answers with it.
         */
        COORDINATOR,
        /**
         * initWithCommittedOffsetsIfNeeded: an assigned partition has no position and the OffsetFetch asking for
         * it has not answered.
         */
        COMMITTED_OFFSETS,
        /**
         * A rebalance listener's commitSync() returned: the pass goes on inside the coordinator's poll, where the
         * listener was called (joining), before any buffered record is returned.
         */
        LISTENER
    }

    /** One record of the batch. */
    record RecordRef(TopicPartition partition, long offset) {
    }

    Phase phase = Phase.NOT_STARTED;
    long pollStartedAt;
    /** What this pass of poll() is blocked on: only that, or poll()'s timeout, ends the wait. */
    Wait waitingFor = Wait.NONE;
    long batchStartedAt;
    long pendingStallMs;
    /** The poller is in onPartitionsRevoked, waiting for its worker pool to finish the revoked partitions' records. */
    boolean inListener;
    boolean closeRequested;
    boolean closeLeave;
    /** close() has sent its LeaveGroup (if any) and waits for what is in flight to its coordinator. */
    boolean closeAwaitsCoordinator;
    /** close() waits for commitAsync() calls chained to a coordinator lookup before it leaves the group. */
    boolean closeAwaitsChainedCommits;
    /** close()'s onLeavePrepare is blocked in the listener's commitSync() (commitOnRevoke). */
    boolean closeInListener;
    /** When close() began: its 30 s bound the fetcher's part, after the coordinator's, counts from here. */
    long closeStartedAt;
    /** close() waits for the answers to these fetch-session closes (correlation ids); null: not at that part. */
    long[] closeFetches;
    /** Where the loop was when its blocking call began: it goes on from there once the call returns. */
    Phase beforeCall;
    /** The processing time left of the record in hand when the call began (PROCESSING only). */
    long processLeftMs;
    /** Calls scripted while the application thread was blocked: it makes them, in order, once it is free. */
    List<ApplicationCalls.Call> waitingCalls = List.of();
    private List<Slice> batch = List.of();
    private int sliceIndex;
    private int inSlice;
    private int doneCount;

    PollLoop copy() {
        PollLoop copy = new PollLoop();
        copy.phase = phase;
        copy.pollStartedAt = pollStartedAt;
        copy.waitingFor = waitingFor;
        copy.batchStartedAt = batchStartedAt;
        copy.pendingStallMs = pendingStallMs;
        copy.inListener = inListener;
        copy.closeRequested = closeRequested;
        copy.closeLeave = closeLeave;
        copy.closeAwaitsCoordinator = closeAwaitsCoordinator;
        copy.closeAwaitsChainedCommits = closeAwaitsChainedCommits;
        copy.closeInListener = closeInListener;
        copy.closeStartedAt = closeStartedAt;
        copy.closeFetches = closeFetches; // never changed in place
        copy.beforeCall = beforeCall;
        copy.processLeftMs = processLeftMs;
        copy.waitingCalls = waitingCalls; // immutable, replaced on change
        copy.batch = batch; // immutable list of immutable slices
        copy.sliceIndex = sliceIndex;
        copy.inSlice = inSlice;
        copy.doneCount = doneCount;
        return copy;
    }

    void startBatch(List<Slice> slices, long now) {
        phase = Phase.PROCESSING;
        inListener = false;
        batch = List.copyOf(slices);
        batchStartedAt = now;
        sliceIndex = 0;
        inSlice = 0;
        doneCount = 0;
    }

    RecordRef currentRecord() {
        Slice slice = batch.get(sliceIndex);
        return new RecordRef(slice.partition(), slice.first() + inSlice);
    }

    void advance() {
        doneCount++;
        inSlice++;
        if (inSlice == batch.get(sliceIndex).count()) {
            sliceIndex++;
            inSlice = 0;
        }
    }

    boolean batchDone() {
        return sliceIndex >= batch.size();
    }

    int batchSize() {
        return batch.stream().mapToInt(Slice::count).sum();
    }

    int recordsLeft() {
        return phase == Phase.PROCESSING ? batchSize() - doneCount : 0;
    }

    /** The batch's offsets per partition as {@code [first, last]}. */
    Map<String, Object> batchRanges() {
        Map<String, Object> ranges = new TreeMap<>();
        for (Slice slice : batch) {
            ranges.put(slice.partition().toString(), List.of(slice.first(), slice.first() + slice.count() - 1));
        }
        return ranges;
    }

    void endBatch() {
        inListener = false;
        batch = List.of();
        sliceIndex = 0;
        inSlice = 0;
        doneCount = 0;
    }

    void stop() {
        phase = Phase.ENDED;
        endBatch();
        pendingStallMs = 0;
        inListener = false;
        closeFetches = null;
        waitingCalls = List.of();
    }

    /** A call waits for the application thread. */
    void addWaitingCall(ApplicationCalls.Call call) {
        List<ApplicationCalls.Call> calls = new ArrayList<>(waitingCalls);
        calls.add(call);
        waitingCalls = List.copyOf(calls);
    }

    /** The first call waiting for the application thread, taken off the list. */
    ApplicationCalls.Call takeWaitingCall() {
        ApplicationCalls.Call first = waitingCalls.get(0);
        waitingCalls = List.copyOf(waitingCalls.subList(1, waitingCalls.size()));
        return first;
    }

    List<RecordRef> unprocessed() {
        List<RecordRef> left = new ArrayList<>();
        if (phase != Phase.PROCESSING) {
            return left;
        }
        for (int s = sliceIndex; s < batch.size(); s++) {
            Slice slice = batch.get(s);
            for (int i = s == sliceIndex ? inSlice : 0; i < slice.count(); i++) {
                left.add(new RecordRef(slice.partition(), slice.first() + i));
            }
        }
        return left;
    }
}
