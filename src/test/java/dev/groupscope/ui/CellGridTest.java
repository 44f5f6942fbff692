package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The aggregated grid: cells fit the width, a cell is found under the mouse, and a new owner's colour fades in. */
@ExtendWith(ApplicationExtension.class)
class CellGridTest {

    private CellGrid grid;

    @Start
    void start(Stage stage) {
        grid = new CellGrid("partition-grid");
        VBox box = new VBox(grid);
        stage.setScene(new Scene(box, 400, 300));
        // The primary stage is shared by the test classes: one that sized it to 1280 × 800 must not leave it so.
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theLargestCellsThatFitAreChosen() {
        assertThat(CellGrid.fit(100, 400, 400)).isEqualTo(CellGrid.MAX_CELL);
        double size = CellGrid.fit(1000, 730, 170);
        int columns = (int) Math.floor(730 / size);
        assertThat(Math.ceil(1000.0 / columns) * size).isLessThanOrEqualTo(170);
        assertThat(CellGrid.fit(1000, 730, 170 + size)).isGreaterThanOrEqualTo(size);
        assertThat(CellGrid.fit(100_000, 100, 100)).isEqualTo(CellGrid.MIN_CELL);
    }

    @Test
    void theCellUnderTheMouseIsFoundRowByRow(FxRobot robot) {
        // Enough cells for a second row at any width the window may have.
        robot.interact(() -> grid.show(cells(200, 0), index -> "cell " + index, 0));
        robot.interact(() -> grid.layout());
        double cell = grid.cellSize();
        int columns = (int) Math.floor(grid.getWidth() / cell);
        assertThat(grid.indexAt(cell / 2, cell / 2)).isZero();
        assertThat(grid.indexAt(cell * 1.5, cell * 1.5)).isEqualTo(columns + 1);
        assertThat(grid.indexAt(-1, 3)).isEqualTo(-1);
        assertThat(grid.indexAt(cell / 2, cell * 100)).isEqualTo(-1);
    }

    @Test
    void aCellWhoseOwnerChangesFadesToTheNewColourAndThenStops(FxRobot robot) {
        List<CellGrid.Cell> moved = new java.util.ArrayList<>(cells(10, 1));
        moved.set(3, new CellGrid.Cell("p-3", 2, 0, false));
        boolean[] seen = new boolean[4];
        // One FX task, so no pulse of the grid's own timer runs between the frames.
        robot.interact(() -> {
            long start = System.nanoTime();
            grid.show(cells(10, 1), index -> "", start);
            seen[0] = grid.fading("p-3");
            grid.show(moved, index -> "", start);
            seen[1] = grid.fading("p-3");
            seen[2] = grid.fading("p-4");
            grid.show(moved, index -> "", start + (long) (CellGrid.FADE.toMillis() * 1_000_000) + 1);
            seen[3] = grid.fading("p-3");
        });
        assertThat(seen).containsExactly(false, true, false, false);
    }

    @Test
    void anotherGroupsCellsAreDrawnAsTheyAreWithoutFading(FxRobot robot) {
        boolean[] fading = new boolean[1];
        robot.interact(() -> {
            long start = System.nanoTime();
            grid.show(cells(10, 1), index -> "", start);
            grid.forget(); // the window shows another group: its owners have other colours, and nothing moved
            grid.show(cells(10, 2), index -> "", start);
            fading[0] = grid.fading("p-3");
        });
        assertThat(fading[0]).isFalse();
    }

    private static List<CellGrid.Cell> cells(int count, int slot) {
        List<CellGrid.Cell> cells = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            cells.add(new CellGrid.Cell("p-" + i, slot, i / (double) count, false));
        }
        return cells;
    }
}
