package dev.groupscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.ui.UiLanguage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void noOptionsFollowTheDesktopLanguage() {
        assertThat(AppOptions.parse(List.of(), Locale.US))
                .isEqualTo(new AppOptions(UiLanguage.ENGLISH, Optional.empty()));
        assertThat(AppOptions.parse(List.of(), Locale.CHINA).language()).isEqualTo(UiLanguage.SIMPLIFIED_CHINESE);
    }

    @Test
    void langAndSnapshotInEitherSpelling() {
        assertThat(AppOptions.parse(List.of("--lang=zh-CN", "--snapshot=out.png"), Locale.US))
                .isEqualTo(new AppOptions(UiLanguage.SIMPLIFIED_CHINESE, Optional.of(Path.of("out.png"))));
        assertThat(AppOptions.parse(List.of("--lang", "en", "--snapshot", "docs/lab.png"), Locale.CHINA))
                .isEqualTo(new AppOptions(UiLanguage.ENGLISH, Optional.of(Path.of("docs/lab.png"))));
    }

    @Test
    void badOptionsAreRefusedWithASentence() {
        assertThatThrownBy(() -> AppOptions.parse(List.of("--lang=fr"), Locale.US))
                .hasMessage("unknown language 'fr' for --lang (use en or zh-CN)");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--lang"), Locale.US))
                .hasMessageContaining("--lang needs a value");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--snapshot=out.jpg"), Locale.US))
                .hasMessageContaining(".png");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--zoom=2"), Locale.US))
                .hasMessageContaining("unknown option '--zoom=2'");
    }

    @Test
    void windowOptionsAreNotMistakenForCliCommands() {
        assertThat(Launcher.isCliInvocation(new String[] {"--lang=zh-CN"})).isFalse();
        assertThat(Launcher.isCliInvocation(new String[] {"--snapshot=a.png"})).isFalse();
        assertThat(Launcher.isCliInvocation(new String[] {})).isFalse();
        assertThat(Launcher.isCliInvocation(new String[] {"--help"})).isTrue();
    }
}
