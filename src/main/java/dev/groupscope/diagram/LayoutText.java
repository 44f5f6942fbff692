package dev.groupscope.diagram;

/**
 * A message of the bundle with its named arguments, formatted as the layout that hands it out does (numbers grouped
 * the same on every machine), so the pieces a layout delegates to say things the way the rest of its picture does.
 */
@FunctionalInterface
interface LayoutText {

    String of(String key, Object... namesAndValues);
}
