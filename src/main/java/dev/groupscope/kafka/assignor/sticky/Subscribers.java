package dev.groupscope.kafka.assignor.sticky;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Who may take which topic on the general path: Kafka's {@code consumer2AllPotentialTopics} and
 * {@code topic2AllPotentialConsumers}, both filled in the subscriptions map order and both keeping a topic a
 * member lists twice, as Kafka's lists do.
 */
final class Subscribers {

    private final PartitionIndex index;
    private final int[][] topicsOf;
    private final boolean[][] subscribes;
    private final int[][] subscribersOf;
    private final int[] maxAssignmentSize;

    Subscribers(StickyGroup group, PartitionIndex index) {
        this.index = index;
        int members = group.size();
        int topics = index.topicCount();
        this.topicsOf = new int[members][];
        this.subscribes = new boolean[members][topics];
        IntList[] subscribers = new IntList[topics];
        for (int t = 0; t < topics; t++) {
            subscribers[t] = new IntList(4);
        }
        for (int m : group.subscriptionOrder()) {
            IntList mine = new IntList(4);
            for (String name : group.member(m).topics()) {
                int t = index.topicNumber(name);
                if (t != PartitionIndex.NO_TOPIC) {
                    mine.add(t);
                    subscribers[t].add(m);
                    subscribes[m][t] = true;
                }
            }
            topicsOf[m] = mine.toArray();
        }
        this.subscribersOf = new int[topics][];
        for (int t = 0; t < topics; t++) {
            subscribersOf[t] = subscribers[t].toArray();
        }
        this.maxAssignmentSize = new int[members];
        for (int m = 0; m < members; m++) {
            maxAssignmentSize[m] = maxAssignmentSize(topicsOf[m]);
        }
    }

    /** Kafka counts every partition when a member lists as many topics as there are, else sums its topics. */
    private int maxAssignmentSize(int[] topics) {
        if (topics.length == index.topicCount()) {
            return index.size();
        }
        int size = 0;
        for (int t : topics) {
            size += index.partitionCount(t);
        }
        return size;
    }

    boolean subscribes(int member, int topic) {
        return subscribes[member][topic];
    }

    int[] topicsOf(int member) {
        return topicsOf[member];
    }

    int[] of(int topic) {
        return subscribersOf[topic];
    }

    int count(int topic) {
        return subscribersOf[topic].length;
    }

    int maxAssignmentSize(int member) {
        return maxAssignmentSize[member];
    }

    /** All partitions, topics with the fewest subscribers first (then by name), each topic's in number order. */
    int[] partitionsByFewestSubscribers() {
        Integer[] topics = new Integer[index.topicCount()];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = t;
        }
        // topic numbers already follow the names, so ties keep name order
        Arrays.sort(topics, Comparator.comparingInt(this::count));
        int[] partitions = new int[index.size()];
        int i = 0;
        for (int t : topics) {
            for (int p = index.first(t); p < index.first(t + 1); p++) {
                partitions[i++] = p;
            }
        }
        return partitions;
    }

    /** Partitions of topics only one member subscribes to cannot move: Kafka leaves them out of balancing. */
    int[] withoutSingleSubscriberTopics(int[] partitions) {
        IntList movable = new IntList(partitions.length);
        for (int p : partitions) {
            if (count(index.topicOf(p)) >= 2) {
                movable.add(p);
            }
        }
        return movable.toArray();
    }
}
