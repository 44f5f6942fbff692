package dev.groupscope.realkafka;

import java.util.Objects;

/**
 * One step of a group script. Steps say what happens to the group, not how the real client is driven, so that
 * the simulator can play the same script and the two runs can be compared.
 */
public sealed interface Step {

    /** A member subscribes to the script's topic and starts polling. */
    record Start(String member) implements Step {
        public Start {
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * Wait until the coordinator reports the group Stable with this many members, every partition assigned, and
     * each live member's listener has caught up with the assignment the coordinator holds for it.
     */
    record AwaitStable(int members) implements Step {
    }

    /** The member closes with {@code CloseOptions.groupMembershipOperation(LEAVE_GROUP)}: it leaves at once. */
    record Leave(String member) implements Step {
        public Leave {
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * The member calls plain {@code close()}. A dynamic member sends LeaveGroup; a static member does not
     * (KIP-345), so the coordinator keeps it until its session times out.
     */
    record Close(String member) implements Step {
        public Close {
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * The member's process dies: it stops polling, runs no more callbacks, commits nothing more and never sends
     * LeaveGroup; the coordinator notices only when the session times out. See {@link MemberThread} for how the
     * real client is brought to that state in-process.
     */
    record Crash(String member) implements Step {
        public Crash {
            Objects.requireNonNull(member, "member");
        }
    }

    /** A producer writes this many records with keys k0, k1, ... (Kafka's default keyed partitioning). */
    record Produce(int records) implements Step {
    }

    /** Wait until the live members have processed every record produced so far. */
    record AwaitProcessed() implements Step {
    }

    /** The member commits the positions of all partitions it owns ({@code commitSync}). */
    record Commit(String member) implements Step {
        public Commit {
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * The broker that coordinates the group stops (a controlled shutdown: it hands its partition leaderships to
     * other brokers first). The group moves with the leadership of its {@code __consumer_offsets} partition.
     */
    record StopCoordinator() implements Step {
    }

    /** The group's topic grows to {@code partitions} (an admin's createPartitions; nobody tells the members). */
    record AddPartitions(int partitions) implements Step {
    }

    /** Time passes with nothing done to the group; members keep polling and heartbeating. */
    record Pause(long millis) implements Step {
    }

    /**
     * The member's application is stuck in its own code for {@code durationMs}: between two polls (right after the
     * poll under way returns) it stops calling {@code poll()}, while the client's heartbeat thread goes on. Past
     * max.poll.interval.ms that thread gives the membership up (a dynamic member sends LeaveGroup, a static one
     * does not). The step ends once the application is back and its first {@code poll()} after the stall has
     * returned, so whatever that poll did (onPartitionsLost, a JoinGroup) is part of the step.
     */
    record Stall(String member, long durationMs) implements Step {
        public Stall {
            Objects.requireNonNull(member, "member");
            if (durationMs <= 0) {
                throw new IllegalArgumentException("a stall lasts a positive time, not " + durationMs + " ms");
            }
        }
    }

    static Step start(String member) {
        return new Start(member);
    }

    static Step awaitStable(int members) {
        return new AwaitStable(members);
    }

    static Step leave(String member) {
        return new Leave(member);
    }

    static Step close(String member) {
        return new Close(member);
    }

    static Step crash(String member) {
        return new Crash(member);
    }

    static Step produce(int records) {
        return new Produce(records);
    }

    static Step awaitProcessed() {
        return new AwaitProcessed();
    }

    static Step commit(String member) {
        return new Commit(member);
    }

    static Step stopCoordinator() {
        return new StopCoordinator();
    }

    static Step addPartitions(int partitions) {
        return new AddPartitions(partitions);
    }

    static Step pause(long millis) {
        return new Pause(millis);
    }

    static Step stall(String member, long durationMs) {
        return new Stall(member, durationMs);
    }
}
