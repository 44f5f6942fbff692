package dev.groupscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.ui.Theme;
import dev.groupscope.ui.UiLanguage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(Launcher.isCliInvocation(new String[] {"--scenario=big.json"})).isFalse();
        assertThat(Launcher.isCliInvocation(new String[] {"--at", "5000"})).isFalse();
        assertThat(Launcher.isCliInvocation(new String[] {"--help"})).isTrue();
        assertThat(Launcher.isCliInvocation(new String[] {"simulate", "--scenario=x.json"})).isTrue();
    }

    @Test
    void scenarioAndStartTimeInEitherSpelling() {
        assertThat(AppOptions.parse(List.of("--scenario=big.json", "--at=45000", "--snapshot=big.png"), Locale.US))
                .isEqualTo(new AppOptions(UiLanguage.ENGLISH, Optional.of(Path.of("big.png")),
                        Optional.of(Path.of("big.json")), Optional.empty(), OptionalLong.of(45_000), Theme.LIGHT));
        AppOptions spaced = AppOptions.parse(List.of("--scenario", "lessons/a.json", "--at", "0"), Locale.US);
        assertThat(spaced.scenario()).contains(Path.of("lessons/a.json"));
        assertThat(spaced.at()).hasValue(0);
    }

    @Test
    void aThemeByNameAndARefusedUnknownOne() {
        assertThat(AppOptions.parse(List.of("--theme=dark"), Locale.US).theme()).isEqualTo(Theme.DARK);
        assertThat(AppOptions.parse(List.of("--theme", "high-contrast"), Locale.US).theme())
                .isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(Launcher.isCliInvocation(new String[] {"--theme=dark"})).isFalse();
        assertThatThrownBy(() -> AppOptions.parse(List.of("--theme=pink"), Locale.US))
                .hasMessage("unknown theme 'pink' for --theme (use light, dark or high-contrast)");
    }

    @Test
    void aStartTimeMustBeWholeNonNegativeMilliseconds() {
        for (String bad : List.of("--at=-1", "--at=1.5s", "--at=soon", "--at=")) {
            assertThatThrownBy(() -> AppOptions.parse(List.of(bad), Locale.US))
                    .hasMessageStartingWith("--at needs a virtual time in whole milliseconds (0 or more), got '");
        }
        assertThatThrownBy(() -> AppOptions.parse(List.of("--scenario"), Locale.US))
                .hasMessageStartingWith("--scenario needs a value, e.g. --scenario=");
    }

    @Test
    void aLessonOpensByItsNameAsTheLessonsMenuWould() {
        StartScenario start = StartScenario.of(AppOptions.parse(List.of("--lesson", "crash-and-rebalance",
                "--at=12000"), Locale.US), 30_000);

        assertThat(start.scenario().file()).isEqualTo("crash-and-rebalance.json");
        assertThat(start.startAtMs()).isEqualTo(12_000);
        assertThat(Launcher.isCliInvocation(new String[] {"--lesson=eager-join"})).isFalse();
    }

    @Test
    void anUnknownLessonIsOneLineWithTheClosestNameAndTheLessonsThereAre() {
        assertThatThrownBy(() -> StartScenario.of(AppOptions.parse(List.of("--lesson=crash-and-rebalnce"),
                Locale.US), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown lesson 'crash-and-rebalnce' for --lesson (did you mean"
                        + " \"crash-and-rebalance\"?); the lessons: playground, two-groups-one-topic, ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aGroupOfTheScenarioIsShownFirstAndAnUnknownOneIsOneLineWithItsGroups() {
        AppOptions options = AppOptions.parse(List.of("--lesson=two-threading-schemes", "--group", "pool-app"),
                Locale.US);
        assertThat(options.group()).contains("pool-app");
        assertThat(StartScenario.of(options, 0).scenario().groupOfClient()).containsValue("pool-app");
        assertThat(Launcher.isCliInvocation(new String[] {"--group=pool-app"})).isFalse();

        assertThatThrownBy(() -> StartScenario.of(AppOptions.parse(List.of("--lesson=two-threading-schemes",
                "--group=pool-ap"), Locale.US), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no consumer group 'pool-ap' in two-threading-schemes.json for --group (did you mean"
                        + " \"pool-app\"?); its groups: threads-app, pool-app");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--group="), Locale.US))
                .hasMessage("--group needs a consumer group's id, e.g. --group=pool-app");
    }

    @Test
    void aLessonAndAScenarioFileTogetherAreRefused() {
        assertThatThrownBy(() -> AppOptions.parse(List.of("--lesson=eager-join", "--scenario=x.json"), Locale.US))
                .hasMessage("--scenario and --lesson both say what to open: give one of them");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--lesson="), Locale.US))
                .hasMessage("--lesson needs a lesson's name, e.g. --lesson=crash-and-rebalance");
    }

    @Test
    void withoutAScenarioTheWindowOpensOnThePlaygroundAtTheDefaultMoment() {
        StartScenario start = StartScenario.of(AppOptions.parse(List.of(), Locale.US), 30_000);
        assertThat(start.scenario().name()).isEqualTo(dev.groupscope.ui.PlaygroundViewModel.readPlayground().name());
        assertThat(start.startAtMs()).isEqualTo(30_000);
    }

    @Test
    void aScenarioFileOpensAtTheTimeAsked() {
        StartScenario start = StartScenario.of(AppOptions.parse(
                List.of("--scenario=lessons/scenarios/crash-and-rebalance.json", "--at=12345"), Locale.US), 30_000);
        assertThat(start.scenario().file()).isEqualTo("lessons/scenarios/crash-and-rebalance.json");
        assertThat(start.startAtMs()).isEqualTo(12_345);
    }

    @Test
    void malformedScenarioIsOneLineNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"name\": \"x\",\n  \"seed\": }\n");
        assertThatThrownBy(() -> StartScenario.of(AppOptions.parse(List.of("--scenario=" + file), Locale.US), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": line 2, column")
                .hasMessageNotContaining("\n");
    }

    @Test
    void invalidScenarioNamesTheJsonPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("no-partitions.json");
        Files.writeString(file, "{\"durationMs\": 1000, \"cluster\": {\"brokers\": 1},"
                + " \"topics\": [{\"name\": \"t\", \"partitions\": 0}],"
                + " \"consumers\": [{\"id\": \"C1\", \"groupId\": \"g\", \"topics\": [\"t\"]}]}");
        assertThatThrownBy(() -> StartScenario.of(AppOptions.parse(List.of("--scenario=" + file), Locale.US), 0))
                .hasMessageStartingWith(file + ": $.topics[0].partitions");
    }

    @Test
    void aMissingFileAndATimePastTheEndAreRefused() {
        assertThatThrownBy(() -> StartScenario.of(AppOptions.parse(List.of("--scenario=nowhere.json"), Locale.US), 0))
                .hasMessageContaining("nowhere.json");
        assertThatThrownBy(() -> StartScenario.of(AppOptions.parse(
                List.of("--scenario=lessons/scenarios/crash-and-rebalance.json", "--at=60001"), Locale.US), 0))
                .hasMessage("--at 60001 is outside the scenario lessons/scenarios/crash-and-rebalance.json, which runs"
                        + " from 0 to 60000 ms");
    }

    @Test
    void aBadScenarioExitsWithTwoBeforeAnyWindow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"seed\": ");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = GroupScopeApp.launchApp(new String[] {"--scenario=" + file});
        } finally {
            System.setErr(before);
        }
        assertThat(status).isEqualTo(2);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("groupscope: " + file + ": line 1, column").doesNotContain("Exception");
        assertThat(printed.strip().lines()).hasSize(1);
    }
}
