package dev.groupscope.app;

import dev.groupscope.cli.GroupScopeCli;

/**
 * The jar's entry point. It does not extend {@code Application}: the JavaFX launcher refuses to start an
 * {@code Application} subclass from the classpath of a plain jar. With a subcommand it runs the CLI and never
 * touches JavaFX; with no arguments (or only window options such as {@code --lang=zh-CN}, {@code --scenario=f.json} or {@code --lesson=eager-join}) it opens the window.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isCliInvocation(args)) {
            System.exit(GroupScopeCli.run(args));
        }
        int status = GroupScopeApp.launchApp(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** A CLI run is one whose first argument is a subcommand or a CLI-only flag such as --help. */
    static boolean isCliInvocation(String[] args) {
        if (args.length == 0) {
            return false;
        }
        return !AppOptions.isWindowOption(args[0]);
    }
}
