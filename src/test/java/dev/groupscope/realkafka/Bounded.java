package dev.groupscope.realkafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Waits that always end: a real cluster can stall, and a test must then fail with a reason, never hang. */
final class Bounded {

    private static final long POLL_MS = 100;

    private Bounded() {
    }

    /** Polls the condition until it holds; after the timeout fails with what was awaited and the diagnostics. */
    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting until " + what
                        + "\n" + diagnostics.get());
            }
            sleep(POLL_MS);
        }
    }

    /** The future's value, or an AssertionError naming the operation if it fails or takes longer than the timeout. */
    static <T> T get(Future<T> future, Duration timeout, String operation) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(operation + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError(operation + " did not finish within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(operation + " was interrupted", e);
        }
    }

    /** Polls (what comes is dropped) until the group has given the consumer partitions; fails after 30 s. */
    static void pollUntilAssigned(KafkaConsumer<?, ?> consumer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(POLL_MS));
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no partitions assigned within 30 s");
            }
        }
    }

    /** Polls for {@code duration}, dropping what comes: the consumer stays in its group meanwhile. */
    static void pollFor(KafkaConsumer<?, ?> consumer, Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(POLL_MS));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
