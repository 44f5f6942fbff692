package dev.groupscope.kafka.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value types of Kafka settings, each parsing a raw value exactly as Kafka's {@code ConfigDef.parseType} does:
 * numbers and booleans also come as (trimmed) strings, lists as comma-separated strings; any other Java type is
 * refused, so {@code 7L} is not an INT, as in Kafka.
 */
public enum SettingType {
    INT("a 32-bit integer", "notInt"),
    LONG("a 64-bit integer (long)", "notLong"),
    SHORT("a 16-bit integer (short)", "notShort"),
    BOOLEAN("either true or false", "notBoolean"),
    STRING("a string", "notString"),
    LIST("a comma separated list", "notList");

    private static final Pattern COMMA_WITH_WHITESPACE = Pattern.compile("\\s*,\\s*");

    private final String expected;
    private final String problemKey;

    SettingType(String expected, String problemKey) {
        this.expected = expected;
        this.problemKey = "setting.problem." + problemKey;
    }

    /** Parses a non-null raw value into this type's Java value (Integer, Long, Short, Boolean, String, List). */
    Object parse(Object raw) throws BadValueException {
        switch (this) {
            case INT:
                return parseInt(raw);
            case LONG:
                return parseLong(raw);
            case SHORT:
                return parseShort(raw);
            case BOOLEAN:
                return parseBoolean(raw);
            case STRING:
                return parseString(raw);
            default:
                return parseList(raw);
        }
    }

    private Object parseInt(Object raw) throws BadValueException {
        if (raw instanceof Integer) {
            return raw;
        }
        try {
            return Integer.parseInt(numberText(raw));
        } catch (NumberFormatException e) {
            throw notANumber();
        }
    }

    private Object parseLong(Object raw) throws BadValueException {
        if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
        }
        try {
            return Long.parseLong(numberText(raw));
        } catch (NumberFormatException e) {
            throw notANumber();
        }
    }

    private Object parseShort(Object raw) throws BadValueException {
        if (raw instanceof Short) {
            return raw;
        }
        try {
            return Short.parseShort(numberText(raw));
        } catch (NumberFormatException e) {
            throw notANumber();
        }
    }

    private Object parseBoolean(Object raw) throws BadValueException {
        if (raw instanceof Boolean) {
            return raw;
        }
        String text = raw instanceof String s ? s.trim() : null;
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw BadValueException.invalidValue(problemKey, "Expected value to be either true or false");
    }

    private Object parseString(Object raw) throws BadValueException {
        if (raw instanceof String) {
            return raw;
        }
        throw wrongJavaType(raw);
    }

    private Object parseList(Object raw) throws BadValueException {
        if (raw instanceof List<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        if (raw instanceof String s) {
            String trimmed = s.trim();
            return trimmed.isEmpty() ? List.of() : Arrays.asList(COMMA_WITH_WHITESPACE.split(trimmed, -1));
        }
        throw BadValueException.invalidValue(problemKey, "Expected a comma separated list.");
    }

    /** The text of a number given as a string; any other Java type is the wrong type. */
    private String numberText(Object raw) throws BadValueException {
        if (raw instanceof String s) {
            return s.trim();
        }
        throw wrongJavaType(raw);
    }

    private BadValueException notANumber() {
        return BadValueException.invalidValue("setting.problem.notANumber", "Not a number of type " + name(),
                "type", name());
    }

    private BadValueException wrongJavaType(Object raw) {
        String javaType = raw.getClass().getName();
        return BadValueException.invalidValue(problemKey,
                "Expected value to be " + expected + ", but it was a " + javaType, "javaType", javaType);
    }
}
