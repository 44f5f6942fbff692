package dev.groupscope.sim.client;

/**
 * What the application's {@code ConsumerRebalanceListener} does (kafka-model §2.10).
 * {@link #COMMIT_ON_REVOKE}: {@code onPartitionsRevoked} calls {@code commitSync} of the processed offsets of the
 * revoked partitions (the Javadoc's "no duplicates" pattern), catching and logging a failure;
 * {@code onPartitionsLost} never commits (another member may own them already).
 */
public enum ListenerPolicy {
    NONE("none"), COMMIT_ON_REVOKE("commitOnRevoke");

    private final String fileName;

    ListenerPolicy(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static ListenerPolicy byFileName(String name) {
        for (ListenerPolicy policy : values()) {
            if (policy.fileName.equals(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException(name);
    }

    public static java.util.List<String> fileNames() {
        return java.util.Arrays.stream(values()).map(ListenerPolicy::fileName).toList();
    }
}
