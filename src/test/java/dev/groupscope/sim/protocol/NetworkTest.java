package dev.groupscope.sim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NetworkTest {

    /** Records the correlation ids of the messages it receives, in arrival order. */
    private static final class Receiver implements Actor {
        final List<Long> received = new ArrayList<>();

        @Override
        public String id() {
            return "receiver";
        }

        @Override
        public Actor copy() {
            return this;
        }

        @Override
        public void handle(Task task, Context context) {
            received.add(((Deliver) task).message().correlationId());
        }

        @Override
        public Object view() {
            return List.copyOf(received);
        }
    }

    /** Sends one heartbeat per task, so messages leave at many different times. */
    private record SendNext(String target, long correlationId) implements Task {
    }

    @Property(tries = 200)
    void jitterNeverReordersMessagesOnOneConnection(@ForAll long seed, @ForAll @IntRange(max = 20) int jitter,
                                                    @ForAll @IntRange(min = 1, max = 5) int spacing) {
        World world = new World(seed);
        Receiver receiver = new Receiver();
        world.addActor(receiver);
        Network network = new Network(3, jitter);
        world.addActor(new Actor() {
            @Override
            public String id() {
                return "sender";
            }

            @Override
            public Actor copy() {
                return this;
            }

            @Override
            public void handle(Task task, Context context) {
                long n = ((SendNext) task).correlationId();
                network.send(context, "sender", "receiver", 1, new Requests.HeartbeatRequest(n, "g", 1, "m", null));
                if (n < 100) {
                    context.schedule(n % spacing, new SendNext("sender", n + 1));
                }
            }

            @Override
            public Object view() {
                return "sender";
            }
        });
        world.schedule(0, new SendNext("sender", 0));
        while (world.hasPending()) {
            world.step();
        }
        assertThat(receiver.received).hasSize(101).isSorted();
    }
}
