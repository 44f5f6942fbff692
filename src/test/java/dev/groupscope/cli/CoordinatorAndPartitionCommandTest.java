package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class CoordinatorAndPartitionCommandTest {

    @Test
    void coordinatorShowsEveryStepOfTheHash() {
        CliRun run = CliRun.of("coordinator", "my-group");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                {
                  "group": "my-group",
                  "hashCode": -1906497762,
                  "abs": 1906497762,
                  "partition": 12
                }
                """);
    }

    @Test
    void coordinatorTakesTheOffsetsTopicsPartitionCount() {
        CliRun run = CliRun.of("coordinator", "polygenelubricants", "--partitions", "7");

        assertThat(run.out()).isEqualTo("""
                {
                  "group": "polygenelubricants",
                  "hashCode": -2147483648,
                  "abs": 0,
                  "partition": 0
                }
                """);
    }

    @Test
    void partitionHashesTheKeyAsTheProducerDoes() {
        CliRun run = CliRun.of("partition", "key-1", "--partitions", "6");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "key": "key-1",
                  "partition": 0
                }
                """);
    }

    @Test
    void aChineseKeyIsHashedAsUtf8AndPrintedAsIs() {
        CliRun run = CliRun.of("partition", "订单-42", "--partitions", "7");

        int kafkas = BuiltInPartitioner.partitionForKey("订单-42".getBytes(java.nio.charset.StandardCharsets.UTF_8), 7);
        assertThat(run.out()).isEqualTo("{\n  \"key\": \"订单-42\",\n  \"partition\": " + kafkas + "\n}\n");
        assertThat(kafkas).isEqualTo(Utils.toPositive(-519504440) % 7);
    }

    @Test
    void aPartitionCountThatIsNotANumberIsBadInput() {
        CliRun run = CliRun.of("coordinator", "g", "--partitions", "abc");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("groupscope: Invalid value for option '--partitions': 'abc' is not an int\n");
    }

    @Test
    void zeroOffsetsPartitionsIsBadInput() {
        CliRun run = CliRun.of("coordinator", "g", "--partitions", "0");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("groupscope: --partitions must be at least 1 "
                + "(__consumer_offsets has at least one partition), got 0\n");
    }

    @Test
    void zeroTopicPartitionsIsBadInput() {
        CliRun run = CliRun.of("partition", "k", "--partitions", "-3");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("groupscope: --partitions must be at least 1 "
                + "(a topic has at least one partition), got -3\n");
    }

    @Test
    void partitionNeedsThePartitionCount() {
        CliRun run = CliRun.of("partition", "k");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("groupscope: Missing required option: '--partitions=<n>'\n");
    }

    @Test
    void coordinatorNeedsAGroupId() {
        CliRun run = CliRun.of("coordinator");

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("groupscope: Missing required parameter: '<groupId>'\n");
    }
}
