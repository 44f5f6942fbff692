package dev.groupscope.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which group an event is about, decided over real runs of lessons with several groups: two-groups-one-topic
 * (billing: B1; shipping: S1, S2, each group with its own coordinator) and close-during-failover (payments, reports;
 * the brokers coordinating both stop at 20 s).
 */
class EventGroupsTest {

    private static Run run(String lesson, long until) {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/" + lesson + ".json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(until);
        return new Run(scenario, simulation, new EventGroups(scenario.groupOfClient(),
                BrokerSettings.from(scenario.cluster().brokerSettings()).offsetsTopicNumPartitions()));
    }

    private record Run(Scenario scenario, Simulation simulation, EventGroups groups) {
        SimEvent first(Predicate<SimEvent> which) {
            return simulation.log().stream().filter(which).findFirst().orElseThrow();
        }

        List<SimEvent> all(Predicate<SimEvent> which) {
            return simulation.log().stream().filter(which).toList();
        }
    }

    private static Predicate<SimEvent> type(String type) {
        return event -> event.type().equals(type);
    }

    @Test
    void aConsumerAddedWhileTheRunGoesOnIsItsGroupsByItsIdAndItsAddEvent() {
        Run run = run("two-groups-one-topic", 10_000);
        Simulation added = run.simulation().fork(5_000, ScenarioWorld.tasks(new Scenario.ActionSpec(5_000,
                dev.groupscope.scenario.ActionType.ADD_CONSUMER, "shipping", java.util.Map.of(), "ui"),
                run.scenario().consumers()).get(0));
        added.runUntil(10_000);

        List<SimEvent> s3 = added.log().stream().filter(e -> "S3".equals(e.actor()) || "S3".equals(e.peer()))
                .toList();
        assertThat(s3).isNotEmpty().first().satisfies(e -> assertThat(e.type()).isEqualTo("AddConsumer"));
        // S3 is named after S1 and S2, shipping's only: every one of its events, and every request it sends, is
        // shipping's; none is billing's.
        assertThat(s3).allSatisfy(e -> assertThat(run.groups().of(e)).containsExactly("shipping"));
        assertThat(s3).noneMatch(e -> run.groups().shows(e, "billing"));
    }

    @Test
    void anUnknownClientNamedLikeTwoGroupsIsNoGroupsInParticular() {
        EventGroups groups = new EventGroups(java.util.Map.of("C1", "a", "C2", "b"));
        SimEvent poll = new SimEvent(0, 0, 0, EventKind.CLIENT, "Poll", "C3", null, java.util.Map.of(), null,
                java.util.Map.of());

        assertThat(groups.of(poll)).isEmpty();
        assertThat(new EventGroups(java.util.Map.of("C1", "a", "D1", "b")).of(poll)).containsExactly("a");
    }

    @Test
    void aConsumersRequestsAndAnswersAreItsGroups() {
        Run run = run("two-groups-one-topic", 10_000);

        SimEvent billingJoin = run.first(type("JoinGroupRequest").and(e -> "B1".equals(e.peer())));
        SimEvent shippingAnswer = run.first(type("JoinGroupResponse").and(e -> "S2".equals(e.actor())));
        SimEvent shippingPoll = run.first(type("Poll").and(e -> "S1".equals(e.actor())));

        assertThat(run.groups().of(billingJoin)).containsExactly("billing");
        assertThat(run.groups().of(shippingAnswer)).containsExactly("shipping");
        assertThat(run.groups().of(shippingPoll)).containsExactly("shipping");
        assertThat(run.groups().shows(billingJoin, "shipping")).isFalse();
        assertThat(run.groups().shows(shippingAnswer, "billing")).isFalse();
    }

    @Test
    void theCoordinatorsNotesAndRecordsAreTheGroupsTheyName() {
        Run run = run("two-groups-one-topic", 10_000);

        SimEvent stable = run.first(type("GroupStateChange").and(e -> e.actor().equals("group:shipping")));
        SimEvent commitRecord = run.first(type("OffsetCommitRecord").and(e -> "billing".equals(e.fields().get("groupId"))));

        assertThat(run.groups().of(stable)).containsExactly("shipping");
        assertThat(commitRecord.actor()).startsWith("broker-");
        assertThat(run.groups().of(commitRecord)).containsExactly("billing");
    }

    @Test
    void aProducersEventsAreAboutNoGroupAndShownToEvery() {
        Run run = run("two-groups-one-topic", 21_000);

        for (String type : List.of("StartProducer", "Send", "Produce", "StopProducer")) {
            SimEvent event = run.first(type(type));
            assertThat(run.groups().of(event)).as(type).isEmpty();
            assertThat(run.groups().shows(event, "billing")).as(type).isTrue();
            assertThat(run.groups().shows(event, "shipping")).as(type).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBrokerStoppingIsEveryGroupsButAnOffsetsPartitionMovingIsTheGroupsItHolds() {
        Run run = run("close-during-failover", 22_000);

        SimEvent stopped = run.first(type("BrokerStopped"));
        List<SimEvent> loaded = run.all(type("CoordinatorLoaded"));

        assertThat(run.groups().of(stopped)).isEmpty();
        assertThat(loaded).isNotEmpty();
        for (SimEvent event : loaded) {
            List<String> groups = (List<String>) event.fields().get("groups");
            assertThat(run.groups().of(event)).containsExactlyInAnyOrderElementsOf(groups);
        }
        SimEvent payments = loaded.stream().filter(e -> e.fields().get("groups").equals(List.of("payments")))
                .findFirst().orElseThrow();
        assertThat(run.groups().shows(payments, "payments")).isTrue();
        assertThat(run.groups().shows(payments, "reports")).isFalse();
        // A new leader of such an offsets partition is elected for the groups it holds; of any other, for none.
        java.util.Map<String, Set<String>> held = new java.util.HashMap<>();
        loaded.forEach(event -> held.put("__consumer_offsets-" + event.fields().get("partition"),
                Set.copyOf((List<String>) event.fields().get("groups"))));
        for (SimEvent elected : run.all(type("LeaderChange"))) {
            String partition = String.valueOf(elected.fields().get("topicPartition"));
            assertThat(run.groups().of(elected)).as(partition).isEqualTo(held.getOrDefault(partition, Set.of()));
        }
    }

    /**
     * Broker 2 stops at 15 s and comes back to lead again at 40 s: each time seventeen __consumer_offsets partitions
     * change leader in the same millisecond as payments' own (13). Those hold no group of the run: payments' view
     * (its explanation, its stepping, its timeline marks) leaves them out and keeps its own and the topic's.
     */
    @Test
    void aLeaderElectedForAnOffsetsPartitionOfNoGroupOfTheRunIsNotShownToItsGroups() {
        Run run = run("coordinator-comes-home", 41_000);

        for (long moment : List.of(15_000L, 40_000L)) {
            List<SimEvent> elected = run.all(type("LeaderChange").and(event -> event.time() == moment));
            assertThat(elected).as("at %d", moment).hasSizeGreaterThan(10);
            assertThat(elected).filteredOn(event -> run.groups().shows(event, "payments"))
                    .extracting(event -> event.fields().get("topicPartition")).as("at %d", moment)
                    .containsExactly("__consumer_offsets-13", "transfers-1");
        }
    }

    /**
     * The log cleaner's event names the records it removed, not the groups: a compaction is about the groups whose
     * __consumer_offsets partition it compacted (billing's and shipping's are different ones), as the records say;
     * shipping's view leaves out the compaction of billing's partition.
     */
    @Test
    void aCompactionOfAnOffsetsPartitionIsAboutTheGroupsWhoseRecordsItHolds() {
        Run run = run("two-groups-one-topic", 30_000);
        List<SimEvent> compactions = run.all(type("LogCompaction"));
        assertThat(compactions).isNotEmpty();

        Set<String> compacted = new HashSet<>();
        for (SimEvent compaction : compactions) {
            Set<String> named = new java.util.TreeSet<>();
            for (Object removed : (List<?>) compaction.fields().get("removed")) {
                // "0 GroupMetadata(billing)", "2 OffsetCommit(billing, orders-0)"
                String record = String.valueOf(removed);
                named.add(record.substring(record.indexOf('(') + 1).split("[,)]")[0]);
            }
            assertThat(run.groups().of(compaction)).as("%s", compaction.fields().get("partition"))
                    .containsExactlyElementsOf(named);
            compacted.addAll(named);
        }
        assertThat(compacted).contains("billing");
        SimEvent billings = compactions.stream().filter(e -> run.groups().of(e).equals(Set.of("billing")))
                .findFirst().orElseThrow();
        assertThat(run.groups().shows(billings, "shipping")).isFalse();
    }

    /** A group request names its group itself: the client-to-group map must agree with it for every request. */
    @ParameterizedTest
    @ValueSource(strings = {"two-groups-one-topic", "close-during-failover", "commit-on-revoke", "offset-reset-none",
            "fetch-min-bytes", "pattern-new-topic", "two-threading-schemes"})
    void everyGroupRequestIsAboutTheGroupItNamesAndNoEventInventsAGroup(String lesson) {
        Run run = run(lesson, 30_000);
        Set<String> scenarioGroups = new HashSet<>(run.scenario().groupOfClient().values());
        int requests = 0;
        for (SimEvent event : run.simulation().log()) {
            Set<String> about = run.groups().of(event);
            assertThat(scenarioGroups).as("%s", event).containsAll(about);
            if (event.kind() == EventKind.REQUEST && event.fields().get("groupId") instanceof String named) {
                assertThat(about).as("%s", event).containsExactly(named);
                requests++;
            }
        }
        assertThat(requests).isGreaterThan(0);
    }

    /**
     * The timeline's marks (the metrics recorder in the model) and the views using this class leave out the same
     * events for a group: a fault, an action or a stored commit is on a group's timeline exactly when this class
     * shows it to that group.
     */
    @ParameterizedTest
    @ValueSource(strings = {"two-groups-one-topic", "close-during-failover"})
    void agreesWithTheTimelinesMarksOfEachGroup(String lesson) {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/" + lesson + ".json"));
        List<String> groupIds = scenario.groupOfClient().values().stream().distinct().toList();
        Simulation simulation = ScenarioWorld.simulation(scenario);
        MetricsRecorder recorder = new MetricsRecorder(groupIds, scenario.groupOfClient(), 1_000);
        recorder.runUntil(simulation, 30_000);
        EventGroups groups = new EventGroups(scenario.groupOfClient());
        for (String group : groupIds) {
            List<Long> marked = recorder.marks(group).stream().flatMap(mark -> mark.event().stream())
                    .map(SimEvent::seq).sorted().toList();
            // The events the timeline marks at all (a fault, an action, an answered commit), as MetricsRecorder does.
            List<Long> shown = simulation.log().stream().filter(event -> event.kind() == EventKind.FAULT
                            || event.kind() == EventKind.ACTION || event.type().equals("OffsetCommitResponse"))
                    .filter(event -> groups.shows(event, group)).map(SimEvent::seq).toList();
            assertThat(marked).as(group).isNotEmpty().isEqualTo(shown);
        }
    }
}
