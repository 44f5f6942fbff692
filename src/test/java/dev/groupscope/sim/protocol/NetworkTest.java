package dev.groupscope.sim.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NetworkTest {

    /** An actor that hands every task to {@code handler}; the tests' sender and receiver. */
    private record Handler(String id, BiConsumer<Task, Context> handler) implements Actor {
        @Override
        public Actor copy() {
            return this;
        }

        @Override
        public void handle(Task task, Context context) {
            handler.accept(task, context);
        }

        @Override
        public Object view() {
            return id;
        }
    }

    /** Sends one heartbeat per task, so messages leave at many different times. */
    private record SendNext(String target, long correlationId) implements Task {
    }

    private static void runToTheEnd(World world) {
        while (world.hasPending()) {
            world.step();
        }
    }

    @Property(tries = 200)
    void jitterNeverReordersMessagesOnOneConnection(@ForAll long seed, @ForAll @IntRange(max = 20) int jitter,
                                                    @ForAll @IntRange(min = 1, max = 5) int spacing) {
        World world = new World(seed);
        List<Long> received = new ArrayList<>();
        world.addActor(new Handler("receiver", (task, context) ->
                received.add(((Deliver) task).message().correlationId())));
        Network network = new Network(3, jitter);
        world.addActor(new Handler("sender", (task, context) -> {
            long n = ((SendNext) task).correlationId();
            network.send(context, "sender", "receiver", 1, new Requests.HeartbeatRequest(n, "g", 1, "m", null));
            if (n < 100) {
                context.schedule(n % spacing, new SendNext("sender", n + 1));
            }
        }));
        world.schedule(0, new SendNext("sender", 0));
        runToTheEnd(world);
        assertThat(received).hasSize(101).isSorted();
    }

    /** Sends message {@code id} on connection {@code node}, {@code extraMs} slower than usual when above 0. */
    private record Send(String target, long id, int node, long extraMs) implements Task {
    }

    /**
     * Without jitter most messages take the network's delay and are scheduled without looking their connection up;
     * one a fault slows ({@code sendLater}) still holds back everything sent after it on its own connection, and only
     * there. Each message must arrive exactly when a TCP connection would deliver it: at its send time plus its delay,
     * or with the message before it on its connection, whichever is later.
     */
    @Property(tries = 200)
    void aSlowedMessageHoldsBackOnlyItsOwnConnection(@ForAll long seed) {
        World world = new World(seed);
        Network network = new Network(3, 0);
        Map<Long, Long> arrived = new HashMap<>();
        world.addActor(new Handler("receiver", (task, context) ->
                arrived.put(((Deliver) task).message().correlationId(), context.now())));
        world.addActor(new Handler("sender", (task, context) -> {
            Send send = (Send) task;
            network.sendLater(context, "sender", "receiver", 1, send.node(),
                    new Requests.HeartbeatRequest(send.id(), "g", 1, "m", null), send.extraMs());
        }));
        Random random = new Random(seed);
        Map<Long, Long> expected = new HashMap<>();
        long[] lastOnNode = new long[2];
        long sentAt = 0;
        for (long id = 0; id < 300; id++) {
            sentAt += random.nextInt(4);
            int node = random.nextInt(2);
            long extra = random.nextInt(10) == 0 ? random.nextInt(40) : 0;
            long arrival = Math.max(sentAt + 3 + extra, lastOnNode[node]);
            lastOnNode[node] = arrival;
            expected.put(id, arrival);
            world.schedule(sentAt, new Send("sender", id, node, extra));
        }
        runToTheEnd(world);
        assertThat(arrived).isEqualTo(expected);
    }
}
