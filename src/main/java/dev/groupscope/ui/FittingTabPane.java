package dev.groupscope.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A tab pane whose headers all stay in sight. JavaFX's own puts the headers that do not fit behind an overflow menu,
 * so at large text (Ctrl +, presenter mode) a class would not know those tabs exist. Here, when the full names do
 * not fit the pane's width, every header shows its short name ({@link #setShortText}; the full one in its tooltip),
 * and only if even those do not fit (a narrow window at the largest text) are the headers' letters made smaller,
 * just enough. Which of the three is decided at each layout from the headers' measured widths.
 */
public class FittingTabPane extends TabPane {

    private static final String FULL = "groupscope.fullText";
    private static final String SHORT = "groupscope.shortText";
    /** The smallest share of their size the headers' letters are scaled to. */
    private static final double MIN_SCALE = 0.5;
    private static final double SCALE_STEP = 0.05;

    private final Text measure = new Text();
    private Region headerArea;
    /** The pane's width, the scale and the headers' font the headers were last fitted to. */
    private String fittedFor;
    private double scale = 1;

    /** Gives a tab the short name its header shows when the full names do not fit. */
    public static void setShortText(Tab tab, String shortText) {
        tab.getProperties().put(FULL, tab.getText());
        tab.getProperties().put(SHORT, shortText);
    }

    /** Whether the headers show the short names now. */
    public boolean shortened() {
        return getTabs().stream().anyMatch(tab -> !fullText(tab).equals(tab.getText()));
    }

    /** How much the headers' letters are scaled down (1: not at all). */
    public double headerScale() {
        return scale;
    }

    @Override
    protected void layoutChildren() {
        fit();
        super.layoutChildren();
    }

    private void fit() {
        List<Tab> tabs = getTabs();
        Region area = headerArea();
        if (tabs.isEmpty() || area == null) {
            return;
        }
        double chrome = 0;
        double fullWidth = 0;
        double shortWidth = 0;
        Font font = null;
        Node region = area.lookup(".headers-region");
        if (!(region instanceof javafx.scene.Parent headers) || headers.getChildrenUnmodifiable().size() != tabs.size()) {
            return; // the skin has not made the headers yet: the next layout fits them
        }
        // Laid out at every pulse the shown tab changes in: measure again only when what decides the fit changed.
        Node firstLabel = headers.getChildrenUnmodifiable().get(0).lookup(".tab-label");
        String fitFor = getWidth() + " " + scale + " " + (firstLabel instanceof Label label ? label.getFont() : "");
        if (fitFor.equals(fittedFor)) {
            return;
        }
        fittedFor = fitFor;
        for (Node node : headers.getChildrenUnmodifiable()) {
            Region header = (Region) node;
            Tab tab = tabOf(header);
            if (tab == null) {
                return;
            }
            if (!(header.lookup(".tab-label") instanceof Label label)) {
                return;
            }
            font = label.getFont();
            chrome += header.prefWidth(-1) - width(label.getText(), font);
            fullWidth += width(fullText(tab), font);
            shortWidth += width(shortText(tab), font);
        }
        // The header area's own padding, and what JavaFX keeps free after the last header before it decides they
        // overflow (its menu button's place): a letter's width and a little more.
        double available = getWidth() - snappedLeftInset() - snappedRightInset() - area.snappedLeftInset()
                - area.snappedRightInset() - 2 * font.getSize() - 10;
        // The widths measured are at the current scale: what they would be at full size decides. Short names at
        // full size come before full names in smaller letters.
        boolean useShort = (chrome + fullWidth) / scale > available;
        double natural = (chrome + (useShort ? shortWidth : fullWidth)) / scale;
        double nextScale = natural <= available ? 1
                : Math.max(MIN_SCALE, Math.floor(available / natural / SCALE_STEP) * SCALE_STEP);
        for (Tab tab : tabs) {
            String text = useShort ? shortText(tab) : fullText(tab);
            if (!text.equals(tab.getText())) {
                tab.setText(text);
            }
            boolean needsTip = !text.equals(fullText(tab));
            if (needsTip && (tab.getTooltip() == null || !fullText(tab).equals(tab.getTooltip().getText()))) {
                tab.setTooltip(new Tooltip(fullText(tab)));
            } else if (!needsTip && tab.getTooltip() != null) {
                tab.setTooltip(null);
            }
        }
        if (Math.abs(nextScale - scale) > 1e-9) {
            scale = nextScale;
            String style = scale == 1 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.2fem;", scale);
            tabs.forEach(tab -> tab.setStyle(style));
        }
    }

    /**
     * The skin's header area, found once per skin: this runs at every layout, and a lookup from the pane would walk
     * the shown tab's whole content (a large cluster's thousands of nodes) whenever that comes first.
     */
    private Region headerArea() {
        if (headerArea == null || headerArea.getParent() != this) {
            headerArea = null;
            for (Node child : getChildrenUnmodifiable()) {
                if (child.getStyleClass().contains("tab-header-area") && child instanceof Region area) {
                    headerArea = area;
                }
            }
        }
        return headerArea;
    }

    /** The tab a header draws: the skin keeps it in the header's properties; else the tab with the header's id. */
    private Tab tabOf(Region header) {
        if (header.getProperties().get(Tab.class) instanceof Tab tab) {
            return tab;
        }
        return getTabs().stream().filter(tab -> tab.getId() != null && tab.getId().equals(header.getId()))
                .findFirst().orElse(null);
    }

    private double width(String text, Font font) {
        measure.setText(text == null ? "" : text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    private static String fullText(Tab tab) {
        Object full = tab.getProperties().get(FULL);
        return full == null ? tab.getText() : (String) full;
    }

    private static String shortText(Tab tab) {
        Object shortText = tab.getProperties().get(SHORT);
        return shortText == null ? fullText(tab) : (String) shortText;
    }
}
