package dev.groupscope.bench;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.ledger.Ledger;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worker-pool case: one consumer whose polling thread feeds 8 workers (unordered, a window of 500 per
 * partition, each record 0–1 ms), on a topic of 1,000 partitions (3 brokers) fed by 10 producers sharing
 * {@code recordsPerSecond} (10,000: the headline; 100: a light load, where fetches and commits dominate; uniform
 * keys over 10,000 keys), committing the windows' low marks with commitSync every
 * 5 s (parallel-consumer's default interval), for a virtual hour, with the ledger counting every record.
 * Building the world is not timed; the report gives events, steps, wall and CPU time, the retained heap of the
 * finished simulation, and the ledger's processed count (so a run that processed nothing cannot look fast).
 * Run: {@code mvn -B -Pbench verify -Djmh.args="WorkerPoolBenchmark"} (add {@code -p durationMs=60000} for a
 * shorter window), or {@code main [durationMs] [recordsPerSecond]} for one plain run.
 */
public class WorkerPoolBenchmark {

    static final long HOUR_MS = 3_600_000L;
    static final int PARTITIONS = 1000;
    static final int PRODUCERS = 10;

    static final int HEADLINE_RECORDS_PER_SECOND = 10_000;

    static String scenarioJson(long durationMs, int recordsPerSecond) {
        StringBuilder json = new StringBuilder();
        json.append("{\"name\": \"bench-worker-pool\", \"seed\": 42, \"durationMs\": ").append(durationMs)
                .append(",\n\"cluster\": {\"brokers\": 3, \"settings\": {\"group.initial.rebalance.delay.ms\": 0}},\n");
        json.append("\"topics\": [{\"name\": \"events\", \"partitions\": ").append(PARTITIONS)
                .append(", \"replicationFactor\": 3}],\n\"producers\": [");
        for (int p = 1; p <= PRODUCERS; p++) {
            json.append(p > 1 ? ",\n" : "\n").append("{\"id\": \"P").append(p)
                    .append("\", \"topic\": \"events\", \"recordsPerSecond\": ").append(recordsPerSecond / PRODUCERS)
                    .append(", \"keys\": \"uniform\", ")
                    .append("\"keyCount\": 10000}");
        }
        json.append("],\n\"consumers\": [{\"id\": \"C1\", \"groupId\": \"pool-app\", \"topics\": [\"events\"],")
                .append(" \"settings\": {\"enable.auto.commit\": false}, \"processingMsPerRecord\": 0,")
                .append(" \"commitPolicy\": {\"type\": \"syncAfterBatch\"},")
                .append(" \"workers\": {\"count\": 8, \"ordering\": \"unordered\", \"windowSize\": 500,")
                .append(" \"processingJitterMs\": 1, \"commitIntervalMs\": 5000}}],\n\"actions\": []}\n");
        return json.toString();
    }

    static Simulation simulation(long durationMs, int recordsPerSecond) {
        Scenario scenario = ScenarioReader.read("bench-worker-pool.json", scenarioJson(durationMs, recordsPerSecond));
        return ScenarioWorld.simulation(scenario);
    }

    static String report(Simulation sim, long nanos, long cpu, long retainedBytes) {
        Ledger ledger = (Ledger) sim.current().actors().get(Ledger.ID);
        Ledger.Counts counts = ledger.counts("pool-app");
        long events = sim.log().size();
        return String.format(Locale.ROOT, "events=%d steps=%d processed=%d orderBreaks=%d duplicates=%d wall=%.2fs"
                        + " cpu=%.2fs events/s(cpu)=%.0f retained=%.1fMiB", events, sim.steps(), counts.processed(),
                counts.orderBreaks(), counts.duplicates(), nanos / 1e9, cpu / 1e9, events / (cpu / 1e9),
                retainedBytes / 1048576.0);
    }

    /** The virtual hour (or a shorter window), simulated from scratch each shot. */
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC", "-XX:ActiveProcessorCount=2"})
    @State(Scope.Benchmark)
    public static class Hour {

        @Param({"3600000"})
        public long durationMs;

        /** All producers together: the headline's 10,000, and a light 100 beside it. */
        @Param({"10000", "100"})
        public int recordsPerSecond;

        private Simulation sim;
        private long baseline;
        private long started;
        private long startedCpu;

        @Setup(Level.Invocation)
        public void build() {
            sim = null;
            baseline = SimulationBenchmark.usedHeapAfterGc();
            sim = simulation(durationMs, recordsPerSecond);
            started = System.nanoTime();
            startedCpu = SimulationBenchmark.cpuNanos();
        }

        @Benchmark
        public Simulation run() {
            sim.runUntil(durationMs);
            return sim;
        }

        @TearDown(Level.Invocation)
        public void measure() {
            long nanos = System.nanoTime() - started;
            long cpu = SimulationBenchmark.cpuNanos() - startedCpu;
            long retained = SimulationBenchmark.usedHeapAfterGc() - baseline;
            System.out.println();
            System.out.println("worker pool: " + report(sim, nanos, cpu, retained));
            sim = null;
        }
    }

    /** One plain run, for profiling: {@code main [durationMs] [recordsPerSecond]}. */
    public static void main(String[] args) {
        long duration = args.length > 0 ? Long.parseLong(args[0]) : HOUR_MS;
        int recordsPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : HEADLINE_RECORDS_PER_SECOND;
        long baseline = SimulationBenchmark.usedHeapAfterGc();
        Simulation sim = simulation(duration, recordsPerSecond);
        long start = System.nanoTime();
        long startCpu = SimulationBenchmark.cpuNanos();
        long startAllocated = SimulationBenchmark.allocatedBytes();
        sim.runUntil(duration);
        long nanos = System.nanoTime() - start;
        long cpu = SimulationBenchmark.cpuNanos() - startCpu;
        long allocated = SimulationBenchmark.allocatedBytes() - startAllocated;
        System.out.println("worker pool: " + report(sim, nanos, cpu, SimulationBenchmark.usedHeapAfterGc() - baseline)
                + String.format(Locale.ROOT, " allocated=%.2fGiB", allocated / 1073741824.0));
        Ledger ledger = (Ledger) sim.current().actors().get(Ledger.ID);
        System.out.println("order breaks in events-0: " + ledger.orderBreaks("pool-app", new TopicPartition("events", 0)));
    }
}
