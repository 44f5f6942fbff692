package dev.groupscope.ui;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.ScenarioWriter;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.report.EventGroups;
import dev.groupscope.sim.report.MetricsFrame;
import dev.groupscope.sim.report.MetricsRecorder;
import dev.groupscope.scenario.json.JsonInputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The main window's state and commands, with no layout and no words. Time {@code t} is the one thing playback
 * moves: {@link #tick} (driven by the window's single {@code AnimationTimer}), play / pause, step, scrub and speed
 * only change t, and what is drawn is the {@link PlaygroundFrame} the {@link SimulationRunner} reads from the model
 * at t. Acting on the model goes through one command path, {@link #act}, which forks the simulation at t.
 */
public final class PlaygroundViewModel {

    /** Speed is 10^exponent: 0.1× to 100×. */
    public static final double MIN_SPEED_EXPONENT = -1;
    public static final double MAX_SPEED_EXPONENT = 2;
    /** Computing ahead covers this much real time of playback (and never less than {@link #MIN_LOOKAHEAD_MS}). */
    static final double LOOKAHEAD_REAL_MS = 4_000;
    static final long MIN_LOOKAHEAD_MS = 10_000;
    /** A frame longer than this (a stalled window, a debugger) moves t as if it had been this long. */
    static final long MAX_FRAME_NANOS = 250_000_000L;

    /** What a person can do to the running model. */
    public enum WhatIf { CRASH_CONSUMER, ADD_CONSUMER, STOP_COORDINATOR_BROKER }

    /** The charts show the numbers of this much virtual time up to t. */
    public static final long CHART_WINDOW_MS = 120_000;

    private final SimulationRunner runner;
    /** What {@link #close} does besides pausing: shuts the worker thread down when this model made it. */
    private Runnable onClose = () -> { };
    private final Map<String, String> groupOfClient;
    private final List<String> groups;
    private final EventGroups eventGroups;
    private final ReadOnlyObjectWrapper<String> group = new ReadOnlyObjectWrapper<>(this, "group");
    private final Scenario scenario;
    private final Map<String, Map<String, Object>> consumerSettings = new TreeMap<>();
    private final List<dev.groupscope.scenario.Scenario.ConsumerSpec> scenarioConsumers;
    private final dev.groupscope.kafka.config.BrokerSettings brokerSettings;
    private final ReadOnlyObjectWrapper<MetricsFrame> metrics = new ReadOnlyObjectWrapper<>(this, "metrics");
    private final ReadOnlyObjectWrapper<List<BranchInfo>> branches =
            new ReadOnlyObjectWrapper<>(this, "branches", List.of());
    private final ReadOnlyLongWrapper time = new ReadOnlyLongWrapper(this, "time");
    private final ReadOnlyLongWrapper horizon = new ReadOnlyLongWrapper(this, "horizon");
    private final ReadOnlyObjectWrapper<PlaygroundFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final javafx.beans.property.ReadOnlyBooleanWrapper computing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "computing");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speedExponent = new SimpleDoubleProperty(this, "speedExponent", 0);
    private final DoubleBinding speed = Computed.doubleOf(
            () -> Math.pow(10, clampExponent(speedExponent.get())), speedExponent);
    /** A consumer can join the shown group whenever the group exists: the model makes a new one. */
    private final BooleanBinding canAddConsumer = Computed.booleanOf(() -> frame.get() != null, frame);
    private final BooleanBinding canCrashConsumer = Computed.booleanOf(
            () -> firstRunning().isPresent(), frame);
    private final BooleanBinding canStopCoordinator = Computed.booleanOf(
            () -> coordinatorToStop().isPresent(), frame);
    /** The current event's assignor trace, when it is an AssignorRun, and the step of it the explanation shows. */
    private final ReadOnlyObjectWrapper<Optional<AssignorTrace>> trace =
            new ReadOnlyObjectWrapper<>(this, "trace", Optional.empty());
    private final javafx.beans.property.ReadOnlyIntegerWrapper traceStep =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "traceStep");
    /** The event whose trace is shown (seq and time): a new current event starts its trace at step 1. */
    private long traceSeq = -1;
    private long traceTime = -1;
    private double exactTime;
    private long lastTick = -1;
    private boolean behind;
    /** The time a scrub asked for whose frame has not arrived yet; -1 when the frame shown is at t. */
    private long requested = -1;

    /** The built-in playground, computed on its own daemon thread and published on the FX thread. */
    public static PlaygroundViewModel playground() {
        return running(readPlayground());
    }

    /**
     * A view model over {@code scenario}, computed on its own daemon thread and published on the FX thread at the start
     * of a pulse ({@link PulseExecutor}).
     */
    public static PlaygroundViewModel running(Scenario scenario) {
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "groupscope-simulation");
            thread.setDaemon(true);
            return thread;
        });
        // Once the window has let this run go (another scenario opened), whatever it still asks for is dropped.
        Executor untilClosed = task -> {
            try {
                worker.execute(task);
            } catch (RejectedExecutionException closed) {
                // The worker has been shut down: nothing of this run is shown any more.
            }
        };
        PlaygroundViewModel model = new PlaygroundViewModel(scenario, untilClosed, new PulseExecutor());
        model.onClose = worker::shutdown;
        return model;
    }

    public static Scenario readPlayground() {
        return Lessons.read(Lessons.PLAYGROUND);
    }

    /** The lessons GroupScope comes with, by name (their file names without .json), in the menu's order. */
    public static List<String> lessonNames() {
        return Lessons.sections().stream().flatMap(section -> section.lessons().stream())
                .map(Lessons.Lesson::name).toList();
    }

    /** The lesson {@code name} (one of {@link #lessonNames}), read and checked. */
    public static Scenario readLesson(String name) {
        return Lessons.read(name);
    }

    /**
     * {@code scenario}, if the window can show it: the window shows a consumer group, so a scenario without consumers
     * is refused with the file named, like any other bad input.
     */
    public static Scenario showable(Scenario scenario) {
        if (scenario.consumers().isEmpty()) {
            throw JsonInputException.of("scenario.error.noConsumers", "file", scenario.file());
        }
        return scenario;
    }

    /** Stops playing and lets the run go: its worker computes nothing more (the window has opened another run). */
    public void close() {
        pause();
        onClose.run();
    }

    /**
     * A view model over {@code scenario}, showing its first group ({@link #showGroup} shows another); {@code worker}
     * runs the model, {@code publisher} the UI.
     */
    public PlaygroundViewModel(Scenario scenario, Executor worker, Executor publisher) {
        this.scenario = scenario;
        this.scenarioConsumers = List.copyOf(scenario.consumers());
        this.brokerSettings = dev.groupscope.kafka.config.BrokerSettings.from(scenario.cluster().brokerSettings());
        this.eventGroups = new EventGroups(scenario.groupOfEveryClient(),
                brokerSettings.offsetsTopicNumPartitions());
        this.groupOfClient = scenario.groupOfClient();
        this.groups = groupOfClient.values().stream().distinct().toList();
        group.set(groups.get(0));
        this.runner = new SimulationRunner(() -> ScenarioWorld.simulation(scenario),
                new FrameReader(group.get(), groupOfClient, eventGroups), scenario.durationMs(), worker, publisher, this::accept,
                horizon::set);
        scenario.consumers().forEach(consumer -> consumerSettings.put(consumer.id(), Map.copyOf(consumer.settings())));
        // Every group's numbers in one pass, so choosing another group shows its charts without a second run.
        runner.recordMetrics(new MetricsRecorder(groups, eventGroups, MetricsRecorder.DEFAULT_INTERVAL_MS),
                CHART_WINDOW_MS, metrics::set, branches::set);
        // Before a what-if is computed, whose a consumer it adds is: by the id the model will give it.
        runner.beforeEachFork(branch -> eventGroups.learn(scenario.withActions(branch).groupOfEveryClient()));
        runner.computeAhead(MIN_LOOKAHEAD_MS);
        runner.show(0);
    }

    /** The scenario's consumer groups, in the order its consumers name them: the groups the window can show. */
    public List<String> groups() {
        return groups;
    }

    /** Which group each event of the run is about: what the views of one group show of the log. */
    public EventGroups eventGroups() {
        return eventGroups;
    }

    /** The group the frames, the charts, the protocol diagram and the what-if actions are about. */
    public ReadOnlyObjectProperty<String> groupProperty() {
        return group.getReadOnlyProperty();
    }

    public String getGroup() {
        return group.get();
    }

    /**
     * Shows {@code groupId} (one of {@link #groups}): the moment shown is read again for it, in the same run at the
     * same t; playback goes on as it was.
     */
    public void showGroup(String groupId) {
        if (!groups.contains(groupId)) {
            throw new IllegalArgumentException("no group " + groupId + " in this scenario: " + groups);
        }
        if (groupId.equals(group.get())) {
            return;
        }
        group.set(groupId);
        runner.readWith(new FrameReader(groupId, groupOfClient, eventGroups));
    }

    /** Shows the group after the one shown (after the last: the first again). */
    public void showNextGroup() {
        showGroup(groups.get((groups.indexOf(group.get()) + 1) % groups.size()));
    }

    /** The numbers at t (charts, the timeline's marks), published with each frame. */
    public ReadOnlyObjectProperty<MetricsFrame> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    /**
     * The what-if actions that made the branch shown, from the scenario as written to it, each at the moment it was
     * made: empty for the scenario as written.
     */
    public List<ActionSpec> whatIfActions() {
        return BranchInfo.whatIfActions(branches.get(), branches.get().stream().filter(BranchInfo::current)
                .mapToInt(BranchInfo::id).findFirst().orElse(0));
    }

    /**
     * The branch shown as a scenario file, its what-ifs taken now and the text made when asked (on any thread: the
     * text is read back, which takes a while for a large scenario): the scenario's text with {@link #whatIfActions}
     * added, which runs the same events again (see {@link ScenarioWriter}). Asking throws {@link JsonInputException}
     * when the file would not read back, saying why.
     */
    public java.util.function.Supplier<String> asScenarioFile() {
        List<ActionSpec> actions = whatIfActions();
        return () -> ScenarioWriter.withActions(scenario, actions);
    }

    /** Every run of this session: the scenario as written and each what-if fork; one is marked current. */
    public ReadOnlyObjectProperty<List<BranchInfo>> branchesProperty() {
        return branches.getReadOnlyProperty();
    }

    /** The settings the scenario gives {@code consumer} (Kafka's names; defaults are not listed). */
    public Map<String, Object> consumerSettings(String consumer) {
        return consumerSettings.getOrDefault(consumer, Map.of());
    }

    /** The scenario's consumers as written: their worker pools and processes (what a fault menu may offer). */
    public List<dev.groupscope.scenario.Scenario.ConsumerSpec> scenarioConsumers() {
        return scenarioConsumers;
    }

    /** The brokers' group settings (the session timeouts a JoinGroup may ask for). */
    public dev.groupscope.kafka.config.BrokerSettings brokerSettings() {
        return brokerSettings;
    }

    /**
     * The one command path into the model: forks the run at t with {@code command}'s action, as a new branch that
     * {@link #undo} leaves again. Whether the model accepts it is the model's answer (a refused request is an event);
     * {@link CommandChecks} says beforehand which commands apply to the state shown.
     */
    public void perform(ModelCommand command) {
        perform(command, justAfter(time.get()));
    }

    /**
     * Where an action taken at the moment shown goes: the next millisecond, after every event of the one shown. The
     * frame on screen is the state after those events; an action at that millisecond itself would run before them
     * (scripted actions lead their millisecond), rewriting what was just explained: a consumer crashed "now" would
     * miss the answer the learner had just watched it read. The run's last millisecond has no next one.
     */
    private long justAfter(long shown) {
        return Math.min(shown + 1, runner.durationMs());
    }

    /** As {@link #perform(ModelCommand)}, at {@code at}: a lost message's what-if goes in just before it left. */
    public void perform(ModelCommand command, long at) {
        pause();
        settle();
        runner.fork(at, time.get(), command);
    }

    /** Back to the run the current one forked from, at the moment shown when its command was given (Ctrl+Z). */
    public void undo() {
        pause();
        settle();
        runner.undo();
    }

    /** Shows another branch, at the moment it forked. */
    public void showBranch(int id) {
        pause();
        settle();
        runner.switchTo(id, time.get());
    }

    /** The file the scenario was read from, as it was named (a lesson's: its name.json). */
    public String scenarioFile() {
        return scenario.file();
    }

    /** The scenario's name in the language tagged {@code languageTag} if its file gives it, else its own. */
    public String scenarioName(String languageTag) {
        return scenario.nameIn(languageTag);
    }

    /** What the scenario shows, in the language tagged {@code languageTag} if its file gives it ("" if it says not). */
    public String scenarioDescription(String languageTag) {
        return scenario.descriptionIn(languageTag);
    }

    public ReadOnlyLongProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public long getTime() {
        return time.get();
    }

    /** How far the model has been computed: playback never passes it. */
    public ReadOnlyLongProperty horizonProperty() {
        return horizon.getReadOnlyProperty();
    }

    public long durationMs() {
        return runner.durationMs();
    }

    public ReadOnlyObjectProperty<PlaygroundFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public PlaygroundFrame getFrame() {
        return frame.get();
    }

    /**
     * True while t is a moment the model has not reached yet (a scrub far ahead in a large run): the frame shown is
     * then an earlier one, the nearest already computed, and the window must say so rather than present it as t.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedExponentProperty() {
        return speedExponent;
    }

    public DoubleBinding speedProperty() {
        return speed;
    }

    public BooleanBinding canAddConsumerProperty() {
        return canAddConsumer;
    }

    public BooleanBinding canCrashConsumerProperty() {
        return canCrashConsumer;
    }

    public BooleanBinding canStopCoordinatorProperty() {
        return canStopCoordinator;
    }

    public void play() {
        if (time.get() >= durationMs()) {
            return;
        }
        lastTick = -1;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
        if (behind) {
            // The last pulse's frame was skipped (a large cluster's frames are paced): draw t as it stopped.
            behind = false;
            runner.show(time.get());
        }
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /**
     * One clock frame at {@code nowNanos} (the {@code AnimationTimer}'s timestamp): while playing, t moves by the
     * elapsed real time times the speed, but never past what the model has computed.
     */
    public void tick(long nowNanos) {
        if (!playing.get()) {
            lastTick = -1;
            return;
        }
        long elapsed = lastTick < 0 ? 0 : Math.min(MAX_FRAME_NANOS, Math.max(0, nowNanos - lastTick));
        lastTick = nowNanos;
        double next = Math.min(exactTime + elapsed / 1_000_000.0 * speed.get(), Math.min(horizon.get(), durationMs()));
        exactTime = Math.max(exactTime, next);
        time.set((long) exactTime);
        if (requested >= 0 && time.get() > requested) {
            settle();
        }
        runner.computeAhead(time.get() + lookaheadMs());
        behind = !runner.showPlaying(time.get());
        if (time.get() >= durationMs()) {
            pause();
        }
    }

    long lookaheadMs() {
        return Math.max(MIN_LOOKAHEAD_MS, (long) (LOOKAHEAD_REAL_MS * speed.get()));
    }

    /** Moves t to {@code target} (clamped to the run), computing ahead when needed. */
    public void scrubTo(long target) {
        long at = Math.max(0, Math.min(durationMs(), target));
        exactTime = at;
        time.set(at);
        requested = at;
        computing.set(frame.get() == null || frame.get().time() != at);
        runner.computeAhead(at + lookaheadMs());
        runner.show(at);
    }

    /** t is no longer waiting for a scrub's frame: a step, a fork or playback decides it from now on. */
    private void settle() {
        requested = -1;
        computing.set(false);
    }

    /** Pauses and moves to the next event a learner should see. */
    public void stepNext() {
        pause();
        settle();
        runner.stepNext(currentSeq(), time.get());
    }

    /** Pauses and moves to the previous learner event (or to the one shown, when t is past it). */
    public void stepPrevious() {
        pause();
        settle();
        PlaygroundFrame shown = frame.get();
        if (shown == null || shown.current().isEmpty()) {
            scrubTo(0);
            return;
        }
        long seq = shown.current().get().seq();
        boolean atIt = shown.current().get().time() == time.get() && shown.time() == time.get();
        runner.stepPrevious(atIt ? seq : seq + 1);
    }

    private long currentSeq() {
        PlaygroundFrame shown = frame.get();
        return shown == null ? -1 : shown.current().map(event -> event.seq()).orElse(-1L);
    }

    /**
     * The one command path for acting on the model: turns {@code what} into a simulation task and forks the run at
     * t. {@code target} names the consumer to crash (null: the first running one); the other actions ignore it.
     * Returns false when the action does not apply to the state shown (nothing to crash, broker down). Adding a
     * consumer always applies: the model starts a new one in the shown group (see {@code ActionType.ADD_CONSUMER}).
     */
    public boolean act(WhatIf what, String target) {
        Optional<ModelCommand> command = commandFor(what, target);
        command.ifPresent(this::perform);
        return command.isPresent();
    }

    /** Reads the run on the model's thread; the answer comes back on the UI thread (see SimulationRunner#query). */
    public <T> void query(java.util.function.Function<dev.groupscope.sim.engine.Simulation, T> query,
                          java.util.function.Consumer<T> answer) {
        runner.query(query, answer);
    }

    Optional<Task> taskFor(WhatIf what, String target) {
        return commandFor(what, target).map(ModelCommand::task);
    }

    Optional<ModelCommand> commandFor(WhatIf what, String target) {
        PlaygroundFrame shown = frame.get();
        if (shown == null) {
            return Optional.empty();
        }
        switch (what) {
            case CRASH_CONSUMER:
                return (target == null ? firstRunning() : shown.consumer(target).filter(PlaygroundViewModel::running)
                        .map(PlaygroundFrame.ConsumerRow::clientId))
                        .map(ModelCommand.CrashConsumer::new);
            case ADD_CONSUMER:
                return Optional.of(ModelCommand.FileAction.addConsumer(group.get(), scenarioConsumers));
            case STOP_COORDINATOR_BROKER:
                return coordinatorToStop().map(ModelCommand.StopBroker::new);
            default:
                throw new IllegalArgumentException(String.valueOf(what));
        }
    }

    private Optional<String> firstRunning() {
        PlaygroundFrame shown = frame.get();
        return shown == null ? Optional.empty() : shown.consumers().stream().filter(PlaygroundViewModel::running)
                .map(PlaygroundFrame.ConsumerRow::clientId).findFirst();
    }

    private Optional<Integer> coordinatorToStop() {
        PlaygroundFrame shown = frame.get();
        return shown == null ? Optional.empty() : shown.brokers().stream()
                .filter(broker -> broker.coordinator() && broker.up()).map(PlaygroundFrame.BrokerRow::id).findFirst();
    }

    private static boolean running(PlaygroundFrame.ConsumerRow consumer) {
        return MemberState.valueOf(consumer.state()).running();
    }

    /**
     * The assignor's step trace of the current event, when that event is an {@code AssignorRun}: what the
     * explanation walks through one step at a time ({@link #nextTraceStep}, {@link #previousTraceStep}).
     */
    public ReadOnlyObjectProperty<Optional<AssignorTrace>> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** Which step of {@link #traceProperty} is shown (0-based); back to 0 whenever the current event changes. */
    public javafx.beans.property.ReadOnlyIntegerProperty traceStepProperty() {
        return traceStep.getReadOnlyProperty();
    }

    /** The trace's next step (nothing at its last step, or when the current event has no trace). */
    public void nextTraceStep() {
        trace.get().ifPresent(steps -> traceStep.set(steps.clamp(traceStep.get() + 1)));
    }

    /** The trace's previous step (nothing at its first). */
    public void previousTraceStep() {
        trace.get().ifPresent(steps -> traceStep.set(steps.clamp(traceStep.get() - 1)));
    }

    /** The partitions the shown step of the trace places (none without a trace, or for a step that places none). */
    public List<String> placedPartitions() {
        return trace.get().map(steps -> steps.placed(traceStep.get())).orElse(List.of());
    }

    /** A new current event: its trace, from step 1; the same event again (playing on, a new frame): kept as it is. */
    private void followTrace(PlaygroundFrame next) {
        Optional<dev.groupscope.sim.engine.SimEvent> current = next.current();
        long seq = current.map(dev.groupscope.sim.engine.SimEvent::seq).orElse(-1L);
        long at = current.map(dev.groupscope.sim.engine.SimEvent::time).orElse(-1L);
        if (seq == traceSeq && at == traceTime) {
            return;
        }
        traceSeq = seq;
        traceTime = at;
        traceStep.set(0);
        trace.set(AssignorTrace.of(next));
    }

    private void accept(PlaygroundFrame next) {
        followTrace(next);
        frame.set(next);
        if (requested >= 0) {
            // A scrub is waiting: a frame of another moment (the nearest computed so far, or one asked for before
            // the scrub) is shown as that, under the computing notice, and t stays where the scrub put it.
            if (next.time() == requested) {
                settle();
            }
        } else if (!playing.get()) {
            // A step or a fork: the frame says where t is now.
            exactTime = next.time();
            time.set(next.time());
        }
    }

    private static double clampExponent(double exponent) {
        return Math.max(MIN_SPEED_EXPONENT, Math.min(MAX_SPEED_EXPONENT, exponent));
    }
}
