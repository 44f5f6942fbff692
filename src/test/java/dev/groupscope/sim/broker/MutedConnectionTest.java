package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.coordinator.EventChecks;
import dev.groupscope.sim.coordinator.Harness;
import dev.groupscope.sim.coordinator.Recorder;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Requests.MetadataRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.LeaveGroupResponse;
import dev.groupscope.sim.protocol.Responses.MetadataResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker reads one request per connection at a time (Kafka's socket server mutes a connection from reading a
 * request until its answer is sent): what a consumer sends while its fetch is parked, or while the coordinator holds
 * its JoinGroup, is read once that request is answered, in the order it was sent.
 */
class MutedConnectionTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private final Harness h = new Harness(ClusterSetup.of(1).withTopic("orders", 1, 1), 11);
    private final Recorder consumer = h.client("consumer");
    private final Recorder other = h.client("other");

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    /** A fetch with nothing to read: parked for fetch.max.wait.ms = 500 ms. */
    private void parkFetch(String client) {
        h.deliver(client, 1, new FetchRequest(h.correlationId(), Map.of(P0, 0L), 10_000, 1, 500));
        h.advance(1);
    }

    private MetadataRequest metadata() {
        return new MetadataRequest(h.correlationId(), List.of("orders"), false);
    }

    @Test
    void aRequestSentWhileTheConsumersFetchIsParkedIsReadOnceTheFetchIsAnswered() {
        parkFetch("consumer");

        h.deliver("consumer", 1, metadata());
        h.advance(100);
        assertThat(h.all(consumer, MetadataResponse.class)).as("unread behind the parked fetch").isEmpty();
        assertThat(h.events("RequestWaits")).singleElement().satisfies(waits -> {
            assertThat(waits.fields()).containsEntry("api", "Metadata");
            assertThat(LearnerFilter.INSTANCE.test(waits)).as("background: the fetch answers soon").isFalse();
        });

        h.advance(500);
        assertThat(h.all(consumer, FetchResponse.class)).hasSize(1);
        assertThat(h.all(consumer, MetadataResponse.class)).hasSize(1);
        SimEvent released = h.events("FetchMaxWait").get(0);
        SimEvent read = h.events("MetadataRequest").get(0);
        assertThat(read.time()).isEqualTo(released.time());
        assertThat(read.fields()).containsEntry("unreadMs", released.time() - 1);
    }

    @Test
    void requestsWaitingOnOneConnectionAreReadInTheOrderTheyWereSent() {
        parkFetch("consumer");
        h.deliver("consumer", 1, metadata());
        h.advance(1);
        h.deliver("consumer", 1, metadata());

        h.advance(600);

        assertThat(h.events("MetadataRequest")).extracting(event -> event.fields().get("correlationId"))
                .isSorted().hasSize(2);
        assertThat(h.events("RequestWaits")).hasSize(2);
    }

    @Test
    void aLeaveGroupSentWhileTheMembersJoinGroupIsHeldIsReadOnlyOnceTheJoinIsAnswered() {
        Recorder a = h.client("a");
        Recorder b = h.client("b");
        List<String> ids = h.formStableGroup(a, b);

        // a rejoins: the coordinator holds its JoinGroup until b rejoins too. a closes meanwhile.
        h.send("a", h.join(ids.get(0)));
        h.send("a", h.leave(ids.get(0)));
        assertThat(h.events("RequestWaits")).singleElement().satisfies(waits -> {
            assertThat(waits.fields()).containsEntry("api", "LeaveGroup");
            assertThat(waits.ruleKey()).isEqualTo("sim.cluster.connection.mutedByGroup");
            assertThat(waits.ruleArgs()).containsEntry("held", "JoinGroup");
            assertThat(LearnerFilter.INSTANCE.test(waits)).as("a learner's step").isTrue();
        });
        assertThat(h.all(a, LeaveGroupResponse.class)).isEmpty();
        assertThat(h.group().hasMember(ids.get(0))).as("a is still a member: its LeaveGroup is unread").isTrue();

        // b's JoinGroup completes the round with a in it; only then is a's LeaveGroup read, and a second round starts.
        h.send("b", h.join(ids.get(1)));
        assertThat(h.all(a, JoinGroupResponse.class)).last().satisfies(join ->
                assertThat(join.members()).hasSize(2));
        assertThat(h.all(a, LeaveGroupResponse.class)).hasSize(1);
        assertThat(h.group().hasMember(ids.get(0))).isFalse();
    }

    @Test
    void aStoppedClientsHeldRequestNoLongerHoldsBackItsNewInstance() {
        parkFetch("consumer");
        ClusterActor cluster = h.world.actor(ClusterActor.ID, ClusterActor.class);

        cluster.clientStopped(h.world, "consumer"); // crashed, and restarted with new connections
        h.deliver("consumer", 1, metadata());
        h.advance(5);

        assertThat(h.all(consumer, MetadataResponse.class)).hasSize(1);
        assertThat(h.events("RequestWaits")).isEmpty();
    }

    @Test
    void aNewInstancesParkedFetchStillMutesItsConnectionOnceTheOldInstancesFetchIsAnswered() {
        parkFetch("consumer");
        h.world.actor(ClusterActor.ID, ClusterActor.class).clientStopped(h.world, "consumer");
        h.advance(200);
        parkFetch("consumer"); // the restarted consumer's first fetch, parked until 701 ms

        h.advance(400); // the old instance's fetch is answered at 501 ms
        h.deliver("consumer", 1, metadata());
        h.advance(5);

        assertThat(h.all(consumer, MetadataResponse.class)).as("behind the new fetch").isEmpty();
        assertThat(h.events("RequestWaits")).hasSize(1);
    }

    @Test
    void anotherClientsConnectionAndTheConsumersGroupRequestsAreNotHeld() {
        parkFetch("consumer");

        h.deliver("other", 1, metadata());
        h.advance(5);
        assertThat(h.all(other, MetadataResponse.class)).hasSize(1);

        // The coordinator's requests travel on a connection of their own (kafka-clients' coordinator node).
        h.send("consumer", h.heartbeat(1, "nobody"));
        assertThat(h.events("RequestWaits")).isEmpty();
        assertThat(h.events("HeartbeatRequest")).hasSize(1);
    }
}
