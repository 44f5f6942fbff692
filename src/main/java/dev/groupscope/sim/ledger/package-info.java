/**
 * The processing ledger: for every group and record (topic, partition, offset), how many times the group's
 * consumers processed it, by whom and when, and what that adds up to — duplicates, losses and order breaks.
 *
 * <h2>Why it is simulation state, not a reading of the event log</h2>
 * The ledger is an actor of the world ({@link dev.groupscope.sim.ledger.Ledger#ID}) that consumers write to
 * synchronously, record by record, as they finish processing one (and, per batch, when poll() hands records over).
 * So time travel and forks get it for free (it is snapshotted and copied with the world), and the counts are exact at
 * record granularity and in the group's true time order: the world's step order. The event log only has one event
 * per batch ({@code ProcessRecords}), which says neither which records a crash interrupted nor how two members that
 * own the same partition at once (a zombie) interleave. The cost stays small for an hour-long run: per partition the
 * processed offsets are kept as maximal intervals of equal processing count (one interval when every record was
 * processed once) and processing history as runs of consecutive offsets by one consumer; a snapshot copies those
 * lists of immutable records.
 *
 * <h2>Definitions (per group and partition)</h2>
 * <ul>
 *   <li><b>processed</b>: every processing counts, so a record processed twice counts twice.</li>
 *   <li><b>duplicate</b>: a processing of a record the group had already processed (by anyone, in any earlier
 *       incarnation). Counted against the consumer that processed it again.</li>
 *   <li><b>lost</b>: an offset below the group's committed offset, at or above the first offset poll() ever returned
 *       to the group for that partition, that no member ever processed and no live member still holds in the batch it
 *       is processing (at the end of a run, a batch in hand is not lost yet). Records the group never started at (skipped
 *       by auto.offset.reset=latest before its first poll) are not losses; records skipped later (a reset to latest
 *       after a member died before committing) are. So are the records latest skips on a partition added while the
 *       group was reading its topic: the group was meant to read that partition from its first record (the pitfall
 *       Kafka's documentation warns of for latest on a growing topic). Counted against the consumer poll() last
 *       returned the record to, or only at group level if it was never returned.</li>
 *   <li><b>order break</b>: the first processing of a record after the group had already processed a higher offset
 *       of the same partition. A re-delivery after a rewind (to the committed offset, after a crash or revocation)
 *       processes records that were processed before: those are duplicates, never order breaks. So an order break
 *       only happens when two members process the same partition at once (a zombie whose session expired while it
 *       was still processing), when records are skipped and then read, or when a worker pool finishes records of
 *       one partition out of order (unordered, or by key across keys).</li>
 *   <li><b>key order break</b> (per partition, only for processings that say the record's key, as worker pools
 *       do): the first processing of a record after a higher offset with the same key was processed. A pool ordered
 *       by key has none; an unordered one has them.</li>
 *   <li>A worker pool's window (from its low mark to the highest dispatched offset) counts as in hand, as a batch
 *       does: its unfinished records are not lost while the consumer lives.</li>
 * </ul>
 */
package dev.groupscope.sim.ledger;
