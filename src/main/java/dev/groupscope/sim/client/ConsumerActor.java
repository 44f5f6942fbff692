package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import dev.groupscope.sim.client.FetchBuffer.Slice;
import dev.groupscope.sim.client.InFlight.CommitPurpose;
import dev.groupscope.sim.client.InFlight.Pending;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.ledger.Ledger;
import dev.groupscope.sim.protocol.ConnectionsClosed;
import dev.groupscope.sim.protocol.ConnectionsClosing;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Disconnected;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Network;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import dev.groupscope.sim.protocol.Responses.FindCoordinatorResponse;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.LeaveGroupResponse;
import dev.groupscope.sim.protocol.Responses.ListOffsetsResponse;
import dev.groupscope.sim.protocol.Responses.OffsetForLeaderEpochResponse;
import dev.groupscope.sim.protocol.Responses.MetadataResponse;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import dev.groupscope.sim.engine.OrderedFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * A classic-protocol {@code KafkaConsumer} that {@code subscribe()}s to topics, with the two threads kafka-clients
 * has: the application's poll loop ({@link PollLoop}: poll → process records one by one → poll) and the heartbeat
 * thread (timers keyed by this consumer's id). The group protocol (coordinator discovery, join, sync, heartbeats,
 * leave, commits) is {@link GroupMembership}; fetching is {@link Fetcher}. The actor id is the client id.
 *
 * <p>Messages that arrive while neither thread reads the network (the poll loop is processing records and the
 * heartbeat thread is off because the member has not joined) wait, as they wait in the socket, until the next
 * poll().
 */
public final class ConsumerActor implements Actor {

    /** An answer's {@code readBy} when the heartbeat thread read it on its turn; else the poll loop's phase. */
    static final String HEARTBEAT_THREAD = "HEARTBEAT_THREAD";

    /** Successful answers a learner steps to that no client rule explains; see {@code Step.emitResponse}. */
    private static final java.util.Set<String> EXPLAINED_RESPONSES =
            java.util.Set.of("FindCoordinator", "OffsetFetch", "LeaveGroup");

    private final String id;
    /** "<id>/<kind>" per timer kind, made once: timers are armed several times per fetch cycle. */
    private final String[] timerKeys;
    /** Per timer kind the task its timer fires: immutable, so one per kind (a snapshot held ~7 new ones per consumer). */
    private final ConsumerTasks.Tick[] ticks;
    private ConsumerClientConfig config;
    /** What the application subscribes to (or assigns) when it starts: again after a restart. */
    private final ConsumerSubscription initialSubscription;
    private ConsumerBehavior behavior;
    private final Network network;
    private RebalanceProtocol protocol;
    /** The worker pool the poll loop feeds, or null when the poll loop processes records itself. */
    private final WorkerPoolConfig workers;

    private MemberState state;
    private InFlight inFlight;
    private GroupMembership group;
    private Commits commits;
    private HeartbeatThread heartbeat;
    private Fetcher fetcher;
    private PollLoop loop;
    private ProcessedLog processed;
    private SubscriptionState subscription;
    /** The metadata cache and its updates: replaced with the process, like every piece of the KafkaConsumer. */
    private ConsumerMetadata metadata;
    /** Faults of the consumer's host and network: they outlast a restart. */
    private FaultState faults;
    /**
     * Whether {@link #faults} is this actor's own: a copy shares its original's (nearly always without any fault,
     * unchanged from one snapshot to the next) and copies it before the first change ({@link #ownFaults}).
     */
    private boolean faultsOwned;
    /**
     * Messages that arrived while the application's thread did not read the network, with when they arrived: read at
     * its next call, or at the heartbeat thread's next turn if that comes first.
     */
    private List<Arrived> unread;
    private String failure;
    private int incarnations;
    private WorkerPool pool;
    /** Settings waiting for close() to finish, then a new consumer with them (ChangeSettings). */
    private ConsumerClientConfig nextConfig;
    private ConsumerBehavior nextBehavior;

    public ConsumerActor(String clientId, ConsumerClientConfig config, List<String> topics,
                         ConsumerBehavior behavior, Network network) {
        this(clientId, config, ConsumerSubscription.topics(topics), behavior, network);
    }

    public ConsumerActor(String clientId, ConsumerClientConfig config, ConsumerSubscription subscription,
                         ConsumerBehavior behavior, Network network) {
        this(clientId, config, subscription, behavior, network, null);
    }

    /** A consumer whose poll loop dispatches records to a pool of {@code workers} (null: it processes them). */
    public ConsumerActor(String clientId, ConsumerClientConfig config, ConsumerSubscription subscription,
                         ConsumerBehavior behavior, Network network, WorkerPoolConfig workers) {
        this.workers = workers;
        this.id = Objects.requireNonNull(clientId, "clientId");
        this.timerKeys = java.util.Arrays.stream(TimerKind.values()).map(kind -> clientId + "/" + kind.name())
                .toArray(String[]::new);
        this.ticks = java.util.Arrays.stream(TimerKind.values()).map(kind -> new ConsumerTasks.Tick(clientId, kind))
                .toArray(ConsumerTasks.Tick[]::new);
        this.config = Objects.requireNonNull(config, "config");
        this.initialSubscription = Objects.requireNonNull(subscription, "subscription");
        this.behavior = Objects.requireNonNull(behavior, "behavior");
        this.network = Objects.requireNonNull(network, "network");
        this.protocol = RebalanceProtocols.chosen(config.assignmentStrategies(), behavior.assignors());
        this.state = MemberState.STOPPED;
        this.inFlight = new InFlight();
        this.processed = new ProcessedLog();
        this.faults = new FaultState();
        this.faultsOwned = true;
        this.unread = new ArrayList<>();
        freshProcess();
    }

    private ConsumerActor(ConsumerActor other) {
        this.id = other.id;
        this.timerKeys = other.timerKeys;
        this.ticks = other.ticks;
        this.config = other.config;
        this.initialSubscription = other.initialSubscription;
        this.behavior = other.behavior;
        this.network = other.network;
        this.protocol = other.protocol;
        this.workers = other.workers;
        this.pool = other.pool == null ? null : other.pool.copy();
        this.state = other.state;
        this.inFlight = other.inFlight.copy();
        this.group = other.group.copy();
        this.commits = other.commits.copy();
        this.heartbeat = other.heartbeat.copy();
        this.fetcher = other.fetcher.copy();
        this.loop = other.loop.copy();
        this.processed = other.processed.copy();
        this.subscription = other.subscription.copy();
        this.metadata = other.metadata.copy();
        this.faults = other.faults;
        other.faultsOwned = false; // both share it now: neither changes it in place
        this.unread = new ArrayList<>(other.unread);
        this.failure = other.failure;
        this.incarnations = other.incarnations;
        this.nextConfig = other.nextConfig;
        this.nextBehavior = other.nextBehavior;
    }

    /** A new KafkaConsumer instance: nothing of the old one's memory but what the application logged. */
    private void freshProcess() {
        this.group = new GroupMembership();
        this.commits = new Commits();
        this.heartbeat = new HeartbeatThread();
        this.fetcher = new Fetcher();
        this.loop = new PollLoop();
        this.subscription = SubscriptionState.of(initialSubscription);
        this.metadata = new ConsumerMetadata();
        this.unread = new ArrayList<>();
        this.failure = null;
        this.pool = workers == null ? null : new WorkerPool(workers);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Actor copy() {
        return new ConsumerActor(this);
    }

    /** This actor's fault state, copied first if it is shared with the actor it was copied from (or to). */
    private FaultState ownFaults() {
        if (!faultsOwned) {
            faults = faults.copy();
            faultsOwned = true;
        }
        return faults;
    }

    public ConsumerClientConfig config() {
        return config;
    }

    /** When the application commits (its code around the consumer). */
    public CommitPolicy commitPolicy() {
        return behavior.commitPolicy();
    }

    /** When the timer {@code kind} of this consumer fires next (ms), or -1 when it is not set. */
    public long timerDeadline(World world, String kind) {
        // The key made once per consumer: frames ask for three timers of every consumer at every pulse.
        return world.timerDeadline(timerKeys[ConsumerTasks.TimerKind.valueOf(kind).ordinal()]);
    }

    /** When the JoinGroup this consumer waits an answer for was sent (ms), or -1 when it waits for none. */
    public long joinGroupSentAt() {
        return inFlight.oldestSentAt("JoinGroup");
    }

    /**
     * How long kafka-clients waits for a JoinGroup answer before it gives up on the request (FaultState): longer than
     * request.timeout.ms, since the coordinator may hold a JoinGroup for the whole rebalance.
     */
    public long joinGroupTimeoutMs() {
        return FaultState.timeoutMs(config, "JoinGroup");
    }

    /** The rebalance protocol the configured assignors allow (KIP-429): COOPERATIVE only if all support it. */
    public RebalanceProtocol rebalanceProtocol() {
        return protocol;
    }

    @Override
    public void handle(Task task, Context context) {
        Step step = new Step(context);
        if (task instanceof ConsumerTasks.AddConsumer) {
            addConsumer(context);
        } else if (task instanceof ConsumerTasks.Start) {
            step.start(false);
        } else if (task instanceof ConsumerTasks.Restart) {
            step.restart();
        } else if (task instanceof ConsumerTasks.Crash) {
            step.crash();
        } else if (task instanceof ConsumerTasks.Close close) {
            step.close(close.leaveGroup());
        } else if (task instanceof ConsumerTasks.StallProcessing stall) {
            step.stall(stall.durationMs());
        } else if (task instanceof ConsumerTasks.ChangeSettings change) {
            step.changeSettings(change);
        } else if (task instanceof ConsumerTasks.Tick tick) {
            step.tick(tick.kind());
        } else if (task instanceof Deliver deliver) {
            step.arrive(deliver);
        } else if (task instanceof ApplicationCalls.Call call) {
            ConsumerCalls.run(step, call);
        } else if (task instanceof ConsumerFaults.Fault fault) {
            ownFaults().apply(step, fault);
        } else if (task instanceof WorkerPoolTasks.Tick) {
            step.poolTick();
        } else if (task instanceof WorkerPoolTasks.SlowWorker slow) {
            step.slowWorker(slow);
        }
        heartbeat.lockReleased(step);
    }

    /**
     * One more KafkaConsumer like this one joins the group (see {@link ConsumerTasks.AddConsumer}): a new actor under
     * the next free id, with this consumer's group, declared subscription, current settings and application code, in
     * a process of its own. Its arrival is one event that names the consumer it copies; it then starts in the same
     * step, as {@code startConsumer} would start it.
     */
    private void addConsumer(Context context) {
        String added = ClientIds.next(id, context::hasActor);
        ConsumerClientConfig addedConfig = config.with(dev.groupscope.kafka.config.ConsumerConfigs.CLIENT_ID, added);
        if (config.groupInstanceId().isPresent()) {
            addedConfig = addedConfig.with(dev.groupscope.kafka.config.ConsumerConfigs.GROUP_INSTANCE_ID,
                    ClientIds.instanceId(config.groupInstanceId().get(), id, added));
        }
        ConsumerActor consumer = new ConsumerActor(added, addedConfig, initialSubscription, behavior, network, workers);
        context.addActor(consumer);
        Map<String, Object> fieldValues = new LinkedHashMap<>();
        fieldValues.put("groupId", config.groupId());
        fieldValues.put("copiedFrom", id);
        fieldValues.put("groupInstanceId", addedConfig.groupInstanceId().orElse(""));
        Map<String, Object> args = new LinkedHashMap<>(fieldValues);
        args.put("consumer", added);
        context.emit(EventKind.ACTION, "AddConsumer", added, null, fieldValues, "sim.client.action.AddConsumer", args);
        consumer.handle(new ConsumerTasks.Start(added), context);
    }

    @Override
    public Object view() {
        return new ConsumerView(id, state, group.generation.generationId(), group.generation.memberId(),
                group.generation.protocolName() == null ? "" : group.generation.protocolName(), group.leader,
                group.coordinator, ClientEvents.partitions(fetcher.assignment.partitions()),
                fetcher.assignment.positionsView(), ClientEvents.offsets(commits.committed), processed.view(),
                loop.phase.name(), failure == null ? "" : failure, inFlight.size(), unread.size(),
                fetcher.buffer.size(), incarnations, subscription.summary(),
                ClientEvents.partitions(fetcher.assignment.pausedPartitions()));
    }

    // ---- read-only, without copies: what a frame of the window reads 60 times a second (view() copies it all)

    /** The member id the group gave it ("" before it joined), as in {@link ConsumerView#memberId}. */
    public String memberId() {
        return group.generation.memberId();
    }

    /** Its generation (-1 before it joined), as in {@link ConsumerView#generation}. */
    public int generationId() {
        return group.generation.generationId();
    }

    /** Whether it leads its group's assignment, as in {@link ConsumerView#leader}. */
    public boolean isLeader() {
        return group.leader;
    }

    /**
     * Its assigned partitions in order, each with its fetch position (-1 while it has none): a read-only view of the
     * live state, valid until the world steps on.
     */
    public Map<TopicPartition, Long> positions() {
        return fetcher.assignment.positions();
    }

    /** How many times it was restarted, as in {@link ConsumerView#restarts}. */
    public int restarts() {
        return incarnations;
    }

    /** Whether its application has processed anything yet. */
    public boolean processedAny() {
        return !processed.isEmpty();
    }

    /** The worker pool's state, or empty when this consumer processes records on its poll loop. */
    public java.util.Optional<WorkerPoolView> workerPool() {
        return pool == null ? java.util.Optional.empty() : java.util.Optional.of(pool.view());
    }

    /**
     * The worker pool as something the consumer is doing now: empty also while its process is not running (crashed
     * or stopped), whose threads are gone, whatever the pool held when they went. What views draw.
     */
    public java.util.Optional<WorkerPoolView> runningWorkerPool() {
        return state.running() ? workerPool() : java.util.Optional.empty();
    }

    /** The state of the member as the group protocol sees it. */
    public MemberState state() {
        return state;
    }

    /**
     * Whether its application is inside {@code onPartitionsRevoked} and the callback has not returned yet: its worker
     * pool is finishing the revoked partitions' records, or the listener's {@code commitSync} of them awaits its
     * answer. Any other call of the callback returns within the step that makes it.
     */
    public boolean revoking() {
        return state.running() && (loop.inListener || group.listenerCommitPending);
    }

    /** A message that waits in the socket for a thread to read it. */
    private record Arrived(Deliver deliver, long at) {
    }

    /**
     * Everything that happens in one engine step: the context, and the consumer's logic, which needs it. Short-lived
     * (never stored), so it may hold the context.
     */
    final class Step {

        final Context context;
        /** The broker the request being answered went to: the peer of the RESPONSE event. */
        private int answeringBroker;
        /** How long the message being read waited unread after it arrived (0: read as it arrived). */
        private long unreadMs;
        /** Which thread read it late: {@link #HEARTBEAT_THREAD}, or the loop's phase (the call it was in). */
        private String readBy;

        Step(Context context) {
            this.context = context;
        }

        long now() {
            return context.now();
        }

        /** The broker whose answer this step reads. */
        int answeringBroker() {
            return answeringBroker;
        }

        // ---- actions ------------------------------------------------------------------------------------------

        void start(boolean restarted) {
            if (state != MemberState.STOPPED || loop.phase != PollLoop.Phase.NOT_STARTED) {
                return;
            }
            Map<String, Object> started = new LinkedHashMap<>(subscription.describe());
            started.put("groupInstanceId", config.groupInstanceId().orElse(""));
            started.put("protocol", protocol.name());
            String type = restarted ? "RestartConsumer" : "StartConsumer";
            if (subscription.autoAssigned() && !subscription.hasPattern()) {
                action(type, started);
            } else {
                // subscribe(Pattern) and assign() have sentences of their own.
                Map<String, Object> args = new LinkedHashMap<>(started);
                args.put("consumer", id);
                args.put("subscription", subscription.hasPattern() ? subscription.pattern
                        : String.join(", ", ClientEvents.partitions(subscription.userAssignment)));
                context.emit(EventKind.ACTION, type, id, null, started, "sim.client.action." + type + "."
                        + (subscription.hasPattern() ? "pattern" : "assign"), args);
            }
            // subscribe() and assign() ask for the topics' metadata at once (requestUpdateForNewTopics); the
            // request goes out at the first network poll.
            metadata.requestUpdateForNewTopics("start");
            if (subscription.userAssigned()) {
                fetcher.assignment.assignFromUser(subscription.userAssignment);
                changeState(MemberState.UNJOINED, "sim.client.state.assigned", Map.of("partitions",
                        String.join(", ", ClientEvents.partitions(subscription.userAssignment))));
            } else if (subscription.hasPattern()) {
                changeState(MemberState.UNJOINED, "sim.client.state.subscribedPattern",
                        Map.of("pattern", subscription.pattern));
            } else {
                changeState(MemberState.UNJOINED, "sim.client.state.subscribed",
                        Map.of("topics", List.copyOf(subscription.topics)));
            }
            commits.start(this);
            callPoll();
        }

        void restart() {
            if (state.running()) {
                return;
            }
            cancelAllTimers();
            freshProcess();
            inFlight.clear(); // a new instance has new connections: old answers reach nobody
            incarnations++;
            state = MemberState.STOPPED;
            start(true);
        }

        void crash() {
            if (!state.running()) {
                return;
            }
            context.emit(EventKind.FAULT, "CrashConsumer", id, null,
                    fields("inFlightRequests", inFlight.size(), "batchLeft", loop.recordsLeft()),
                    "sim.client.crash", Map.of("consumer", id, "sessionTimeoutMs", config.sessionTimeoutMs()));
            stopProcess(MemberState.CRASHED, "crash");
            inFlight.clear();
        }

        void close(boolean leaveGroup) {
            if (!state.running() || loop.closeRequested) {
                return;
            }
            action("CloseConsumer", fields("leaveGroup", leaveGroup, "static", config.isStatic()));
            loop.closeRequested = true;
            loop.closeLeave = leaveGroup;
            if (loop.phase == PollLoop.Phase.IN_POLL) {
                // wakeup() ends the poll(); the application first makes the calls it had waiting, then close().
                if (!makeCallsWaitingInPoll()) {
                    return; // a call blocked it: close() comes once the call returns
                }
                beginClose();
            }
        }

        /**
         * New settings: as the application must, close this KafkaConsumer and build a new one with them. Settings
         * Kafka would refuse are refused here too (the event says why) and change nothing.
         */
        void changeSettings(ConsumerTasks.ChangeSettings change) {
            Map<String, Object> merged = new LinkedHashMap<>(config.settings().originals());
            // A null value unsets the property (group.instance.id: a static member becomes a dynamic one).
            change.settings().forEach((name, value) -> {
                if (value == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, value);
                }
            });
            ConsumerClientConfig changed;
            try {
                changed = new ConsumerClientConfig(dev.groupscope.kafka.config.ConsumerSettings.from(merged));
            } catch (IllegalArgumentException refused) {
                context.emit(EventKind.ACTION, "ChangeSettingsRefused", id, null,
                        fields("settings", change.settings(), "error", refused.getMessage()),
                        "sim.client.changeSettingsRefused", Map.of("consumer", id, "error", refused.getMessage()));
                return;
            }
            ConsumerBehavior changedBehavior = change.commitPolicy() == null ? behavior
                    : behavior.withCommits(change.commitPolicy(), behavior.listenerPolicy());
            String summary = describe(change);
            boolean restarts = state.running();
            context.emit(EventKind.ACTION, "ChangeSettings", id, null,
                    fields("settings", change.settings(), "commitPolicy",
                            change.commitPolicy() == null ? "" : change.commitPolicy().kind().fileName(),
                            "restarts", restarts),
                    restarts ? "sim.client.action.ChangeSettings" : "sim.client.action.ChangeSettingsStopped",
                    Map.of("consumer", id, "changes", summary));
            if (restarts) {
                nextConfig = changed;
                nextBehavior = changedBehavior;
                close(false);
                return;
            }
            adopt(changed, changedBehavior);
            if (state != MemberState.STOPPED || incarnations > 0 || group.generation.generationId() >= 0) {
                restart();
            }
        }

        private String describe(ConsumerTasks.ChangeSettings change) {
            List<String> parts = new ArrayList<>();
            change.settings().forEach((name, value) -> parts.add(name + "=" + value));
            if (change.commitPolicy() != null) {
                parts.add("commit policy " + change.commitPolicy().kind().fileName());
            }
            return String.join(", ", parts);
        }

        private void adopt(ConsumerClientConfig changed, ConsumerBehavior changedBehavior) {
            config = changed;
            behavior = changedBehavior;
            protocol = RebalanceProtocols.chosen(config.assignmentStrategies(), behavior.assignors());
            nextConfig = null;
            nextBehavior = null;
        }

        void stall(long durationMs) {
            if (!state.running() || durationMs <= 0) {
                return;
            }
            // A static member sends no LeaveGroup when its poll interval runs out: it only forgets its generation.
            context.emit(EventKind.FAULT, "StallProcessing", id, null,
                    fields("durationMs", durationMs, "phase", loop.phase.name()),
                    config.isStatic() ? "sim.client.stall.static" : "sim.client.stall",
                    Map.of("consumer", id, "durationMs", durationMs, "maxPollIntervalMs", config.maxPollIntervalMs()));
            if (loop.phase == PollLoop.Phase.PROCESSING) {
                long deadline = context.timerDeadline(timerKey(TimerKind.PROCESS));
                // Waiting in onPartitionsRevoked for the pool (no record in hand): the listener returns no sooner
                // than the stall ends.
                long left = deadline < 0 ? 0 : deadline - now();
                context.setTimer(timerKey(TimerKind.PROCESS), left + durationMs, timerTask(TimerKind.PROCESS));
            } else {
                loop.pendingStallMs += durationMs;
            }
        }

        // ---- the poll loop (application thread) ---------------------------------------------------------------

        /** The application calls poll(Duration): {@code ClassicKafkaConsumer.poll}. */
        void callPoll() {
            loop.waitingFor = PollLoop.Wait.NONE;
            loop.phase = PollLoop.Phase.IN_POLL; // between two poll()s: a call that blocks returns to poll()
            if (!makeCallsWaitingInPoll()) {
                return; // blocked again, or unsubscribed
            }
            if (loop.closeRequested) {
                beginClose();
                return;
            }
            if (group.fatalError != null) {
                fail(group.fatalError);
                return;
            }
            if (subscription.isNone()) {
                // poll() without a subscription throws IllegalStateException; the application waits instead.
                loop.phase = PollLoop.Phase.UNSUBSCRIBED;
                cancelTimer(TimerKind.POLL_RETURN);
                return;
            }
            loop.phase = PollLoop.Phase.IN_POLL;
            loop.pollStartedAt = now();
            armTimer(TimerKind.POLL_RETURN, behavior.pollTimeoutMs());
            iterate();
            readIfWaiting();
        }

        /**
         * poll() reads what arrived while the application processed records only where its pass calls the network
         * client, as kafka-clients fires the answers' handlers there: in the wait a pass without records ends in (for
         * data, its coordinator, a join). So the coordinator's poll at the start of the pass, and its commit callbacks,
         * do not see them yet, and a pass that returns records already buffered never reads them: the heartbeat
         * thread's next turn does. Read now, they let the waiting pass go on ({@link #pollIteration}).
         */
        private void readIfWaiting() {
            if (state.running() && loop.phase == PollLoop.Phase.IN_POLL && !applicationSleeps()) {
                readArrived(PollLoop.Phase.IN_POLL.name());
            }
        }

        /** A sleep of the application thread ended: the network call it sleeps in reads what waited meanwhile. */
        private void readIfAwake() {
            if (state.running() && applicationReadsNetwork()) {
                readArrived(loop.phase.name());
            }
        }

        /** An auto commit inside poll() ends with {@code client.pollNoWakeup()}: the pass reads what waited. */
        void readInPass() {
            if (state.running() && loop.phase == PollLoop.Phase.IN_POLL) {
                readUnread(PollLoop.Phase.IN_POLL.name()); // the pass goes on with them: nothing more to wake
            }
        }

        /**
         * Something happened while the loop is blocked in poll(). As in kafka-clients, records that arrived are
         * returned at once (pollForFetches collects after its network wait, without another coordinator poll);
         * otherwise the loop goes round again. A pass waiting for its coordinator or committed offsets waits on
         * ({@link #goOnWaiting}).
         */
        void pollIteration() {
            if (loop.phase != PollLoop.Phase.IN_POLL || !state.running()) {
                return;
            }
            if (loop.waitingFor != PollLoop.Wait.NONE) {
                goOnWaiting();
                return;
            }
            if (!returnBuffered()) {
                iterate();
            } else {
                // This pass ended returning records: positions an answer it read just set are validated first thing
                // at the next poll(), as Kafka's next pass does.
                fetcher.passEnded();
            }
        }

        /**
         * A pass blocked on the coordinator or on committed offsets: other answers and timers do not end that wait;
         * once what it waits for came, the pass goes on from where it waited.
         */
        private void goOnWaiting() {
            if (loop.waitingFor == PollLoop.Wait.COORDINATOR) {
                if (group.coordinator < 0 || applicationSleeps()) {
                    lookupCoordinator(); // ensureCoordinatorReady's loop: again, once its backoff is over
                    return;
                }
                loop.waitingFor = PollLoop.Wait.NONE;
                iterate(true);
            } else if (loop.waitingFor == PollLoop.Wait.LISTENER) {
                loop.waitingFor = PollLoop.Wait.NONE;
                iterate(true);
            } else if (!fetcher.offsetFetchBlocks(now())) {
                loop.waitingFor = PollLoop.Wait.NONE;
                positionsThenRecords(true);
            }
        }

        /**
         * One pass of the body of poll(): the coordinator's poll (the heartbeat's poll timer, discovery, rebalance,
         * auto commit), fetch positions, then buffered records if any, else send fetches and keep waiting. A pass
         * that took positions from an OffsetFetch answer, which await validation, and returned no records is
         * followed at once by the next pass, which validates them: Kafka's network wait in between returns at once,
         * the completed OffsetFetch having woken the selector ({@link Fetcher#updateFetchPositions}).
         */
        private void iterate() {
            iterate(false);
        }

        /**
         * {@code resumed}: the pass goes on after ensureCoordinatorReady blocked it, past the start of the coordinator's
         * poll, where completed commit callbacks run: they wait for the next pass.
         */
        private void iterate(boolean resumed) {
            // Heartbeat.poll(now) in ConsumerCoordinator.poll: max.poll.interval.ms counts from here.
            heartbeat.polled(this);
            boolean ready = group.poll(this, !resumed);
            if (!state.running() || loop.phase != PollLoop.Phase.IN_POLL) {
                return;
            }
            metadata.maybeUpdate(this); // the network poll inside the coordinator's poll
            if (!ready && group.coordinator < 0 && !subscription.userAssigned()) {
                // coordinatorUnknownAndUnreadySync: ensureCoordinatorReady blocks until it is found.
                loop.waitingFor = PollLoop.Wait.COORDINATOR;
                return;
            }
            positionsThenRecords(ready);
        }

        /**
         * The rest of a pass, after the coordinator's poll: fetch positions, then buffered records. An assigned
         * partition whose committed offset is still being asked for blocks the pass until the OffsetFetch answers
         * (Kafka's initWithCommittedOffsetsIfNeeded waits on it, up to poll()'s timeout), so no other partition's
         * records are returned meanwhile, and once it answers, the new partitions are fetched with the others.
         */
        private void positionsThenRecords(boolean ready) {
            boolean validateNextPass = ready && fetchPositions();
            if (ready && fetcher.awaitingCommittedOffsets(now())) {
                loop.waitingFor = PollLoop.Wait.COMMITTED_OFFSETS;
                return;
            }
            if (ready && group.coordinator < 0 && !fetcher.assignment.withoutPosition().isEmpty()) {
                // fetchCommittedOffsets: ensureCoordinatorReady first.
                lookupCoordinator();
                loop.waitingFor = PollLoop.Wait.COORDINATOR;
                return;
            }
            if (state.running() && !returnBuffered() && validateNextPass && state.running()
                    && loop.phase == PollLoop.Phase.IN_POLL && !group.listenerCommitPending) {
                iterate(); // poll()'s do/while goes round: this time validatePositionsIfNeeded sends them
            }
            if (state.running() && loop.phase == PollLoop.Phase.IN_POLL && loop.waitingFor == PollLoop.Wait.NONE) {
                heartbeat.armPollWake(this); // the network wait that follows ends when a heartbeat is due
            }
        }

        /** Returns buffered records (sending the next fetches first, as poll() does); false if there were none. */
        private boolean returnBuffered() {
            if (group.listenerCommitPending) {
                return false; // blocked in the listener's commitSync(), inside onPartitionsRevoked
            }
            fetcher.checkPositions(this); // a leader change since the last check: its data is dropped, not returned
            List<Slice> slices = fetcher.buffer.collect(config.maxPollRecords(), fetcher.assignment,
                    subscription::dropped, (tp, error, fetchOffset, recordsInHand) ->
                            fetcher.errorCollected(this, tp, error, fetchOffset, recordsInHand));
            if (!state.running()) {
                return true; // poll() threw: the consumer failed
            }
            sendFetches();
            if (slices.isEmpty()) {
                return false;
            }
            returnRecords(slices);
            return true;
        }

        private void returnRecords(List<Slice> slices) {
            context.cancelTimer(timerKey(TimerKind.POLL_RETURN));
            int total = slices.stream().mapToInt(Slice::count).sum();
            Map<String, Object> ranges = new TreeMap<>();
            slices.forEach(slice -> ranges.merge(slice.partition().toString(),
                    List.of(slice.first(), slice.first() + slice.count() - 1), (a, b) -> mergeRange(a, b)));
            context.emit(EventKind.CLIENT, "Poll", id, null, fields("records", total, "partitions", ranges,
                    "maxPollRecords", config.maxPollRecords()), "sim.client.poll",
                    Map.of("consumer", id, "records", total, "maxPollRecords", config.maxPollRecords()));
            if (pool != null) {
                pool.dispatch(this, slices);
                poolRound();
                return;
            }
            loop.startBatch(slices, now());
            Ledger ledger = Ledger.of(context);
            if (ledger != null) {
                ledger.handsEmpty(config.groupId(), id);
                for (Slice slice : slices) {
                    ledger.delivered(config.groupId(), id, slice.partition(), slice.first(),
                            slice.first() + slice.count() - 1, now());
                }
            }
            if (behavior.commitPolicy().kind() == CommitPolicy.Kind.BEFORE_PROCESSING) {
                // At most once: records = poll(); consumer.commitSync(); process(records). commitSync() commits
                // subscriptions.allConsumed(), the positions after this batch.
                commits.beginSync(this, "beforeProcessing", fetcher.assignment.allConsumed(),
                        Commits.consumedEpochs(this), Commits.Then.PROCESS_BATCH);
                return;
            }
            processNextRecord();
        }

        /**
         * Starts (or goes on with) the record in hand, after any stall the application was told to take. The
         * thread is back in the application's code (poll() or commitSync() returned): calls that waited for it are
         * made first.
         */
        private void processNextRecord() {
            loop.phase = PollLoop.Phase.PROCESSING;
            long next = loop.pendingStallMs + processingMs(loop.currentRecord());
            loop.pendingStallMs = 0;
            armTimer(TimerKind.PROCESS, next);
            makeWaitingCalls();
        }

        /** The application's commitSync() returned or threw (caught): the loop goes on. */
        void afterSyncCommit(Commits.Then then) {
            if (!state.running()) {
                return;
            }
            switch (then) {
                case BEFORE_CLOSE -> startClose();
                case CLOSE -> finishClose();
                case LEAVE -> listenerReturnedOnClose();
                case LISTENER -> listenerCommitReturned();
                case PROCESS_BATCH, CONTINUE_BATCH -> {
                    if (loop.batchDone()) {
                        loop.endBatch();
                        callPoll();
                    } else {
                        processNextRecord();
                    }
                }
                default -> {
                    loop.endBatch();
                    callPoll();
                }
            }
        }

        /**
         * onPartitionsRevoked's commitSync() returned: the thread is back in the pass of poll() that called the
         * listener (a COOPERATIVE onJoinComplete finishes at once), which goes on when whoever woke it runs the pass
         * ({@link #pollIteration}). poll()'s own timeout ran out meanwhile if it passed, so that pass is its last.
         */
        private void listenerCommitReturned() {
            if (loop.phase == PollLoop.Phase.COMMITTING) {
                // It blocked (it returns at once with nothing to commit, inside the pass that called it).
                loop.phase = PollLoop.Phase.IN_POLL;
                loop.waitingFor = PollLoop.Wait.LISTENER;
                if (context.timerDeadline(timerKey(TimerKind.POLL_RETURN)) < 0) {
                    armTimer(TimerKind.POLL_RETURN, 0);
                }
            }
            group.listenerCommitReturned(this);
        }

        // ---- blocking calls of the application's (offsetsForTimes) -------------------------------------------------

        /**
         * The application thread enters a call that waits for brokers' answers. It stops where it is (as poll()
         * returns, between two records, or idle after unsubscribe()) and goes on from there once the call returns;
         * the record in hand keeps the processing time it had left.
         */
        void blockInCall() {
            loop.beforeCall = loop.phase;
            loop.processLeftMs = 0;
            if (loop.phase == PollLoop.Phase.PROCESSING) {
                long deadline = context.timerDeadline(timerKey(TimerKind.PROCESS));
                loop.processLeftMs = deadline < 0 ? 0 : deadline - now();
                cancelTimer(TimerKind.PROCESS);
            }
            cancelTimer(TimerKind.POLL_RETURN);
            loop.phase = PollLoop.Phase.IN_CALL;
        }

        /** The blocking call returned (or threw): the loop is back where it was, before its next step. */
        void callReturned() {
            loop.phase = loop.beforeCall;
            loop.beforeCall = null;
        }

        /** After the application's code that follows the call (its seeks): the loop takes its next step. */
        void goOnAfterCall() {
            if (!state.running()) {
                return;
            }
            if (loop.phase == PollLoop.Phase.IN_POLL) {
                callPoll(); // poll() again, after any call that waited
                return;
            }
            if (loop.phase == PollLoop.Phase.PROCESSING) {
                armTimer(TimerKind.PROCESS, loop.processLeftMs);
            }
            makeWaitingCalls();
        }

        /**
         * Between two poll()s (phase IN_POLL): the calls that waited for the thread, in order. False if one blocked
         * it, unsubscribed it, or the consumer stopped meanwhile.
         */
        private boolean makeCallsWaitingInPoll() {
            if (loop.waitingCalls.isEmpty()) {
                return true;
            }
            makeWaitingCalls();
            return loop.phase == PollLoop.Phase.IN_POLL && state.running();
        }

        /** The application thread is free: it makes the calls that waited for it, in order, until one blocks it. */
        private void makeWaitingCalls() {
            while (!loop.waitingCalls.isEmpty() && state.running() && loop.phase != PollLoop.Phase.IN_CALL) {
                ConsumerCalls.make(this, loop.takeWaitingCall());
            }
        }

        /**
         * poll()'s timeout. A pass still waiting for its coordinator or committed offsets gives up, as Kafka's does,
         * and returns what is buffered for the other partitions (pollForFetches with the timer expired), if anything.
         */
        private void pollTimedOut() {
            fetcher.offsetFetchRetry.pollEnded(this);
            if (loop.waitingFor != PollLoop.Wait.NONE) {
                loop.waitingFor = PollLoop.Wait.NONE;
                if (returnBuffered()) {
                    return;
                }
            }
            emptyPollReturned();
        }

        /** poll() returned nothing; the loop calls it again at once, unless the application is stalled. */
        private void emptyPollReturned() {
            if (loop.pendingStallMs > 0) {
                loop.startBatch(List.of(), now());
                armTimer(TimerKind.PROCESS, loop.pendingStallMs);
                loop.pendingStallMs = 0;
                return;
            }
            if (pool != null) {
                poolRound();
                return;
            }
            callPoll();
        }

        // ---- the worker pool (WorkerPool): the poll loop only polls, dispatches, resumes and commits ---------------

        /**
         * The poller's round between two poll() calls: resume partitions whose window drained, commit the windows'
         * low marks that moved (commitSync blocks the poller, commitAsync does not; auto commit needs nothing here
         * and commits positions inside poll(), past unfinished records), then poll() again in the next step.
         */
        private void poolRound() {
            pool.resumeDrained(this);
            CommitPolicy.Kind policy = behavior.commitPolicy().kind();
            Map<TopicPartition, Long> offsets = policy == CommitPolicy.Kind.AUTO ? Map.of()
                    : pool.toCommit(now(), fetcher.assignment.positions().keySet(), commits.committed);
            loop.startBatch(List.of(), now()); // in the application's code: not in poll()
            switch (policy) {
                case SYNC_AFTER_BATCH -> {
                    if (!offsets.isEmpty()) {
                        commits.beginSync(this, "window", offsets, Commits.NO_EPOCHS, Commits.Then.POLL);
                        return;
                    }
                }
                case ASYNC_AFTER_BATCH -> commits.commitAsync(this, offsets, Commits.NO_EPOCHS, "window");
                default -> {
                }
            }
            armTimer(TimerKind.PROCESS, 0);
        }

        void poolTick() {
            if (pool != null && state.running()) {
                pool.runWorkers(this);
            }
        }

        void slowWorker(WorkerPoolTasks.SlowWorker slow) {
            if (pool != null && state.running()) {
                pool.slow(this, slow.worker(), slow.durationMs(), slow.factor());
            }
        }

        /** A worker finished a record: the ledger and the application's log learn it. */
        void finishedByPool(TopicPartition partition, long offset, String key) {
            Ledger ledger = Ledger.of(context);
            if (ledger != null) {
                ledger.processed(config.groupId(), id, partition, offset, now(), key);
            }
        }

        /** The pool's window slid from {@code from} to {@code to}: those records are all finished. */
        void processedUpTo(TopicPartition partition, long from, long to) {
            for (long offset = from; offset < to; offset++) {
                processed.processed(partition, offset);
            }
        }

        WorkerPool pool() {
            return pool;
        }

        /** onPartitionsRevoked waits for the pool: the poller is in the listener, not in poll()'s loop. */
        void blockInListener() {
            cancelTimer(TimerKind.POLL_RETURN);
            loop.startBatch(List.of(), now());
            loop.inListener = true;
        }

        /** The pool drained what onPartitionsRevoked waited for: the listener returns and poll() goes on. */
        void listenerWaitOver() {
            if (!state.running() || loop.phase != PollLoop.Phase.PROCESSING || !loop.batchDone()
                    || context.timerDeadline(timerKey(TimerKind.PROCESS)) >= 0 || pool.awaitingRevoke()) {
                return;
            }
            loop.endBatch();
            loop.phase = PollLoop.Phase.IN_POLL;
            armTimer(TimerKind.POLL_RETURN, behavior.pollTimeoutMs());
            iterate();
            readIfWaiting();
        }

        /**
         * What the application commits as "processed" on revocation and close: the positions after the records
         * poll() returned (all processed, when the poll loop processes them itself), or the pool's low marks.
         */
        Map<TopicPartition, Long> processedPositions() {
            return pool == null ? fetcher.assignment.allConsumed() : pool.committable(fetcher.assignment.partitions());
        }

        /**
         * What the rebalance listener's {@code commitSync(offsets)} commits: the offsets the application noted as
         * processed, its own map, so a partition whose position awaits validation (a leader change) is in it, where
         * the no-argument commitSync() would leave it out.
         */
        Map<TopicPartition, Long> processedOffsets() {
            return pool == null ? fetcher.assignment.positionsHeld() : pool.committable(fetcher.assignment.partitions());
        }

        @SuppressWarnings("unchecked")
        private Object mergeRange(Object earlier, Object later) {
            List<Long> a = (List<Long>) earlier;
            List<Long> b = (List<Long>) later;
            return List.of(Math.min(a.get(0), b.get(0)), Math.max(a.get(1), b.get(1)));
        }

        private long processingMs(PollLoop.RecordRef record) {
            return behavior.processor().processingMs(record.partition(), record.offset());
        }

        /** The record in hand is done; the next one starts, or the batch is over and the loop polls again. */
        private void recordProcessed() {
            Ledger ledger = Ledger.of(context);
            while (true) {
                PollLoop.RecordRef done = loop.currentRecord();
                processed.processed(done.partition(), done.offset());
                if (ledger != null) {
                    ledger.processed(config.groupId(), id, done.partition(), done.offset(), now());
                }
                commits.noteProcessed(done.partition(), done.offset());
                loop.advance();
                if (commits.everyNDue(behavior.commitPolicy())) {
                    if (loop.batchDone()) {
                        emitProcessed();
                    }
                    // commitSync(offsets) of what was processed, then on with the batch (or poll()).
                    commits.beginSync(this, "everyN", commits.takeProcessed(this), Commits.NO_EPOCHS, loop.batchDone()
                            ? Commits.Then.POLL : Commits.Then.CONTINUE_BATCH);
                    return;
                }
                if (loop.batchDone()) {
                    break;
                }
                long next = processingMs(loop.currentRecord());
                if (next > 0) {
                    armTimer(TimerKind.PROCESS, next);
                    return;
                }
            }
            emitProcessed();
            switch (behavior.commitPolicy().kind()) {
                case SYNC_AFTER_BATCH -> {
                    // consumer.commitSync(): subscriptions.allConsumed(), the positions after this batch.
                    commits.beginSync(this, "syncAfterBatch", fetcher.assignment.allConsumed(),
                            Commits.consumedEpochs(this), Commits.Then.POLL);
                    return;
                }
                case ASYNC_AFTER_BATCH -> commits.commitAsync(this, fetcher.assignment.allConsumed());
                default -> {
                }
            }
            loop.endBatch();
            callPoll();
        }

        private void emitProcessed() {
            context.emit(EventKind.CLIENT, "ProcessRecords", id, null,
                    fields("records", loop.batchSize(), "durationMs", now() - loop.batchStartedAt,
                            "partitions", loop.batchRanges()),
                    "sim.client.processed", Map.of("consumer", id, "records", loop.batchSize(),
                            "durationMs", now() - loop.batchStartedAt));
        }

        void tick(TimerKind kind) {
            if (!state.running() && kind != TimerKind.RETRY) {
                return;
            }
            switch (kind) {
                case HEARTBEAT -> heartbeatThread(false);
                case POLL_TIMEOUT -> heartbeatThread(true);
                case AUTO_COMMIT -> {
                    if (loop.phase != PollLoop.Phase.UNSUBSCRIBED) {
                        autoCommitTimer();
                    }
                }
                case METADATA -> {
                    // An update is due: NetworkClient.poll sends it, called by the application's thread if it is
                    // in the network client now, else by the heartbeat thread at its next turn, else the next poll().
                    if (applicationReadsNetwork()) {
                        metadata.maybeUpdate(this);
                    } else {
                        heartbeat.updateMetadataAtNextTurn(this);
                    }
                    pollIteration();
                }
                case POLL_RETURN -> {
                    if (loop.phase == PollLoop.Phase.IN_POLL) {
                        pollTimedOut();
                    }
                }
                case PROCESS -> {
                    if (loop.phase == PollLoop.Phase.PROCESSING && loop.inListener) {
                        listenerWaitOver(); // a stall inside the listener ended; it returns if the pool drained
                    } else if (loop.phase == PollLoop.Phase.PROCESSING) {
                        if (loop.batchDone()) {
                            loop.endBatch();
                            callPoll(); // a stall with no records in hand is over
                        } else {
                            recordProcessed();
                        }
                    }
                }
                case RETRY -> {
                    wake();
                    readIfAwake(); // after its sleep, ensureCoordinatorReady's client.poll reads what waited
                }
                case COMMIT_RETRY -> {
                    commits.syncWake(this);
                    pollIteration(); // a listener's commitSync that just returned: its pass goes on
                }
                case CLOSE_WAIT -> closeWaitOver();
                case OFFSET_RESET -> pollIteration();
                case OFFSET_FETCH_RETRY -> {
                    pollIteration();
                    readIfAwake(); // after its sleep, fetchCommittedOffsets' client.poll reads what waited
                }
                case OFFSETS_FOR_TIMES -> OffsetsByTime.wake(this);
                case HEARTBEAT_DUE -> {
                    if (loop.phase == PollLoop.Phase.IN_POLL && loop.waitingFor == PollLoop.Wait.NONE
                            && heartbeat.isDue(this)) {
                        pollIteration(); // its Heartbeat.poll finds the heartbeat due and wakes the thread
                    }
                }
                default -> throw new IllegalStateException("unknown timer " + kind);
            }
        }

        /** Something the blocked threads wait for happened: let them look again. */
        void wake() {
            if (!state.running()) {
                return;
            }
            if (heartbeat.enabled && group.coordinator < 0) {
                lookupCoordinator();
            }
            commits.syncWake(this);
            pollIteration();
        }

        private void autoCommitTimer() {
            // A pass blocked on its coordinator or an OffsetFetch reaches the auto commit only once that wait ends.
            PollLoop.Wait blocked = loop.phase == PollLoop.Phase.IN_POLL ? loop.waitingFor : PollLoop.Wait.NONE;
            boolean inPoll = loop.phase == PollLoop.Phase.IN_POLL && blocked == PollLoop.Wait.NONE;
            String waits = loop.phase == PollLoop.Phase.IN_CALL ? "sim.client.autoCommitWaits.inCall"
                    : blocked == PollLoop.Wait.COMMITTED_OFFSETS ? "sim.client.autoCommitWaits.offsetFetch"
                    : blocked == PollLoop.Wait.COORDINATOR ? "sim.client.autoCommitWaits.coordinator"
                    : "sim.client.autoCommitWaits";
            // ConsumerCoordinator.poll returns before maybeAutoCommitOffsetsAsync while a join is unfinished.
            boolean joining = !subscription.userAssigned()
                    && (group.rejoinNeeded || group.join != GroupMembership.JoinPhase.NONE);
            context.emit(EventKind.TIMER, "AutoCommitInterval", id, null,
                    fields("inPoll", inPoll, "intervalMs", config.autoCommitIntervalMs()),
                    !inPoll ? waits : joining ? "sim.client.autoCommitWaits.join" : "sim.client.autoCommitDue",
                    Map.of("consumer", id, "autoCommitIntervalMs", config.autoCommitIntervalMs()));
            if (inPoll) {
                pollIteration();
            }
        }

        // ---- network ------------------------------------------------------------------------------------------

        /** Sends a request to {@code broker} and remembers it. Returns the correlation id. */
        long send(int broker, boolean toCoordinator, CommitPurpose purpose, Map<TopicPartition, Long> offsets,
                  LongFunction<Message> request) {
            long correlationId = inFlight.nextId();
            Message message = request.apply(correlationId);
            inFlight.put(correlationId, new Pending(message.api(), broker, now(), group.generation, toCoordinator,
                    purpose, offsets));
            metadata.sending(broker, toCoordinator);
            // A quiet fault state intercepts nothing and stays as it is: then it need not be copied.
            int node = ConnectionStates.node(broker, toCoordinator);
            if (faults.quiet(now()) || !ownFaults().intercept(this, broker, node, message, network)) {
                network.sendOn(context, id, ClusterAccess.ACTOR_ID, broker, node, message);
            }
            return correlationId;
        }

        long send(int broker, boolean toCoordinator, LongFunction<Message> request) {
            return send(broker, toCoordinator, CommitPurpose.NONE, Map.of(), request);
        }

        void arrive(Deliver deliver) {
            if (!state.running() && state != MemberState.STOPPED) {
                return; // a crashed or failed process reads nothing
            }
            if (applicationReadsNetwork()) {
                readUnread(loop.phase.name()); // those that came before it first: the network keeps their order
                read(deliver);
                afterReading();
            } else {
                unread.add(new Arrived(deliver, now()));
                heartbeat.readAtNextTurn(this);
            }
        }

        /**
         * A thread calls into the network client: the heartbeat thread's {@code client.pollNoWakeup()} at the top of
         * its turn, or a call of the application's as it starts (commitAsync()'s {@code client.pollNoWakeup()},
         * commitSync()'s {@code client.poll(future, timer)}). What arrived while the application processed records is
         * read now, {@code by} that thread or call.
         */
        void readArrived(String by) {
            if (!unread.isEmpty() && state.running()) {
                readUnread(by);
                afterReading();
            }
        }

        /** What {@code NetworkClient.poll} and the threads waiting on it do once answers are read. */
        private void afterReading() {
            if (state.running() && loop.closeAwaitsCoordinator) {
                closeIfNothingPending();
            } else if (state.running() && loop.closeFetches != null) {
                closeIfFetchSessionsClosed();
            }
            if (state.running()) {
                metadata.maybeUpdate(this); // NetworkClient.poll: after reading, a due update goes out
                commits.syncWake(this);
                pollIteration();
            }
        }

        /**
         * Whether the application's thread is reading the network: inside poll(), close(), commitSync() or
         * offsetsForTimes(). While it processes records only the heartbeat thread reads, on its turns.
         */
        private boolean applicationReadsNetwork() {
            if (!state.running()) {
                return true;
            }
            boolean inNetworkCall = loop.phase == PollLoop.Phase.IN_POLL || loop.phase == PollLoop.Phase.CLOSING
                    || loop.phase == PollLoop.Phase.COMMITTING || loop.phase == PollLoop.Phase.IN_CALL;
            return inNetworkCall && !applicationSleeps();
        }

        /**
         * The application thread sleeps a retry backoff ({@code timer.sleep}): in ensureCoordinatorReady before it
         * looks for its coordinator again, or in poll()'s fetchCommittedOffsets before it asks again for committed
         * offsets. Kafka's thread reads nothing meanwhile, so what arrives waits for the heartbeat thread's turn
         * (which cannot come inside ensureCoordinatorReady, {@link #holdsCoordinatorLock}) or the sleep's end.
         */
        private boolean applicationSleeps() {
            long now = now();
            return loop.phase == PollLoop.Phase.IN_POLL && loop.waitingFor == PollLoop.Wait.COMMITTED_OFFSETS
                    && fetcher.offsetFetchRetry.asleep(now)
                    || holdsCoordinatorLock() && now < group.findCoordinatorRetryAt;
        }

        /**
         * Whether the application thread is inside ensureCoordinatorReady (poll()'s, or commitSync()'s as it looks
         * for its coordinator), which holds the coordinator's monitor through its network waits and sleeps: the
         * heartbeat thread's turns wait for it.
         */
        boolean holdsCoordinatorLock() {
            return state.running() && (loop.phase == PollLoop.Phase.IN_POLL
                    && loop.waitingFor == PollLoop.Wait.COORDINATOR || commits.syncLooksForCoordinator(this));
        }

        /** Reads what arrived while nobody read the network; {@code by}: the thread reading now. */
        private void readUnread(String by) {
            if (unread.isEmpty()) {
                return;
            }
            List<Arrived> waiting = new ArrayList<>(unread);
            unread.clear();
            readBy = by;
            for (Arrived arrived : waiting) {
                unreadMs = now() - arrived.at();
                read(arrived.deliver());
                unreadMs = 0;
            }
            readBy = null;
        }

        private void read(Deliver deliver) {
            Message message = deliver.message();
            if (message instanceof ConnectionsClosing closing) {
                connectionsClosing(closing.broker());
                return;
            }
            if (message instanceof ConnectionsClosed closed) {
                connectionsClosed(closed.broker());
                return;
            }
            Pending pending = inFlight.complete(message.correlationId());
            if (pending == null) {
                return; // answer to a request failed locally (coordinator marked unknown): dropped
            }
            if (!faults.quiet(now()) && ownFaults().losesAnswer(this, deliver, pending)) {
                inFlight.put(message.correlationId(), pending); // still waiting, until request.timeout.ms
                return;
            }
            answeringBroker = pending.broker();
            if (message instanceof Disconnected disconnected && disconnected.timedOut()) {
                closeTimedOutConnection(deliver, disconnected, pending);
                return;
            }
            if (message instanceof Disconnected disconnected) {
                emitDisconnected(disconnected.broker(), disconnected.api(), deliver.sentAt(),
                        message.correlationId());
                if (!state.running()) {
                    return;
                }
                // processDisconnection: the connection's state first, then the failed request's handler.
                metadata.onDisconnect(this, disconnected.broker(), pending.toCoordinator(), true);
                if (pending.toCoordinator()) {
                    group.coordinatorDisconnected(this);
                }
                requestFailed(pending, message.correlationId(), Errors.NETWORK_EXCEPTION);
                return;
            }
            if (!state.running()) {
                emitResponse(deliver, fields("ignored", "closed")); // close() waits for pending answers
                return;
            }
            metadata.connected(pending.broker(), pending.toCoordinator());
            dispatchResponse(deliver, pending);
        }

        /**
         * A stopping broker closed this consumer's connections to it, and this poll reads the close with the answers
         * the broker sent before it: each open connection is disconnected now, as kafka-clients'
         * {@code processDisconnection} does before any of those answers is handled (its reconnect backoff starts, a
         * metadata update is asked for), so nothing sent while handling them goes to the closing broker.
         */
        private void connectionsClosing(int broker) {
            if (!state.running()) {
                return; // a closed consumer closed its connections itself
            }
            for (boolean toCoordinator : new boolean[] {false, true}) {
                if (metadata.isOpen(broker, toCoordinator)) {
                    metadata.closing(this, broker, toCoordinator);
                }
            }
        }

        /**
         * The close has been read to its end: on each connection it closed, the requests the broker did not answer
         * fail. A coordinator on that broker whose connection closed is then unavailable, and the thread that read
         * the close finds it so ({@code checkAndGetCoordinator}): "coordinator unavailable".
         */
        private void connectionsClosed(int broker) {
            boolean other = metadata.isClosing(broker, false);
            boolean coordinatorConnection = metadata.isClosing(broker, true);
            metadata.closeRead(broker);
            if (!state.running() || (!other && !coordinatorConnection)) {
                return;
            }
            context.emit(EventKind.FAULT, "ConnectionsClosed", id, ClientEvents.broker(broker),
                    fields("broker", broker, "coordinator", coordinatorConnection, "other", other),
                    "sim.client.connectionsClosed", Map.of("consumer", id, "broker", broker,
                            "coordinator", coordinatorConnection));
            for (boolean toCoordinator : new boolean[] {false, true}) {
                if (toCoordinator ? coordinatorConnection : other) {
                    failUnanswered(broker, toCoordinator);
                }
            }
            group.checkCoordinator(this);
        }

        private void failUnanswered(int broker, boolean toCoordinator) {
            for (Map.Entry<Long, Pending> request : inFlight.failConnection(broker, toCoordinator)) {
                Pending pending = request.getValue();
                emitDisconnected(broker, pending.api(), pending.sentAt(), request.getKey());
                if (toCoordinator) {
                    group.coordinatorDisconnected(this);
                }
                requestFailed(pending, request.getKey(), Errors.NETWORK_EXCEPTION);
            }
        }

        /** A request failed with its connection (kafka-clients: a DisconnectException). */
        private void emitDisconnected(int broker, String api, long sentAt, long correlationId) {
            context.emit(EventKind.RESPONSE, "Disconnected", id, ClientEvents.broker(broker),
                    fields("api", api, "sentAt", sentAt, "correlationId", correlationId),
                    "sim.client.disconnected", Map.of("consumer", id, "broker", broker, "api", api));
        }

        /**
         * A request got no answer within its timeout: kafka-clients closes its connection
         * ({@code NetworkClient.handleTimedOutRequests}, "Disconnecting from node ... due to request timeout") and
         * fails every request in flight on it at this moment, each with a DisconnectException
         * ({@code processTimeoutDisconnection} → {@code cancelInFlightRequests}). The connection is the one to the
         * coordinator or the other one to the same broker (AbstractCoordinator connects to the coordinator as a node
         * of its own), never both. Each failed request gets its Disconnected, the timed-out one first; then each is
         * handled as any Disconnected is, oldest first as kafka-clients completes them, and the connection's failure
         * counts once for reconnect backoff and metadata ({@code processDisconnection}). Answers to the cancelled
         * requests, and their own timeouts if they were lost too, find nothing pending and are dropped.
         */
        private void closeTimedOutConnection(Deliver deliver, Disconnected timedOut, Pending pending) {
            int broker = timedOut.broker();
            List<Map.Entry<Long, Pending>> failed = new ArrayList<>(inFlight.failConnection(pending.broker(),
                    pending.toCoordinator()));
            long timeoutMs = FaultState.timeoutMs(this, timedOut.api());
            context.emit(EventKind.RESPONSE, "Disconnected", id, ClientEvents.broker(broker),
                    fields("api", timedOut.api(), "timedOut", true, "coordinator", pending.toCoordinator(),
                            "cancelled", failed.size(), "sentAt", deliver.sentAt(),
                            "correlationId", timedOut.correlationId()),
                    "sim.client.disconnected.timeout", Map.of("consumer", id, "broker", broker,
                            "api", timedOut.api(), "timeoutMs", timeoutMs, "cancelled", failed.size(),
                            "coordinator", pending.toCoordinator()));
            for (Map.Entry<Long, Pending> other : failed) {
                Pending request = other.getValue();
                context.emit(EventKind.RESPONSE, "Disconnected", id, ClientEvents.broker(broker),
                        fields("api", request.api(), "closedBy", timedOut.correlationId(),
                                "coordinator", request.toCoordinator(), "sentAt", request.sentAt(),
                                "correlationId", other.getKey()),
                        "sim.client.disconnected.closed", Map.of("consumer", id, "broker", broker,
                                "api", request.api(), "timedOutApi", timedOut.api(),
                                "coordinator", request.toCoordinator()));
            }
            if (!state.running()) {
                return;
            }
            failed.add(Map.entry(timedOut.correlationId(), pending));
            failed.sort(Map.Entry.comparingByKey());
            metadata.onDisconnect(this, broker, pending.toCoordinator(), false);
            for (Map.Entry<Long, Pending> request : failed) {
                if (request.getValue().toCoordinator()) {
                    group.coordinatorDisconnected(this);
                }
                requestFailed(request.getValue(), request.getKey(), Errors.NETWORK_EXCEPTION);
            }
        }

        /**
         * A response no rule of the client explains: the answers a learner steps to (FindCoordinator, OffsetFetch,
         * LeaveGroup, and any answer with an error) get {@code sim.response.<api>} or {@code sim.response.error};
         * routine ones (fetches) none.
         */
        void emitResponse(Deliver deliver, Map<String, Object> salient) {
            String api = deliver.message().api();
            Object error = salient.get("error");
            String key = null;
            if (salient.containsKey("ignored")) {
                key = "sim.response.ignored";
            } else if (error != null && !"NONE".equals(error)) {
                key = "sim.response.error";
            } else if (EXPLAINED_RESPONSES.contains(api)) {
                key = "sim.response." + api;
            }
            if (key == null) {
                emitResponse(deliver, salient, null, Map.of());
                return;
            }
            Map<String, Object> args = new OrderedFields(salient);
            args.put("consumer", id);
            args.put("broker", answeringBroker);
            args.put("api", api);
            emitResponse(deliver, salient, key, args);
        }

        /** The RESPONSE event of an answer: api + "Response", peer broker-N, with sentAt and correlationId. */
        void emitResponse(Deliver deliver, Map<String, Object> salient, String ruleKey, Map<String, Object> args) {
            if (!context.buildsEvents()) { // a replay: counted only
                context.emit(EventKind.RESPONSE, deliver.message().responseType(), id,
                        ClientEvents.broker(answeringBroker), Map.of());
                return;
            }
            Map<String, Object> all = new OrderedFields(salient);
            all.put("sentAt", deliver.sentAt());
            all.put("correlationId", deliver.message().correlationId());
            if (unreadMs > 0) {
                all.put("unreadMs", unreadMs); // arrived while no thread read the network: drawn as it was
                all.put("readBy", readBy);
            }
            context.emit(EventKind.RESPONSE, deliver.message().responseType(), id,
                    ClientEvents.broker(answeringBroker), all, ruleKey, args);
        }

        private void dispatchResponse(Deliver deliver, Pending pending) {
            Message message = deliver.message();
            if (message instanceof FindCoordinatorResponse response) {
                group.onFindCoordinator(this, deliver, response);
            } else if (message instanceof JoinGroupResponse response) {
                group.onJoinGroup(this, deliver, response, pending);
            } else if (message instanceof SyncGroupResponse response) {
                group.onSyncGroup(this, deliver, response, pending);
            } else if (message instanceof HeartbeatResponse response) {
                heartbeat.onResponse(this, deliver, response, pending);
            } else if (message instanceof LeaveGroupResponse response) {
                emitResponse(deliver, fields("error", response.error().name()));
            } else if (message instanceof OffsetCommitResponse response) {
                commits.onOffsetCommit(this, deliver, response, pending);
            } else if (message instanceof OffsetFetchResponse response) {
                fetcher.onOffsetFetch(this, deliver, response);
            } else if (message instanceof FetchResponse response) {
                fetcher.onFetch(this, deliver, response, pending.broker());
            } else if (message instanceof ListOffsetsResponse response) {
                fetcher.onListOffsets(this, deliver, response);
            } else if (message instanceof OffsetForLeaderEpochResponse response) {
                fetcher.onOffsetForLeaderEpoch(this, deliver, response);
            } else if (message instanceof MetadataResponse response) {
                metadata.onMetadata(this, deliver, response);
                group.maybeResumeLeaderAssignment(this);
                OffsetsByTime.onMetadata(this, deliver);
            }
        }

        /** A request failed without an answer (disconnect, or its coordinator was marked unknown). */
        void requestFailed(Pending pending, Errors error) {
            requestFailed(pending, -1, error);
        }

        /** As {@link #requestFailed(Pending, Errors)}, knowing the failed request's correlation id. */
        void requestFailed(Pending pending, long correlationId, Errors error) {
            switch (pending.api()) {
                case "FindCoordinator" -> group.findCoordinatorFailed(this, error);
                case "JoinGroup", "SyncGroup" -> group.joinDisconnected(error);
                case "Heartbeat" -> heartbeat.failHeartbeat(this);
                case "OffsetCommit" -> commits.commitFailed(this, pending, error, true);
                case "OffsetFetch" -> fetcher.offsetFetchFailed(error);
                case "Fetch" -> fetcher.fetchFailed(pending.broker());
                case "ListOffsets" -> fetcher.listOffsetsFailed(this, correlationId);
                case "OffsetForLeaderEpoch" -> fetcher.offsetForLeaderEpochFailed(this, correlationId);
                case "Metadata" -> metadata.metadataFailed(this);
                default -> {
                    // LeaveGroup: nothing waits for it. (A failed Fetch: the next poll() fetches again.)
                }
            }
        }

        // ---- pieces used by GroupMembership and Fetcher --------------------------------------------------------

        ConsumerClientConfig config() {
            return config;
        }

        String id() {
            return id;
        }

        /** The topics subscribed to now (named, or matched by the pattern); none for assign(). */
        List<String> topics() {
            return List.copyOf(subscription.topics);
        }

        SubscriptionState subscription() {
            return subscription;
        }

        ConsumerMetadata metadata() {
            return metadata;
        }

        RebalanceProtocol protocol() {
            return protocol;
        }

        ConsumerBehavior behavior() {
            return behavior;
        }

        MemberState state() {
            return state;
        }

        InFlight inFlight() {
            return inFlight;
        }

        Fetcher fetcher() {
            return fetcher;
        }

        GroupMembership group() {
            return group;
        }

        Commits commits() {
            return commits;
        }

        HeartbeatThread heartbeat() {
            return heartbeat;
        }

        PollLoop loop() {
            return loop;
        }

        boolean inPoll() {
            return loop.phase == PollLoop.Phase.IN_POLL;
        }

        void changeState(MemberState to, String ruleKey, Map<String, Object> args) {
            if (state == to) {
                return;
            }
            MemberState from = state;
            state = to;
            Map<String, Object> ruleArgs = new LinkedHashMap<>(SimEvent.stable(args));
            ruleArgs.putIfAbsent("consumer", id);
            context.emit(EventKind.STATE, "MemberStateChange", id, null,
                    fields("from", from.name(), "to", to.name(), "generation", group.generation.generationId(),
                            "memberId", group.generation.memberId()), ruleKey, ruleArgs);
        }

        /** An action done to this consumer, explained by {@code sim.client.action.<type>}. */
        void action(String type, Map<String, Object> fieldValues) {
            Map<String, Object> args = new LinkedHashMap<>(fieldValues);
            args.put("consumer", id);
            context.emit(EventKind.ACTION, type, id, null, fieldValues, "sim.client.action." + type, args);
        }

        void client(String type, Map<String, Object> fieldValues, String ruleKey, Map<String, Object> args) {
            if (!context.buildsEvents()) { // a replay: counted only
                context.emit(EventKind.CLIENT, type, id, null, Map.of());
                return;
            }
            Map<String, Object> ruleArgs = new LinkedHashMap<>(SimEvent.stable(args));
            ruleArgs.putIfAbsent("consumer", id);
            context.emit(EventKind.CLIENT, type, id, null, fieldValues, ruleKey, ruleArgs);
        }

        String timerKey(TimerKind kind) {
            return timerKeys[kind.ordinal()];
        }

        ConsumerTasks.Tick timerTask(TimerKind kind) {
            return ticks[kind.ordinal()];
        }

        void armTimer(TimerKind kind, long delayMs) {
            context.setTimer(timerKey(kind), Math.max(0, delayMs), timerTask(kind));
        }

        void cancelTimer(TimerKind kind) {
            context.cancelTimer(timerKey(kind));
        }

        /** When timer {@code kind} fires, or -1 when it is not armed (never armed, fired or cancelled). */
        long timerDeadline(TimerKind kind) {
            return context.timerDeadline(timerKey(kind));
        }

        private void cancelAllTimers() {
            for (TimerKind kind : TimerKind.values()) {
                cancelTimer(kind);
            }
        }

        /** Runs a listener callback on the poll loop and records it. */
        void invokeListener(String callback, SortedSet<TopicPartition> partitions, String ruleKey) {
            // The generation the listener reads from consumer.groupMetadata(): after a reset (onPartitionsLost), the
            // one lost, not -1.
            client(callback, fields("partitions", ClientEvents.partitions(partitions),
                    "generation", group.groupMetadata.generationId(), "protocol", protocol.name()), ruleKey,
                    Map.of("partitions", String.join(", ", ClientEvents.partitions(partitions))));
            RebalanceListener listener = behavior.listener();
            switch (callback) {
                case "onPartitionsRevoked" -> listener.onPartitionsRevoked(partitions);
                case "onPartitionsAssigned" -> listener.onPartitionsAssigned(partitions);
                case "onPartitionsLost" -> listener.onPartitionsLost(partitions);
                default -> throw new IllegalArgumentException(callback);
            }
        }

        // ---- threads of the group protocol --------------------------------------------------------------------

        /** True when positions just taken from an OffsetFetch answer await validation at poll()'s next pass. */
        private boolean fetchPositions() {
            return fetcher.updateFetchPositions(this);
        }

        private void sendFetches() {
            fetcher.sendFetches(this);
        }

        void lookupCoordinator() {
            group.lookupCoordinator(this);
        }

        private void heartbeatThread(boolean pollTimerFired) {
            heartbeat.run(this, pollTimerFired);
        }

        // ---- endings ------------------------------------------------------------------------------------------

        private void beginClose() {
            loop.phase = PollLoop.Phase.CLOSING;
            cancelTimer(TimerKind.POLL_RETURN);
            if (!commits.finalCommitSync(this)) {
                startClose();
            }
            if (loop.phase == PollLoop.Phase.CLOSING) {
                readArrived(PollLoop.Phase.CLOSING.name()); // its commit's or LeaveGroup's wait polls the network
            }
        }

        /** close() itself, after the application's final commitSync() if it makes one. */
        private void startClose() {
            // close()'s one timer, for its commit and for the wait below: the lower of 30 s and request.timeout.ms.
            loop.closeStartedAt = now();
            armTimer(TimerKind.CLOSE_WAIT, Commits.closeTimeoutMs(this));
            if (!commits.closeCommit(this)) {
                finishClose();
            }
        }

        /**
         * After the close-time commit (if any): listener, LeaveGroup, then {@code AbstractCoordinator.close}'s
         * {@code awaitPendingRequests}: close() returns once nothing is in flight to a coordinator it still has (the
         * LeaveGroup's answer read), or when its timer runs out.
         */
        void finishClose() {
            if (loop.phase != PollLoop.Phase.CLOSING || loop.closeAwaitsCoordinator || loop.closeInListener
                    || loop.closeFetches != null) {
                return;
            }
            if (commits.awaitsCoordinator()) {
                // ConsumerCoordinator.close: first the commitAsync() calls chained to the coordinator's lookup
                // (pendingAsyncCommits), until they are sent or failed or close()'s timer runs out.
                if (!loop.closeAwaitsChainedCommits) {
                    loop.closeAwaitsChainedCommits = true;
                    client("CloseAwaitsCommits", fields(), "sim.client.close.awaitsChainedCommits", Map.of());
                }
                return;
            }
            leaveOnClose();
        }

        /** The commits chained to a coordinator lookup went out or failed: a close() waiting for them goes on. */
        void chainedCommitsDone() {
            if (loop.phase == PollLoop.Phase.CLOSING && loop.closeAwaitsChainedCommits) {
                loop.closeAwaitsChainedCommits = false;
                finishClose();
            }
        }

        /**
         * {@code AbstractCoordinator.close}: the heartbeat thread stops, then onLeavePrepare's listener (whose
         * commitSync, with commitOnRevoke, blocks it), the LeaveGroup, and waiting for what is in flight.
         */
        private void leaveOnClose() {
            heartbeat.enabled = false;
            loop.closeInListener = true; // a commitSync that ends at once returns through listenerReturnedOnClose
            if (!commits.leaveCommit(this)) {
                listenerReturnedOnClose();
            }
        }

        /** onPartitionsRevoked returned in close()'s onLeavePrepare: the callback's event, then the LeaveGroup. */
        private void listenerReturnedOnClose() {
            if (!loop.closeInListener) {
                return;
            }
            loop.closeInListener = false;
            group.onLeavePrepare(this);
            group.maybeLeaveGroup(this, loop.closeLeave, "the consumer is being closed");
            loop.closeAwaitsCoordinator = true;
            if (timerDeadline(TimerKind.CLOSE_WAIT) < 0) {
                closeFetcher(); // close()'s timer ran out in the listener: no wait for the coordinator
                return;
            }
            closeIfNothingPending();
        }

        /** close() waits while checkAndGetCoordinator() names a coordinator with requests in flight to it. */
        private void closeIfNothingPending() {
            group.checkCoordinator(this);
            if (group.coordinator < 0 || !inFlight.anyToCoordinator(group.coordinator)) {
                closeFetcher();
            }
        }

        /**
         * ClassicKafkaConsumer.close after the coordinator's part: {@code Fetcher.close} sends each fetch session's
         * close and waits for the answers, its timer reset to what is left of close()'s 30 s, at most
         * request.timeout.ms. With nothing left the closes are never sent: they would go out only in that wait.
         */
        private void closeFetcher() {
            loop.closeAwaitsCoordinator = false;
            long left = Math.max(0, Commits.DEFAULT_CLOSE_TIMEOUT_MS - (now() - loop.closeStartedAt));
            long wait = Math.min(config.settings().requestTimeoutMs(), left);
            long[] closes = wait > 0 ? fetcher.closeSessions(this) : new long[0];
            if (closes.length == 0) {
                stopProcess(MemberState.STOPPED, "close");
                return;
            }
            loop.closeFetches = closes;
            armTimer(TimerKind.CLOSE_WAIT, wait);
            client("CloseFetchSessions", fields("requests", closes.length, "waitMs", wait),
                    "sim.client.close.fetchSessions", Map.of("consumer", id, "requests", closes.length,
                            "waitMs", wait));
        }

        /** Every fetch-session close answered (or failed): close() returns. */
        private void closeIfFetchSessionsClosed() {
            for (long correlationId : loop.closeFetches) {
                if (inFlight.has(correlationId)) {
                    return;
                }
            }
            stopProcess(MemberState.STOPPED, "close");
        }

        /** close()'s timer ran out: Kafka logs "Close timed out with … pending requests" and closes anyway. */
        private void closeWaitOver() {
            if (loop.phase == PollLoop.Phase.CLOSING && loop.closeAwaitsChainedCommits) {
                loop.closeAwaitsChainedCommits = false; // the loop's timer ran out: it leaves without them
                leaveOnClose();
            }
            if (loop.phase == PollLoop.Phase.CLOSING && loop.closeAwaitsCoordinator) {
                closeFetcher();
            } else if (loop.phase == PollLoop.Phase.CLOSING && loop.closeFetches != null) {
                stopProcess(MemberState.STOPPED, "close"); // "may result in unnecessary fetch sessions"
            }
        }

        /** A fatal error from poll(): the application stops (and sends nothing more). */
        void fail(String reason) {
            failure = reason;
            client("ConsumerFailed", fields("error", reason), "sim.client.failed", Map.of("error", reason));
            stopProcess(MemberState.FAILED, reason);
        }

        private void stopProcess(MemberState end, String reason) {
            ClusterAccess.of(context).clientStopped(context, id);
            if (pool != null) {
                pool.stop(this);
            }
            Ledger ledger = Ledger.of(context);
            if (ledger != null) {
                ledger.handsEmpty(config.groupId(), id);
            }
            cancelAllTimers();
            unread.clear();
            loop.stop();
            heartbeat.enabled = false;
            changeState(end, "sim.client.state." + end.name().toLowerCase(Locale.ROOT),
                    Map.of("reason", reason));
            if (nextConfig != null) {
                // close() returned: the application builds its new KafkaConsumer with the changed settings. A
                // process that died before that keeps them for whoever restarts it.
                adopt(nextConfig, nextBehavior);
                if (end == MemberState.STOPPED) {
                    restart();
                }
            }
        }
    }
}
