package dev.groupscope.ui;

import dev.groupscope.kafka.config.ConsumerConfigs;
import dev.groupscope.kafka.config.SettingDefinition;
import dev.groupscope.sim.client.MemberState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which commands a person may give an entity in the state shown — the menu of a consumer or a broker — and which
 * of them apply now (a consumer that is down cannot be crashed, one that runs cannot be restarted). What the model
 * then does with a command is the model's business; this only keeps a menu from offering nonsense.
 */
final class CommandChecks {

    /** How much longer than max.poll.interval.ms the long stall lasts, so the poll timeout surely fires. */
    static final long PAST_POLL_INTERVAL_MS = 5_000;
    /** A short stall: heartbeats go on, so nothing happens to the group. */
    static final long SHORT_STALL_MS = 10_000;

    /** One menu entry: the command and whether it applies now. */
    record Offer(ModelCommand command, boolean enabled) {
    }

    private CommandChecks() {
    }

    /**
     * A consumer's commands: close, crash and two stalls (a short one, and one just past its max.poll.interval.ms,
     * from its settings) while it runs; restart (as a static member when it has a group.instance.id) once it is down.
     */
    static List<Offer> forConsumer(PlaygroundFrame.ConsumerRow consumer, Map<String, Object> settings) {
        boolean running = MemberState.valueOf(consumer.state()).running();
        String id = consumer.clientId();
        long maxPollInterval = ((Number) settings.getOrDefault(ConsumerConfigs.MAX_POLL_INTERVAL_MS,
                defaultOf(ConsumerConfigs.MAX_POLL_INTERVAL_MS))).longValue();
        List<Offer> offers = new ArrayList<>();
        offers.add(new Offer(new ModelCommand.CloseConsumer(id), running));
        offers.add(new Offer(new ModelCommand.CrashConsumer(id), running));
        offers.add(new Offer(new ModelCommand.StallConsumer(id, SHORT_STALL_MS), running));
        offers.add(new Offer(new ModelCommand.StallConsumer(id, maxPollInterval + PAST_POLL_INTERVAL_MS), running));
        offers.add(new Offer(new ModelCommand.RestartConsumer(id,
                settings.containsKey(ConsumerConfigs.GROUP_INSTANCE_ID)), !running));
        return offers;
    }

    /** A broker's commands: stop it while it is up, start it again while it is down. */
    static List<Offer> forBroker(PlaygroundFrame.BrokerRow broker) {
        return List.of(new Offer(new ModelCommand.StopBroker(broker.id()), broker.up()),
                new Offer(new ModelCommand.StartBroker(broker.id()), !broker.up()));
    }

    /** How many partitions {@code topic} has in the state shown. */
    static int partitionCount(PlaygroundFrame frame, String topic) {
        return (int) frame.partitions().stream().filter(p -> p.topic().equals(topic)).count();
    }

    /** Every topic in the state shown, with the offsets topic that is always there. */
    static List<String> topics(PlaygroundFrame frame) {
        List<String> topics = new ArrayList<>(List.of(FrameReader.OFFSETS_TOPIC));
        frame.partitions().stream().map(PlaygroundFrame.PartitionRow::topic).distinct().forEach(topics::add);
        return topics;
    }

    private static Object defaultOf(String name) {
        return ConsumerConfigs.DEFINITIONS.stream().filter(d -> d.name().equals(name))
                .map(SettingDefinition::defaultValue).findFirst().orElseThrow();
    }
}
