package dev.groupscope.scenario;

import java.util.List;

/** Everything a scenario can make happen, by the name a scenario file uses, and what each acts on. */
public enum ActionType {
    START_CONSUMER("startConsumer", Target.CONSUMER, List.of()),
    /**
     * One more consumer joins a group: a new one under the next free id, built as the group's first declared consumer
     * that subscribes (see {@link ScenarioWorld#template}).
     */
    ADD_CONSUMER("addConsumer", Target.GROUP, List.of()),
    CLOSE_CONSUMER("closeConsumer", Target.CONSUMER, List.of("leaveGroup")),
    CRASH_CONSUMER("crashConsumer", Target.CONSUMER, List.of()),
    STALL_CONSUMER("stallConsumer", Target.CONSUMER, List.of("durationMs")),
    RESTART_CONSUMER("restartConsumer", Target.CONSUMER, List.of()),
    /** New settings (Kafka's names) and/or a new commit policy: the application restarts its KafkaConsumer. */
    CHANGE_SETTINGS("changeSettings", Target.CONSUMER, List.of("settings", "commitPolicy")),
    SLOW_WORKER("slowWorker", Target.CONSUMER, List.of("worker", "durationMs", "factor")),
    CRASH_PROCESS("crashProcess", Target.PROCESS, List.of()),
    RESTART_PROCESS("restartProcess", Target.PROCESS, List.of()),
    START_PRODUCER("startProducer", Target.PRODUCER, List.of()),
    STOP_PRODUCER("stopProducer", Target.PRODUCER, List.of()),
    STOP_BROKER("stopBroker", Target.BROKER, List.of()),
    START_BROKER("startBroker", Target.BROKER, List.of()),
    CREATE_TOPIC("createTopic", Target.NEW_TOPIC, List.of("partitions", "replicationFactor")),
    INCREASE_PARTITIONS("increasePartitions", Target.TOPIC, List.of("partitions")),
    DELETE_TOPIC("deleteTopic", Target.TOPIC, List.of()),
    PAUSE("pause", Target.CONSUMER, List.of("partitions")),
    RESUME("resume", Target.CONSUMER, List.of("partitions")),
    SEEK("seek", Target.CONSUMER, List.of("partition", "offset")),
    SEEK_TO_BEGINNING("seekToBeginning", Target.CONSUMER, List.of("partitions")),
    SEEK_TO_END("seekToEnd", Target.CONSUMER, List.of("partitions")),
    OFFSETS_FOR_TIMES("offsetsForTimes", Target.CONSUMER, List.of("partitions", "timestampMs", "seek")),
    SUBSCRIBE("subscribe", Target.CONSUMER, List.of("topics", "pattern")),
    ASSIGN("assign", Target.CONSUMER, List.of("partitions")),
    UNSUBSCRIBE("unsubscribe", Target.CONSUMER, List.of()),
    CUT_OFF_CONSUMER("cutOffConsumer", Target.CONSUMER, List.of("durationMs")),
    FAIL_COMMITS("failCommits", Target.CONSUMER, List.of("count", "error")),
    DELAY_COMMITS("delayCommits", Target.CONSUMER, List.of("count", "delayMs")),
    /**
     * The consumer's request (or its answer) of this API and correlation id, sent at sentAtMs (by default atMs, but
     * a request the consumer sends in an action's own step needs atMs before it), never arrives.
     */
    LOSE_MESSAGE("loseMessage", Target.CONSUMER, List.of("api", "correlationId", "answer", "sentAtMs"));

    /** What an action names. */
    public enum Target {
        CONSUMER("consumer"), PRODUCER("producer"), BROKER("broker"), TOPIC("topic"), NEW_TOPIC("topic"),
        /** A consumer group that the scenario's consumers name. */
        GROUP("group"),
        /** An application process: every consumer whose "process" names it. */
        PROCESS("process");

        private final String key;

        Target(String key) {
            this.key = key;
        }

        /** The JSON key an action uses to name its target. */
        public String key() {
            return key;
        }
    }

    private final String fileName;
    private final Target target;
    private final List<String> params;

    ActionType(String fileName, Target target, List<String> params) {
        this.fileName = fileName;
        this.target = target;
        this.params = params;
    }

    public String fileName() {
        return fileName;
    }

    public Target target() {
        return target;
    }

    /** The parameters beside "atMs", "action" and the target. */
    public List<String> params() {
        return params;
    }

    public static List<String> fileNames() {
        return java.util.Arrays.stream(values()).map(ActionType::fileName).toList();
    }

    public static ActionType byFileName(String name) {
        for (ActionType type : values()) {
            if (type.fileName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
