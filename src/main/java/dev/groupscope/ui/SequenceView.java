package dev.groupscope.ui;

import dev.groupscope.diagram.DiagramStyles;
import dev.groupscope.diagram.SequenceDiagram;
import dev.groupscope.diagram.SequenceLayout;
import dev.groupscope.diagram.Shape;
import dev.groupscope.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Code-behind of {@code fxml/sequence.fxml}: draws the {@link SequenceViewModel}'s diagram with
 * {@link DrawingNodes} (the picture File → Export writes), puts a click target over each row ({@code #hit-<row id>})
 * that moves time to it, keeps the current row in view, and scales with the window's text size.
 */
public final class SequenceView {

    private final SequenceViewModel viewModel;
    private final PlaygroundViewModel playground;
    private final Messages messages;
    /** The right-click menu of an arrow (one item: lose this message). */
    private final javafx.scene.control.ContextMenu lossMenu = new javafx.scene.control.ContextMenu();
    private final Group content = new Group();
    private final Scale zoom = new Scale(1, 1);
    private DiagramStyles.Palette palette = DiagramStyles.Palette.LIGHT;
    private javafx.collections.ObservableList<String> watchedSheets;

    @FXML private BorderPane sequenceRoot;
    @FXML private Button sequencePrevious;
    @FXML private Button sequencePlay;
    @FXML private Button sequenceNext;
    @FXML private Label sequenceClock;
    @FXML private CheckBox foldHeartbeats;
    @FXML private Label sequenceHint;
    @FXML private ScrollPane sequenceScroll;
    @FXML private Pane sequenceCanvas;
    @FXML private Pane sequenceHeads;
    private final Group heads = new Group();
    /** Held strongly here, registered weakly on the playground (which outlives a view replaced on a language switch). */
    private final javafx.beans.value.ChangeListener<String> groupListener = (observable, before, now) -> showGroup(now);
    private javafx.scene.control.ComboBox<String> groupChoice;
    private final Scale headZoom = new Scale(1, 1);

    public SequenceView(SequenceViewModel viewModel, PlaygroundViewModel playground, Messages messages) {
        this.viewModel = viewModel;
        this.playground = playground;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        content.getTransforms().add(zoom);
        sequenceCanvas.getChildren().add(content);
        heads.getTransforms().add(headZoom);
        sequenceHeads.getChildren().add(heads);
        sequenceScroll.hvalueProperty().addListener((observable, before, now) -> placeHeads());
        sequenceScroll.vvalueProperty().addListener((observable, before, now) -> placeHeads());
        sequenceScroll.viewportBoundsProperty().addListener((observable, before, now) -> placeHeads());
        foldHeartbeats.selectedProperty().bindBidirectional(viewModel.foldHeartbeatsProperty());
        addGroupChoice();
        sequencePlay.setOnAction(event -> playground.togglePlay());
        sequencePrevious.setOnAction(event -> playground.stepPrevious());
        sequenceNext.setOnAction(event -> playground.stepNext());
        playground.playingProperty().addListener((observable, before, now) -> showPlaying(now));
        playground.timeProperty().addListener((observable, before, now) -> showTime(now.longValue()));
        showPlaying(playground.playingProperty().get());
        showTime(playground.getTime());
        viewModel.diagramProperty().addListener((observable, before, now) -> show(now));
        // The diagram is drawn in px for a 17 px window font; Ctrl +/- scales it with the rest of the text.
        sequenceHint.fontProperty().addListener((observable, before, now) -> rescale());
        sequenceScroll.widthProperty().addListener((observable, before, now) -> rescale());
        // Only a shown pane works per frame: the shell takes hidden tabs' content out of the scene.
        sequenceRoot.sceneProperty().addListener((observable, before, now) -> {
            viewModel.setActive(this, now != null, messages);
            followTheme(now);
        });
        followTheme(sequenceRoot.getScene());
        if (sequenceRoot.getScene() != null) {
            viewModel.setActive(this, true, messages);
        }
        show(viewModel.getDiagram());
    }

    /**
     * With several groups, the bar says which group's protocol is drawn, and chooses it: the same choice as the group
     * panel's (Ctrl+G on either tab), so both always show one group.
     */
    private void addGroupChoice() {
        if (playground.groups().size() < 2) {
            return;
        }
        Label title = new Label(messages.text("ui.main.group.choose"));
        title.getStyleClass().add("group-choice-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        groupChoice = new javafx.scene.control.ComboBox<>();
        groupChoice.setId("sequence-group-choice");
        groupChoice.getItems().setAll(playground.groups());
        groupChoice.setValue(playground.getGroup());
        groupChoice.setFocusTraversable(false);
        groupChoice.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        groupChoice.setAccessibleText(messages.text("ui.main.group.choose"));
        groupChoice.setTooltip(new javafx.scene.control.Tooltip(messages.format("ui.sequence.group.tooltip",
                Map.of("key", PlaygroundView.NEXT_GROUP_KEY.getDisplayText()))));
        title.setLabelFor(groupChoice);
        groupChoice.valueProperty().addListener((observable, before, now) -> {
            if (now != null) {
                playground.showGroup(now);
            }
        });
        playground.groupProperty().addListener(new javafx.beans.value.WeakChangeListener<>(groupListener));
        javafx.scene.layout.Pane bar = (javafx.scene.layout.Pane) foldHeartbeats.getParent();
        // One box, so a bar that wraps at large text moves "Group" with its choice, not one line above it.
        javafx.scene.layout.HBox labelled = new javafx.scene.layout.HBox(title, groupChoice);
        labelled.getStyleClass().add("transport-group");
        labelled.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getChildren().add(bar.getChildren().indexOf(foldHeartbeats) + 1, labelled);
    }

    private void showGroup(String group) {
        groupChoice.setValue(group);
    }

    /** The diagram takes the theme's colours: the theme is the stylesheet the window adds to the scene's root. */
    private void followTheme(javafx.scene.Scene scene) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        javafx.collections.ObservableList<String> sheets = scene.getRoot().getStylesheets();
        if (sheets != watchedSheets) {
            watchedSheets = sheets;
            sheets.addListener((javafx.collections.ListChangeListener<String>) change -> usePalette(sheets));
        }
        usePalette(sheets);
    }

    private void usePalette(List<String> sheets) {
        DiagramStyles.Palette next = DiagramStyles.Palette.LIGHT;
        for (Theme theme : Theme.values()) {
            if (theme.stylesheet().map(sheets::contains).orElse(false)) {
                next = theme == Theme.DARK ? DiagramStyles.Palette.DARK : DiagramStyles.Palette.HIGH_CONTRAST;
            }
        }
        if (next != palette) {
            palette = next;
            show(viewModel.getDiagram());
        }
    }

    private void showPlaying(boolean playing) {
        sequencePlay.setText(messages.text(playing ? "ui.main.pause" : "ui.main.play"));
    }

    private void showTime(long time) {
        sequenceClock.setText(messages.format("ui.main.time",
                Map.of("seconds", String.format(Locale.ROOT, "%.3f", time / 1000.0))));
    }

    /**
     * Right-click on an arrow: "what if this message never arrived?" (RaftScope's drop). The run forks just before
     * it left, with it lost; Undo goes back.
     */
    private void offerLoss(Node hit, String rowId, double screenX, double screenY) {
        viewModel.whenLosable(rowId, loss -> {
            javafx.scene.control.MenuItem lose = new javafx.scene.control.MenuItem(
                    messages.text(loss.answer() ? "ui.sequence.loseAnswer" : "ui.sequence.loseRequest"));
            lose.setId("lose-message");
            lose.setOnAction(event -> viewModel.lose(loss));
            lossMenu.getItems().setAll(lose);
            lossMenu.show(hit, screenX, screenY);
        });
    }

    private void show(SequenceDiagram diagram) {
        if (diagram == null) {
            content.getChildren().clear();
            return;
        }
        List<Node> nodes = new ArrayList<>(DrawingNodes.nodes(diagram.drawing(), palette));
        double width = diagram.drawing().width();
        for (SequenceDiagram.Row row : diagram.rows()) {
            // The click target is as tall as the row (a note wrapped onto several lines makes it taller).
            Rectangle hit = new Rectangle(0, row.y() - row.height() / 2, width, row.height());
            hit.setId("hit-" + row.id());
            hit.getStyleClass().add("sequence-hit");
            hit.setFill(Color.TRANSPARENT);
            hit.setCursor(Cursor.HAND);
            hit.setOnMouseClicked(event -> {
                if (event.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                    offerLoss(hit, row.id(), event.getScreenX(), event.getScreenY());
                } else {
                    viewModel.select(row.id());
                }
            });
            // The click target lies over the arrow, so it carries the arrow's tooltip (sent and arrival times).
            diagram.drawing().shape(row.id()).filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                    .filter(line -> !line.tooltip().isEmpty())
                    .ifPresent(line -> javafx.scene.control.Tooltip.install(hit,
                            new javafx.scene.control.Tooltip(line.tooltip())));
            nodes.add(hit);
        }
        content.getChildren().setAll(nodes);
        showHeads(diagram);
        rescale();
        diagram.drawing().shape("current-row").ifPresent(current -> {
            // After the next layout pass, when the scroll pane knows the new content's size.
            javafx.application.Platform.runLater(() -> scrollTo((Shape.Box) current));
        });
    }

    /** Where the band of lane heads starts in the drawing: a little above the heads. */
    private static final double BAND_TOP = SequenceLayout.HEAD_TOP - 6;
    private static final double BAND_HEIGHT = SequenceLayout.HEAD_HEIGHT + 12;
    /**
     * Where the rows' part of the drawing starts: the scroll shows the drawing from here down, so that no row is ever
     * under the heads (drawn over the rows, the band hid the topmost row in view). The title above is the exports'.
     */
    static final double ROWS_TOP = BAND_TOP + BAND_HEIGHT;

    /** A copy of the lane heads (with their lifelines' tops) on a band that stays above the scrolling rows. */
    private void showHeads(SequenceDiagram diagram) {
        double width = diagram.drawing().width();
        List<dev.groupscope.diagram.Shape> shapes = new ArrayList<>();
        shapes.add(new Shape.Box("heads-band", List.of("canvas"), 0, BAND_TOP, width, BAND_HEIGHT, 0, ""));
        for (dev.groupscope.diagram.Shape shape : diagram.drawing().shapes()) {
            if (shape.id().startsWith("lane-")) {
                shapes.add(shape);
            }
        }
        List<Node> nodes = DrawingNodes.nodes(new dev.groupscope.diagram.Drawing("heads", "", width,
                BAND_HEIGHT, shapes), palette);
        // Copies must not share ids with the diagram's own heads.
        nodes.forEach(node -> node.setId("head-" + node.getId()));
        heads.getChildren().setAll(nodes);
        placeHeads();
    }

    /** The band follows the rows sideways; its height follows the text size. */
    private void placeHeads() {
        double factor = zoom.getY();
        double contentWidth = sequenceCanvas.getPrefWidth();
        double viewportWidth = sequenceScroll.getViewportBounds().getWidth();
        double left = Math.max(0, contentWidth - viewportWidth) * sequenceScroll.getHvalue();
        heads.setTranslateX(-left);
        heads.setTranslateY(-BAND_TOP * factor);
        double band = BAND_HEIGHT * factor;
        // Its full height always: a long diagram's scroll asks for more than the tab has, and the box above it
        // would otherwise shrink the band away to make room.
        sequenceHeads.setMinHeight(band);
        sequenceHeads.setPrefHeight(band);
        sequenceHeads.setMaxHeight(band);
        sequenceHeads.setClip(new Rectangle(0, 0, Math.max(0, viewportWidth), band));
    }

    /** On a wide screen the diagram grows to fill the width, up to this much more than the text's scale. */
    static final double MAX_FILL = 1.5;
    /** Room kept for the vertical scroll bar, so filling the width never needs a horizontal one. */
    private static final double SCROLL_BAR_ROOM = 32;

    private void rescale() {
        double text = sequenceHint.getFont().getSize() / 17.0;
        if (sequenceScroll.getWidth() > 0 && sequenceScroll.getScene() != null) {
            // At the text's scale, the lanes share the width the tab has (a group of seven, the coordinator too).
            // Only a pane in the window asks: a pane a language switch left behind would ask for its old width, and
            // the two would lay the diagram out for each other without end.
            viewModel.fitWidth((sequenceScroll.getWidth() - SCROLL_BAR_ROOM) / text);
        }
        double factor = text;
        if (viewModel.getDiagram() != null && sequenceScroll.getWidth() > 0) {
            // A 12 px label drawn for export is small on a 1080p projector: use the width the tab has.
            double fit = (sequenceScroll.getWidth() - SCROLL_BAR_ROOM) / viewModel.getDiagram().drawing().width();
            // Lanes narrow only to a minimum, so at large text many lanes are wider than the tab: there the drawing
            // shrinks to fit (the coordinator's lane, where every arrow goes, was off to the right at 1.6), though
            // never below the normal text size, where the lanes fit by narrowing and scrolling reads better.
            factor = fit < text ? Math.max(fit, Math.min(text, 1.0)) : Math.min(text * MAX_FILL, fit);
        }
        zoom.setX(factor);
        zoom.setY(factor);
        headZoom.setX(factor);
        headZoom.setY(factor);
        // The title and the diagram's own heads are above the rows' part: moved up out of the scroll's view.
        content.setTranslateY(-ROWS_TOP * factor);
        SequenceDiagram diagram = viewModel.getDiagram();
        if (diagram != null) {
            double width = diagram.drawing().width() * factor;
            double height = Math.max(0, diagram.drawing().height() - ROWS_TOP) * factor;
            sequenceCanvas.setPrefSize(width, height);
            sequenceCanvas.setMinSize(width, height);
            sequenceCanvas.setClip(new Rectangle(0, 0, width, height));
        }
        placeHeads();
    }

    /** Scrolls so the current row is in view (centred when it was out of view). */
    private void scrollTo(Shape.Box row) {
        sequenceScroll.layout();
        double factor = zoom.getY();
        double contentHeight = sequenceCanvas.getPrefHeight();
        double viewport = sequenceScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport || viewport <= 0) {
            return;
        }
        double top = sequenceScroll.getVvalue() * (contentHeight - viewport);
        double y = (row.y() - ROWS_TOP) * factor;
        if (y < top || y + row.height() * factor > top + viewport) {
            double target = (y - viewport / 2) / (contentHeight - viewport);
            sequenceScroll.setVvalue(Math.max(0, Math.min(1, target)));
        }
    }
}
