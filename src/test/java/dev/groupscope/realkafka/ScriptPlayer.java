package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Plays one script, step by step, on the calling thread; members run on their own threads. */
final class ScriptPlayer {

    private final ScriptedGroupRun run;
    private final GroupProbe probe;
    private final Timeline timeline = new Timeline();
    private final Map<String, MemberThread> members = new LinkedHashMap<>();
    private final SortedMap<TopicPartition, Long> endOffsets = new TreeMap<>();
    private final List<StepTiming> steps = new ArrayList<>();
    private int produced;

    ScriptPlayer(ScriptedGroupRun run, GroupProbe probe) {
        this.run = run;
        this.probe = probe;
    }

    RunLog play(GroupScript script) {
        int index = 0;
        try {
            for (Step step : script.steps()) {
                playTimed(step);
                index++;
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("step " + index + " " + script.steps().get(index) + " failed: " + e.getMessage()
                    + "\nobservations so far:\n" + describeTimeline(), e);
        } finally {
            members.values().forEach(MemberThread::silence);
            members.values().forEach(MemberThread::stop);
        }
        return log();
    }

    private void playTimed(Step step) {
        long started = timeline.elapsedMs();
        int firstObservation = timeline.size();
        perform(step);
        checkNoMemberFailed();
        steps.add(new StepTiming(step, started, timeline.elapsedMs(), firstObservation));
    }

    private void perform(Step step) {
        if (step instanceof Step.Start start) {
            start(start.member());
        } else if (step instanceof Step.AwaitStable await) {
            awaitStable(await.members());
        } else if (step instanceof Step.Leave leave) {
            member(leave.member()).leave();
        } else if (step instanceof Step.Close close) {
            member(close.member()).close();
        } else if (step instanceof Step.Crash crash) {
            member(crash.member()).crash();
        } else if (step instanceof Step.Produce produce) {
            produce(produce.records());
        } else if (step instanceof Step.AwaitProcessed) {
            awaitProcessed();
        } else if (step instanceof Step.Commit commit) {
            member(commit.member()).commit();
        } else if (step instanceof Step.StopCoordinator) {
            run.stopCoordinator();
        } else if (step instanceof Step.AddPartitions grow) {
            run.addPartitions(grow.partitions());
            probe.grownTo(grow.partitions());
        } else if (step instanceof Step.Pause pause) {
            Bounded.sleep(pause.millis());
        } else if (step instanceof Step.Stall stall) {
            member(stall.member()).stall(stall.durationMs());
        } else {
            throw new IllegalArgumentException("no way to play " + step);
        }
    }

    private void start(String member) {
        if (members.containsKey(member)) {
            throw new IllegalArgumentException(member + " was already started in this run");
        }
        MemberThread thread = new MemberThread(member, run.consumerConfig(member), run.topic(),
                new MemberRecorder(member, timeline));
        members.put(member, thread);
        thread.start();
    }

    private void awaitStable(int count) {
        Bounded.await("the group is stable with " + count + " member(s)", run.stepTimeout(),
                () -> {
                    checkNoMemberFailed();
                    return probe.isStable(count, memberLogs(), liveMembers());
                },
                () -> probe.diagnostics(memberLogs()));
    }

    private void produce(int records) {
        KeyedProducer.produce(run.bootstrapServers(), run.topic(), produced, records)
                .forEach((partition, end) -> endOffsets.merge(partition, end, Math::max));
        produced += records;
    }

    /** Every record produced so far has been processed by a member that is still live. */
    private void awaitProcessed() {
        Bounded.await("live members have processed all " + produced + " records", run.stepTimeout(),
                () -> {
                    checkNoMemberFailed();
                    return unprocessed().isEmpty();
                },
                () -> "end offsets " + endOffsets + ", not yet processed up to them: " + unprocessed());
    }

    private Set<TopicPartition> unprocessed() {
        Map<TopicPartition, Long> highest = new TreeMap<>();
        for (String member : liveMembers()) {
            log(member).processed().forEach((partition, offsets) ->
                    offsets.forEach(offset -> highest.merge(partition, offset, Math::max)));
        }
        Set<TopicPartition> behind = new HashSet<>();
        endOffsets.forEach((partition, end) -> {
            if (highest.getOrDefault(partition, -1L) < end - 1) {
                behind.add(partition);
            }
        });
        return behind;
    }

    private MemberThread member(String name) {
        MemberThread member = members.get(name);
        if (member == null) {
            throw new IllegalArgumentException(name + " was never started; started: " + members.keySet());
        }
        return member;
    }

    private Set<String> liveMembers() {
        Set<String> live = new HashSet<>();
        members.forEach((name, member) -> {
            if (member.isLive()) {
                live.add(name);
            }
        });
        return live;
    }

    private Map<String, MemberLog> memberLogs() {
        Map<String, MemberLog> logs = new LinkedHashMap<>();
        members.keySet().forEach(name -> logs.put(name, log(name)));
        return logs;
    }

    private MemberLog log(String member) {
        return log().member(member);
    }

    private RunLog log() {
        return new RunLog(timeline.entries(), steps, timeline.memberIds());
    }

    private void checkNoMemberFailed() {
        for (MemberThread member : members.values()) {
            if (member.failure() != null) {
                throw new AssertionError(member.member() + "'s consumer failed: " + member.failure(), member.failure());
            }
        }
    }

    private String describeTimeline() {
        StringBuilder text = new StringBuilder();
        for (Timed timed : timeline.entries()) {
            text.append("  ").append(timed.elapsedMs()).append(" ms  ").append(timed.observation()).append('\n');
        }
        return text.toString();
    }
}
