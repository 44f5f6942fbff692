package dev.groupscope.kafka.config;

import java.util.Locale;

/** {@code isolation.level}: whether poll() returns records of aborted and open transactions. */
public enum IsolationLevel {
    READ_UNCOMMITTED, READ_COMMITTED;

    /** The setting's value as Kafka spells it (lower case only). */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
