package dev.groupscope.realkafka;

import java.util.List;

/** The steps of one scenario, in order: what real Kafka runs here and, later, what the simulator replays. */
public record GroupScript(List<Step> steps) {

    public GroupScript {
        steps = List.copyOf(steps);
    }

    public static GroupScript of(Step... steps) {
        return new GroupScript(List.of(steps));
    }
}
