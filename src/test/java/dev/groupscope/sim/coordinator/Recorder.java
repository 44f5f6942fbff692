package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Message;
import java.util.ArrayList;
import java.util.List;

/** A client that only records what reaches it: the tests play the consumer's part themselves. */
public final class Recorder implements Actor {

    /** One message as it arrived. */
    public record Received(long time, String from, int broker, Message message) {
    }

    private final String id;
    private final List<Received> received;

    public Recorder(String id) {
        this(id, new ArrayList<>());
    }

    private Recorder(String id, List<Received> received) {
        this.id = id;
        this.received = received;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Actor copy() {
        return new Recorder(id, new ArrayList<>(received));
    }

    @Override
    public void handle(Task task, Context context) {
        if (task instanceof Deliver delivery) {
            received.add(new Received(context.now(), delivery.from(), delivery.broker(), delivery.message()));
        }
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public Object view() {
        return List.copyOf(received);
    }
}
