package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The topic dialogs refuse in place: what is not a number in GroupScope's words, the rest as Kafka would. */
class TopicFormTest {

    private static final List<String> EXISTING = List.of("__consumer_offsets", "orders", "audit_log");

    @Test
    void aGoodNewTopicPasses() {
        assertThat(TopicForm.checkCreate("payments", "4", EXISTING)).isEmpty();
    }

    @Test
    void aBadNameIsRefusedWithKafkasReasonBeforeTheCount() {
        assertThat(TopicForm.checkCreate("my topic", "x", EXISTING)).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("kafka.topic.name.illegalCharacters");
        assertThat(TopicForm.checkCreate("audit.log", "3", EXISTING)).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("kafka.topic.collides");
        assertThat(TopicForm.checkCreate("orders", "3", EXISTING)).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("kafka.topic.exists");
    }

    @Test
    void theCountMustBeAPositiveWholeNumberWithinWhatTheWindowShows() {
        assertThat(TopicForm.checkCreate("t", "three", EXISTING)).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("ui.topic.notANumber");
        assertThat(TopicForm.checkCreate("t", "0", EXISTING)).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("kafka.topic.partitions.nonPositive");
        assertThat(TopicForm.checkCreate("t", "65", EXISTING)).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("ui.topic.tooMany");
    }

    @Test
    void growingATopicNeedsMorePartitionsThanItHas() {
        assertThat(TopicForm.checkIncrease("orders", 6, "8")).isEmpty();
        assertThat(TopicForm.checkIncrease("orders", 6, "6")).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("kafka.topic.partitions.same");
        assertThat(TopicForm.checkIncrease("orders", 6, "4")).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("kafka.topic.partitions.fewer");
        assertThat(TopicForm.checkIncrease("orders", 6, "")).get()
                .extracting(TopicForm.Problem::messageKey).isEqualTo("ui.topic.notANumber");
    }
}
