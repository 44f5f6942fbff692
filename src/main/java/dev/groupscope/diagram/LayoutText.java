package dev.groupscope.diagram;

import dev.groupscope.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message of the bundle with its named arguments, formatted as the layout that hands it out does (numbers grouped
 * the same on every machine), so the pieces a layout delegates to say things the way the rest of its picture does.
 */
@FunctionalInterface
public interface LayoutText {

    String of(String key, Object... namesAndValues);

    /** The bundle's messages as they are, for a view that shares a layout's words (the window's worker chips). */
    static LayoutText of(Messages messages) {
        return (key, namesAndValues) -> {
            Map<String, Object> args = new LinkedHashMap<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                args.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return messages.format(key, args);
        };
    }
}
