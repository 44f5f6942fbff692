package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.HashMapOrder;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A classic consumer group as its coordinator holds it (Kafka's {@code ClassicGroup}): state, generation, protocol,
 * leader, members, and the bookkeeping of a rebalance in progress.
 *
 * <p>Kafka keeps the members in a {@code HashMap}, and three decisions follow its iteration order: the leader taken
 * when the leader leaves, the tie between protocols with as many votes, and the order of the member list the
 * leader's assignor receives. {@link #memberOrder} reproduces that order; the members themselves live in a sorted
 * map so that everything else iterates deterministically.
 */
public final class ClassicGroup {

    /** Kafka's {@code ConsumerProtocol.PROTOCOL_TYPE}. */
    public static final String CONSUMER_PROTOCOL_TYPE = "consumer";

    private final String groupId;
    private ClassicGroupState state;
    private ClassicGroupState previousState;
    private long currentStateTimestamp;
    private String protocolType;
    private String protocolName;
    private int generationId;
    private String leaderId;
    private final HashMapOrder<String, String> memberOrder;
    private final TreeMap<String, ClassicGroupMember> members;
    private final TreeMap<String, String> staticMembers;
    private final TreeSet<String> pendingJoinMembers;
    private final TreeSet<String> pendingSyncMembers;
    private final TreeMap<String, Integer> supportedProtocols;
    private int numMembersAwaitingJoinResponse;
    private boolean newMemberAdded;
    /** The topics the members subscribe to, or null when unknown (Kafka's empty Optional). */
    private TreeSet<String> subscribedTopics;

    ClassicGroup(String groupId, ClassicGroupState initialState, long now) {
        this(groupId, initialState, now, 0, null, null, null);
    }

    /** A group as loaded from its GroupMetadata record (Kafka's replay of GroupMetadataValue). */
    ClassicGroup(String groupId, ClassicGroupState initialState, long currentStateTimestamp, int generationId,
                 String protocolType, String protocolName, String leaderId) {
        this.groupId = groupId;
        this.state = initialState;
        this.previousState = ClassicGroupState.DEAD;
        this.currentStateTimestamp = currentStateTimestamp;
        this.generationId = generationId;
        this.protocolType = protocolType;
        this.protocolName = protocolName;
        this.leaderId = leaderId;
        this.memberOrder = new HashMapOrder<>();
        this.members = new TreeMap<>();
        this.staticMembers = new TreeMap<>();
        this.pendingJoinMembers = new TreeSet<>();
        this.pendingSyncMembers = new TreeSet<>();
        this.supportedProtocols = new TreeMap<>();
    }

    private ClassicGroup(ClassicGroup other) {
        this.groupId = other.groupId;
        this.state = other.state;
        this.previousState = other.previousState;
        this.currentStateTimestamp = other.currentStateTimestamp;
        this.protocolType = other.protocolType;
        this.protocolName = other.protocolName;
        this.generationId = other.generationId;
        this.leaderId = other.leaderId;
        this.memberOrder = other.memberOrder.copy();
        this.members = new TreeMap<>();
        other.members.forEach((id, member) -> this.members.put(id, member.copy()));
        this.staticMembers = new TreeMap<>(other.staticMembers);
        this.pendingJoinMembers = new TreeSet<>(other.pendingJoinMembers);
        this.pendingSyncMembers = new TreeSet<>(other.pendingSyncMembers);
        this.supportedProtocols = new TreeMap<>(other.supportedProtocols);
        this.numMembersAwaitingJoinResponse = other.numMembersAwaitingJoinResponse;
        this.newMemberAdded = other.newMemberAdded;
        this.subscribedTopics = other.subscribedTopics == null ? null : new TreeSet<>(other.subscribedTopics);
    }

    ClassicGroup copy() {
        return new ClassicGroup(this);
    }

    public String groupId() {
        return groupId;
    }

    public ClassicGroupState state() {
        return state;
    }

    public ClassicGroupState previousState() {
        return previousState;
    }

    public boolean isInState(ClassicGroupState candidate) {
        return state == candidate;
    }

    public long currentStateTimestamp() {
        return currentStateTimestamp;
    }

    /** The protocol type ("consumer"), or null for a group no member has joined (e.g. one only committed to). */
    public String protocolType() {
        return protocolType;
    }

    /** The selected protocol (assignor name), or null outside a generation with members. */
    public String protocolName() {
        return protocolName;
    }

    public int generationId() {
        return generationId;
    }

    /** The leader's member id, or null. */
    public String leaderId() {
        return leaderId;
    }

    public boolean isLeader(String memberId) {
        return leaderId != null && leaderId.equals(memberId);
    }

    public boolean newMemberAdded() {
        return newMemberAdded;
    }

    void setNewMemberAdded(boolean value) {
        this.newMemberAdded = value;
    }

    public boolean hasMember(String memberId) {
        return members.containsKey(memberId);
    }

    public ClassicGroupMember member(String memberId) {
        return members.get(memberId);
    }

    public int numMembers() {
        return members.size();
    }

    /** The members in the iteration order of Kafka's {@code HashMap}. */
    public List<ClassicGroupMember> allMembers() {
        List<ClassicGroupMember> ordered = new ArrayList<>(members.size());
        for (String id : memberOrder.keys()) {
            ordered.add(members.get(id));
        }
        return ordered;
    }

    public int numAwaitingJoinResponse() {
        return numMembersAwaitingJoinResponse;
    }

    public boolean isPendingMember(String memberId) {
        return pendingJoinMembers.contains(memberId);
    }

    public Set<String> pendingJoinMembers() {
        return java.util.Collections.unmodifiableSet(pendingJoinMembers);
    }

    public Set<String> pendingSyncMembers() {
        return java.util.Collections.unmodifiableSet(pendingSyncMembers);
    }

    public Map<String, String> staticMembers() {
        return java.util.Collections.unmodifiableMap(staticMembers);
    }

    public boolean hasStaticMember(String groupInstanceId) {
        return staticMembers.containsKey(groupInstanceId);
    }

    public String staticMemberId(String groupInstanceId) {
        return staticMembers.get(groupInstanceId);
    }

    /** Kafka's {@code hasAllMembersJoined}: every member is parked in a JoinGroup and no two-step join is pending. */
    public boolean hasAllMembersJoined() {
        return members.size() == numMembersAwaitingJoinResponse && pendingJoinMembers.isEmpty();
    }

    public boolean hasReceivedSyncFromAllMembers() {
        return pendingSyncMembers.isEmpty();
    }

    /** The group rebalance timeout: the largest rebalance timeout (max.poll.interval.ms) among the members. */
    public int rebalanceTimeoutMs() {
        int max = 0;
        for (ClassicGroupMember member : members.values()) {
            max = Math.max(max, member.rebalanceTimeoutMs());
        }
        return max;
    }

    /**
     * Kafka's {@code validateMember}: a static member's instance id must map to this member id (another id means
     * the caller was replaced: FENCED_INSTANCE_ID), and the member must exist.
     */
    public Errors validateMember(String memberId, String groupInstanceId) {
        if (groupInstanceId != null) {
            String existing = staticMemberId(groupInstanceId);
            if (existing == null) {
                return Errors.UNKNOWN_MEMBER_ID;
            }
            if (!existing.equals(memberId)) {
                return Errors.FENCED_INSTANCE_ID;
            }
        }
        return hasMember(memberId) ? Errors.NONE : Errors.UNKNOWN_MEMBER_ID;
    }

    /**
     * Kafka's {@code validateOffsetCommit} for a non-transactional commit: generation -1 is accepted only while the
     * group is Empty (a consumer outside group management, or an admin); otherwise the member must be valid and in
     * the current generation, and the group must not be waiting for the leader's assignment.
     */
    public Errors validateOffsetCommit(String memberId, String groupInstanceId, int generationId) {
        if (isInState(ClassicGroupState.DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (generationId < 0 && isInState(ClassicGroupState.EMPTY)) {
            return Errors.NONE;
        }
        if (generationId >= 0 || !memberId.isEmpty() || groupInstanceId != null) {
            Errors memberError = validateMember(memberId, groupInstanceId);
            if (memberError != Errors.NONE) {
                return memberError;
            }
            if (generationId != this.generationId) {
                return Errors.ILLEGAL_GENERATION;
            }
        } else if (!isInState(ClassicGroupState.EMPTY)) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        return isInState(ClassicGroupState.COMPLETING_REBALANCE) ? Errors.REBALANCE_IN_PROGRESS : Errors.NONE;
    }

    /** Kafka's {@code canRebalance}: PreparingRebalance may be entered from here. */
    public boolean canRebalance() {
        return ClassicGroupState.PREPARING_REBALANCE.validPreviousStates().contains(state);
    }

    /** Moves to {@code target}, refusing any move Kafka's state machine does not allow. */
    void transitionTo(ClassicGroupState target, long now) {
        if (!target.validPreviousStates().contains(state)) {
            throw new IllegalStateException("Group " + groupId + " should be in one of "
                    + target.validPreviousStates() + " states before moving to " + target
                    + " state. Instead it is in " + state + " state.");
        }
        previousState = state;
        state = target;
        currentStateTimestamp = now;
    }

    /** Kafka's {@code add}: the first member fixes the protocol type and becomes leader if there is none. */
    void add(ClassicGroupMember member, ParkedRequest join) {
        if (member.isStatic()) {
            if (staticMembers.containsKey(member.groupInstanceId())) {
                throw new IllegalStateException("static member " + member.groupInstanceId() + " is already in "
                        + groupId);
            }
            staticMembers.put(member.groupInstanceId(), member.memberId());
        }
        if (members.isEmpty()) {
            protocolType = member.protocolType();
        }
        if (!member.protocolType().equals(protocolType)) {
            throw new IllegalStateException("The group and member's protocol type must be the same.");
        }
        if (!supportsProtocols(member.protocolType(), member.protocolNames())) {
            throw new IllegalStateException("None of the member's protocols can be supported.");
        }
        if (leaderId == null) {
            leaderId = member.memberId();
        }
        putMember(member);
        incrementSupportedProtocols(member);
        member.setAwaitingJoin(join);
        if (member.isAwaitingJoin()) {
            numMembersAwaitingJoinResponse++;
        }
        pendingJoinMembers.remove(member.memberId());
    }

    /**
     * Kafka's {@code remove}: a removed leader is replaced by the first member in HashMap order. The caller answers
     * the member's parked JoinGroup first if it has one.
     */
    void remove(String memberId) {
        ClassicGroupMember removed = members.remove(memberId);
        if (removed != null) {
            memberOrder.remove(memberId);
            decrementSupportedProtocols(removed);
            if (removed.isAwaitingJoin()) {
                numMembersAwaitingJoinResponse--;
            }
            if (removed.isStatic()) {
                staticMembers.remove(removed.groupInstanceId());
            }
        }
        if (isLeader(memberId)) {
            List<String> order = memberOrder.keys();
            leaderId = order.isEmpty() ? null : order.get(0);
        }
        pendingJoinMembers.remove(memberId);
        pendingSyncMembers.remove(memberId);
    }

    private void putMember(ClassicGroupMember member) {
        members.put(member.memberId(), member);
        memberOrder.put(member.memberId(), member.memberId());
    }

    /**
     * Kafka's {@code maybeElectNewJoinedLeader}: keep the leader if it rejoined, else take the first member (HashMap
     * order) parked in a JoinGroup. False when there is no leader or nobody rejoined.
     */
    boolean maybeElectNewJoinedLeader() {
        if (leaderId == null) {
            return false;
        }
        if (members.get(leaderId).isAwaitingJoin()) {
            return true;
        }
        for (ClassicGroupMember candidate : allMembers()) {
            if (candidate.isAwaitingJoin()) {
                leaderId = candidate.memberId();
                return true;
            }
        }
        return false;
    }

    /**
     * Kafka's {@code replaceStaticMember}: the member under {@code oldMemberId} continues under {@code newMemberId}
     * with its protocols and assignment, waiting on nothing. Returns the old member, whose parked requests the
     * caller fences.
     */
    ClassicGroupMember replaceStaticMember(String groupInstanceId, String oldMemberId, String newMemberId) {
        ClassicGroupMember removed = members.remove(oldMemberId);
        if (removed == null) {
            throw new IllegalArgumentException("Cannot replace non-existing member id " + oldMemberId);
        }
        memberOrder.remove(oldMemberId);
        if (removed.isAwaitingJoin()) {
            numMembersAwaitingJoinResponse--;
        }
        putMember(removed.withId(newMemberId));
        if (isLeader(oldMemberId)) {
            leaderId = newMemberId;
        }
        staticMembers.put(groupInstanceId, newMemberId);
        return removed;
    }

    /** Kafka's {@code updateMember}: new protocols and timeouts, and the JoinGroup the member now waits on. */
    void updateMember(ClassicGroupMember member, List<JoinGroupProtocol> protocols, int rebalanceTimeoutMs,
                      int sessionTimeoutMs, ParkedRequest join) {
        decrementSupportedProtocols(member);
        member.update(protocols, rebalanceTimeoutMs, sessionTimeoutMs);
        incrementSupportedProtocols(member);
        if (join != null && !member.isAwaitingJoin()) {
            numMembersAwaitingJoinResponse++;
        } else if (join == null && member.isAwaitingJoin()) {
            numMembersAwaitingJoinResponse--;
        }
        member.setAwaitingJoin(join);
    }

    /** A request the group holds unanswered, and which: "JoinGroup" or "SyncGroup". */
    public record HeldRequest(ParkedRequest request, String api) {
    }

    /**
     * The JoinGroup or SyncGroup of {@code client} this group holds unanswered, or null. Until it is answered the
     * broker reads nothing more from the connection it came on.
     */
    public HeldRequest heldRequestOf(String client) {
        for (ClassicGroupMember member : members.values()) {
            if (member.awaitingJoin() != null && member.awaitingJoin().client().equals(client)) {
                return new HeldRequest(member.awaitingJoin(), "JoinGroup");
            }
            if (member.awaitingSync() != null && member.awaitingSync().client().equals(client)) {
                return new HeldRequest(member.awaitingSync(), "SyncGroup");
            }
        }
        return null;
    }

    /** Takes the member's parked JoinGroup (to answer it), or null if it has none. */
    ParkedRequest takeAwaitingJoin(ClassicGroupMember member) {
        ParkedRequest parked = member.awaitingJoin();
        if (parked != null) {
            member.setAwaitingJoin(null);
            numMembersAwaitingJoinResponse--;
        }
        return parked;
    }

    /** Takes the member's parked SyncGroup (to answer it), or null if it has none. */
    ParkedRequest takeAwaitingSync(ClassicGroupMember member) {
        ParkedRequest parked = member.awaitingSync();
        member.setAwaitingSync(null);
        return parked;
    }

    boolean addPendingMember(String memberId) {
        if (hasMember(memberId)) {
            throw new IllegalStateException("Attempt to add pending member " + memberId
                    + " which is already a stable member of the group.");
        }
        return pendingJoinMembers.add(memberId);
    }

    void addPendingSyncMember(String memberId) {
        if (!hasMember(memberId)) {
            throw new IllegalStateException("Attempt to add pending sync member " + memberId
                    + " which is not a member of the group.");
        }
        pendingSyncMembers.add(memberId);
    }

    void removePendingSyncMember(String memberId) {
        if (!hasMember(memberId)) {
            throw new IllegalStateException("Attempt to remove pending sync member " + memberId
                    + " which is not a member of the group.");
        }
        pendingSyncMembers.remove(memberId);
    }

    void clearPendingSyncMembers() {
        pendingSyncMembers.clear();
    }

    /**
     * Kafka's {@code supportsProtocols}: an Empty group takes any member with a protocol type and a protocol;
     * otherwise the type must be the group's and one protocol must be supported by every member.
     */
    public boolean supportsProtocols(String memberProtocolType, List<String> memberProtocols) {
        if (isInState(ClassicGroupState.EMPTY)) {
            return !memberProtocolType.isEmpty() && !memberProtocols.isEmpty();
        }
        return memberProtocolType.equals(protocolType) && memberProtocols.stream()
                .anyMatch(name -> supportedProtocols.getOrDefault(name, 0) == members.size());
    }

    /**
     * Kafka's {@code selectProtocol}: each member votes for its most preferred protocol that every member
     * supports; most votes wins, and a tie goes to the protocol first in the iteration order of Kafka's vote
     * {@code HashMap} (its stream {@code max} keeps the first of equal elements).
     */
    public ProtocolVote selectProtocol() {
        if (members.isEmpty()) {
            throw new IllegalStateException("Cannot select protocol for empty group");
        }
        Set<String> candidates = new HashSet<>();
        supportedProtocols.forEach((name, count) -> {
            if (count == members.size()) {
                candidates.add(name);
            }
        });
        HashMapOrder<String, Integer> votes = new HashMapOrder<>();
        for (ClassicGroupMember member : allMembers()) {
            String choice = member.vote(candidates);
            Integer count = votes.get(choice);
            votes.put(choice, count == null ? 1 : count + 1);
        }
        String winner = null;
        int best = -1;
        for (Map.Entry<String, Integer> entry : votes.entries()) {
            if (entry.getValue() > best) {
                winner = entry.getKey();
                best = entry.getValue();
            }
        }
        return new ProtocolVote(winner, toMap(votes));
    }

    private static Map<String, Integer> toMap(HashMapOrder<String, Integer> votes) {
        Map<String, Integer> map = new TreeMap<>();
        votes.entries().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        return map;
    }

    /**
     * Kafka's {@code initNextGeneration} up to the state change: the generation goes up by one, and the protocol is
     * selected if there are members (else cleared). Returns the state the group must move to.
     */
    ClassicGroupState advanceGeneration() {
        generationId++;
        protocolName = members.isEmpty() ? null : selectProtocol().protocol();
        updateSubscribedTopics();
        return members.isEmpty() ? ClassicGroupState.EMPTY : ClassicGroupState.COMPLETING_REBALANCE;
    }

    /**
     * Kafka's {@code computeSubscribedTopics}: for a "consumer" group, the union of the members' subscriptions
     * under the selected protocol (none for a group without members); unknown for any other group.
     */
    void updateSubscribedTopics() {
        if (!usesConsumerGroupProtocol()) {
            subscribedTopics = null;
        } else if (members.isEmpty()) {
            subscribedTopics = new TreeSet<>();
        } else if (protocolName != null) {
            subscribedTopics = new TreeSet<>();
            members.values().forEach(member -> subscribedTopics.addAll(member.metadata(protocolName).topics()));
        } else {
            subscribedTopics = null;
        }
    }

    public boolean usesConsumerGroupProtocol() {
        return CONSUMER_PROTOCOL_TYPE.equals(protocolType);
    }

    /** Kafka's {@code isSubscribedToTopic}: when the topics are unknown, a "consumer" group counts as subscribed. */
    public boolean isSubscribedToTopic(String topic) {
        return subscribedTopics != null ? subscribedTopics.contains(topic) : usesConsumerGroupProtocol();
    }

    /**
     * Kafka's {@code offsetExpirationCondition}: from when an offset's retention counts, or null if none of the
     * group's offsets may expire now. An Empty group's offsets expire counting from when it became Empty; a Stable
     * consumer group's offsets of topics it no longer subscribes to, and a group without protocol type's offsets,
     * counting from their commit.
     */
    public OffsetExpiry offsetExpiry() {
        if (protocolType == null) {
            return OffsetExpiry.SINCE_COMMIT;
        }
        if (isInState(ClassicGroupState.EMPTY)) {
            return OffsetExpiry.SINCE_EMPTY;
        }
        if (usesConsumerGroupProtocol() && subscribedTopics != null && isInState(ClassicGroupState.STABLE)) {
            return OffsetExpiry.SINCE_COMMIT;
        }
        return null;
    }

    /** What an offset's retention period counts from. */
    public enum OffsetExpiry {
        /** The commit's timestamp. */
        SINCE_COMMIT,
        /** When the group became Empty (its current state's timestamp). */
        SINCE_EMPTY
    }

    /** The leader's member list (Kafka's {@code currentClassicGroupMembers}), in HashMap order. */
    public List<JoinGroupMember> currentMembersForLeader() {
        if (isInState(ClassicGroupState.DEAD) || isInState(ClassicGroupState.PREPARING_REBALANCE)) {
            throw new IllegalStateException("Cannot obtain classic member metadata for group " + groupId
                    + " in state " + state);
        }
        List<JoinGroupMember> list = new ArrayList<>();
        for (ClassicGroupMember member : allMembers()) {
            list.add(new JoinGroupMember(member.memberId(), member.groupInstanceId(), member.metadata(protocolName)));
        }
        return list;
    }

    private void incrementSupportedProtocols(ClassicGroupMember member) {
        member.protocolNames().forEach(name -> supportedProtocols.merge(name, 1, Integer::sum));
    }

    private void decrementSupportedProtocols(ClassicGroupMember member) {
        member.protocolNames().forEach(name -> supportedProtocols.merge(name, -1, Integer::sum));
    }

    /** The outcome of a protocol vote: the winner and the votes each protocol got. */
    public record ProtocolVote(String protocol, Map<String, Integer> votes) {
        public ProtocolVote {
            votes = java.util.Collections.unmodifiableMap(new TreeMap<>(votes));
        }
    }
}
