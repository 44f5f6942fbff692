package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.report.RunSummary;
import org.junit.jupiter.api.Test;

/** The summary's totals say what happened, even where a topic is gone or a group never committed. */
class RunSummaryNumbersTest {

    @Test
    void recordsProducedCountsEveryAppendEvenToATopicDeletedSince() {
        ScenarioRun run = ScenarioRun.of("pattern-new-topic");

        long appended = run.events(e -> e.type().equals("Produce")).size();
        assertThat(run.events(e -> e.type().equals("TopicDeleted"))).as("the lesson deletes a topic").isNotEmpty();
        assertThat(run.summary.recordsProduced()).isEqualTo(appended);
        assertThat(run.group("indexers").recordsProcessed()).isLessThanOrEqualTo(run.summary.recordsProduced());
    }

    @Test
    void aPartitionAssignedButNeverCommittedHasNoLagRatherThanNone() {
        RunSummary.GroupSummary audit = ScenarioRun.of("offset-reset-none").group("audit");

        assertThat(audit.members()).flatExtracting(RunSummary.MemberSummary::assignment)
                .containsExactlyInAnyOrder("invoices-0", "invoices-1");
        // kafka-consumer-groups.sh prints "-" for both: lag is counted from a committed offset.
        assertThat(audit.committed()).containsOnlyKeys("invoices-0", "invoices-1").containsValues(null, null);
        assertThat(audit.lag()).containsOnlyKeys("invoices-0", "invoices-1").containsValues(null, null);
        assertThat(audit.totalLag()).isZero();
    }

    @Test
    void aPoolOrderedByKeyBreaksPartitionOrderButNeverKeyOrderAndTheSummarySaysBoth() {
        RunSummary.GroupSummary byKey = ScenarioRun.of("worker-pool-by-key").summary.groups().get(0);
        RunSummary.GroupSummary unordered = ScenarioRun.of("worker-pool-unordered").summary.groups().get(0);

        assertThat(byKey.orderBreaks()).isPositive();
        assertThat(byKey.keyOrderBreaks()).isZero();
        assertThat(unordered.keyOrderBreaks()).isPositive();
    }
}
