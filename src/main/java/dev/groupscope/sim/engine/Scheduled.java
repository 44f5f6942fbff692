package dev.groupscope.sim.engine;

/**
 * A task in the queue. Order: time, then priority, then sequence number. Scripted actions have priority
 * {@link #ACTION} and their script index as sequence, so an action inserted into the past by a fork sorts exactly
 * where it would have in a run that had it from the start.
 */
public record Scheduled(long time, int priority, long seq, Task task, Object timerKey)
        implements Comparable<Scheduled> {

    public static final int ACTION = 0;
    public static final int NORMAL = 1;

    @Override
    public int compareTo(Scheduled other) {
        if (time != other.time) {
            return Long.compare(time, other.time);
        }
        if (priority != other.priority) {
            return Integer.compare(priority, other.priority);
        }
        return Long.compare(seq, other.seq);
    }
}
