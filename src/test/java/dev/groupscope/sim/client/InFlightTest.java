package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.client.InFlight.CommitPurpose;
import dev.groupscope.sim.client.InFlight.Pending;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closing one connection fails the requests on it and nothing else. */
class InFlightTest {

    @Test
    void closingAConnectionTakesItsRequestsOldestFirstAndLeavesTheOtherConnectionToTheSameBroker() {
        InFlight inFlight = new InFlight();
        put(inFlight, "Fetch", 1, false);        // 0
        put(inFlight, "Heartbeat", 1, true);     // 1
        put(inFlight, "Metadata", 1, false);     // 2
        put(inFlight, "Fetch", 2, false);        // 3
        put(inFlight, "OffsetCommit", 1, true);  // 4
        put(inFlight, "ListOffsets", 1, false);  // 5

        List<Map.Entry<Long, Pending>> failed = inFlight.failConnection(1, false);

        assertThat(failed).extracting(Map.Entry::getKey).containsExactly(0L, 2L, 5L);
        assertThat(failed).extracting(entry -> entry.getValue().api()).containsExactly("Fetch", "Metadata",
                "ListOffsets");
        assertThat(inFlight.size()).isEqualTo(3);
        assertThat(inFlight.complete(2)).as("an answer to a cancelled request finds nothing: dropped").isNull();
        assertThat(inFlight.failConnection(1, true)).extracting(Map.Entry::getKey).containsExactly(1L, 4L);
        assertThat(inFlight.complete(3)).isNotNull();
    }

    private static void put(InFlight inFlight, String api, int broker, boolean toCoordinator) {
        inFlight.put(inFlight.nextId(), new Pending(api, broker, 0, null, toCoordinator, CommitPurpose.NONE,
                Map.of()));
    }
}
