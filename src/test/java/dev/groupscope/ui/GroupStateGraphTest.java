package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The group's state machine as the group panel draws it: Kafka's transitions (kafka-model.md §2.2), and the one the
 * model took last, read from the frame.
 */
class GroupStateGraphTest {

    @Test
    void theArrowsAreExactlyTheTransitionsKafkaAllows() {
        assertThat(GroupStateGraph.edges().stream().map(edge -> edge.from() + ">" + edge.to()).toList())
                .containsExactlyInAnyOrder("PreparingRebalance>Empty", "Stable>PreparingRebalance",
                        "CompletingRebalance>PreparingRebalance", "Empty>PreparingRebalance",
                        "PreparingRebalance>CompletingRebalance", "CompletingRebalance>Stable", "Stable>Dead",
                        "PreparingRebalance>Dead", "CompletingRebalance>Dead", "Empty>Dead", "Dead>Dead");
        assertThat(GroupStateGraph.arrow("Stable", "PreparingRebalance").orElseThrow().place())
                .isEqualTo(GroupStateGraph.Place.AGAIN);
        assertThat(GroupStateGraph.arrow("PreparingRebalance", "Empty").orElseThrow().place())
                .isEqualTo(GroupStateGraph.Place.BACK);
        assertThat(GroupStateGraph.arrow("Stable", "Dead").orElseThrow().id()).isEqualTo("transition-any-Dead");
        assertThat(GroupStateGraph.arrow("Empty", "Stable")).isEmpty();
    }

    @Test
    void afterAMemberCrashesTheLastTransitionIsStableToPreparingRebalanceWithItsReason() {
        PlaygroundViewModel playground = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), Runnable::run,
                Runnable::run);
        playground.scrubTo(20_000);
        assertThat(playground.getFrame().lastTransition().orElseThrow())
                .extracting(PlaygroundFrame.Transition::from, PlaygroundFrame.Transition::to)
                .containsExactly("CompletingRebalance", "Stable");
        playground.act(PlaygroundViewModel.WhatIf.CRASH_CONSUMER, "C2");

        // C2's session (10 s in the playground) runs out at about 28 s: the coordinator starts a rebalance.
        playground.scrubTo(29_000);

        PlaygroundFrame frame = playground.getFrame();
        assertThat(frame.group().state()).isEqualTo("PreparingRebalance");
        PlaygroundFrame.Transition last = frame.lastTransition().orElseThrow();
        assertThat(List.of(last.from(), last.to())).containsExactly("Stable", "PreparingRebalance");
        assertThat(last.event().time()).isBetween(20_000L, 29_000L);
        assertThat(EventSentences.of(last.event(), dev.groupscope.i18n.Messages.english())).contains("C2");
    }

    @Test
    void aGroupThatNeverChangedStateHasNoLastTransition() {
        PlaygroundViewModel playground = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), Runnable::run,
                Runnable::run);

        assertThat(playground.getFrame().lastTransition()).isEmpty();
    }
}
