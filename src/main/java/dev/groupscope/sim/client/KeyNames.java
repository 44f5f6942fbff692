package dev.groupscope.sim.client;

import java.util.Arrays;

/**
 * The names of the keys a {@link KeyDistribution} draws, {@code key-0}, {@code key-1} …, each made once and then the
 * same String object: a producer draws a key per record, and a new string per record had its digits written and its
 * hash computed again by the cluster's key table. A name depends on its number alone, so every run shares them.
 */
final class KeyNames {

    private static volatile String[] names = new String[0];

    private KeyNames() {
    }

    static String name(int index) {
        String[] made = names;
        if (index < made.length) {
            return made[index];
        }
        return make(index);
    }

    private static synchronized String make(int index) {
        String[] made = names;
        if (index >= made.length) {
            String[] more = Arrays.copyOf(made, Math.max(index + 1, 2 * made.length));
            for (int i = made.length; i < more.length; i++) {
                more[i] = "key-" + i;
            }
            names = more;
            made = more;
        }
        return made[index];
    }
}
