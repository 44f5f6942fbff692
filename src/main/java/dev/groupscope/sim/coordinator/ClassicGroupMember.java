package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Subscription;
import java.util.List;
import java.util.Set;

/**
 * One member of a classic group as the coordinator knows it (Kafka's {@code ClassicGroupMember}): its ids and
 * timeouts, the protocols it offered in its last JoinGroup, its assignment, and the JoinGroup or SyncGroup it is
 * waiting on, if any.
 */
public final class ClassicGroupMember {

    private final String memberId;
    private final String groupInstanceId;
    private final String clientId;
    private final String protocolType;
    private int rebalanceTimeoutMs;
    private int sessionTimeoutMs;
    private List<JoinGroupProtocol> protocols;
    private List<TopicPartition> assignment;
    private ParkedRequest awaitingJoin;
    private ParkedRequest awaitingSync;
    private boolean isNew;
    /** Not Kafka's: the generation of the last JoinGroup answer this member got (for views and invariants). */
    private int generationId;

    ClassicGroupMember(String memberId, String groupInstanceId, String clientId, String protocolType,
                       int rebalanceTimeoutMs, int sessionTimeoutMs, List<JoinGroupProtocol> protocols,
                       List<TopicPartition> assignment) {
        this.memberId = memberId;
        this.groupInstanceId = groupInstanceId;
        this.clientId = clientId;
        this.protocolType = protocolType;
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.protocols = List.copyOf(protocols);
        this.assignment = List.copyOf(assignment);
        this.generationId = -1;
    }

    ClassicGroupMember copy() {
        ClassicGroupMember copy = withId(memberId);
        copy.awaitingJoin = awaitingJoin;
        copy.awaitingSync = awaitingSync;
        copy.isNew = isNew;
        return copy;
    }

    /** The same member under another id, waiting on nothing: what {@code replaceStaticMember} makes. */
    ClassicGroupMember withId(String newMemberId) {
        ClassicGroupMember copy = new ClassicGroupMember(newMemberId, groupInstanceId, clientId, protocolType,
                rebalanceTimeoutMs, sessionTimeoutMs, protocols, assignment);
        copy.generationId = generationId;
        return copy;
    }

    public String memberId() {
        return memberId;
    }

    /** The static member's group.instance.id, or null for a dynamic member. */
    public String groupInstanceId() {
        return groupInstanceId;
    }

    public boolean isStatic() {
        return groupInstanceId != null;
    }

    public String clientId() {
        return clientId;
    }

    public String protocolType() {
        return protocolType;
    }

    public int rebalanceTimeoutMs() {
        return rebalanceTimeoutMs;
    }

    public int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    public List<JoinGroupProtocol> protocols() {
        return protocols;
    }

    public List<TopicPartition> assignment() {
        return assignment;
    }

    public boolean isNew() {
        return isNew;
    }

    public int generationId() {
        return generationId;
    }

    public boolean isAwaitingJoin() {
        return awaitingJoin != null;
    }

    public boolean isAwaitingSync() {
        return awaitingSync != null;
    }

    ParkedRequest awaitingJoin() {
        return awaitingJoin;
    }

    ParkedRequest awaitingSync() {
        return awaitingSync;
    }

    void setAwaitingJoin(ParkedRequest request) {
        this.awaitingJoin = request;
    }

    void setAwaitingSync(ParkedRequest request) {
        this.awaitingSync = request;
    }

    void setIsNew(boolean value) {
        this.isNew = value;
    }

    void setGenerationId(int generationId) {
        this.generationId = generationId;
    }

    void setAssignment(List<TopicPartition> assignment) {
        this.assignment = List.copyOf(assignment);
    }

    void update(List<JoinGroupProtocol> protocols, int rebalanceTimeoutMs, int sessionTimeoutMs) {
        this.protocols = List.copyOf(protocols);
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    /** The names of the offered protocols, in the member's preference order. */
    public List<String> protocolNames() {
        return protocols.stream().map(JoinGroupProtocol::name).toList();
    }

    /** The member's metadata for {@code protocolName} (Kafka's {@code metadata}); the member must offer it. */
    public Subscription metadata(String protocolName) {
        for (JoinGroupProtocol protocol : protocols) {
            if (protocol.name().equals(protocolName)) {
                return protocol.metadata();
            }
        }
        throw new IllegalArgumentException("member " + memberId + " does not support protocol " + protocolName);
    }

    /** Whether a JoinGroup offers exactly what this member offered last time, metadata included. */
    boolean matches(List<JoinGroupProtocol> offered) {
        return protocols.equals(offered);
    }

    /** Kafka's {@code vote}: the member's most preferred protocol among those every member supports. */
    String vote(Set<String> candidates) {
        for (JoinGroupProtocol protocol : protocols) {
            if (candidates.contains(protocol.name())) {
                return protocol.name();
            }
        }
        throw new IllegalArgumentException("member " + memberId + " supports none of " + candidates);
    }

    /**
     * Kafka's {@code hasSatisfiedHeartbeat}: a member parked in a JoinGroup or SyncGroup counts as alive (it cannot
     * heartbeat while it waits), unless it is new — a new member's parked join may still time out.
     */
    boolean hasSatisfiedHeartbeat() {
        return !isNew && (isAwaitingJoin() || isAwaitingSync());
    }
}
