package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class TextZoomTest {

    @Test
    void aProjectorSizedWindowStartsAtTheBaseSize() {
        assertThat(TextZoom.forWindow(1280, 800).fontPixels(UiLanguage.ENGLISH)).isEqualTo(17.0);
        assertThat(TextZoom.forWindow(1024, 700).fontPixels(UiLanguage.ENGLISH)).isEqualTo(17.0);
        assertThat(TextZoom.forWindow(1280, 800).fontPixels(UiLanguage.SIMPLIFIED_CHINESE)).isEqualTo(18.0);
    }

    @Test
    void aLargerWindowStartsWithLargerTextUpToALimit() {
        Rectangle2D window = GroupScopeWindow.initialSize(new Rectangle2D(0, 0, 1920, 1080));
        assertThat(window).isEqualTo(new Rectangle2D(0, 0, 1728, 972));
        assertThat(TextZoom.forWindow(window.getWidth(), window.getHeight()).fontPixels(UiLanguage.ENGLISH))
                .isEqualTo(20.4);
        assertThat(TextZoom.forWindow(3840, 2160).factor()).isEqualTo(1.6);
    }

    @Test
    void aSmallScreenGetsAllOfItNotMore() {
        assertThat(GroupScopeWindow.initialSize(new Rectangle2D(0, 0, 1024, 740)))
                .isEqualTo(new Rectangle2D(0, 0, 1024, 740));
        assertThat(GroupScopeWindow.initialSize(new Rectangle2D(0, 0, 1280, 800)))
                .isEqualTo(new Rectangle2D(0, 0, 1280, 800));
    }

    @Test
    void stepsByATenthBetweenTheLimits() {
        TextZoom zoom = new TextZoom(1);
        assertThat(zoom.larger().larger().fontPixels(UiLanguage.ENGLISH)).isEqualTo(20.4);
        assertThat(new TextZoom(2.0).larger().factor()).isEqualTo(TextZoom.MAX);
        assertThat(new TextZoom(0.8).smaller().factor()).isEqualTo(TextZoom.MIN);
        assertThat(zoom.rootStyle(UiLanguage.ENGLISH)).isEqualTo("-fx-font-size: 17.0px;");
    }

    @Test
    void ctrlPlusStopsWhereTheWindowStillShowsThePlayground() {
        assertThat(TextZoom.largestFor(1280, 800).factor()).isCloseTo(1.6, within(1e-9));
        assertThat(TextZoom.largestFor(1920, 1080).factor()).isCloseTo(1.9, within(1e-9));
        assertThat(TextZoom.largestFor(3840, 2160).factor()).isEqualTo(TextZoom.MAX);
        assertThat(new TextZoom(1.6).larger().atMost(TextZoom.largestFor(1280, 800)).factor())
                .isCloseTo(1.6, within(1e-9));
        assertThat(new TextZoom(1.2).larger().atMost(TextZoom.largestFor(1280, 800)).factor())
                .isCloseTo(1.3, within(1e-9));
    }
}
