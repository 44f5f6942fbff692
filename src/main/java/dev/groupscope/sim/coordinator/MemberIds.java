package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.DeterministicRandom;
import java.util.UUID;

/**
 * Kafka's {@code ClassicGroup.generateMemberId}: the client id (or, for a static member, its group.instance.id), a
 * dash, and a random UUID. The UUID is a version-4 UUID as {@code UUID.randomUUID()} makes one, but its bits come
 * from the run's seeded source, so a replay draws the same ids.
 */
final class MemberIds {

    private MemberIds() {
    }

    static String generate(String clientId, String groupInstanceId, DeterministicRandom random) {
        String prefix = groupInstanceId != null ? groupInstanceId : clientId;
        return prefix + "-" + randomUuid(random);
    }

    static UUID randomUuid(DeterministicRandom random) {
        long most = random.nextLong();
        long least = random.nextLong();
        most = (most & ~0xF000L) | 0x4000L;
        least = (least & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
