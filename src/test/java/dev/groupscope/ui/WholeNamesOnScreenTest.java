package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Kafka's setting names on screen, as a class reads them off a projector: in Chinese the explanation of an auto
 * commit broke "auto.commit.interval.ms" after "auto.commit." (its next line began "interval.ms）一次。"). Every
 * sentence the window wraps, in every tab, tooltip and the settings sheet, now keeps its names whole.
 */
@ExtendWith(ApplicationExtension.class)
class WholeNamesOnScreenTest {

    private static final String NAME = "auto.commit.interval.ms";

    private GroupScopeWindow window;
    /** Where the wrapped texts checked held a name kept whole: so the checks are known to have met some. */
    private final List<String> joined = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = ProjectorWindow.openLesson(stage, "auto-commit-crash-duplicates");
    }

    @Test
    void inChineseTheExplanationOfAnAutoCommitKeepsItsSettingOnOneLineAtAnyWidth(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        showAutoCommit(robot);

        Label explanation = robot.lookup("#explanation").query();
        String shown = explanation.getText();
        // Where the name is, whatever keeps it whole.
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("auto\\.\\W?commit\\.\\W?interval\\.\\W?ms")
                .matcher(shown);
        assertThat(name.find()).as(shown).isTrue();
        int start = name.start();
        int end = name.end();
        // As the window lays it out now (1280 x 800)...
        Text laidOut = (Text) explanation.lookup(".text");
        assertThat(lines(laidOut, start, end)).as("\"%s\" as the window lays it out", shown).isEqualTo(1);
        // ...and at every width a window, a zoom or presenter mode may give it, in the explanation's own font.
        for (double width = Math.ceil(unitWidth(shown, start, end, explanation.getFont())); width <= 1200; width++) {
            Text text = new Text(shown);
            text.setFont(explanation.getFont());
            text.setWrappingWidth(width);
            assertThat(lines(text, start, end)).as("\"%s\" at a width of %.0f", shown, width).isEqualTo(1);
        }
    }

    @Test
    void everySentenceTheWindowWrapsKeepsItsNamesWholeInEveryTabInBothLanguages(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.showTab("playgroundTab"));
            showAutoCommit(robot);
            robot.interact(() -> window.showTab("coordinatorTab"));
            robot.clickOn("#calcUsePlayground");
            waitFor(() -> robot.lookup("#calc-step-MODULO").tryQuery().isPresent());
            for (String tab : List.of("playgroundTab", "labTab", "coordinatorTab", "protocolTab", "numbersTab",
                    "compareTab")) {
                robot.interact(() -> window.showTab(tab));
                FxWait.settle(robot, window);
                robot.interact(() -> problems.addAll(broken(window.stageRoot(), language + " " + tab)));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(joined).anyMatch(where -> where.startsWith("ENGLISH playgroundTab #explanation"))
                .anyMatch(where -> where.startsWith("SIMPLIFIED_CHINESE playgroundTab #explanation"))
                .anyMatch(where -> where.startsWith("SIMPLIFIED_CHINESE playgroundTab tooltip of #consumer-C1"))
                .anyMatch(where -> where.startsWith("SIMPLIFIED_CHINESE coordinatorTab")
                        && where.endsWith("in #calc-step-MODULO"));
    }

    @Test
    void theSettingsSheetsDescriptionsKeepTheSettingsTheyNameWhole(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        showAutoCommit(robot);
        robot.rightClickOn("#consumer-C1");
        waitFor(() -> ShownMenus.item("menu-settings-C1") != null);
        MenuItem settings = ShownMenus.item("menu-settings-C1");
        Platform.runLater(() -> {
            settings.getParentPopup().hide();
            settings.fire();
        });
        waitFor(() -> robot.lookup("#settings-sheet").tryQuery().isPresent());
        Parent sheet = robot.lookup("#settings-sheet").<Node>query().getScene().getRoot();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> problems.addAll(broken(sheet, "settings sheet")));
        // The sheet names Kafka's settings, e.g. enable.auto.commit's description names auto.commit.interval.ms.
        assertThat(robot.lookup(".settings-description").<Labeled>queryAll()).extracting(Labeled::getText)
                .anyMatch(text -> text.contains(WholeNames.in(NAME)));
        assertThat(problems).isEmpty();
    }

    private void showAutoCommit(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 20_000
                && robot.lookup("#explanation").tryQuery().isPresent()
                && WholeNames.read(robot.lookup("#explanation").<Labeled>query().getText()).contains(NAME));
    }

    /**
     * The wrapped texts under {@code root} (wrapping labels, the runs of a text flow, wrapping tooltips as they open)
     * in which a line could still break inside a name.
     */
    private List<String> broken(Parent root, String where) {
        List<String> problems = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        for (Node node : nodes) {
            // An assignor's name over its column is the one name meant to break: "cooperative-" above "sticky".
            if (node instanceof Labeled labeled && labeled.isWrapText()
                    && !labeled.getStyleClass().contains("compare-title")) {
                check(labeled.getText(), labeled.getFont(), where + " " + describe(node), problems);
            }
            if (node instanceof Text text && text.getParent() instanceof TextFlow) {
                check(text.getText(), text.getFont(), where + " " + describe(text.getParent()), problems);
            }
            if (node.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip tip && tip.isWrapText()) {
                if (tip.getOnShowing() != null) {
                    tip.getOnShowing().handle(new WindowEvent(tip, WindowEvent.WINDOW_SHOWING));
                }
                check(tip.getText(), tip.getFont(), where + " tooltip of " + describe(node), problems);
            }
        }
        return problems;
    }

    private void check(String text, Font font, String where, List<String> problems) {
        if (text != null && !WholeNames.in(text).equals(text)) {
            problems.add(where + ": " + WholeNames.read(text));
        } else if (text != null && text.indexOf(WholeNames.JOINER) >= 0) {
            joined.add(where);
            // A monospaced font gives the joiner a whole cell: "auto. commit. interval. ms".
            if (font != null && font.getFamily().toLowerCase(java.util.Locale.ROOT).contains("mono")) {
                problems.add(where + " is monospaced (" + font.getFamily() + "), the joiner shows as a gap");
            }
        }
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null
                && !scroll.getChildrenUnmodifiable().contains(scroll.getContent())) {
            collect(scroll.getContent(), into);
        }
    }

    /** "#explanation", or "Label[calc-sentence] in #calc-step-MODULO": the node, by its own id or its nearest. */
    private static String describe(Node node) {
        if (node.getId() != null) {
            return "#" + node.getId();
        }
        Node named = node.getParent();
        while (named != null && named.getId() == null) {
            named = named.getParent();
        }
        return node.getClass().getSimpleName() + node.getStyleClass() + (named == null ? "" : " in #" + named.getId());
    }

    /** The narrowest line the name can be on whole: the run Java's line breaker cannot cut, brackets and all. */
    private static double unitWidth(String shown, int start, int end, Font font) {
        BreakIterator breaks = BreakIterator.getLineInstance();
        breaks.setText(shown);
        int from = breaks.isBoundary(start) ? start : breaks.preceding(start);
        int to = breaks.isBoundary(end) ? end : breaks.following(end);
        Text unit = new Text(shown.substring(from, to).strip());
        unit.setFont(font);
        return unit.getLayoutBounds().getWidth();
    }

    /** On how many lines a laid-out text's characters from {@code start} to {@code end} lie. */
    private static int lines(Text text, int start, int end) {
        PathElement[] shape = text.rangeShape(start, end);
        // One rectangle per line: a MoveTo and four LineTos.
        return shape.length / 5;
    }
}
