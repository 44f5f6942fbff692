package dev.groupscope.sim.broker;

import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.engine.DeterministicRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster a scenario starts with: brokers 1..{@code brokers}, Kafka's broker settings, the simulation's knobs,
 * whether {@code __consumer_offsets} exists from the start (else the first FindCoordinator creates it, as in Kafka)
 * and the topics to create, in order (placement draws from the run's random source in that order).
 */
public record ClusterSetup(int brokers, BrokerSettings settings, SimSettings sim, boolean offsetsTopic,
                           List<TopicSpec> topics) {

    /** A topic to create at the start. */
    public record TopicSpec(String name, int partitions, int replicationFactor) {
    }

    public ClusterSetup {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster has at least one broker");
        }
        topics = List.copyOf(topics);
    }

    /** {@code brokers} brokers with Kafka's default settings and {@code __consumer_offsets} already created. */
    public static ClusterSetup of(int brokers) {
        return new ClusterSetup(brokers, BrokerSettings.defaults(), SimSettings.DEFAULT, true, List.of());
    }

    public ClusterSetup withTopic(String name, int partitions, int replicationFactor) {
        List<TopicSpec> more = new ArrayList<>(topics);
        more.add(new TopicSpec(name, partitions, replicationFactor));
        return new ClusterSetup(brokers, settings, sim, offsetsTopic, more);
    }

    public ClusterSetup withSettings(BrokerSettings value) {
        return new ClusterSetup(brokers, value, sim, offsetsTopic, topics);
    }

    public ClusterSetup withSim(SimSettings value) {
        return new ClusterSetup(brokers, settings, value, offsetsTopic, topics);
    }

    /** Leaves {@code __consumer_offsets} to be created by the first FindCoordinator. */
    public ClusterSetup withoutOffsetsTopic() {
        return new ClusterSetup(brokers, settings, sim, false, topics);
    }

    ClusterActor build(DeterministicRandom random) {
        ClusterActor cluster = ClusterActor.empty(brokers, settings, sim);
        if (offsetsTopic) {
            ClusterAdmin.createOffsetsTopic(cluster, settings.offsetsTopicNumPartitions(),
                    settings.offsetsTopicReplicationFactor(), random);
        }
        ClusterState state = cluster.state;
        for (TopicSpec topic : topics) {
            state.createTopic(topic.name(), topic.partitions(), topic.replicationFactor(), random);
        }
        return cluster;
    }
}
