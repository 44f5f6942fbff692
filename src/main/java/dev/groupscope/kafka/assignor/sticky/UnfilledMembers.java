package dev.groupscope.kafka.assignor.sticky;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The constrained path's two waiting lists, as Kafka keeps them: members still below the minimum quota (walked
 * round robin by a cursor that removes a member once it reaches the minimum) and members at the minimum that may
 * still take one partition more (a first-in, first-out queue).
 */
final class UnfilledMembers {

    private final StickyGroup group;
    private final int[] underMin;
    private int underMinSize;
    private int cursor;
    private int lastReturned = -1;
    private final int[] exactlyMin;
    private int head;
    private int exactlyMinSize;

    UnfilledMembers(StickyGroup group) {
        this.group = group;
        this.underMin = new int[group.size()];
        this.exactlyMin = new int[group.size()];
    }

    void addUnderMin(int member) {
        underMin[underMinSize++] = member;
    }

    void addExactlyMin(int member) {
        exactlyMin[(head + exactlyMinSize++) % exactlyMin.length] = member;
    }

    void clearExactlyMin() {
        exactlyMinSize = 0;
    }

    /** Kafka sorts both lists by member id before the round robin starts. */
    void sortById() {
        Comparator<Integer> byId = Comparator.comparing(group::id);
        sortRange(underMin, 0, underMinSize, byId);
        int[] queued = exactlyMinMembers();
        sortRange(queued, 0, queued.length, byId);
        head = 0;
        System.arraycopy(queued, 0, exactlyMin, 0, queued.length);
    }

    /**
     * The next member to get a partition: the cursor's next member below the minimum; at the end of that list,
     * the head of the queue if nobody is below the minimum any more, else the cursor starts over.
     */
    int next() {
        if (cursor < underMinSize) {
            lastReturned = cursor;
            return underMin[cursor++];
        }
        if (underMinSize == 0 && exactlyMinSize == 0) {
            throw new IllegalStateException("No more unfilled consumers to be assigned.");
        }
        if (underMinSize == 0) {
            int member = exactlyMin[head];
            head = (head + 1) % exactlyMin.length;
            exactlyMinSize--;
            return member;
        }
        cursor = 1;
        lastReturned = 0;
        return underMin[0];
    }

    /** The member the cursor just returned reached the minimum: it leaves the round robin for the queue's tail. */
    void reachedMin(int member) {
        System.arraycopy(underMin, lastReturned + 1, underMin, lastReturned, underMinSize - lastReturned - 1);
        underMinSize--;
        cursor = lastReturned;
        lastReturned = -1;
        addExactlyMin(member);
    }

    int underMinCount() {
        return underMinSize;
    }

    int[] underMinMembers() {
        return Arrays.copyOf(underMin, underMinSize);
    }

    int[] exactlyMinMembers() {
        int[] members = new int[exactlyMinSize];
        for (int i = 0; i < exactlyMinSize; i++) {
            members[i] = exactlyMin[(head + i) % exactlyMin.length];
        }
        return members;
    }

    List<String> underMinIds() {
        return group.ids(underMin, underMinSize);
    }

    List<String> exactlyMinIds() {
        int[] members = exactlyMinMembers();
        return group.ids(members, members.length);
    }

    private static void sortRange(int[] members, int from, int to, Comparator<Integer> order) {
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = members[i];
        }
        Arrays.sort(boxed, order);
        for (int i = from; i < to; i++) {
            members[i] = boxed[i - from];
        }
    }
}
