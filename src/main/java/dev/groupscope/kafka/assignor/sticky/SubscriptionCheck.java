package dev.groupscope.kafka.assignor.sticky;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kafka's test for its fast path: do all members subscribe to the same topics? Walked in the subscriptions map
 * order, as {@code allSubscriptionsEqual} does: the first member with a non-empty subscription sets the reference
 * (as a set), and every later one must list as many topics, all in that set.
 */
final class SubscriptionCheck {

    private final boolean allEqual;
    private final int reference;
    private final int firstDifferent;
    private final Collection<String> subscribedTopics;

    private SubscriptionCheck(boolean allEqual, int reference, int firstDifferent, Collection<String> topics) {
        this.allEqual = allEqual;
        this.reference = reference;
        this.firstDifferent = firstDifferent;
        this.subscribedTopics = topics;
    }

    static SubscriptionCheck of(StickyGroup group) {
        Set<String> referenceTopics = new HashSet<>();
        List<String> referenceList = null;
        boolean listIsSet = false;
        int reference = -1;
        for (int m : group.subscriptionOrder()) {
            List<String> topics = group.member(m).topics();
            if (referenceTopics.isEmpty()) {
                referenceTopics.addAll(topics);
                referenceList = topics;
                listIsSet = referenceTopics.size() == topics.size();
                reference = m;
            } else if (!sameAsReference(topics, referenceList, listIsSet, referenceTopics)) {
                return new SubscriptionCheck(false, reference, m, union(group));
            }
        }
        return new SubscriptionCheck(true, reference, -1, referenceTopics);
    }

    /**
     * Kafka's size-and-containsAll test. Members usually share one subscription list, so an equal list (no
     * duplicates in the reference) answers without a million set look-ups.
     */
    private static boolean sameAsReference(List<String> topics, List<String> referenceList, boolean listIsSet,
                                           Set<String> referenceTopics) {
        if (listIsSet && (topics == referenceList || topics.equals(referenceList))) {
            return true;
        }
        return topics.size() == referenceTopics.size() && referenceTopics.containsAll(topics);
    }

    private static Collection<String> union(StickyGroup group) {
        Set<String> topics = new LinkedHashSet<>();
        for (int m = 0; m < group.size(); m++) {
            topics.addAll(group.member(m).topics());
        }
        return topics;
    }

    boolean allEqual() {
        return allEqual;
    }

    /** The member whose subscription the others were compared with; −1 if nobody subscribes to anything. */
    int reference() {
        return reference;
    }

    /** The first member (in map order) whose subscription differs; −1 when all are equal. */
    int firstDifferent() {
        return firstDifferent;
    }

    /** Every topic some member subscribes to. */
    Collection<String> subscribedTopics() {
        return subscribedTopics;
    }
}
