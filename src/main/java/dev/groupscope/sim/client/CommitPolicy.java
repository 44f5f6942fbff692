package dev.groupscope.sim.client;

/**
 * When the application commits, as its code around {@code KafkaConsumer} decides. Immutable.
 *
 * <ul>
 *   <li>{@link Kind#AUTO}: nothing in the loop; Kafka's auto commit (enable.auto.commit=true) does it inside poll().</li>
 *   <li>{@link Kind#SYNC_AFTER_BATCH}: {@code consumer.commitSync()} after processing each batch poll() returned
 *       ({@code ConsumerCoordinator.commitOffsetsSync}: retriable errors retried with exponential backoff from
 *       retry.backoff.ms until default.api.timeout.ms; a non-retriable one, e.g. CommitFailedException, thrown and
 *       caught by the application, which logs it and goes on polling).</li>
 *   <li>{@link Kind#ASYNC_AFTER_BATCH}: {@code consumer.commitAsync(callback)} after each batch
 *       ({@code ConsumerCoordinator.commitOffsetsAsync}: never retried, callbacks in call order) and a final
 *       {@code commitSync()} in close.</li>
 *   <li>{@link Kind#EVERY_N}: {@code consumer.commitSync(offsets)} of the records processed so far every
 *       {@code everyRecords} records, in the middle of a batch if need be.</li>
 *   <li>{@link Kind#BEFORE_PROCESSING}: at-most-once, {@code records = poll(); consumer.commitSync(); process(records)}:
 *       the batch's end offsets are committed before the first record of it is processed.</li>
 * </ul>
 */
public record CommitPolicy(Kind kind, int everyRecords) {

    public enum Kind {
        AUTO("auto"), SYNC_AFTER_BATCH("syncAfterBatch"), ASYNC_AFTER_BATCH("asyncAfterBatch"), EVERY_N("everyN"),
        BEFORE_PROCESSING("beforeProcessing");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        /** The name a scenario file uses. */
        public String fileName() {
            return fileName;
        }

        /** See {@link CommitPolicy#fitsAutoCommit}. */
        public boolean fitsAutoCommit(boolean autoCommit) {
            return (this == AUTO) == autoCommit;
        }

        /** See {@link CommitPolicy#fitsWorkerPool}. */
        public boolean fitsWorkerPool() {
            return this != EVERY_N && this != BEFORE_PROCESSING;
        }

        public static Kind byFileName(String name) {
            for (Kind kind : values()) {
                if (kind.fileName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(name);
        }

        public static java.util.List<String> fileNames() {
            return java.util.Arrays.stream(values()).map(Kind::fileName).toList();
        }
    }

    public static final CommitPolicy AUTO = new CommitPolicy(Kind.AUTO, 0);

    public CommitPolicy {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EVERY_N ? everyRecords < 1 : everyRecords != 0) {
            throw new IllegalArgumentException("everyRecords is a positive count for everyN only: " + everyRecords);
        }
    }

    public static CommitPolicy of(Kind kind) {
        return new CommitPolicy(kind, 0);
    }

    public static CommitPolicy everyN(int records) {
        return new CommitPolicy(Kind.EVERY_N, records);
    }

    /**
     * Whether this policy goes with {@code enable.auto.commit}: auto needs it on; every other policy needs it off, or
     * Kafka would auto-commit as well (twice, and past records not yet processed).
     */
    public boolean fitsAutoCommit(boolean autoCommit) {
        return kind.fitsAutoCommit(autoCommit);
    }

    /** Whether a worker pool can commit this way: everyN and beforeProcessing count records on the poll loop. */
    public boolean fitsWorkerPool() {
        return kind.fitsWorkerPool();
    }

    /** Whether the application commits synchronously after processing (never before). */
    public boolean commitsAfterProcessingSync() {
        return kind == Kind.SYNC_AFTER_BATCH || kind == Kind.EVERY_N;
    }
}
