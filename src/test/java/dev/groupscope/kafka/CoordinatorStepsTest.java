package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** The coordinator calculator's steps: Kafka's numbers, one sentence each, in both languages. */
class CoordinatorStepsTest {

    private static final OffsetsTopicMetadata THREE_BROKERS =
            OffsetsTopicMetadata.of(Map.of(0, 1, 12, 2, 13, 1), Set.of(1, 2, 3));

    @Test
    void myGroupHashesToPartitionTwelveLedByBrokerTwo() {
        List<CoordinatorStep> steps = GroupCoordinatorPartitioning.steps("my-group", 50, THREE_BROKERS);

        assertThat(steps).extracting(CoordinatorStep::kind).containsExactly(CoordinatorStep.Kind.HASH,
                CoordinatorStep.Kind.ABS, CoordinatorStep.Kind.MODULO, CoordinatorStep.Kind.LEADER);
        assertThat(steps.get(0).args()).containsEntry("hash", "my-group".hashCode());
        assertThat(steps.get(1).args()).containsEntry("abs", Utils.abs("my-group".hashCode()));
        assertThat(steps.get(2).args()).containsEntry("partition", Utils.abs("my-group".hashCode()) % 50);
        assertThat(steps.get(3).messageKey()).isEqualTo("coordinator.reason.FOUND");
        assertThat(steps.get(3).args()).containsEntry("broker", 2);
    }

    @Test
    void theMinValueHashIsCalledOutBecauseMathAbsWouldStayNegative() {
        List<CoordinatorStep> steps = GroupCoordinatorPartitioning.steps("polygenelubricants", 50, THREE_BROKERS);

        assertThat(steps.get(1).messageKey()).isEqualTo("coordinator.step.absMinValue");
        assertThat(steps.get(1).args()).containsEntry("abs", Utils.abs(Integer.MIN_VALUE));
        assertThat(steps.get(2).args()).containsEntry("partition", 0);
        assertThat(steps.get(3).args()).containsEntry("broker", 1);
    }

    @Test
    void aDeadLeaderIsNamedAndNoCoordinatorIsFound() {
        OffsetsTopicMetadata brokerTwoDown = OffsetsTopicMetadata.of(Map.of(12, 2), Set.of(1, 3));

        CoordinatorStep leader = GroupCoordinatorPartitioning.steps("my-group", 50, brokerTwoDown).get(3);

        assertThat(leader.messageKey()).isEqualTo("coordinator.reason.LEADER_NOT_ALIVE");
        assertThat(leader.args()).containsEntry("broker", 2).containsEntry("partition", 12);
    }

    @Test
    void everyStepReadsAsASentenceInBothLanguages() {
        for (Messages messages : List.of(Messages.english(), Messages.of(Locale.SIMPLIFIED_CHINESE))) {
            for (String group : List.of("my-group", "polygenelubricants")) {
                for (CoordinatorStep step : GroupCoordinatorPartitioning.steps(group, 50, THREE_BROKERS)) {
                    assertThat(messages.has(step.messageKey())).as(step.messageKey()).isTrue();
                    assertThat(messages.format(step.messageKey(), step.args())).doesNotContain("{");
                }
            }
        }
        assertThat(Messages.english().format("coordinator.step.modulo", GroupCoordinatorPartitioning
                .steps("my-group", 50, THREE_BROKERS).get(2).args()))
                .isEqualTo("1,906,497,762 mod 50 (offsets.topic.num.partitions) = 12: the group lives in "
                        + "__consumer_offsets-12.");
    }
}
