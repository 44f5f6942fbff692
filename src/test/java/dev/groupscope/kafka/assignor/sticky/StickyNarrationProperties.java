package dev.groupscope.kafka.assignor.sticky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.assignor.AssignCase;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.AssignorArbitraries;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupAssignment;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Every step the sticky assignors narrate can be put into words in English and Chinese: its key is in both
 * bundles and each {placeholder} of both sentences is filled by the step's arguments, its member or its partition.
 */
class StickyNarrationProperties {

    private static final Messages ENGLISH = Messages.of(Locale.ENGLISH);
    private static final Messages CHINESE = Messages.of(Locale.SIMPLIFIED_CHINESE);

    @Property(tries = 400)
    void stickyStepsCanBeSaidInBothLanguages(@ForAll("cases") AssignCase input) {
        assertEveryStepSpeakable(narrated(StickyAssignor.NAME, input));
    }

    @Property(tries = 400)
    void cooperativeStepsCanBeSaidInBothLanguages(@ForAll("cases") AssignCase input) {
        assertEveryStepSpeakable(narrated(CooperativeStickyAssignor.NAME, input));
    }

    @Provide
    Arbitrary<AssignCase> cases() {
        return AssignorArbitraries.cases();
    }

    @Test
    void chineseBundleIsReallyChinese() {
        assertThat(CHINESE.format("assign.sticky.kept", java.util.Map.of("member", "C0", "partition", "t0-1")))
                .isEqualTo("C0 保留 t0-1。");
    }

    @Test
    void tracingOffRecordsNothing() {
        GroupAssignment result = new StickyAssignor().assign(java.util.Map.of("t0", 4),
                List.of(dev.groupscope.kafka.assignor.GroupMember.of("C0", List.of("t0"))), AssignmentTrace.off());
        assertThat(result.steps()).isEmpty();
    }

    static List<AssignmentStep> narrated(String strategy, AssignCase input) {
        AssignmentTrace trace = AssignmentTrace.recording();
        GroupAssignment result;
        try {
            result = Assignors.byName(strategy).orElseThrow().assign(input.partitionsPerTopic(), input.members(),
                    trace);
        } catch (IllegalStateException kafkaAlsoFails) {
            return trace.steps();
        }
        return result.steps();
    }

    private static void assertEveryStepSpeakable(List<AssignmentStep> steps) {
        assertThat(steps).isNotEmpty();
        for (AssignmentStep step : steps) {
            for (Messages language : List.of(ENGLISH, CHINESE)) {
                assertThat(language.has(step.messageKey())).as("%s in %s", step.messageKey(), language.locale())
                        .isTrue();
                assertThat(placeholders(language.bundle().getString(step.messageKey())))
                        .as("placeholders of %s (%s)", step.messageKey(), language.locale())
                        .isSubsetOf(supplied(step));
            }
        }
    }

    private static Set<String> placeholders(String pattern) {
        return new HashSet<>(Messages.placeholders(pattern));
    }

    private static Set<String> supplied(AssignmentStep step) {
        Set<String> names = new HashSet<>(step.args().keySet());
        if (step.member() != null) {
            names.add("member");
        }
        if (step.partition() != null) {
            names.add("partition");
        }
        return names;
    }
}
