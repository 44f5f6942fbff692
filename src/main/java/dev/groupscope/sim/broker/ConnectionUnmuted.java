package dev.groupscope.sim.broker;

import dev.groupscope.sim.engine.Task;

/**
 * The broker has sent the answer to the fetch it held on {@code client}'s connection: it reads the requests that
 * waited behind it, in order (Kafka's socket server unmutes a connection once its response is sent).
 */
record ConnectionUnmuted(String target, String client, int broker) implements Task {
}
