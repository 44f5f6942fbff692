package dev.groupscope.kafka.producer;

import java.util.Optional;

/**
 * Where one record went and why.
 *
 * @param partition    the partition the record is appended to
 * @param keyed        the key's hashing steps for a keyed record; empty for a record without a key
 * @param newSticky    true if this record started a new sticky partition (it is the first unkeyed record there)
 * @param stickyBytes  bytes produced to the current sticky partition after this record (0 for keyed records,
 *                     which do not count towards the sticky batch)
 * @param batchFilled  true if this record filled the sticky batch, so the next unkeyed record goes to a newly
 *                     chosen partition
 */
public record PartitionChoice(int partition, Optional<KeyedPartition> keyed, boolean newSticky, int stickyBytes,
                              boolean batchFilled) {

    public boolean isKeyed() {
        return keyed.isPresent();
    }
}
