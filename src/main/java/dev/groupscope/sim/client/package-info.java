/**
 * The client side of the simulation: a classic-protocol {@code KafkaConsumer} ({@link dev.groupscope.sim.client.ConsumerActor})
 * and a producer ({@link dev.groupscope.sim.client.ProducerActor}), deciding as kafka-clients 4.1 does.
 *
 * <h2>Using them</h2>
 * <pre>{@code
 * World world = new World(seed);
 * ClusterActor.install(world, ClusterSetup.of(3).withTopic("orders", 6, 2));
 * world.addActor(new ConsumerActor("C1", ConsumerClientConfig.defaults("g1").with("group.instance.id", "c1"),
 *         List.of("orders"), ConsumerBehavior.processing(5), Network.DEFAULT));
 * world.addActor(new ProducerActor("P1", ProducerConfig.of("orders", 50, new KeyDistribution.Uniform(20))));
 * script: new ConsumerTasks.Start("C1"), new ProducerActor.Start("P1"), new ConsumerTasks.Crash("C1"), ...
 * }</pre>
 * Consumer actions: {@code Start}, {@code Close(leaveGroup)}, {@code Crash}, {@code StallProcessing(ms)},
 * {@code Restart}; producer actions: {@code ProducerActor.Start}, {@code ProducerActor.Stop}.
 *
 * <h2>Events</h2>
 * <ul>
 *   <li>RESPONSE {@code <Api>Response} (actor = client id, peer = {@code broker-<id>}): {@code error},
 *       {@code generation}, {@code memberId}, {@code assignment} (sorted {@code topic-partition}s), offsets, fetched
 *       record counts..., then {@code sentAt}, {@code correlationId}. RESPONSE {@code Disconnected}: {@code api};
 *       for the request that timed out, {@code timedOut}, {@code coordinator} (which of the two connections to the
 *       broker closed) and {@code cancelled} (how many other requests failed with it); for each of those,
 *       {@code closedBy} (the timed-out request's correlation id) and {@code coordinator}.</li>
 *   <li>STATE {@code MemberStateChange}: {@code from}/{@code to} among UNJOINED, PREPARING_REBALANCE,
 *       COMPLETING_REBALANCE, STABLE, and GroupScope's STOPPED (not started or closed), CRASHED and FAILED (poll()
 *       threw, e.g. FENCED_INSTANCE_ID or NoOffsetForPartitionException).</li>
 *   <li>CLIENT: {@code Poll} (records, per partition {@code [first, last]}), {@code ProcessRecords},
 *       {@code onPartitionsRevoked} / {@code onPartitionsAssigned} / {@code onPartitionsLost} ({@code partitions}
 *       sorted; {@code generation} as the listener reads it from {@code consumer.groupMetadata()}, which only a
 *       completed join changes, so a lost callback names the generation lost, not the reset -1),
 *       {@code AutoCommit} ({@code purpose}, {@code offsets}, {@code sent}), the application's commits
 *       ({@link dev.groupscope.sim.client.CommitPolicy}, {@link dev.groupscope.sim.client.ListenerPolicy}):
 *       {@code CommitSync} / {@code CommitAsync} ({@code policy}, {@code offsets}, {@code attempt},
 *       {@code generation}), {@code CommitSyncRetry} ({@code error}, {@code backoffMs}), {@code CommitSyncFailed}
 *       ({@code exception}, {@code error}), {@code CommitAsyncCallback} ({@code error}, {@code exception}),
 *       {@code CommitAsyncAwaitsCoordinator} ({@code policy}, {@code purpose}, {@code offsets}, {@code chained}: a
 *       commit waiting for the coordinator's lookup), {@code CommitSyncAwaitsAsync} ({@code policy}, {@code inFlight},
 *       {@code timeoutMs}: a commitSync() of nothing waiting for the commitAsync() calls in flight; a timeout ends it
 *       in {@code CommitSyncFailed} with {@code asyncInFlight}), {@code AssignorRun}
 *       ({@code assignor}, {@code members}, {@code assignment}, {@code withheld}, {@code steps} as the assignor's
 *       trace: kind, messageKey, member, partition, args), {@code CoordinatorFound}, {@code CoordinatorUnknown},
 *       {@code FindCoordinatorRetry}, {@code OffsetFetchRetry} ({@code error}, {@code backoffMs}: fetchCommittedOffsets
 *       sleeps before it asks again), {@code LeaveGroup}, {@code StayInGroup}, {@code PositionFromCommitted}
 *       ({@code offsets}; {@code awaitingValidation}: per partition the committed leader epoch it will be validated
 *       from), {@code OffsetReset}, {@code ConsumerFailed}. RESPONSE {@code OffsetFetchResponse} carries
 *       {@code leaderEpochs}, the committed epochs, when any commit had one; the broker's {@code OffsetCommitRequest}
 *       event likewise, and its {@code OffsetCommitRecord} a {@code leaderEpoch} (-1 without one).</li>
 *   <li>TIMER: {@code HeartbeatInterval} (a heartbeat is sent), {@code PollTimeoutExpired},
 *       {@code AutoCommitInterval} ({@code inPoll}: false means the commit waits for the next poll()).</li>
 *   <li>The application's calls ({@link dev.groupscope.sim.client.ApplicationCalls}), CLIENT: {@code Pause},
 *       {@code Resume} ({@code partitions}, {@code paused}), {@code Seek} ({@code partition}, {@code offset},
 *       {@code previousPosition}), {@code SeekToBeginning} / {@code SeekToEnd} (then, at the next poll(), a
 *       ListOffsets to the leader and, on its answer, {@code OffsetReset} with {@code cause} seekToBeginning /
 *       seekToEnd and the answering {@code broker}), {@code OffsetsForTimes} (the call: {@code partitions},
 *       {@code timestamp}, {@code seek}, {@code defaultApiTimeoutMs}; then a ListOffsets to each leader),
 *       {@code OffsetsForTimesReturned} ({@code offsets}, "null" where none, {@code durationMs}, {@code rounds}) or
 *       {@code OffsetsForTimesFailed} ({@code exception} TimeoutException, {@code unanswered}), {@code Subscribe}, {@code Assign}, {@code Unsubscribe}, {@code CallRejected}
 *       ({@code method}, {@code exception}, {@code message}); subscriptions: {@code PatternMatched}
 *       ({@code pattern}, {@code topics}, {@code added}, {@code removed}), {@code SubscriptionChanged}
 *       ({@code joined}, {@code now}); RESPONSE {@code MetadataResponse} ({@code why}: start, subscribe, maxAge,
 *       disconnected, notLeader, unknownTopic, noLeader, newTopics, beforeJoin, newerEpoch; {@code brokers},
 *       {@code topics} with
 *       their partition counts, {@code created}, {@code deleted}, {@code grown}, {@code moved} leaders,
 *       {@code unknown} topics, {@code changed}); RESPONSE {@code OffsetForLeaderEpochResponse} ({@code error}, the
 *       first partition error or NONE; {@code ends}: per partition [epoch, end offset]; {@code errors},
 *       {@code truncated}, {@code ignored} when there are any).</li>
 *   <li>Faults ({@link dev.groupscope.sim.client.ConsumerFaults}), FAULT: {@code NetworkPartition}
 *       ({@code broker}, {@code durationMs}), {@code NetworkHealed}, {@code FailCommits}, {@code DelayCommits},
 *       {@code CommitFailureInjected}, {@code CommitDelayInjected}; {@code RequestLost} / {@code ResponseLost}
 *       ({@code api}, {@code broker}, {@code correlationId}, {@code sentAt}, {@code timeoutAt} when its own
 *       timeout is due (at the latest: an earlier timeout on the same connection fails it sooner), {@code requestTimeoutMs}, {@code lostInCut}: the nth of its API in this cut; a
 *       commit's {@code offsets}; {@code joinTimeoutMs} for a JoinGroup, waited for longer; {@code whatIf} for a
 *       message a {@code LoseMessage} lost) for each request to a cut-off broker and each answer from it, and for
 *       the one message a {@code LoseMessage} ({@code api}, {@code correlationId}, {@code answer},
 *       {@code sentAtMs}) names, which neither end would otherwise record.</li>
 *   <li>FAULT {@code ConnectionsClosed} ({@code broker}; {@code coordinator} and {@code other}: which of the
 *       consumer's connections to it were open) when a stopping broker's close is read.</li>
 *   <li>FAULT {@code CrashConsumer}, {@code StallProcessing}; ACTION {@code StartConsumer}, {@code RestartConsumer},
 *       {@code CloseConsumer}, {@code StartProducer}, {@code StopProducer}; PRODUCE {@code Send} (the partitioner's
 *       choice: key, murmur2, or sticky batch), {@code ProduceBlocked} (send() waits up to max.block.ms for its
 *       topic to appear in the producer's metadata), {@code ProduceFailed} (it gave up: TimeoutException),
 *       {@code ProduceHeld} (a record whose partition has no leader, or whose topic was deleted, waits in the buffer;
 *       {@code held}: how many now),
 *       {@code ProduceReleased} (sent once a leader is back), {@code ProduceExpired} (after delivery.timeout.ms).
 *       The broker logs the append itself.</li>
 * </ul>
 * Rule keys are {@code sim.client.*} and {@code sim.producer.*} in the i18n bundles.
 *
 * <h2>Where the model departs from kafka-clients, and why</h2>
 * <ul>
 *   <li>A consumer's metadata is {@link dev.groupscope.sim.client.ConsumerMetadata}: a cache of the live brokers
 *       and each partition's leader and leader epoch that only Metadata answers replace, asked for at start, at
 *       subscribe()/assign(), every metadata.max.age.ms, after a disconnect, a NOT_LEADER_OR_FOLLOWER or
 *       UNKNOWN_TOPIC_OR_PARTITION answer, while a partition has no known leader, before a pattern subscriber rejoins
 *       and before the leader assigns (ensureFreshMetadata), with Kafka's refresh backoff (retry.backoff.ms, doubling
 *       while answers bring nothing new or fail) and at most one in flight, to the least loaded broker. Fetches and
 *       ListOffsets go to the leaders it names; a broker whose connection failed is skipped for its reconnect
 *       backoff (Kafka's defaults, 50 ms doubling to 1 s: reconnect.backoff.ms is not a setting here); a
 *       NOT_LEADER_OR_FOLLOWER fetch answer names the new leader, which the cache takes at once (KIP-951). A
 *       position that knows the leader epoch of its last record (set by records poll() returned) awaits validation
 *       when the cache names a new leader epoch for it (KIP-320): not fetched, not committed, and its buffered
 *       records dropped, until an OffsetForLeaderEpoch to the new leader answers; an error retries after
 *       retry.backoff.ms with a metadata update, a truncation moves the position back or resets it (with
 *       auto.offset.reset none, LogTruncationException). Commits of allConsumed() (auto commit, commitSync() and
 *       commitAsync() without offsets) carry each position's epoch, and a position from a committed offset that has
 *       one awaits validation at once (refreshCommittedOffsets → seekUnvalidated); a committed epoch newer than the
 *       cache's leaves the partition without a known leader until a Metadata answer brings it
 *       (updateLastSeenEpochIfNewer). That validation goes out at poll()'s next pass (Kafka's updateFetchPositions
 *       validates before it takes the OffsetFetch answer), after the ListOffsets and fetches of the pass that took
 *       the answer, and in the same instant unless that pass returned records: Kafka's network wait in between
 *       returns at once, as completing the OffsetFetch's future woke the selector (measured, with retry.backoff.ms
 *       at 1 s or 2 s: the OffsetForLeaderEpoch reached the leader 4–19 ms after the OffsetFetch, a connection
 *       included). Departures: an OffsetFetch answer read outside poll() (inside commitSync(), or by the heartbeat
 *       thread) sets the positions when it is read, not when the next poll() takes it, and that poll()'s next pass
 *       still comes at once (in Kafka the selector's wake-up was spent where the answer was read: unless the pass
 *       sent a request, its network wait lasts until something arrives or retry.backoff.ms); a pass of poll()
 *       waits, as Kafka's does up to poll()'s timeout, for its coordinator to be found (ensureCoordinatorReady, in
 *       a subscriber's coordinator poll and before an OffsetFetch) and for its OffsetFetch's answer
 *       (initWithCommittedOffsetsIfNeeded), but after an OffsetFetch error answer asks again at once (Kafka: after
 *       retry.backoff.ms); a fetched chunk's records
 *       all count as of the epoch of its
 *       last; the request goes out without first connecting to the new leader (Kafka's tryConnect when it has no
 *       ApiVersions for it yet); and positions are checked against the cache before each collect and fetch, even
 *       when poll() skipped updateFetchPositions. Not modelled: partial updates for
 *       new topics (every request names all the topics it needs), and the producer's metadata,
 *       which is still read from the cluster. Positions to reset (auto.offset.reset, seekToBeginning/seekToEnd)
 *       and the blocking offsetsForTimes() call ask the leaders with ListOffsets; a partition offsetsForTimes()
 *       must ask again waits for the next Metadata answer when its error asked for one (awaitMetadataUpdate),
 *       else retry.backoff.ms.</li>
 *   <li>A retriable failure on the join path (a JoinGroup or SyncGroup that failed, onJoinPrepare's auto commit)
 *       is retried at poll()'s next pass, without sleeping: poll() hands ensureActiveGroup a 0 ms timer, so
 *       joinGroupIfNeeded's and onJoinPrepare's retry.backoff.ms sleeps are empty. That pass comes with the next
 *       answer read, or after retry.backoff.ms when nothing is in flight. Not modelled: a new connection being
 *       ready also wakes Kafka's network wait (a JoinGroup to a coordinator just found again goes out one round
 *       trip later, here with the next answer).</li>
 *   <li>The heartbeat thread handles a response the moment it arrives (Kafka's thread wakes within
 *       retry.backoff.ms) and checks the poll timer and the client-side session timer exactly at their deadlines
 *       (Kafka's thread checks them at its next turn, at most retry.backoff.ms later). With the coordinator
 *       unknown, its turns alternate as Kafka's do: one looks the coordinator up, the next clears a lookup still in
 *       flight (clearFindCoordinatorFuture), so a lost FindCoordinator is not waited for until request.timeout.ms.</li>
 *   <li>FindCoordinator goes to a random live broker (Kafka: the least loaded node, scanned from a random start).</li>
 *   <li>close() acts when the loop is inside poll() or at its next poll() (the wakeup() pattern), and a
 *       consumer whose poll() throws stops without closing. close() first waits for commitAsync() calls chained to a
 *       coordinator lookup ({@code CloseAwaitsCommits}), as Kafka's does. After its LeaveGroup, close() returns once nothing is in
 *       flight to its coordinator (the LeaveGroup's answer read: {@code awaitPendingRequests}) or its timer, the lower
 *       of 30 s and request.timeout.ms, runs out.</li>
 *   <li>Only lost requests time out (a network partition, or a {@code loseMessage}): any other request is answered,
 *       or fails with a Disconnected when its broker is down.
 *       A request to a stopped broker fails alone, not with the others on its connection.</li>
 *   <li>Records are offsets without payloads; each record counts as the cluster's record size against fetch limits.</li>
 *   <li>Commit policies: the commits on close (the auto commit, asyncAfterBatch's final commitSync,
 *       commitOnRevoke's) are one commitSync each, retried as Kafka's are; so is the listener's commitSync in a
 *       rebalance (onJoinPrepare's, or a COOPERATIVE onJoinComplete's), which blocks the thread inside poll() (no pass
 *       runs meanwhile) until it returns, and the callback's CLIENT event comes when it does; a failure inside the
 *       listener is caught and logged by the application (Kafka would rethrow an uncaught one from poll()).</li>
 *   <li>A pattern is matched against the consumer's metadata cache, and the leader assigns with its partition
 *       counts and rejoins when an answer changes the counts it assigned with. A producer writes with the partition
 *       count of its last refresh (at its first send, then every metadata.max.age.ms; a deleted topic is noticed at
 *       once), read from the cluster without a request.</li>
 *   <li>The application's calls run at their scripted moment on its thread: between two records, or, when the
 *       thread is inside poll() or commitSync(), as that method returns (Kafka's single application thread could
 *       not call them while blocked there; a close() during poll() is wakeup() then close(), after the calls that
 *       waited). offsetsForTimes() then blocks that thread (a record in hand waits with it); calls scripted while
 *       it is blocked are made as it returns, and an offsetsForTimes() scripted while a worker pool's poller waits
 *       in onPartitionsRevoked, or a listener's commitSync() runs, waits for the loop's next poll(). A call naming an unassigned partition stops at it,
 *       as Kafka's loop over the partitions throws.
 *       After unsubscribe() the application stops calling poll() until it subscribes or assigns again (Kafka's
 *       poll() would throw IllegalStateException).</li>
 *   <li>A delayed commit ({@code delayCommits}) holds back everything after it on the consumer's connection to the
 *       coordinator (heartbeats, later commits), not its fetches: kafka-clients talks to the coordinator on a
 *       connection of its own. A commit held up until its answer would come after
 *       request.timeout.ms times out as a lost request does. A failed commit ({@code failCommits}) is answered after one
 *       network round trip without reaching the coordinator.</li>
 *   <li>A lost request (network partition, or {@code loseMessage}) times out request.timeout.ms after it was sent
 *       (a JoinGroup: max(request.timeout.ms, max.poll.interval.ms + 5 s)), as kafka-clients' NetworkClient does:
 *       the client closes that connection and every request in flight on it fails at that moment with a
 *       {@code Disconnected} of its own; answers to them that come later are dropped, and a request fails once even
 *       if its own timeout was due later. The consumer's connection to the coordinator is separate from its other
 *       connection to the same broker (fetches, metadata, offsets lookups), so closing one leaves the other alone,
 *       and each has its own reconnect backoff ({@link dev.groupscope.sim.client.ConnectionStates}). Not modelled:
 *       connection attempts to an unreachable broker, which time out after socket.connection.setup.timeout.ms.</li>
 *   <li>A broker that stops closes every connection clients have open to it, after answering what it could; each
 *       consumer reads those answers and the close in one poll after the network delay, and handles the close as
 *       kafka-clients' processDisconnection does, before the answers' callbacks: its reconnect backoff starts and a
 *       metadata update is asked for (two closes at once make the second a failed update, so the refresh backs off),
 *       so nothing sent while handling the answers goes to the closing broker; then the requests the broker did not
 *       answer fail ({@link dev.groupscope.sim.protocol.ConnectionsClosing}). A coordinator whose connection is in its
 *       backoff is unavailable ({@code checkAndGetCoordinator}: "coordinator unavailable"): the consumer checks
 *       when it reads the close (Kafka's poll loop at once, its heartbeat thread at its next wake, within
 *       retry.backoff.ms) and after a FindCoordinator answer (ensureCoordinatorReady, which then sleeps
 *       retry.backoff.ms). markCoordinatorUnknown drops a connection still open (disconnectAsync), so its backoff
 *       starts too. Requests go to the least loaded broker as Kafka's leastLoadedNode picks it: an open connection
 *       first, then a broker it may connect to, never one in its backoff; with none, FindCoordinator waits for a
 *       metadata update (NoAvailableBrokersException). Departure: the broker stops at once, where a real one's
 *       controlled shutdown hands its partitions away and closes its sockets some time later.</li>
 *   <li>Worker pools ({@link dev.groupscope.sim.client.WorkerPool}): the poller learns of finished records at its
 *       next loop round (a real poller reads a concurrent map whenever it likes); onRevoke=wait blocks only an EAGER
 *       onJoinPrepare: a COOPERATIVE revocation and close() abandon the pool's queued records at once and commit the
 *       low marks as they are (still never past an unfinished record); a partition the pool paused is resumed by
 *       the pool even if the application paused it too.</li>
 * </ul>
 *
 * <h2>Worker pools</h2>
 * CLIENT events {@code DispatchRecords}, {@code PausePartitions}, {@code ResumePartitions}, {@code RevokeWaiting},
 * {@code RevokeDrained}, {@code AbandonRecords}, {@code CommitSync}/{@code CommitAsync} with policy "window"; FAULT
 * {@code SlowWorker}. Rule keys {@code sim.pool.*}. Records finished by workers are not events (the ledger has each
 * one); the pool's timer fires once per millisecond with completions, not once per record.
 */
package dev.groupscope.sim.client;
