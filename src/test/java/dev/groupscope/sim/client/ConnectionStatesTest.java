package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.DeterministicRandom;
import org.junit.jupiter.api.Test;

/**
 * A consumer's two connections to one broker, as kafka-clients keeps them: the coordinator's is a node of its own
 * (id {@code Integer.MAX_VALUE - broker}), so one failing leaves the other alone, and each waits out its own
 * reconnect backoff (50 ms, doubling per failure in a row, ±20 %).
 */
class ConnectionStatesTest {

    private static final int BROKER = 2;
    private final DeterministicRandom random = new DeterministicRandom(7);

    @Test
    void theCoordinatorsConnectionIsANodeOfItsOwn() {
        assertThat(ConnectionStates.node(BROKER, false)).isEqualTo(BROKER);
        assertThat(ConnectionStates.node(BROKER, true)).isEqualTo(Integer.MAX_VALUE - BROKER);
    }

    @Test
    void theCoordinatorsConnectionFailingLeavesTheOtherAvailable() {
        ConnectionStates states = new ConnectionStates();
        states.opened(BROKER, false);
        states.opened(BROKER, true);

        states.disconnected(BROKER, true, 1_000, random);

        assertThat(states.isUnavailable(BROKER, true, 1_000)).isTrue();
        assertThat(states.isOpen(BROKER, true)).isFalse();
        assertThat(states.isUnavailable(BROKER, false, 1_000)).isFalse();
        assertThat(states.isOpen(BROKER, false)).isTrue();
        assertThat(states.backoffEnds(BROKER, true)).isBetween(1_040L, 1_060L);
        assertThat(states.backoffEnds(BROKER, false)).isEqualTo(-1);
    }

    @Test
    void eachFailureInARowDoublesTheBackoffUntilAnAnswerComesOnThatConnection() {
        ConnectionStates states = new ConnectionStates();

        states.disconnected(BROKER, false, 0, random);
        states.disconnected(BROKER, false, 100, random);
        assertThat(states.backoffEnds(BROKER, false)).isBetween(180L, 220L);
        states.connected(BROKER, true); // an answer on the other connection changes nothing here
        assertThat(states.isUnavailable(BROKER, false, 150)).isTrue();

        states.connected(BROKER, false);
        assertThat(states.isUnavailable(BROKER, false, 150)).isFalse();
        states.disconnected(BROKER, false, 1_000, random);
        assertThat(states.backoffEnds(BROKER, false)).isBetween(1_040L, 1_060L);
    }

    @Test
    void aCopyKeepsWhatIsOpenAndWhatFailedAndChangesApart() {
        ConnectionStates states = new ConnectionStates();
        states.opened(BROKER, false);
        states.disconnected(3, true, 0, random);

        ConnectionStates copy = states.copy();
        copy.disconnected(BROKER, false, 10, random);

        assertThat(copy.isOpen(BROKER, false)).isFalse();
        assertThat(states.isOpen(BROKER, false)).isTrue();
        assertThat(copy.isUnavailable(3, true, 5)).isTrue();
        assertThat(states.isUnavailable(BROKER, false, 10)).isFalse();
    }

    @Test
    void anAnswerReadWithItsConnectionsCloseDoesNotMakeTheConnectionWorkAgain() {
        ConnectionStates states = new ConnectionStates();
        states.opened(BROKER, false);
        states.disconnected(BROKER, false, 1_000, random);
        states.closing(BROKER, false);

        states.connected(BROKER, false); // the broker's last answer, read in the poll that read its close
        assertThat(states.isUnavailable(BROKER, false, 1_000)).isTrue();
        assertThat(states.isClosing(BROKER, false)).isTrue();
        assertThat(states.copy().isClosing(BROKER, false)).as("a snapshot taken meanwhile").isTrue();

        states.closed(BROKER);
        assertThat(states.isClosing(BROKER, false)).isFalse();
        states.connected(BROKER, false); // an answer after the broker is back
        assertThat(states.isUnavailable(BROKER, false, 1_000)).isFalse();
    }
}
