package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.lab.LabRound;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.LegacyAssignor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The real window on Monocle, driven as a teacher would: clicks, keys, the language menu. */
@ExtendWith(ApplicationExtension.class)
class AssignorLabViewTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new GroupScopeWindow(stage);
        window.show(UiLanguage.ENGLISH);
        window.labShown(true);
    }

    @Test
    void choosingTheLegacyStrategyShowsItsRangesPerConsumer(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);

        assertThat(chipsOf(robot, "C0")).containsExactly("t0-0", "t0-1", "t1-0");
        assertThat(chipsOf(robot, "C1")).containsExactly("t0-2", "t0-3", "t1-1");
        assertThat(chipsOf(robot, "C2")).containsExactly("t1-2");
        assertThat(text(robot, "#summary")).isEqualTo("Generation 1 · legacy (EAGER) · consumers: 3 · revoked: 0 · moved: 0 · idle: 0");
    }

    @Test
    void everyRegisteredStrategyShowsEveryPartitionExactlyOnceWithATrace(FxRobot robot) {
        for (String strategy : Assignors.names()) {
            robot.interact(() -> robot.lookup("#strategy").<ComboBox<String>>query().setValue(strategy));

            List<String> shown = new ArrayList<>();
            robot.lookup(".chip").queryAll().stream()
                    .filter(chip -> !chip.getStyleClass().contains("inline-chip"))
                    .forEach(chip -> shown.add(chip.getId()));
            assertThat(shown).as(strategy).hasSize(7).doesNotHaveDuplicates();
            assertThat(robot.lookup("#step-0").tryQuery()).as(strategy).isPresent();
        }
    }

    @Test
    void addingAConsumerMarksThePartitionsThatMoved(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);

        robot.clickOn("#addConsumer");

        assertThat(chipsOf(robot, "C3")).containsExactly("t0-3");
        Label moved = robot.lookup("#partition-t0-3").queryAs(Label.class);
        assertThat(moved.getStyleClass()).contains("moved");
        assertThat(moved.getText()).isEqualTo("t0-3  ← C1");
        assertThat(robot.lookup("#partition-t0-0").queryAs(Label.class).getStyleClass()).doesNotContain("moved");
        assertThat(text(robot, "#summary"))
                .isEqualTo("Generation 2 · legacy (EAGER) · consumers: 4 · revoked: all 7 · moved: 3 · idle: 0");
        assertThat(robot.lookup("#consumerCount").<Spinner<Integer>>query().getValue()).isEqualTo(4);
    }

    @Test
    void underEagerAPartitionAMemberKeepsIsMarkedAsRevokedAndGivenBack(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);

        robot.clickOn("#addConsumer");

        // C0 keeps t0-0, yet it stopped consuming it: EAGER revoked everything before C3 could join.
        Label kept = robot.lookup("#partition-t0-0").queryAs(Label.class);
        assertThat(kept.getStyleClass()).contains("given-back");
        assertThat(kept.getText()).isEqualTo("t0-0 ↺");
        assertThat(kept.getTooltip().getText()).startsWith("C0 revoked t0-0 when this EAGER rebalance began");
        assertThat(robot.lookup("#partition-t0-3").queryAs(Label.class).getStyleClass()).doesNotContain("given-back");
    }

    @Test
    void underCooperativeOnlyThePartitionThatMovesIsRevoked(FxRobot robot) {
        chooseStrategy(robot, "cooperative-sticky");

        robot.clickOn("#addConsumer");

        assertThat(text(robot, "#summary")).isEqualTo(
                "Generation 2 · cooperative-sticky (COOPERATIVE) · consumers: 4 · revoked: 1 · moved: 0 · idle: 1");
        assertThat(robot.lookup(".given-back").queryAll()).isEmpty();
    }

    @Test
    void theKeysAddAndRemoveConsumersAnywhereInTheWindow(FxRobot robot) {
        robot.clickOn("#topics");

        robot.push(KeyCode.CONTROL, KeyCode.J);
        assertThat(robot.lookup("#consumer-C3").tryQuery()).isPresent();

        robot.push(KeyCode.CONTROL, KeyCode.L);
        assertThat(robot.lookup("#consumer-C3").tryQuery()).isEmpty();
        assertThat(window.lab().getRound().generation()).isEqualTo(3);
    }

    @Test
    void aConsumerCanBeToldToLeave(FxRobot robot) {
        robot.clickOn("#leave-C1");

        assertThat(robot.lookup("#consumer-C1").tryQuery()).isEmpty();
        assertThat(robot.lookup(".member-row").<Node>queryAll()).extracting(Node::getId)
                .containsExactly("consumer-C0", "consumer-C2");
    }

    @Test
    void aMemberThatLeavesIsShownWithWhatItRevokedUntilTheNextJoin(FxRobot robot) {
        chooseStrategy(robot, "cooperative-sticky");
        assertThat(chipsOf(robot, "C1")).containsExactly("t0-1", "t1-0");
        assertThat(robot.lookup("#departure").tryQuery()).isEmpty();

        robot.clickOn("#leave-C1");

        // Cooperative, and the others keep all theirs; yet C1 stopped both of its partitions on its way out.
        assertThat(texts(robot, "#departure")).containsExactly("C1", "left", "C1 left the group: before sending "
                + "LeaveGroup it revoked all its 2 partitions (t0-1, t1-0; onPartitionsRevoked), under EAGER and "
                + "COOPERATIVE alike. Nobody consumes them until the group gives them new owners.");
        assertThat(text(robot, "#summary")).isEqualTo(
                "Generation 2 · cooperative-sticky (COOPERATIVE) · consumers: 2 · revoked: 2 · moved: 2 · idle: 0");
        // First, and apart from the members: it is not one of them any more.
        assertThat(robot.lookup("#consumers").queryAs(VBox.class).getChildren()).extracting(Node::getId)
                .containsExactly("departure", "consumer-C0", "consumer-C2");
        assertThat(robot.lookup("#departure").queryAs(Node.class).getStyleClass()).doesNotContain("member-row");

        robot.clickOn("#addConsumer");

        assertThat(robot.lookup("#departure").tryQuery()).isEmpty();
        assertThat(robot.lookup("#consumer-C3").tryQuery()).isPresent();
    }

    @Test
    void underEagerTheLeaversPartitionIsCountedWithEveryoneElsesAndSaidInChinese(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);
        assertThat(chipsOf(robot, "C2")).containsExactly("t1-2");

        robot.clickOn("#leave-C2");

        assertThat(text(robot, "#departure-text")).isEqualTo("C2 left the group: before sending LeaveGroup it "
                + "revoked its only partition (t1-2; onPartitionsRevoked), under EAGER and COOPERATIVE alike. "
                + "Nobody consumes it until the group gives it a new owner.");
        assertThat(text(robot, "#summary"))
                .isEqualTo("Generation 2 · legacy (EAGER) · consumers: 2 · revoked: all 7 · moved: 2 · idle: 0");

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));

        assertThat(texts(robot, "#departure")).containsExactly("C2", "已离开", "C2 离开了消费组：发送 LeaveGroup 之前，"
                + "它撤销了自己拥有的全部分区（共 1 个：t1-2；onPartitionsRevoked），EAGER 与 COOPERATIVE 都是如此。"
                + "在消费组把它们交给新的所有者之前，没有人消费它们。");
        assertThat(text(robot, "#summary")).isEqualTo("第 2 代 · legacy（EAGER）· 消费者：2 · 撤销：全部 7 个 · 迁移：2 · 空闲：0");
    }

    @Test
    void aMemberThatOwnedNothingLeavesSayingSo(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);
        replaceTopics(robot, "t0:2");

        robot.clickOn("#leave-C2");

        assertThat(text(robot, "#departure-text"))
                .isEqualTo("C2 left the group. It owned no partition, so it had nothing to revoke.");
        assertThat(text(robot, "#summary"))
                .isEqualTo("Generation 3 · legacy (EAGER) · consumers: 2 · revoked: all 2 · moved: 0 · idle: 0");
    }

    @Test
    void fewerPartitionsThanConsumersShowsWhoIsIdleAndWhy(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);

        replaceTopics(robot, "t0:2");

        assertThat(robot.lookup("#consumer-C2").queryAs(Node.class).getStyleClass()).contains("idle");
        assertThat(texts(robot, "#idle-C2")).containsExactly("idle",
                "More consumers (3) than partitions (2): a partition has one owner in a group, so someone waits.");
    }

    @Test
    void refusedTopicTextIsExplainedNextToTheField(FxRobot robot) {
        LabRound before = window.lab().getRound();

        replaceTopics(robot, "t0:0");

        Label error = robot.lookup("#topicsError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Topic t0 needs 1 to 64 partitions.");
        assertThat(window.lab().getRound()).isSameAs(before);
    }

    @Test
    void theTraceNarratesEachStepWithItsKind(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);

        Parent first = robot.lookup("#step-0").queryAs(Parent.class);
        assertThat(texts(robot, "#step-0")).startsWith("1", "Sort members");
        assertThat(robot.from(first).lookup(".step-sentence").queryAs(TextFlow.class).getAccessibleText())
                .isEqualTo("Topic t0: sort its partitions and its consumers: C0, C1, C2.");
        assertThat(robot.lookup(".step-row").queryAll()).hasSize(window.lab().getRound().steps().size());
    }

    @Test
    void switchingToChineseKeepsTheGroupAndSpeaksChinese(FxRobot robot) {
        chooseStrategy(robot, LegacyAssignor.NAME);
        robot.clickOn("#addConsumer");

        robot.clickOn("#languageMenu");
        robot.clickOn("中文（简体）");

        assertThat(robot.lookup("#addConsumer").queryAs(Labeled.class).getText()).isEqualTo("添加消费者");
        assertThat(text(robot, "#summary")).isEqualTo("第 2 代 · legacy（EAGER）· 消费者：4 · 撤销：全部 7 个 · 迁移：3 · 空闲：0");
        assertThat(robot.lookup("#consumer-C3").tryQuery()).isPresent();
        assertThat(stage.getTitle()).isEqualTo("演练场：三个消费者共享六个分区 — GroupScope");
        assertThat(window.language()).isEqualTo(UiLanguage.SIMPLIFIED_CHINESE);
    }

    @Test
    void theViewKeysMakeTheTextLargerAndItStaysLargerInChinese(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS).push(KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(stage.getScene().getRoot().getStyle()).isEqualTo("-fx-font-size: 20.4px;");

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        assertThat(stage.getScene().getRoot().getStyle()).isEqualTo("-fx-font-size: 21.6px;");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(stage.getScene().getRoot().getStyle()).isEqualTo("-fx-font-size: 18.0px;");
    }

    private static void chooseStrategy(FxRobot robot, String name) {
        robot.clickOn("#strategy");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(name)).<Node>query());
        assertThat(robot.lookup("#strategy").<ComboBox<String>>query().getValue()).isEqualTo(name);
    }

    private static void replaceTopics(FxRobot robot, String text) {
        robot.doubleClickOn("#topics").push(KeyCode.CONTROL, KeyCode.A).write(text).type(KeyCode.ENTER);
    }

    private static List<String> chipsOf(FxRobot robot, String member) {
        return robot.from(robot.lookup("#consumer-" + member).queryAs(Node.class)).lookup(".chip").queryAll()
                .stream().map(chip -> chip.getId().substring("partition-".length())).collect(Collectors.toList());
    }

    private static String text(FxRobot robot, String query) {
        return WholeNames.read(robot.lookup(query).queryAs(Labeled.class).getText());
    }

    /** The texts of the labels inside a node, in order. */
    private static List<String> texts(FxRobot robot, String query) {
        Set<Node> labels = robot.from(robot.lookup(query).queryAs(Node.class)).lookup(".label").queryAll();
        return labels.stream().map(label -> WholeNames.read(((Labeled) label).getText())).collect(Collectors.toList());
    }
}
