package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.lab.ScriptedAssignor;
import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A cooperative round as the window shows it, with a scripted assignor that withholds t0-1 in the second round
 * and hands it out in the third, so this path is proven before the cooperative assignor itself arrives.
 */
@ExtendWith(ApplicationExtension.class)
class WithheldPartitionsViewTest {

    private static final TopicPartition T0_1 = new TopicPartition("t0", 1);

    @Start
    void start(Stage stage) {
        AtomicInteger round = new AtomicInteger();
        ScriptedAssignor assignor = new ScriptedAssignor((topics, members) -> round.incrementAndGet() == 2
                ? ScriptedAssignor.deal(topics, members, Set.of(T0_1), members.size() - 1)
                : ScriptedAssignor.deal(topics, members, Set.of()));
        GroupScopeWindow window =
                new GroupScopeWindow(stage, new AssignorLabViewModel(List.of("scripted"), name -> Optional.of(assignor)));
        window.show(UiLanguage.ENGLISH);
        window.labShown(true);
    }

    @Test
    void aWithheldPartitionWaitsApartUntilTheNextRoundAssignsIt(FxRobot robot) {
        robot.clickOn("#addConsumer");

        Node box = robot.lookup("#withheldBox").query();
        assertThat(box.isVisible()).isTrue();
        Label withheld = robot.from(box).lookup("#partition-t0-1").queryAs(Label.class);
        assertThat(withheld.getStyleClass()).contains("withheld");
        assertThat(withheld.getText()).isEqualTo("t0-1  (C1)");
        assertThat(robot.lookup("#idle-C3 .idle-reason").queryAs(Label.class).getText())
                .startsWith("Nothing yet: the partitions it will get are still being revoked");

        robot.clickOn("#rebalance");

        assertThat(robot.lookup("#withheldBox").query().isVisible()).isFalse();
        assertThat(robot.lookup("#partition-t0-1").queryAs(Label.class).getStyleClass()).doesNotContain("withheld");
    }
}
