package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * In a scenario of several groups (two threading schemes on one load: threads-app and pool-app), the Numbers tab's
 * throughput chart sets every group side by side, but lag, stop-the-world and the ledger are one group's: each of
 * those charts names the group it shows (the one the playground shows), in both languages, and follows the choice of
 * group. A scenario of one group keeps its titles as they were, uncluttered.
 */
@ExtendWith(ApplicationExtension.class)
class NumbersGroupTitlesTest {

    private static final List<String> ONE_GROUPS_CHARTS = List.of("#lag-chart", "#pause-chart", "#ledger-chart");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theChartsOfOneGroupNameTheGroupTheyShowInEitherLanguage(FxRobot robot) {
        GroupScopeWindow window = open(robot, "lessons/scenarios/two-threading-schemes.json");
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.switchTo(language));
            for (String group : List.of("threads-app", "pool-app")) {
                robot.interact(() -> window.playground().showGroup(group));
                NumbersChartsTest.showNumbersAt(robot, window, 20_000);
                waitFor(() -> titleOf(robot, "#lag-chart").contains(group));
                FxWait.settle(robot, window);
                String other = group.equals("pool-app") ? "threads-app" : "pool-app";
                for (String chart : ONE_GROUPS_CHARTS) {
                    assertThat(titleOf(robot, chart)).as(language + ", " + group + " shown: " + chart)
                            .contains(group).doesNotContain(other);
                }
                assertThat(titleOf(robot, "#throughput-chart")).as(language + ": the throughput chart's title")
                        .doesNotContain(group).doesNotContain(other);
                List<String> legend = new ArrayList<>();
                robot.interact(() -> robot.lookup("#throughput-chart").<javafx.scene.chart.LineChart<?, ?>>query()
                        .getData().forEach(series -> legend.add(((XYChart.Series<?, ?>) series).getName())));
                assertThat(legend).as("the throughput chart's series").containsExactlyInAnyOrder(group, other);
                List<String> cut = new ArrayList<>();
                robot.interact(() -> cut.addAll(TruncatedText.in(robot.lookup("#numbersRoot").<Parent>query())));
                assertThat(cut).as(language + ", " + group + ": text cut short on the Numbers tab").isEmpty();
            }
        }
    }

    @Test
    void theTwoGroupsThroughputLinesAreToldApartInEveryTheme(FxRobot robot) {
        GroupScopeWindow window = open(robot, "lessons/scenarios/two-threading-schemes.json");
        NumbersChartsTest.showNumbersAt(robot, window, 20_000);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.useTheme(theme));
            FxWait.settle(robot, window);
            boolean[] apart = new boolean[1];
            robot.interact(() -> {
                javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#throughput-chart").query();
                apart[0] = NumbersChartsTest.toldApart(chart.getData().get(0), chart.getData().get(1));
            });
            assertThat(apart[0]).as(theme + ": threads-app's line against pool-app's").isTrue();
        }
    }

    @Test
    void aScenarioOfOneGroupKeepsItsPlainTitles(FxRobot robot) {
        GroupScopeWindow window = open(robot, "lessons/scenarios/worker-pool-by-key.json");
        NumbersChartsTest.showNumbersAt(robot, window, 10_000);
        assertThat(titleOf(robot, "#lag-chart")).isEqualTo("Lag per partition (log end − committed)");
        assertThat(titleOf(robot, "#pause-chart")).isEqualTo("Stop-the-world per rebalance and member");
        assertThat(titleOf(robot, "#ledger-chart")).isEqualTo("Ledger: duplicates and losses so far");
    }

    private GroupScopeWindow open(FxRobot robot, String scenario) {
        GroupScopeWindow[] made = new GroupScopeWindow[1];
        robot.interact(() -> {
            made[0] = new GroupScopeWindow(stage, new AssignorLabViewModel(),
                    PlaygroundViewModel.running(ScenarioReader.read(Path.of(scenario))));
            made[0].show(UiLanguage.ENGLISH);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        return made[0];
    }

    private static String titleOf(FxRobot robot, String chart) {
        String[] title = new String[1];
        robot.interact(() -> title[0] = robot.lookup(chart).<javafx.scene.chart.Chart>query().getTitle());
        return WholeNames.read(title[0]);
    }
}
