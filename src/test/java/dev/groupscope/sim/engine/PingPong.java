package dev.groupscope.sim.engine;

import java.util.Map;

/**
 * A toy system that uses everything the engine offers, for the engine's own tests: a client pings a server over a
 * network with a random delay, re-arms a "session" timer on every pong (so stale timers must be dropped), and the
 * script can crash and restart the server.
 */
final class PingPong {

    private PingPong() {
    }

    record Ping(String target, String from, int n) implements Task {
    }

    record Pong(String target, int n) implements Task {
    }

    record Tick(String target) implements Task {
    }

    record SessionExpired(String target) implements Task {
    }

    record Crash(String target) implements Task {
    }

    record Restart(String target) implements Task {
    }

    static World world(long seed) {
        World world = new World(seed);
        world.addActor(new Client("client", 0, 0, 0, false));
        world.addActor(new Server("server", 0, true));
        world.schedule(0, new Tick("client"));
        return world;
    }

    record ClientView(int sent, int received, int expirations, boolean expired) {
    }

    record ServerView(int answered, boolean up) {
    }

    static final class Client implements Actor {
        private final String id;
        private int sent;
        private int received;
        private int expirations;
        private boolean expired;

        Client(String id, int sent, int received, int expirations, boolean expired) {
            this.id = id;
            this.sent = sent;
            this.received = received;
            this.expirations = expirations;
            this.expired = expired;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Actor copy() {
            return new Client(id, sent, received, expirations, expired);
        }

        @Override
        public void handle(Task task, Context context) {
            if (task instanceof Tick) {
                if (sent < 60) {
                    context.schedule(1 + context.random().nextInt(20), new Ping("server", id, sent++));
                    context.schedule(100, new Tick(id));
                }
            } else if (task instanceof Pong pong) {
                received++;
                expired = false;
                context.setTimer("session", 250, new SessionExpired(id));
                context.emit(EventKind.RESPONSE, "Pong", id, "server", Map.of("n", pong.n()));
            } else if (task instanceof SessionExpired) {
                expirations++;
                expired = true;
                context.emit(EventKind.TIMER, "SessionExpired", id, null, Map.of(), "test.session",
                        Map.of("timeoutMs", 250));
            }
        }

        @Override
        public Object view() {
            return new ClientView(sent, received, expirations, expired);
        }
    }

    static final class Server implements Actor {
        private final String id;
        private int answered;
        private boolean up;

        Server(String id, int answered, boolean up) {
            this.id = id;
            this.answered = answered;
            this.up = up;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Actor copy() {
            return new Server(id, answered, up);
        }

        @Override
        public void handle(Task task, Context context) {
            if (task instanceof Ping ping) {
                context.emit(EventKind.REQUEST, "Ping", id, ping.from(), Map.of("n", ping.n(), "up", up));
                if (up) {
                    answered++;
                    context.schedule(1 + context.random().nextInt(20), new Pong(ping.from(), ping.n()));
                }
            } else if (task instanceof Crash) {
                up = false;
                context.emit(EventKind.FAULT, "Crash", id, null, Map.of());
            } else if (task instanceof Restart) {
                up = true;
                context.emit(EventKind.ACTION, "Restart", id, null, Map.of());
            }
        }

        @Override
        public Object view() {
            return new ServerView(answered, up);
        }
    }
}
