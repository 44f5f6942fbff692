/**
 * Kafka's sticky assignors, {@code sticky} and {@code cooperative-sticky}, rebuilt to give kafka-clients 4.1.1's
 * exact per-member partition sets, narrated step by step.
 *
 * <p>The flow mirrors Kafka's {@code AbstractStickyAssignor}: {@code PreviousOwnership} settles competing claims
 * on previous partitions, {@code SubscriptionCheck} picks the path, then {@code ConstrainedAssignment} (same
 * subscriptions) or {@code GeneralAssignment} (different ones) assigns, and CooperativeSticky holds back the
 * partitions whose previous owner must revoke them first.
 *
 * <p>Internally partitions are int indexes into a {@code PartitionIndex} and members int numbers, so a million partitions cost a few flat arrays. Where Kafka's result depends on
 * {@code HashMap} or {@code HashSet} iteration order, real JDK maps filled in Kafka's sequence supply that order.
 */
package dev.groupscope.kafka.assignor.sticky;
