package dev.groupscope.sim.broker;

import dev.groupscope.sim.engine.Task;

/** The scripted actions the cluster actor carries out: faults and administration, addressed to "cluster". */
public final class ClusterActions {

    private ClusterActions() {
    }

    /** A broker shuts down: the partitions it led move to their next live replica (controlled shutdown). */
    public record StopBroker(int brokerId) implements Task {
        @Override
        public String target() {
            return ClusterActor.ID;
        }
    }

    /** A stopped broker starts again and takes the leadership of partitions left without a leader. */
    public record StartBroker(int brokerId) implements Task {
        @Override
        public String target() {
            return ClusterActor.ID;
        }
    }

    /** Creates a topic ({@code __consumer_offsets} too, which then gets its coordinators). */
    public record CreateTopic(String topic, int partitions, int replicationFactor) implements Task {
        @Override
        public String target() {
            return ClusterActor.ID;
        }
    }

    /** Adds partitions to a topic; Kafka never removes any. */
    public record IncreasePartitions(String topic, int newPartitionCount) implements Task {
        @Override
        public String target() {
            return ClusterActor.ID;
        }
    }

    public record DeleteTopic(String topic) implements Task {
        @Override
        public String target() {
            return ClusterActor.ID;
        }
    }
}
