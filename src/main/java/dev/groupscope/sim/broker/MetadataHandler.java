package dev.groupscope.sim.broker;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.PartitionState;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.PartitionLeaders;
import dev.groupscope.sim.protocol.Requests.MetadataRequest;
import dev.groupscope.sim.protocol.Responses.MetadataResponse;
import dev.groupscope.sim.protocol.Responses.TopicMetadata;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Metadata request arriving at a broker, answered at once from the cluster state as it is then (Kafka's
 * {@code KafkaApis.handleTopicMetadataRequest} reads the broker's metadata cache, which KRaft keeps current): the
 * live brokers, and per topic asked for its partitions' leaders and leader epochs, or UNKNOWN_TOPIC_OR_PARTITION.
 * A named topic that does not exist is created if the request allows it and auto.create.topics.enable is on
 * ({@code AutoTopicCreationManager}); this answer still calls it unknown, as 4.1's does while the controller creates
 * it, and the client's next request finds it.
 */
public final class MetadataHandler {

    private MetadataHandler() {
    }

    static void handle(ClusterActor cluster, Context context, Deliver delivery, MetadataRequest request) {
        int broker = delivery.broker();
        MetadataResponse response = answer(cluster.state, request);
        if (request.allowAutoTopicCreation()) {
            response.topics().keySet().forEach(topic -> cluster.autoCreateTopic(context, topic, delivery.from()));
        }
        cluster.sim.network().send(context, CoordinatorEnv.brokerActor(broker), delivery.from(), broker, response);
    }

    /** The sentence for the arrival: who asks, for which topics. */
    static Rule arrivalRule(Deliver delivery, MetadataRequest request) {
        return request.isAllTopics()
                ? Rule.of("sim.request.Metadata.all", "client", delivery.from(), "broker", delivery.broker())
                : Rule.of("sim.request.Metadata", "client", delivery.from(), "broker", delivery.broker(),
                        "topics", String.join(", ", request.topics()));
    }

    public static MetadataResponse answer(ClusterState state, MetadataRequest request) {
        List<String> names = request.isAllTopics() ? List.copyOf(state.partitionsPerTopic().keySet())
                : request.topics();
        Map<String, TopicMetadata> topics = new TreeMap<>();
        for (String topic : names) {
            topics.put(topic, topic(state, topic));
        }
        return new MetadataResponse(request.correlationId(), state.liveBrokers(), topics);
    }

    private static TopicMetadata topic(ClusterState state, String topic) {
        if (!state.hasTopic(topic) || topic.equals(ClusterState.OFFSETS_TOPIC)) {
            return TopicMetadata.unknown();
        }
        int count = state.partitionCount(topic);
        int[] leaders = new int[count];
        int[] epochs = new int[count];
        for (int p = 0; p < count; p++) {
            PartitionState partition = state.partition(topic, p);
            leaders[p] = partition.leader();
            epochs[p] = partition.leaderEpoch();
        }
        return new TopicMetadata(Errors.NONE, PartitionLeaders.of(leaders, epochs));
    }
}
