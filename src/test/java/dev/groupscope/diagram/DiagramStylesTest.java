package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagramStylesTest {

    @Test
    void laterClassesInTheTableWinWhateverOrderAShapeListsThem() {
        Style errorFirst = DiagramStyles.resolve(List.of("error", "message", "response"));
        Style errorLast = DiagramStyles.resolve(List.of("message", "response", "error"));

        assertThat(errorFirst).isEqualTo(errorLast);
        assertThat(errorLast.stroke()).isEqualTo("#b3261e");
        assertThat(errorLast.dash()).as("still a response").isEqualTo("6 3");
    }

    @Test
    void darkAndHighContrastRepaintSurfacesAndTextButKeepTheConsumersColours() {
        for (DiagramStyles.Palette palette : List.of(DiagramStyles.Palette.DARK,
                DiagramStyles.Palette.HIGH_CONTRAST)) {
            assertThat(DiagramStyles.resolve(List.of("canvas"), palette).fill()).isNotEqualTo("#ffffff");
            assertThat(DiagramStyles.resolve(List.of("detail"), palette).textFill()).isNotEqualTo("#3a444e");
            assertThat(DiagramStyles.resolve(List.of("member-slot-1"), palette).fill()).isEqualTo("#56b4e9");
        }
        assertThat(DiagramStyles.resolve(List.of("canvas"), DiagramStyles.Palette.LIGHT))
                .isEqualTo(DiagramStyles.resolve(List.of("canvas")));
    }

    @Test
    void unknownClassesChangeNothing() {
        assertThat(DiagramStyles.resolve(List.of("partition-row", "api-JoinGroup"))).isEqualTo(Style.DEFAULT);
    }
}
