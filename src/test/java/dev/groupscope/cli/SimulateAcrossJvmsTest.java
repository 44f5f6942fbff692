package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same scenario and seed, same bytes — across separate JVMs too, where {@code Map.of}'s randomised iteration order
 * differs from one process to the next (within one JVM it would hide such a bug). -Xshare:off keeps the class-data
 * archive from pinning that randomisation to one value.
 */
class SimulateAcrossJvmsTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesWriteTheSameSummaryAndTrace() throws Exception {
        Path first = run("first");
        Path second = run("second");

        assertThat(Files.readAllBytes(second.resolve("summary.json")))
                .isEqualTo(Files.readAllBytes(first.resolve("summary.json")));
        assertThat(Files.readAllBytes(second.resolve("trace.jsonl")))
                .isEqualTo(Files.readAllBytes(first.resolve("trace.jsonl")));
    }

    private Path run(String name) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve(name));
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off",
                "-cp", System.getProperty("java.class.path"), "dev.groupscope.app.Launcher", "simulate",
                "lessons/scenarios/crash-and-rebalance.json", "--until", "32000", "--trace",
                out.resolve("trace.jsonl").toString()))
                .redirectOutput(out.resolve("summary.json").toFile())
                .redirectError(out.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("simulate finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(out.resolve("err.txt"))).isZero();
        return out;
    }
}
