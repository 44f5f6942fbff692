package dev.groupscope.cli;

import dev.groupscope.scenario.json.StrictJson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.GroupMember;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the reader keeps, drops and notes, as Kafka would treat the same group. */
class AssignCaseReaderTest {

    @Test
    void optionalMemberFieldsDefaultAsKafkaDoes() {
        GroupMember member = onlyMember("{\"id\": \"C0\", \"topics\": [\"t0\"]}");

        assertThat(member).isEqualTo(new GroupMember("C0", Optional.empty(), List.of("t0"), List.of(),
                GroupMember.NO_GENERATION));
    }

    @Test
    void everyMemberFieldIsRead() {
        GroupMember member = onlyMember("{\"id\": \"C0\", \"instanceId\": \"host-1\", \"topics\": [\"t0\"],"
                + " \"owned\": [\"t0-1\", \"t0-0\"], \"generation\": 3}");

        assertThat(member).isEqualTo(new GroupMember("C0", Optional.of("host-1"), List.of("t0"),
                List.of(new TopicPartition("t0", 1), new TopicPartition("t0", 0)), 3));
    }

    @Test
    void aTopicListedTwiceIsOneSubscription() {
        assertThat(onlyMember("{\"id\": \"C0\", \"topics\": [\"t0\", \"t0\"]}").topics()).containsExactly("t0");
    }

    @Test
    void anOwnedPartitionBeyondTheTopicsCountIsDroppedWithANote() {
        AssignCaseReader.Cases cases = read("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, \"members\": "
                + "[{\"id\": \"C0\", \"topics\": [\"t0\"], \"owned\": [\"t0-1\", \"t0-7\"]}]}");

        assertThat(cases.cases().get(0).members().get(0).ownedPartitions())
                .containsExactly(new TopicPartition("t0", 1));
        assertThat(cases.notes()).containsExactly("note: in.json: case 0, $.members[0].owned[1]: owned t0-7 does "
                + "not exist (topic \"t0\" has 2 partitions): dropped before assigning");
    }

    @Test
    void anOwnedPartitionOfADeletedTopicIsLeftForTheAssignorWithANote() {
        AssignCaseReader.Cases cases = read("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, \"members\": "
                + "[{\"id\": \"C0\", \"topics\": [\"t0\"], \"owned\": [\"old-0\"]}]}");

        assertThat(cases.cases().get(0).members().get(0).ownedPartitions())
                .containsExactly(new TopicPartition("old", 0));
        assertThat(cases.notes()).containsExactly("note: in.json: case 0, $.members[0].owned[0]: owned old-0: "
                + "topic \"old\" has no metadata (deleted?); the assignor drops it, as Kafka's does");
    }

    @Test
    void aTopicWithoutMetadataIsNotedOncePerCase() {
        AssignCaseReader.Cases cases = read("{\"strategy\": \"legacy\", \"topics\": {}, \"members\": "
                + "[{\"id\": \"C0\", \"topics\": [\"x\"]}, {\"id\": \"C1\", \"topics\": [\"x\"]}]}");

        assertThat(cases.notes()).hasSize(1);
        assertThat(cases.cases().get(0).topics()).isEmpty();
    }

    @Test
    void nullMeansAbsentForOptionalFields() {
        GroupMember member = onlyMember("{\"id\": \"C0\", \"instanceId\": null, \"topics\": [],"
                + " \"owned\": null, \"generation\": null}");

        assertThat(member.isStatic()).isFalse();
        assertThat(member.hasGeneration()).isFalse();
    }

    private static GroupMember onlyMember(String member) {
        return read("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, \"members\": [" + member + "]}")
                .cases().get(0).members().get(0);
    }

    private static AssignCaseReader.Cases read(String json) {
        return AssignCaseReader.read("in.json", StrictJson.parse("in.json", json));
    }
}
