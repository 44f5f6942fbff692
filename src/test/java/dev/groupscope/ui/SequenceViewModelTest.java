package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.diagram.SequenceDiagram;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol pane's view model without a window, on the small export scenario with a synchronous runner. */
class SequenceViewModelTest {

    private PlaygroundViewModel playground;
    private SequenceViewModel sequence;

    @BeforeEach
    void setUp() {
        playground = new PlaygroundViewModel(ScenarioReader.read(Path.of("src/test/resources/export/small.json")),
                Runnable::run, Runnable::run);
        sequence = new SequenceViewModel(playground);
        sequence.setActive(this, true, Messages.english());
    }

    @Test
    void aHiddenPaneDrawsNothing() {
        SequenceViewModel hidden = new SequenceViewModel(playground);

        playground.scrubTo(8_000);

        assertThat(hidden.getDiagram()).isNull();
    }

    @Test
    void theDiagramShowsTheRunUpToTheCurrentTime() {
        playground.scrubTo(20);
        SequenceDiagram early = sequence.getDiagram();
        playground.scrubTo(12_000);
        SequenceDiagram later = sequence.getDiagram();

        assertThat(early.rows()).allMatch(row -> row.time() <= 20).isNotEmpty();
        assertThat(later.rows().size()).isGreaterThan(early.rows().size());
        assertThat(later.rows()).allMatch(row -> row.time() <= 12_000);
        assertThat(later.drawing().shape("current-row")).isPresent();
    }

    @Test
    void selectingARowMovesTimeThereAndKeepsLaterRowsFaded() {
        playground.scrubTo(12_000);
        SequenceDiagram.Row crash = sequence.getDiagram().rows().stream()
                .filter(row -> row.id().startsWith("note-") && row.time() == 5_000).findFirst().orElseThrow();

        assertThat(sequence.select(crash.id())).isTrue();

        assertThat(playground.getTime()).isEqualTo(5_000);
        SequenceDiagram now = sequence.getDiagram();
        assertThat(now.rows().get(now.rows().size() - 1).time()).isGreaterThan(5_000);
        assertThat(now.drawing().shapes()).filteredOn(shape -> shape.styles().contains("future")).isNotEmpty();
        assertThat(now.drawing().shapes()).filteredOn(shape -> shape.styles().contains("future"))
                .noneMatch(shape -> shape.id().startsWith(crash.id()));
        assertThat(sequence.select("msg-does-not-exist")).isFalse();
    }

    @Test
    void foldingHeartbeatsReplacesEachRunByOneRow() {
        playground.scrubTo(12_000);
        int folded = sequence.getDiagram().rows().size();
        assertThat(sequence.getDiagram().rows()).anyMatch(row -> row.id().startsWith("heartbeats-"));

        sequence.foldHeartbeatsProperty().set(false);

        assertThat(sequence.getDiagram().rows()).noneMatch(row -> row.id().startsWith("heartbeats-"));
        assertThat(sequence.getDiagram().rows().size()).isGreaterThan(folded);
    }

    @Test
    void aWhatIfStartsTheDiagramAgainFromTheForkedRun() {
        playground.scrubTo(3_000);
        playground.act(PlaygroundViewModel.WhatIf.CRASH_CONSUMER, "C1");
        playground.scrubTo(12_000);

        // C1 crashed at 3 s in the fork: its session ends about 6 s later, and the group rebalances around C2.
        // Each note's words, on all the lines it wraps onto in its lane.
        dev.groupscope.diagram.Drawing drawing = sequence.getDiagram().drawing();
        assertThat(drawing.shapes()).filteredOn(shape -> shape.id().startsWith("note-"))
                .filteredOn(shape -> shape.id().endsWith("-label"))
                .extracting(shape -> dev.groupscope.diagram.NoteLines.words(drawing, shape.id()))
                .contains("C1 removed: session timed out (6,000 ms)");
    }

    @Test
    void aLongRunShowsAWindowOfRowsAroundTheCurrentTime() {
        sequence.foldHeartbeatsProperty().set(false);
        sequence.maxEvents(20);
        playground.scrubTo(12_000);

        SequenceDiagram diagram = sequence.getDiagram();
        assertThat(diagram.rows()).hasSize(20);
        assertThat(diagram.rows().get(0).time()).isPositive();
        assertThat(diagram.drawing().title()).startsWith("Group protocol from " + String.format(Locale.ROOT, "%,d",
                diagram.rows().get(0).time()));
        assertThat(diagram.drawing().shape("current-row")).isPresent();
        // The last row: the second OffsetForLeaderEpoch's answer after the OffsetFetch, read by broker 2 only once it
        // has answered C1's fetch parked on the same connection.
        assertThat(diagram.rows().get(19).time()).isEqualTo(10_302);
    }

    @Test
    void speaksTheLanguageOfThePaneShowingIt() {
        sequence.setActive(this, false, Messages.english());
        sequence.setActive(this, true, Messages.of(Locale.SIMPLIFIED_CHINESE));
        playground.scrubTo(12_000);

        assertThat(sequence.getDiagram().drawing().title()).isEqualTo("0 到 10,302 毫秒之间的组协议");
    }
}
