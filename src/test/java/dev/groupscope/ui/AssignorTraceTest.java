package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The explanation's assignor trace, as the view model reads it from the model: at the leader's AssignorRun the steps
 * the assignor took, one at a time, with the partitions each step places.
 */
class AssignorTraceTest {

    /** eager-join: C1 leads the first rebalance at 6.012 s and runs range over three members and six partitions. */
    private static final long FIRST_ASSIGNMENT_MS = 6_012;

    @Test
    void atAnAssignorRunTheTraceStartsAtItsFirstStepWhichPlacesNothing() {
        PlaygroundViewModel lesson = lessonAt("eager-join.json", FIRST_ASSIGNMENT_MS);

        assertThat(lesson.getFrame().current().orElseThrow().type()).isEqualTo("AssignorRun");
        AssignorTrace trace = lesson.traceProperty().get().orElseThrow();
        assertThat(trace.assignor()).isEqualTo("range");
        assertThat(trace.size()).isEqualTo(5);
        assertThat(lesson.traceStepProperty().get()).isZero();
        assertThat(trace.step(0).kind()).isEqualTo(AssignmentStep.Kind.SORT_MEMBERS);
        assertThat(lesson.placedPartitions()).isEmpty();
    }

    @Test
    void nextStepsOnToTheStepsThatPlacePartitionsAndNamesMembersAsTheirClients() {
        PlaygroundViewModel lesson = lessonAt("eager-join.json", FIRST_ASSIGNMENT_MS);

        lesson.nextTraceStep();
        assertThat(lesson.traceStepProperty().get()).isEqualTo(1);
        assertThat(lesson.placedPartitions()).as("the quota step places nothing").isEmpty();
        lesson.nextTraceStep();

        AssignorTrace trace = lesson.traceProperty().get().orElseThrow();
        assertThat(lesson.placedPartitions()).containsExactly("clicks-0", "clicks-1");
        assertThat(StepNarration.sentence(trace.step(2), Messages.english()))
                .isEqualTo("C1 takes clicks-0..clicks-1: P / C = 2, no extra.");
        assertThat(StepNarration.sentence(trace.step(0), Messages.of(Locale.SIMPLIFIED_CHINESE)))
                .contains("C1, C2, C3").doesNotContain("C1-");
    }

    @Test
    void theTraceStopsAtItsEndsAndStartsAgainAtTheNextEvent() {
        PlaygroundViewModel lesson = lessonAt("eager-join.json", FIRST_ASSIGNMENT_MS);

        lesson.previousTraceStep();
        assertThat(lesson.traceStepProperty().get()).isZero();
        for (int i = 0; i < 10; i++) {
            lesson.nextTraceStep();
        }
        assertThat(lesson.traceStepProperty().get()).isEqualTo(4);

        lesson.stepNext();
        assertThat(lesson.getFrame().current().orElseThrow().type()).isNotEqualTo("AssignorRun");
        assertThat(lesson.traceProperty().get()).isEmpty();
        assertThat(lesson.traceStepProperty().get()).isZero();
        assertThat(lesson.placedPartitions()).isEmpty();
        lesson.nextTraceStep();
        assertThat(lesson.traceStepProperty().get()).as("no trace, nothing to step").isZero();
    }

    @Test
    void aCooperativeStickyStepPlacesItsOwnPartition() {
        PlaygroundViewModel lesson = lessonAt("cooperative-join.json", FIRST_ASSIGNMENT_MS);
        AssignorTrace trace = lesson.traceProperty().get().orElseThrow();

        int place = trace.steps().indexOf(trace.steps().stream()
                .filter(step -> step.kind() == AssignmentStep.Kind.PLACE).findFirst().orElseThrow());
        while (lesson.traceStepProperty().get() < place) {
            lesson.nextTraceStep();
        }

        assertThat(lesson.placedPartitions()).containsExactly(trace.step(place).partition().toString());
        assertThat(trace.step(place).member()).matches("C[123]");
    }

    @Test
    void aPartitionNameIsSplitAtItsLastDash() {
        assertThat(AssignorTrace.partition("my-topic-12")).isEqualTo(new TopicPartition("my-topic", 12));
        assertThat(AssignorTrace.partition("clicks")).isNull();
        assertThat(AssignorTrace.partition("")).isNull();
    }

    /**
     * The lesson at its leader's AssignorRun at {@code at}: the other members' JoinGroup answers arrive in the same
     * millisecond after it (in the order they joined), so from that time it steps back to it, as a learner would.
     */
    private static PlaygroundViewModel lessonAt(String file, long at) {
        PlaygroundViewModel lesson = new PlaygroundViewModel(ScenarioReader.read(Path.of("lessons/scenarios", file)),
                Runnable::run, Runnable::run);
        lesson.scrubTo(at);
        for (int i = 0; i < 8 && !lesson.getFrame().current().map(e -> e.type().equals("AssignorRun")).orElse(false);
             i++) {
            lesson.stepPrevious();
        }
        return lesson;
    }
}
