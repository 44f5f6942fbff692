package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.lab.LabRound;
import dev.groupscope.lab.MemberRow;
import dev.groupscope.lab.ScriptedAssignor;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupMember;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The view model without a window: JavaFX properties need no toolkit. */
class AssignorLabViewModelTest {

    private final ScriptedAssignor first = ScriptedAssignor.dealing();
    private final ScriptedAssignor second = ScriptedAssignor.dealing();
    private final AssignorLabViewModel viewModel = new AssignorLabViewModel(List.of("first", "second"),
            name -> Optional.of(name.equals("first") ? first : second));

    @Test
    void startsWithTheFirstStrategyOnTheDefaultGroup() {
        assertThat(viewModel.strategyProperty().get()).isEqualTo("first");
        assertThat(viewModel.topicsTextProperty().get()).isEqualTo("t0:4, t1:3");
        assertThat(viewModel.groupSizeProperty().get()).isEqualTo(3);
        assertThat(viewModel.getRound().members()).extracting(MemberRow::memberId).containsExactly("C0", "C1", "C2");
        assertThat(viewModel.getRound().generation()).isEqualTo(1);
    }

    @Test
    void offersEveryRegisteredAssignorByDefault() {
        assertThat(new AssignorLabViewModel().strategies()).containsExactlyElementsOf(Assignors.names());
    }

    @Test
    void addingAConsumerRebalancesTheSameGroupIntoTheNextGeneration() {
        viewModel.addConsumer();

        assertThat(viewModel.groupSizeProperty().get()).isEqualTo(4);
        assertThat(viewModel.getRound().generation()).isEqualTo(2);
        assertThat(first.lastCall()).extracting(GroupMember::generation).containsExactly(1, 1, 1, -1);
    }

    @Test
    void choosingAnotherStrategyStartsAFreshGroupOfTheSameSize() {
        viewModel.addConsumer();

        viewModel.strategyProperty().set("second");

        assertThat(viewModel.getRound().strategy()).isEqualTo("second");
        assertThat(viewModel.getRound().generation()).isEqualTo(1);
        assertThat(second.lastCall()).hasSize(4).allMatch(member -> member.ownedPartitions().isEmpty());
    }

    @Test
    void resizingJoinsOrRemovesOneConsumerPerRebalance() {
        viewModel.resizeTo(5);
        assertThat(viewModel.getRound().generation()).isEqualTo(3);
        assertThat(viewModel.getRound().members()).extracting(MemberRow::memberId)
                .containsExactly("C0", "C1", "C2", "C3", "C4");

        viewModel.resizeTo(2);
        assertThat(viewModel.getRound().members()).extracting(MemberRow::memberId).containsExactly("C0", "C1");
        assertThat(viewModel.getRound().generation()).isEqualTo(6);
    }

    @Test
    void theGroupStaysBetweenOneAndTwelveConsumers() {
        viewModel.resizeTo(99);
        assertThat(viewModel.groupSizeProperty().get()).isEqualTo(AssignorLabViewModel.MAX_CONSUMERS);
        assertThat(viewModel.canAddConsumerProperty().get()).isFalse();

        viewModel.resizeTo(0);
        assertThat(viewModel.groupSizeProperty().get()).isEqualTo(AssignorLabViewModel.MIN_CONSUMERS);
        assertThat(viewModel.canRemoveConsumerProperty().get()).isFalse();
        viewModel.removeConsumer("C0");
        assertThat(viewModel.groupSizeProperty().get()).isEqualTo(1);
    }

    @Test
    void aChosenConsumerCanLeave() {
        viewModel.removeConsumer("C1");

        assertThat(viewModel.getRound().members()).extracting(MemberRow::memberId).containsExactly("C0", "C2");
    }

    @Test
    void validTopicTextRebalancesAndIsWrittenBackCanonically() {
        viewModel.topicsTextProperty().set("t0 : 6 ;  t1:3");
        viewModel.applyTopics();

        assertThat(viewModel.topicsTextProperty().get()).isEqualTo("t0:6, t1:3");
        assertThat(viewModel.getRound().topics()).containsEntry("t0", 6);
        assertThat(viewModel.getRound().generation()).isEqualTo(2);
        assertThat(viewModel.topicsProblemProperty().get()).isNull();
    }

    @Test
    void unchangedTopicTextDoesNotRebalance() {
        viewModel.topicsTextProperty().set("t0:4,t1:3");
        viewModel.applyTopics();

        assertThat(viewModel.getRound().generation()).isEqualTo(1);
    }

    @Test
    void invalidTopicTextIsRefusedAndTheGroupIsKept() {
        LabRound before = viewModel.getRound();
        viewModel.topicsTextProperty().set("t0:0");
        viewModel.applyTopics();

        assertThat(viewModel.topicsProblemProperty().get().messageKey()).isEqualTo("ui.topics.error.count");
        assertThat(viewModel.getRound()).isSameAs(before);

        viewModel.topicsTextProperty().set("t0:1");
        viewModel.applyTopics();
        assertThat(viewModel.topicsProblemProperty().get()).isNull();
    }

    @Test
    void rebalanceAndStartOverKeepTheMembers() {
        viewModel.rebalance();
        assertThat(viewModel.getRound().generation()).isEqualTo(2);

        viewModel.startOver();
        assertThat(viewModel.getRound().generation()).isEqualTo(1);
        assertThat(viewModel.groupSizeProperty().get()).isEqualTo(3);
        assertThat(viewModel.getRound().topics()).isEqualTo(Map.of("t0", 4, "t1", 3));
    }
}
