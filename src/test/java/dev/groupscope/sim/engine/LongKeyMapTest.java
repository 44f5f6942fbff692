package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {

    @Test
    void copiesBehaveAsIndependentTreeMapsWhicheverSideIsWritten() {
        Random random = new Random(17);
        List<LongKeyMap<String>> maps = new ArrayList<>(List.of(new LongKeyMap<>()));
        List<TreeMap<Long, String>> trees = new ArrayList<>(List.of(new TreeMap<>()));
        for (int i = 0; i < 20_000; i++) {
            int which = random.nextInt(maps.size());
            LongKeyMap<String> map = maps.get(which);
            TreeMap<Long, String> tree = trees.get(which);
            long key = random.nextInt(40) - 5;
            switch (random.nextInt(7)) {
                case 0, 1 -> assertThat(map.put(key, "v" + i)).isEqualTo(tree.put(key, "v" + i));
                case 2 -> assertThat(map.remove(key)).isEqualTo(tree.remove(key));
                case 3 -> {
                    map.removeIf((k, v) -> k % 9 == key % 9 || v.endsWith("3"));
                    tree.entrySet().removeIf(e -> e.getKey() % 9 == key % 9 || e.getValue().endsWith("3"));
                }
                case 4 -> {
                    map.clear();
                    tree.clear();
                }
                default -> {
                    if (maps.size() == 8) {
                        int replaced = random.nextInt(maps.size());
                        maps.remove(replaced);
                        trees.remove(replaced);
                    }
                    maps.add(new LongKeyMap<>(map));
                    trees.add(new TreeMap<>(tree));
                }
            }
            assertThat(map.get(key)).isEqualTo(tree.get(key));
            for (int m = 0; m < maps.size(); m++) {
                assertThat(maps.get(m).values()).containsExactlyElementsOf(trees.get(m).values());
                assertThat(maps.get(m).size()).isEqualTo(trees.get(m).size());
            }
        }
    }

    @Test
    void aValueReplacedInACopyStaysOutOfTheOriginal() {
        LongKeyMap<String> original = new LongKeyMap<>();
        original.put(200L, "a");
        original.put(100L, "b");
        LongKeyMap<String> copy = new LongKeyMap<>(original);
        copy.put(200L, "c");
        original.remove(100L);
        assertThat(original.values()).containsExactly("a");
        assertThat(copy.values()).containsExactly("b", "c");
        assertThat(copy.get(100L)).isEqualTo("b");
    }
}
