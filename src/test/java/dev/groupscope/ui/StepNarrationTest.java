package dev.groupscope.ui;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.ui.StepNarration.Role;
import dev.groupscope.ui.StepNarration.Run;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StepNarrationTest {

    private final AssignmentStep place = new AssignmentStep(AssignmentStep.Kind.PLACE, "assign.legacy.place", "C1",
            new TopicPartition("t0", 3), args("index", 1, "n", 2, "first", 2, "last", 3));

    @Test
    void highlightsExactlyTheStepsMemberAndPartition() {
        assertThat(StepNarration.runs(place, Messages.english())).containsExactly(
                new Run("C1", Role.MEMBER),
                new Run(" is consumer number 1, so it takes partitions 2 to 3 (i·N to (i+1)·N − 1): ", Role.PLAIN),
                new Run("t0-3", Role.PARTITION),
                new Run(".", Role.PLAIN));
    }

    @Test
    void speaksChineseFromTheChineseBundle() {
        Messages chinese = Messages.of(Locale.SIMPLIFIED_CHINESE);

        assertThat(StepNarration.sentence(place, chinese))
                .isEqualTo("C1 是编号为 1 的消费者，因此分到分区 2 到 3（i·N 到 (i+1)·N − 1）：t0-3。");
        assertThat(StepNarration.kindName(AssignmentStep.Kind.PLACE, chinese)).isEqualTo("分配");
    }

    @Test
    void aStepAboutNoMemberIsPlainText() {
        AssignmentStep quota = new AssignmentStep(AssignmentStep.Kind.QUOTA, "assign.legacy.quota", null, null,
                args("topic", "t0", "partitions", 4, "consumers", 3, "n", 2));

        assertThat(StepNarration.runs(quota, Messages.english())).containsExactly(
                new Run("Topic t0: N = ceil(4 partitions / 3 consumers) = 2.", Role.PLAIN));
    }
}
