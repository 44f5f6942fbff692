package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OffsetCommit's validation against the group, and OffsetFetch. */
class OffsetCommitTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final Harness h = Harness.oneBroker();
    private final Recorder c1 = h.client("c1");
    private final Recorder c2 = h.client("c2");

    private Map<TopicPartition, Errors> commit(Recorder client, int generation, String memberId,
                                               Map<TopicPartition, Long> offsets) {
        h.send(client.id(), h.commit(generation, memberId, offsets));
        return h.last(client, OffsetCommitResponse.class).errors();
    }

    private Map<TopicPartition, Long> fetch(Recorder client, List<TopicPartition> partitions) {
        h.send(client.id(), h.fetchOffsets(partitions));
        OffsetFetchResponse response = h.last(client, OffsetFetchResponse.class);
        assertThat(response.error()).isEqualTo(Errors.NONE);
        return response.offsets();
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void aMemberOfTheCurrentGenerationCommitsAndTheOffsetsCanBeFetched() {
        List<String> ids = h.formStableGroup(c1, c2);

        assertThat(commit(c1, 1, ids.get(0), Map.of(P0, 42L))).containsEntry(P0, Errors.NONE);

        assertThat(fetch(c2, List.of(P0, P1))).containsEntry(P0, 42L).containsEntry(P1, -1L);
        assertThat(h.events("OffsetCommitRecord")).singleElement().satisfies(event ->
                assertThat(event.fields()).containsEntry("topicPartition", "orders-0")
                        .containsEntry("committedOffset", 42L));
    }

    @Test
    void aCommitFromAnOlderGenerationIsRefusedWithIllegalGeneration() {
        List<String> ids = h.formStableGroup(c1, c2);

        assertThat(commit(c1, 0, ids.get(0), Map.of(P0, 42L))).containsEntry(P0, Errors.ILLEGAL_GENERATION);
        assertThat(fetch(c1, List.of(P0))).containsEntry(P0, -1L);
    }

    @Test
    void whileTheLeaderAssignsCommitsAreRefusedWithRebalanceInProgress() {
        List<String> ids = List.of(h.joinTwoStep(c1), h.joinTwoStep(c2));
        h.advance(6_100);

        assertThat(commit(c1, 1, ids.get(0), Map.of(P0, 42L))).containsEntry(P0, Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void duringTheJoinPhaseTheGenerationThatIsEndingMayStillCommit() {
        List<String> ids = h.formStableGroup(c1, c2);
        h.send("c1", h.join(ids.get(0)));

        assertThat(commit(c2, 1, ids.get(1), Map.of(P1, 7L))).containsEntry(P1, Errors.NONE);
    }

    @Test
    void aCommitOutsideGroupManagementIsAcceptedOnlyWhileTheGroupIsEmpty() {
        assertThat(commit(c1, -1, "", Map.of(P0, 5L))).containsEntry(P0, Errors.NONE);
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.EMPTY);
        assertThat(h.group().protocolType()).isNull();

        h.formStableGroup(c2);

        assertThat(commit(c1, -1, "", Map.of(P0, 6L))).containsEntry(P0, Errors.UNKNOWN_MEMBER_ID);
        assertThat(fetch(c1, List.of(P0))).containsEntry(P0, 5L);
    }

    @Test
    void aCommitNamingAGenerationOfAGroupThatDoesNotExistIsRefused() {
        h.send("c1", new OffsetCommitRequest(h.correlationId(), "nobody", 3, "c1-x", null, Map.of(P0, 1L)));

        assertThat(h.last(c1, OffsetCommitResponse.class).errors()).containsEntry(P0, Errors.GROUP_ID_NOT_FOUND);
    }

    @Test
    void partitionsOfUnknownTopicsAreRefusedAndTheRestCommitted() {
        List<String> ids = h.formStableGroup(c1);
        TopicPartition ghost = new TopicPartition("ghost", 0);

        assertThat(commit(c1, 1, ids.get(0), Map.of(P0, 3L, ghost, 9L)))
                .containsEntry(P0, Errors.NONE).containsEntry(ghost, Errors.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void aPartitionPastItsTopicsLastIsRefusedAsTheBrokersMetadataDoesNotHaveIt() {
        List<String> ids = h.formStableGroup(c1);
        TopicPartition past = new TopicPartition("orders", 4);

        assertThat(commit(c1, 1, ids.get(0), Map.of(P0, 3L, past, 9L)))
                .containsEntry(P0, Errors.NONE).containsEntry(past, Errors.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(h.events("OffsetCommitRecord")).singleElement()
                .satisfies(event -> assertThat(event.fields()).containsEntry("topicPartition", "orders-0"));
    }

    @Test
    void aBrokerThatIsNotTheCoordinatorAnswersUnknownPartitionsFirstAndNotCoordinatorForTheRest() {
        Harness two = new Harness(dev.groupscope.sim.broker.ClusterSetup.of(2)
                .withSim(dev.groupscope.sim.broker.SimSettings.DEFAULT.withLogCleanerBackoffMs(0))
                .withTopic("orders", 4, 1), 42);
        Recorder client = two.client("c1");
        int other = two.coordinator() == 1 ? 2 : 1; // brokers are numbered from 1
        TopicPartition ghost = new TopicPartition("ghost", 0);

        two.deliver("c1", other, two.commit(-1, "", Map.of(P0, 3L, ghost, 9L)));
        two.advance(10);
        assertThat(two.last(client, OffsetCommitResponse.class).errors())
                .containsEntry(P0, Errors.NOT_COORDINATOR).containsEntry(ghost, Errors.UNKNOWN_TOPIC_OR_PARTITION);

        two.deliver("c1", other, two.commit(-1, "", Map.of(ghost, 9L)));
        two.advance(10);
        assertThat(two.last(client, OffsetCommitResponse.class).errors())
                .containsExactly(Map.entry(ghost, Errors.UNKNOWN_TOPIC_OR_PARTITION));
    }

    @Test
    void aGroupThatDoesNotExistHasNoOffsetsRatherThanAnError() {
        h.send("c1", new OffsetFetchRequest(h.correlationId(), "nobody", List.of(P0)));

        OffsetFetchResponse response = h.last(c1, OffsetFetchResponse.class);
        assertThat(response.error()).isEqualTo(Errors.NONE);
        assertThat(response.offsets()).containsEntry(P0, -1L);
    }

    @Test
    void aCommitCountsAsAHeartbeatInAStableGroup() {
        List<String> ids = h.formStableGroup(c1);
        for (int i = 0; i < 6; i++) {
            h.advance(2_990);
            commit(c1, 1, ids.get(0), Map.of(P0, (long) i));
        }

        assertThat(h.group().hasMember(ids.get(0))).isTrue();
        assertThat(h.events("HeartbeatExpiration")).isEmpty();
    }
}
