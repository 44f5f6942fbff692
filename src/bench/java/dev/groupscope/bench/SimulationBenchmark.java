package dev.groupscope.bench;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import java.util.Locale;
import java.util.Random;
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
 * The simulator at the scale: one group of 100 consumers on one topic of 1,000 partitions (3 brokers,
 * replication factor 3, Kafka's default consumer settings: range + cooperative-sticky, auto commit every 5 s,
 * heartbeats every 3 s), fed by {@code producers} producers sharing {@code recordsPerSecond} (5,000: the
 * record-dominated headline; 100: a light load, where the group protocol and idle fetches dominate; uniform keys
 * over 10,000 keys),
 * each consumer taking 1 ms per record, for one virtual hour. A rebalance every minute: at minute 1, 3, 5, … one
 * consumer closes and leaves the group (a rolling deploy's stop), at minute 2, 4, 6, … it starts again as a new
 * member (the deploy's start); each minute a different consumer, so 59 rebalances after the initial join.
 *
 * <ul>
 *   <li>{@code hour}: simulates the hour from scratch (building the world is not timed); prints events, steps,
 *       events/s and the retained heap of the finished simulation (event log + snapshots + live world, measured
 *       as used heap after GC minus the heap before building it).</li>
 *   <li>{@code stateAtTime} / {@code stateAfterSteps}: rebuilds the state of the finished hour at random virtual
 *       times / step counts (fixed seed), each call one rebuild; sample mode gives the median and the max.</li>
 * </ul>
 * Run: {@code mvn -B -Pbench verify -Djmh.args="SimulationBenchmark"}; or {@code main} for one plain run.
 */
public class SimulationBenchmark {

    static final long HOUR_MS = 3_600_000L;
    static final int CONSUMERS = 100;
    static final int PARTITIONS = 1000;

    /** The scenario as a scenario file, so that it goes through the same validation as the lessons. */
    static final int HEADLINE_RECORDS_PER_SECOND = 5000;

    static String scenarioJson(int producers, long durationMs) {
        return scenarioJson(producers, HEADLINE_RECORDS_PER_SECOND, durationMs);
    }

    /** {@code recordsPerSecond} in all, shared evenly by the producers. */
    static String scenarioJson(int producers, int recordsPerSecond, long durationMs) {
        StringBuilder json = new StringBuilder();
        json.append("{\"name\": \"bench-hour\", \"seed\": 42, \"durationMs\": ").append(durationMs).append(",\n");
        json.append("\"cluster\": {\"brokers\": 3},\n");
        json.append("\"topics\": [{\"name\": \"events\", \"partitions\": ").append(PARTITIONS)
                .append(", \"replicationFactor\": 3}],\n");
        json.append("\"producers\": [");
        for (int p = 1; p <= producers; p++) {
            json.append(p > 1 ? ",\n" : "\n").append("{\"id\": \"P").append(p)
                    .append("\", \"topic\": \"events\", \"recordsPerSecond\": ").append(recordsPerSecond / producers)
                    .append(", \"keys\": \"uniform\", ")
                    .append("\"keyCount\": 10000}");
        }
        json.append("],\n\"consumers\": [");
        for (int c = 1; c <= CONSUMERS; c++) {
            json.append(c > 1 ? ",\n" : "\n").append("{\"id\": \"").append(consumerId(c))
                    .append("\", \"groupId\": \"bench-app\", \"topics\": [\"events\"], \"processingMsPerRecord\": 1}");
        }
        json.append("],\n\"actions\": [");
        boolean first = true;
        for (long minute = 1; minute * 60_000L < durationMs; minute++) {
            int consumer = (int) ((minute - 1) / 2 % CONSUMERS) + 1;
            json.append(first ? "\n" : ",\n");
            first = false;
            if (minute % 2 == 1) {
                json.append("{\"atMs\": ").append(minute * 60_000L).append(", \"action\": \"closeConsumer\", ")
                        .append("\"consumer\": \"").append(consumerId(consumer)).append("\", \"leaveGroup\": true}");
            } else {
                json.append("{\"atMs\": ").append(minute * 60_000L).append(", \"action\": \"restartConsumer\", ")
                        .append("\"consumer\": \"").append(consumerId(consumer)).append("\"}");
            }
        }
        json.append("]}\n");
        return json.toString();
    }

    static String consumerId(int index) {
        return String.format(Locale.ROOT, "C%03d", index);
    }

    static Simulation simulation(int producers, long durationMs) {
        return simulation(producers, HEADLINE_RECORDS_PER_SECOND, durationMs);
    }

    static Simulation simulation(int producers, int recordsPerSecond, long durationMs) {
        Scenario scenario = ScenarioReader.read("bench-hour.json", scenarioJson(producers, recordsPerSecond, durationMs));
        return ScenarioWorld.simulation(scenario);
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Bytes this thread allocated so far: unlike time, not inflated when other processes share the cores. */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    /**
     * The slowest rebuilds there are: the state one step before each snapshot, whose replay covers a whole interval
     * between snapshots. Random moments (above) land mostly in the middle of one; the goal is "any state".
     */
    static void worstRebuilds(Simulation sim) {
        long[] before = sim.snapshotSteps();
        if (before.length == 0) {
            return;
        }
        long[] cpu = new long[before.length];
        long[] wall = new long[before.length];
        for (int i = 0; i < before.length; i++) {
            long s0 = System.nanoTime();
            long c0 = cpuNanos();
            sim.stateAfterSteps(before[i] - 1);
            wall[i] = System.nanoTime() - s0;
            cpu[i] = cpuNanos() - c0;
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(wall);
        int n = before.length;
        System.out.printf(Locale.ROOT, "worst rebuilds (before each of %d snapshots): cpu median=%.2fms p99=%.2fms "
                        + "max=%.2fms, wall median=%.2fms max=%.2fms%n", n, cpu[n / 2] / 1e6, cpu[n * 99 / 100] / 1e6,
                cpu[n - 1] / 1e6, wall[n / 2] / 1e6, wall[n - 1] / 1e6);
    }

    /** Wall and this thread's CPU time: on a shared machine the CPU time is the steadier of the two. */
    static String report(Simulation sim, long nanos, long cpu, long retainedBytes) {
        long events = sim.log().size();
        return String.format(Locale.ROOT,
                "events=%d steps=%d wall=%.2fs cpu=%.2fs events/s(wall)=%.0f events/s(cpu)=%.0f retained=%.1fMiB",
                events, sim.steps(), nanos / 1e9, cpu / 1e9, events / (nanos / 1e9), events / (cpu / 1e9),
                retainedBytes / 1048576.0);
    }

    /** The hour, simulated from scratch each shot. */
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC", "-XX:ActiveProcessorCount=2"})
    @State(Scope.Benchmark)
    public static class Hour {

        @Param({"5"})
        public int producers;

        /** All producers together: the headline's 5,000, and a light 100 beside it. */
        @Param({"5000", "100"})
        public int recordsPerSecond;

        /** Virtual time simulated: the hour, or a shorter window where the hour does not fit in the heap. */
        @Param({"3600000"})
        public long durationMs;

        private Simulation sim;
        private long baseline;
        private long started;
        private long startedCpu;

        @Setup(Level.Invocation)
        public void build() {
            sim = null;
            baseline = usedHeapAfterGc();
            sim = simulation(producers, recordsPerSecond, durationMs);
            started = System.nanoTime();
            startedCpu = cpuNanos();
        }

        @Benchmark
        public Simulation hour() {
            sim.runUntil(durationMs);
            return sim;
        }

        @TearDown(Level.Invocation)
        public void measure() {
            long nanos = System.nanoTime() - started;
            long cpu = cpuNanos() - startedCpu;
            long retained = usedHeapAfterGc() - baseline;
            System.out.println();
            System.out.println("hour: " + report(sim, nanos, cpu, retained));
            sim = null;
        }
    }

    /** Rebuilding states of the finished hour at random points (fixed seed). */
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 10)
    @Measurement(iterations = 2, time = 15)
    @Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC", "-XX:ActiveProcessorCount=2"})
    @State(Scope.Benchmark)
    public static class Rebuild {

        @Param({"5"})
        public int producers;

        @Param({"3600000"})
        public long durationMs;

        private Simulation sim;
        private long[] times;
        private long[] stepCounts;
        private int next;

        @Setup(Level.Trial)
        public void runTheHour() {
            sim = simulation(producers, durationMs);
            sim.runUntil(durationMs);
            Random random = new Random(20240601L);
            times = new long[1000];
            stepCounts = new long[1000];
            for (int i = 0; i < times.length; i++) {
                times[i] = (long) (random.nextDouble() * durationMs);
                stepCounts[i] = (long) (random.nextDouble() * sim.steps());
            }
        }

        @Benchmark
        public World stateAtTime() {
            return sim.stateAtTime(times[next++ % times.length]);
        }

        @Benchmark
        public World stateAfterSteps() {
            return sim.stateAfterSteps(stepCounts[next++ % stepCounts.length]);
        }
    }

    /**
     * One plain run, for profiling: {@code main [producers] [durationMs] [rebuilds] [holdMs] [recordsPerSecond]}
     * ({@code holdMs} 0: no hold).
     */
    public static void main(String[] args) {
        int producers = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long duration = args.length > 1 ? Long.parseLong(args[1]) : HOUR_MS;
        int rebuilds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long holdMs = args.length > 3 ? Long.parseLong(args[3]) : 0;
        int recordsPerSecond = args.length > 4 ? Integer.parseInt(args[4]) : HEADLINE_RECORDS_PER_SECOND;
        long baseline = usedHeapAfterGc();
        Simulation sim = simulation(producers, recordsPerSecond, duration);
        long start = System.nanoTime();
        long startCpu = cpuNanos();
        long startAllocated = allocatedBytes();
        sim.runUntil(duration);
        long nanos = System.nanoTime() - start;
        long cpu = cpuNanos() - startCpu;
        long allocated = allocatedBytes() - startAllocated;
        long retained = usedHeapAfterGc() - baseline;
        System.out.println("run: " + report(sim, nanos, cpu, retained)
                + String.format(Locale.ROOT, " allocated=%.2fGiB", allocated / 1073741824.0));
        Random random = new Random(20240601L);
        long[] samples = new long[rebuilds];
        long[] cpuSamples = new long[rebuilds];
        for (int i = 0; i < rebuilds; i++) {
            long t = (long) (random.nextDouble() * duration);
            long s0 = System.nanoTime();
            long c0 = cpuNanos();
            sim.stateAtTime(t);
            samples[i] = System.nanoTime() - s0;
            cpuSamples[i] = cpuNanos() - c0;
        }
        java.util.Arrays.sort(samples);
        java.util.Arrays.sort(cpuSamples);
        if (rebuilds > 0) {
            // CPU time too: on a shared machine a rebuild's wall time is mostly waiting for a core.
            System.out.printf(Locale.ROOT, "stateAtTime: n=%d median=%.2fms max=%.2fms cpu median=%.2fms max=%.2fms%n",
                    rebuilds, samples[rebuilds / 2] / 1e6, samples[rebuilds - 1] / 1e6,
                    cpuSamples[rebuilds / 2] / 1e6, cpuSamples[rebuilds - 1] / 1e6);
        }
        worstRebuilds(sim);
        if (holdMs > 0) {
            // Time to look at the finished run from outside, e.g. jcmd <pid> GC.class_histogram.
            try {
                Thread.sleep(holdMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println(sim.steps());
        }
    }
}
