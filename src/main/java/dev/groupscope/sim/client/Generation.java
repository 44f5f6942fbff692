package dev.groupscope.sim.client;

import java.util.Objects;

/**
 * kafka-clients' {@code AbstractCoordinator.Generation}: the generation id, the member id and the protocol the
 * coordinator chose. Compared whole to decide whether a response belongs to the current generation
 * ({@code generationUnchanged()}).
 */
public record Generation(int generationId, String memberId, String protocolName) {

    /** Kafka's {@code Generation.NO_GENERATION}: generation -1, member id "" (unknown), no protocol. */
    public static final Generation NO_GENERATION = new Generation(-1, "", null);

    public Generation {
        Objects.requireNonNull(memberId, "memberId");
    }

    /** Kafka's check in onJoinPrepare: a reset generation or member id means the partitions are lost. */
    public boolean isReset() {
        return generationId == NO_GENERATION.generationId || memberId.equals(NO_GENERATION.memberId);
    }

    public boolean hasMemberId() {
        return !memberId.isEmpty();
    }

    /** Kafka's {@code resetStateAndGeneration} without resetting the member id (after ILLEGAL_GENERATION). */
    public Generation keepingMemberId() {
        return new Generation(NO_GENERATION.generationId, memberId, null);
    }
}
