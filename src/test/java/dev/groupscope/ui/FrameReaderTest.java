package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.ui.FrameDetails.GroupOnPartition;
import dev.groupscope.ui.PlaygroundFrame.ConsumerRow;
import dev.groupscope.ui.PlaygroundFrame.PartitionRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two groups read the same topic (billing: B1; shipping: S1, S2). Each group's frame shows that group alone: its
 * consumers, owners among its members, its own committed offsets and its own coordinator.
 */
class FrameReaderTest {

    private static final long AT = 20_000;
    private static Scenario scenario;
    private static World world;

    @BeforeAll
    static void run() {
        scenario = ScenarioReader.read(Path.of("lessons/scenarios/two-groups-one-topic.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(AT);
        world = simulation.stateAtTime(AT);
    }

    private static PlaygroundFrame frameOf(String group) {
        return FrameReader.of(scenario, group).read(AT, world, Optional.empty(), List.of());
    }

    @Test
    void eachGroupsPanelListsOnlyItsOwnConsumers() {
        PlaygroundFrame billing = frameOf("billing");
        PlaygroundFrame shipping = frameOf("shipping");

        assertThat(billing.group().groupId()).isEqualTo("billing");
        assertThat(billing.consumers()).extracting(ConsumerRow::clientId).containsExactly("B1");
        assertThat(shipping.group().groupId()).isEqualTo("shipping");
        assertThat(shipping.consumers()).extracting(ConsumerRow::clientId).containsExactly("S1", "S2");
        // The group's leader is one of its own members.
        assertThat(billing.group().leader()).isEqualTo("B1");
        assertThat(shipping.group().leader()).isIn("S1", "S2");
    }

    @Test
    void everyPartitionIsOwnedByAMemberOfTheGroupShownAtThatMembersPosition() {
        PlaygroundFrame billing = frameOf("billing");
        PlaygroundFrame shipping = frameOf("shipping");

        // billing's one consumer owns all four partitions; shipping splits them between its two.
        assertThat(billing.partitions()).extracting(PartitionRow::owner).containsOnly("B1").hasSize(4);
        assertThat(shipping.partitions()).extracting(PartitionRow::owner).containsOnly("S1", "S2")
                .contains("S1", "S2").hasSize(4);
        for (PlaygroundFrame frame : List.of(billing, shipping)) {
            for (PartitionRow row : frame.partitions()) {
                assertThat(frame.consumer(row.owner()).orElseThrow().assigned()).contains(row.name());
                GroupOnPartition truth = detail(frame, row.name(), frame.group().groupId());
                assertThat(row.owner()).isEqualTo(truth.owner());
                assertThat(row.position()).isEqualTo(truth.position()).isNotNull();
            }
        }
    }

    @Test
    void eachGroupShowsItsOwnCommittedOffsetsAndItsOwnCoordinator() {
        for (String group : List.of("billing", "shipping")) {
            PlaygroundFrame frame = frameOf(group);
            for (PartitionRow row : frame.partitions()) {
                assertThat(row.committed()).as(group + " " + row.name())
                        .isEqualTo(detail(frame, row.name(), group).committed()).isNotNull();
            }
            assertThat(frame.group().coordinatorBroker()).isPositive();
            assertThat(frame.brokers()).filteredOn(PlaygroundFrame.BrokerRow::coordinator)
                    .extracting(PlaygroundFrame.BrokerRow::id).containsExactly(frame.group().coordinatorBroker());
        }
        // Each group commits on its own: at 20 s their committed offsets are not the same ones.
        assertThat(frameOf("billing").partitions()).extracting(PartitionRow::committed)
                .isNotEqualTo(frameOf("shipping").partitions().stream().map(PartitionRow::committed).toList());
        assertThat(frameOf("billing").group().offsetsPartition())
                .isNotEqualTo(frameOf("shipping").group().offsetsPartition());
    }

    @Test
    void aConsumerKeepsItsColourWhicheverGroupIsShownAndSparesAreTheGroupsOwn() {
        assertThat(frameOf("billing").consumers()).extracting(ConsumerRow::slot).containsExactly(0);
        assertThat(frameOf("shipping").consumers()).extracting(ConsumerRow::slot).containsExactly(1, 2);
        assertThat(frameOf("shipping").partitions()).extracting(PartitionRow::ownerSlot).containsOnly(1, 2);
        assertThat(frameOf("billing").spares()).isEmpty();
    }

    /** Read straight from the actors, a frame says what the model's own views of them say. */
    @Test
    void theFrameSaysWhatTheModelsViewsSay() {
        Map<String, Object> views = world.views();
        ClusterActorView cluster = (ClusterActorView) views.get("cluster");
        for (String group : List.of("billing", "shipping")) {
            PlaygroundFrame frame = frameOf(group);
            ShardView shard = cluster.coordinators().values().stream()
                    .filter(s -> s.groups().containsKey(group)).findFirst().orElseThrow();
            GroupView groupView = shard.groups().get(group);
            assertThat(frame.group().state()).isEqualTo(groupView.state());
            assertThat(frame.group().generation()).isEqualTo(groupView.generationId());
            for (ConsumerRow row : frame.consumers()) {
                ConsumerView view = (ConsumerView) views.get(row.clientId());
                assertThat(row.state()).isEqualTo(view.state().name());
                assertThat(row.generation()).isEqualTo(view.generation());
                assertThat(row.leader()).isEqualTo(view.leader());
                assertThat(row.assigned()).isEqualTo(view.assigned());
                assertThat(frame.details().consumer(row.clientId()).orElseThrow().memberId())
                        .isEqualTo(view.memberId()).isNotEmpty();
            }
            for (PartitionRow row : frame.partitions()) {
                ConsumerView owner = (ConsumerView) views.get(row.owner());
                assertThat(row.position()).isEqualTo(((Number) owner.positions().get(row.name())).longValue());
                assertThat(row.committed()).isEqualTo(shard.committedOffsets().get(group)
                        .get(new TopicPartition(row.topic(), row.partition())));
                assertThat(row.logEndOffset()).isEqualTo(cluster.cluster().topics().get(row.topic())
                        .get(row.partition()).logEndOffset());
            }
        }
    }

    @Test
    void beforeAnyMemberHasReachedItAGroupsCoordinatorIsTheLeaderOfThePartitionItsIdHashesTo() {
        Scenario playground = PlaygroundViewModel.readPlayground();
        World start = ScenarioWorld.simulation(playground).stateAtTime(0);
        ClusterActorView cluster = (ClusterActorView) start.actors().get("cluster").view();
        int partition = GroupCoordinatorPartitioning.partitionFor("orders-app",
                cluster.cluster().topics().get("__consumer_offsets").size()).partition();

        PlaygroundFrame frame = FrameReader.of(playground, "orders-app").read(0, start, Optional.empty(), List.of());

        assertThat(cluster.coordinators().values()).as("no shard holds the group yet")
                .noneMatch(shard -> shard.groups().containsKey("orders-app"));
        assertThat(frame.group().state()).isEqualTo("Unknown");
        assertThat(frame.group().offsetsPartition()).isEqualTo(partition);
        assertThat(frame.group().coordinatorBroker())
                .isEqualTo(cluster.cluster().leaderOf("__consumer_offsets", partition)).isPositive();
    }

    @Test
    void aZombieKeepsItsOldPartitionsButEachRowShowsTheOwnerOfTheNewestGeneration() {
        // C2 is cut off from its coordinator at 20 s; 10 s later the group hands its partitions to C1 and C3.
        Scenario partitioned = ScenarioReader.read(Path.of("lessons/scenarios/network-partition.json"));
        Simulation simulation = ScenarioWorld.simulation(partitioned);
        simulation.runUntil(32_000);
        PlaygroundFrame frame = FrameReader.of(partitioned, "stream")
                .read(32_000, simulation.stateAtTime(32_000), Optional.empty(), List.of());

        ConsumerRow zombie = frame.consumer("C2").orElseThrow();
        assertThat(zombie.generation()).isLessThan(frame.group().generation());
        assertThat(zombie.assigned()).as("what the zombie still believes it owns").isNotEmpty();
        for (String name : zombie.assigned()) {
            PartitionRow row = frame.partitions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            ConsumerRow owner = frame.consumer(row.owner()).orElseThrow();
            assertThat(row.owner()).as(name).isNotEqualTo("C2");
            assertThat(owner.generation()).isEqualTo(frame.group().generation());
            assertThat(owner.assigned()).contains(name);
        }
    }

    @Test
    void aConsumerThatLeftTheGroupIsNoLongerMarkedItsLeader() {
        // C1 led the group until it unsubscribed at 35 s; at 45 s it reads orders-0 by assign(), outside the group.
        Scenario changing = ScenarioReader.read(Path.of("lessons/scenarios/subscription-change.json"));
        Simulation simulation = ScenarioWorld.simulation(changing);
        simulation.runUntil(47_000);
        World later = simulation.stateAtTime(47_000);
        PlaygroundFrame frame = FrameReader.of(changing, "shop").read(47_000, later, Optional.empty(), List.of());

        assertThat(((ConsumerView) later.actors().get("C1").view()).leader())
                .as("kafka-clients clears its leader flag only when it next prepares to join").isTrue();
        assertThat(frame.consumer("C1").orElseThrow().leader()).isFalse();
        assertThat(frame.consumers()).filteredOn(ConsumerRow::leader).extracting(ConsumerRow::clientId)
                .containsExactly(frame.group().leader());
    }

    /** The group's owner and offsets on a partition as the frame's details read them for every group at once. */
    private static GroupOnPartition detail(PlaygroundFrame frame, String partition, String group) {
        return frame.details().partition(partition).orElseThrow().groups().stream()
                .filter(g -> g.groupId().equals(group)).findFirst().orElseThrow();
    }
}
