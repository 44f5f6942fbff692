package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.Scheduled;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Disconnected;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network-partition lesson: C2 is cut off from broker 1, its coordinator, from 20 s to 45 s. Every request it
 * sends there meanwhile, and every answer coming back, is lost; the client only learns of it request.timeout.ms
 * later as a Disconnected (if it has not dropped the request before). Each loss is an event of its own, so the log
 * shows the heartbeats that went missing before the coordinator removed C2.
 */
class LostRequestsScenarioTest {

    private static final String CUT = "C2";
    private static final String BROKER = "broker-1";
    /** Past the last lost request's request.timeout.ms (45 s + 30 s), so every Disconnected scheduled comes due. */
    private static final long END = 80_000;
    private static final Set<String> LOST = Set.of("RequestLost", "ResponseLost");

    private static Simulation run;
    /** The Disconnected deliveries the cut scheduled for C2, by correlation id: when each came due. */
    private static final Map<Long, Long> disconnectsDue = new TreeMap<>();
    private static long cutAt;
    private static long healedAt;

    @BeforeAll
    static void runTheLessonWatchingEveryTask() {
        run = simulation();
        while (run.current().peek() != null && run.current().peek().time() <= END) {
            run.step();
            Scheduled done = run.current().lastProcessed();
            // What the model scheduled, whether or not the client still waited for it when it came due.
            if (done.task() instanceof Deliver deliver && deliver.target().equals(CUT)
                    && deliver.message() instanceof Disconnected disconnected && disconnected.broker() == 1) {
                disconnectsDue.put(disconnected.correlationId(), done.time());
            }
        }
        cutAt = only("NetworkPartition").time();
        healedAt = only("NetworkHealed").time();
    }

    @Test
    void everyMessageTheCutSwallowedIsALostEventDueWhenItsDisconnectedWas() {
        Map<Long, Long> lostDue = new TreeMap<>();
        lost().forEach(event -> lostDue.put(((Number) event.fields().get("correlationId")).longValue(),
                ((Number) event.fields().get("timeoutAt")).longValue()));

        assertThat(disconnectsDue).as("the lesson loses heartbeats and commits").hasSizeGreaterThan(5);
        assertThat(lostDue).isEqualTo(disconnectsDue);
        assertThat(lost()).extracting(SimEvent::type).contains("RequestLost", "ResponseLost");
        assertThat(lost()).filteredOn(event -> event.type().equals("RequestLost"))
                .extracting(event -> event.fields().get("api")).contains("Heartbeat", "OffsetCommit");
    }

    @Test
    void lostMessagesHappenOnlyDuringTheCutOnlyToTheCutBroker() {
        assertThat(run.log()).filteredOn(event -> LOST.contains(event.type())).isNotEmpty()
                .allSatisfy(event -> {
                    assertThat(event.actor()).isEqualTo(CUT);
                    assertThat(event.peer()).isEqualTo(BROKER);
                    assertThat(event.time()).isBetween(cutAt, healedAt - 1);
                });
    }

    /**
     * Independent of the lost events' own bookkeeping: C2 numbers its requests 0, 1, 2…, so every number up to the
     * last one sent is either a request some broker received or a lost request, and a request broker 1 received was
     * sent outside the cut.
     */
    @Test
    void everyRequestC2SentEitherArrivedOrIsRecordedLost() {
        TreeMap<Long, SimEvent> arrived = new TreeMap<>();
        for (SimEvent event : run.log()) {
            if (event.kind() == EventKind.REQUEST && CUT.equals(event.peer())
                    && event.fields().get("correlationId") instanceof Number id && event.time() <= END - 5_000) {
                arrived.putIfAbsent(id.longValue(), event);
            }
        }
        TreeSet<Long> lostRequests = new TreeSet<>();
        lost().stream().filter(event -> event.type().equals("RequestLost"))
                .forEach(event -> lostRequests.add(((Number) event.fields().get("correlationId")).longValue()));
        long last = Math.max(arrived.lastKey(), lostRequests.last());

        assertThat(lostRequests).doesNotContainAnyElementsOf(arrived.keySet());
        for (long id = 0; id <= last; id++) {
            assertThat(arrived.containsKey(id) || lostRequests.contains(id)).as("request %d of C2", id).isTrue();
        }
        assertThat(arrived.values()).filteredOn(event -> event.actor().equals(BROKER))
                .allSatisfy(event -> {
                    long sentAt = ((Number) event.fields().get("sentAt")).longValue();
                    assertThat(sentAt < cutAt || sentAt >= healedAt).as("sent at %d", sentAt).isTrue();
                });
    }

    @Test
    void aLearnerStepsToEveryLostCommitButOnlyToTheFirstLostHeartbeatOfTheCut() {
        List<SimEvent> stepped = lost().stream().filter(LearnerFilter.INSTANCE).toList();

        assertThat(stepped).filteredOn(event -> event.fields().get("api").equals("Heartbeat")).hasSize(1)
                .allSatisfy(event -> assertThat(event.fields()).containsEntry("lostInCut", 1));
        assertThat(stepped.stream().filter(event -> event.fields().get("api").equals("OffsetCommit")).count())
                .isEqualTo(lost().stream().filter(event -> event.fields().get("api").equals("OffsetCommit"))
                        .count()).isPositive();
        assertThat(lost().stream().filter(event -> event.fields().get("api").equals("Heartbeat")).count())
                .as("the diagram still has every lost heartbeat").isGreaterThan(1);
    }

    @Test
    void eachLossIsExplainedInBothLanguages() {
        SimEvent heartbeat = lost().stream().filter(event -> event.fields().get("api").equals("Heartbeat"))
                .findFirst().orElseThrow();
        SimEvent answer = lost().stream().filter(event -> event.type().equals("ResponseLost")).findFirst()
                .orElseThrow();

        assertThat(Messages.english().format(heartbeat.ruleKey(), heartbeat.ruleArgs()))
                .startsWith("C2's Heartbeat request to broker 1 is lost: the network between them is cut")
                .contains("request.timeout.ms = 30,000 ms");
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).format(heartbeat.ruleKey(), heartbeat.ruleArgs()))
                .startsWith("C2 发给 broker 1 的 Heartbeat 请求丢失了").contains("request.timeout.ms = 30,000 ms");
        assertThat(Messages.english().format(answer.ruleKey(), answer.ruleArgs()))
                .startsWith("Broker 1's answer to C2's");
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).format(answer.ruleKey(), answer.ruleArgs()))
                .startsWith("broker 1 对 C2 的");
    }

    @Test
    void theSameLessonGivesTheSameTrace() {
        Simulation again = simulation();
        again.runUntil(END);

        assertThat(again.log()).isEqualTo(run.log());
    }

    @Test
    void asTheLessonSaysTheCutConsumerStillProcessesThePartitionItsOtherBrokerLeadsAndNotTheCutOnes() {
        // Read from the model: C2's two partitions and their leaders when the cut begins.
        ClusterActorView cluster = ScenarioRun.clusterAt(run.stateAtTime(cutAt));
        Set<String> owned = ((ConsumerView) run.stateAtTime(cutAt).actors()
                .get(CUT).view()).positions().keySet().stream().map(Object::toString)
                .collect(Collectors.toSet());
        Set<String> ledByCut = new TreeSet<>();
        cluster.cluster().topics().get("events").forEach(p -> {
            if (p.leader() == 1) {
                ledByCut.add("events-" + p.partition());
            }
        });
        Set<String> processedDuringCut = new TreeSet<>();
        run.log().stream().filter(event -> event.type().equals("ProcessRecords") && CUT.equals(event.actor())
                        && event.time() > cutAt + 1_000 && event.time() < healedAt)
                .forEach(event -> processedDuringCut.addAll(((Map<?, ?>) event.fields().get("partitions")).keySet()
                        .stream().map(Object::toString).toList()));

        assertThat(owned).containsExactlyInAnyOrder("events-2", "events-3");
        assertThat(ledByCut).contains("events-3").doesNotContain("events-2");
        assertThat(processedDuringCut).containsExactly("events-2");
    }

    private static Simulation simulation() {
        return ScenarioWorld.simulation(ScenarioReader.read(Path.of("lessons/scenarios/network-partition.json")));
    }

    private static List<SimEvent> lost() {
        List<SimEvent> lost = new ArrayList<>();
        run.log().forEach(event -> {
            if (LOST.contains(event.type()) && CUT.equals(event.actor())) {
                lost.add(event);
            }
        });
        return lost;
    }

    private static SimEvent only(String type) {
        List<SimEvent> found = run.log().stream().filter(event -> event.type().equals(type)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
