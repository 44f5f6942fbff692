package dev.groupscope.sim.client;

import java.util.function.Predicate;

/**
 * The id of a consumer added while the run goes on, in the naming style of the one it copies: the copied id's
 * trailing number counted up (C1 → C2, C3, …; consumer-07 → consumer-08, keeping the width) to the first id no actor
 * of the world has, so an id in use is never given twice; an id without a number gets "-2", "-3", ….
 */
public final class ClientIds {

    private ClientIds() {
    }

    /** The id without its trailing number ("C" of "C12", "consumer-" of "consumer-07"; "alice-" of "alice"). */
    public static String prefix(String id) {
        int digits = trailingDigits(id);
        return digits == 0 ? id + "-" : id.substring(0, id.length() - digits);
    }

    /** How many digits end {@code id} (at most 9, so the number fits a long with room to count up). */
    private static int trailingDigits(String id) {
        int digits = 0;
        while (digits < id.length() && Character.isDigit(id.charAt(id.length() - 1 - digits)) && digits < 9) {
            digits++;
        }
        return digits;
    }

    /** The first id after {@code template}'s, in its style, for which {@code taken} is false. */
    public static String next(String template, Predicate<String> taken) {
        int digits = trailingDigits(template);
        String prefix = prefix(template);
        long number = digits == 0 ? 1 : Long.parseLong(template.substring(template.length() - digits));
        int width = digits > 1 && template.charAt(template.length() - digits) == '0' ? digits : 1;
        while (true) {
            number++;
            String candidate = prefix + String.format(java.util.Locale.ROOT, "%0" + width + "d", number);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * A static member's group.instance.id for the new consumer: the copied one renamed the way the client id was
     * (its trailing number replaced by the new id's), or the new client id when the two do not follow one style.
     * Two members may not share an instance id: the second would fence the first.
     */
    public static String instanceId(String templateInstance, String templateId, String newId) {
        if (templateInstance.endsWith(templateId)) {
            return templateInstance.substring(0, templateInstance.length() - templateId.length()) + newId;
        }
        return newId;
    }
}
