package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.sim.engine.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client faults the consumer and partition menus offer, each performed through the one command path: the
 * event the model records for it is there after t, and the fork is a branch that undo leaves.
 */
class FaultOffersTest {

    private static final String SCENARIO = """
            {"name": "faults", "seed": 3, "durationMs": 120000,
             "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "orders", "partitions": 4}, {"name": "audit", "partitions": 1}],
             "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 40}],
             "consumers": [
               {"id": "W1", "process": "app", "groupId": "g", "topics": ["orders"],
                "settings": {"enable.auto.commit": false, "session.timeout.ms": 10000},
                "commitPolicy": {"type": "syncAfterBatch"}, "processingMsPerRecord": 5,
                "workers": {"count": 2, "ordering": "unordered"}},
               {"id": "W2", "process": "app", "groupId": "g", "topics": ["orders"],
                "settings": {"enable.auto.commit": false}, "commitPolicy": {"type": "syncAfterBatch"}},
               {"id": "C3", "groupId": "g", "topics": ["orders"]}
             ]}
            """;

    private PlaygroundViewModel viewModel;

    @BeforeEach
    void setUp() {
        viewModel = new PlaygroundViewModel(ScenarioReader.read("faults.json", SCENARIO), Runnable::run,
                Runnable::run);
        viewModel.scrubTo(20_000);
    }

    @Test
    void aRunningPoolConsumerInASharedProcessIsOfferedEveryFault() {
        assertThat(idsFor("W1")).containsExactly("cutOffConsumer-W1-5", "cutOffConsumer-W1-15",
                "failCommits-W1-3-COORDINATOR_LOAD_IN_PROGRESS", "delayCommits-W1-3-10", "slowWorker-W1-1-30-10",
                "crashProcess-app", "restartProcess-app");
        assertThat(enabled("W1")).containsExactly(true, true, true, true, true, true, false);
    }

    @Test
    void aConsumerWithoutPoolOrSharedProcessGetsNeitherASlowWorkerNorProcessEntries() {
        assertThat(idsFor("C3")).containsExactly("cutOffConsumer-C3-5", "cutOffConsumer-C3-50",
                "failCommits-C3-3-COORDINATOR_LOAD_IN_PROGRESS", "delayCommits-C3-3-10");
    }

    @Test
    void cuttingAConsumerOffPastItsSessionGetsItRemovedFromTheGroup() {
        perform("W1", "cutOffConsumer-W1-15");

        assertThat(eventsAfter(20_000, "W1", "NetworkPartition")).hasSize(1);
        assertThat(viewModel.branchesProperty().get()).hasSize(2);
        viewModel.scrubTo(45_000);
        assertThat(eventTypesAfter(20_000)).contains("MemberRemoved");
    }

    @Test
    void failedAndDelayedCommitsAreRecordedFaults() {
        perform("W1", "failCommits-W1-3-COORDINATOR_LOAD_IN_PROGRESS");
        assertThat(eventsAfter(20_000, "W1", "FailCommits")).hasSize(1);

        viewModel.undo();
        perform("W2", "delayCommits-W2-3-10");
        assertThat(eventsAfter(20_000, "W2", "DelayCommits")).hasSize(1);
    }

    @Test
    void aSlowWorkerIsARecordedFault() {
        perform("W1", "slowWorker-W1-1-30-10");

        assertThat(eventsAfter(20_000, "W1", "SlowWorker")).hasSize(1);
    }

    @Test
    void crashingTheProcessCrashesEveryConsumerInItAtOnceAndRestartBringsThemBack() {
        perform("W2", "crashProcess-app");
        viewModel.scrubTo(20_001);
        assertThat(eventsAfter(20_000, "W1", "CrashConsumer")).hasSize(1);
        assertThat(eventsAfter(20_000, "W2", "CrashConsumer")).hasSize(1);
        assertThat(eventsAfter(20_000, "C3", "CrashConsumer")).isEmpty();
        assertThat(enabled("W1")).endsWith(false, true);

        perform("W1", "restartProcess-app");
        assertThat(eventsAfter(20_001, "W1", "RestartConsumer")).hasSize(1);
        assertThat(eventsAfter(20_001, "W2", "RestartConsumer")).hasSize(1);
    }

    @Test
    void deletingATopicIsOfferedOnItsPartitionsAndRecorded() {
        CommandChecks.Offer delete = FaultOffers.deleteTopic("audit", viewModel.scenarioConsumers());
        assertThat(EntityMenus.idOf(delete.command())).isEqualTo("deleteTopic-audit");

        viewModel.perform(delete.command());

        assertThat(eventsAfter(20_000, null, "TopicDeleted")).hasSize(1);
    }

    private void perform(String consumer, String id) {
        CommandChecks.Offer offer = offers(consumer).stream()
                .filter(o -> EntityMenus.idOf(o.command()).equals(id)).findFirst().orElseThrow();
        assertThat(offer.enabled()).isTrue();
        viewModel.perform(offer.command());
    }

    private List<CommandChecks.Offer> offers(String consumer) {
        PlaygroundFrame frame = viewModel.getFrame();
        PlaygroundFrame.ConsumerRow row = frame.consumer(consumer).orElseThrow();
        int session = frame.details().consumer(consumer).orElseThrow().settings().sessionTimeoutMs();
        return FaultOffers.forConsumer(frame, row, session, viewModel.scenarioConsumers());
    }

    private List<String> idsFor(String consumer) {
        return offers(consumer).stream().map(o -> EntityMenus.idOf(o.command())).toList();
    }

    private List<Boolean> enabled(String consumer) {
        return offers(consumer).stream().map(CommandChecks.Offer::enabled).toList();
    }

    private List<SimEvent> eventsAfter(long time, String actor, String type) {
        return events().stream().filter(e -> e.time() >= time && e.type().equals(type)
                && (actor == null || actor.equals(e.actor()))).toList();
    }

    private List<String> eventTypesAfter(long time) {
        return events().stream().filter(e -> e.time() >= time).map(SimEvent::type).toList();
    }

    private List<SimEvent> events() {
        AtomicReference<List<SimEvent>> log = new AtomicReference<>();
        viewModel.query(simulation -> new ArrayList<>(simulation.log()), log::set);
        return Optional.ofNullable(log.get()).orElseThrow();
    }
}
