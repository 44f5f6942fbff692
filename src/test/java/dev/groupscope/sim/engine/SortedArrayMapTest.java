package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedArrayMapTest {

    @Test
    void behavesAsATreeMapUnderRandomChanges() {
        Random random = new Random(7);
        SortedArrayMap<Integer, String> map = new SortedArrayMap<>();
        TreeMap<Integer, String> tree = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            int key = random.nextInt(60);
            switch (random.nextInt(5)) {
                case 0, 1 -> assertThat(map.put(key, "v" + i)).isEqualTo(tree.put(key, "v" + i));
                case 2 -> assertThat(map.remove(key)).isEqualTo(tree.remove(key));
                case 3 -> {
                    map.entrySet().removeIf(e -> e.getKey() % 7 == key % 7);
                    tree.entrySet().removeIf(e -> e.getKey() % 7 == key % 7);
                    map.keySet().removeIf(k -> k % 11 == key % 11);
                    tree.keySet().removeIf(k -> k % 11 == key % 11);
                    map.values().removeIf(v -> v.endsWith("3"));
                    tree.values().removeIf(v -> v.endsWith("3"));
                }
                default -> assertThat(map.get(key)).isEqualTo(tree.get(key));
            }
            assertThat(map.containsKey(key)).isEqualTo(tree.containsKey(key));
        }
        assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(tree.entrySet()));
        assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(tree.keySet()));
        assertThat(new ArrayList<>(map.values())).isEqualTo(new ArrayList<>(tree.values()));
        assertThat(map).isEqualTo(tree);
        assertThat(map.hashCode()).isEqualTo(tree.hashCode());
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        SortedArrayMap<String, Integer> original = new SortedArrayMap<>(Map.of("b", 2, "a", 1, "c", 3));
        SortedArrayMap<String, Integer> copy = new SortedArrayMap<>(original);
        copy.put("a", 10);
        copy.remove("c");
        original.put("d", 4);
        assertThat(original).containsExactly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3),
                Map.entry("d", 4));
        assertThat(copy).containsExactly(Map.entry("a", 10), Map.entry("b", 2));
    }

    @Test
    void aValueWrittenOnTheOriginalAfterACopyStaysOutOfTheCopy() {
        SortedArrayMap<String, Integer> original = new SortedArrayMap<>(Map.of("a", 1, "b", 2));
        SortedArrayMap<String, Integer> copy = new SortedArrayMap<>(original);
        original.put("a", 10);
        original.entrySet().iterator().next().setValue(11);
        SortedArrayMap<String, Integer> copyOfCopy = new SortedArrayMap<>(copy);
        copyOfCopy.put("b", 20);
        assertThat(original).containsExactly(Map.entry("a", 11), Map.entry("b", 2));
        assertThat(copy).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        assertThat(copyOfCopy).containsExactly(Map.entry("a", 1), Map.entry("b", 20));
    }

    @Test
    void copiesStayIndependentWhicheverSideIsWritten() {
        Random random = new Random(13);
        List<SortedArrayMap<Integer, String>> maps = new ArrayList<>(List.of(new SortedArrayMap<>()));
        List<TreeMap<Integer, String>> trees = new ArrayList<>(List.of(new TreeMap<>()));
        for (int i = 0; i < 20_000; i++) {
            int which = random.nextInt(maps.size());
            SortedArrayMap<Integer, String> map = maps.get(which);
            TreeMap<Integer, String> tree = trees.get(which);
            int key = random.nextInt(40);
            switch (random.nextInt(7)) {
                case 0, 1 -> assertThat(map.put(key, "v" + i)).isEqualTo(tree.put(key, "v" + i));
                case 2 -> assertThat(map.remove(key)).isEqualTo(tree.remove(key));
                case 3 -> {
                    // Removing and writing through iterators of a map that was copied or is a copy.
                    map.keySet().removeIf(k -> k % 9 == key % 9);
                    tree.keySet().removeIf(k -> k % 9 == key % 9);
                    map.entrySet().forEach(e -> e.setValue(e.getValue() + "'"));
                    tree.entrySet().forEach(e -> e.setValue(e.getValue() + "'"));
                }
                case 4 -> {
                    map.clear();
                    tree.clear();
                }
                default -> {
                    // Copies all along the run (a full list replaces one), so most copies are of a filled map.
                    if (maps.size() == 8) {
                        int replaced = random.nextInt(maps.size());
                        maps.remove(replaced);
                        trees.remove(replaced);
                    }
                    maps.add(new SortedArrayMap<>(map));
                    trees.add(new TreeMap<>(tree));
                }
            }
            for (int m = 0; m < maps.size(); m++) {
                assertThat(maps.get(m)).isEqualTo(trees.get(m));
            }
        }
    }

    @Test
    void setCopiesStayIndependentWhicheverSideIsWritten() {
        SortedArraySet<Integer> original = new SortedArraySet<>(List.of(1, 2, 3));
        SortedArraySet<Integer> copy = new SortedArraySet<>(original);
        SortedArraySet<Integer> copyOfCopy = new SortedArraySet<>(copy);
        copy.removeIf(e -> e == 2);
        original.add(4);
        copyOfCopy.clear();
        assertThat(original).containsExactly(1, 2, 3, 4);
        assertThat(copy).containsExactly(1, 3);
        assertThat(copyOfCopy).isEmpty();
    }

    @Test
    void entriesWriteThroughAndIteratorsFailOnChange() {
        SortedArrayMap<String, Integer> map = new SortedArrayMap<>(Map.of("a", 1, "b", 2));
        map.entrySet().forEach(e -> e.setValue(e.getValue() * 10));
        assertThat(map).containsExactly(Map.entry("a", 10), Map.entry("b", 20));
        Iterator<Map.Entry<String, Integer>> it = map.entrySet().iterator();
        it.next();
        map.put("c", 3);
        assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void theSetBehavesAsATreeSet() {
        Random random = new Random(11);
        SortedArraySet<Integer> set = new SortedArraySet<>();
        TreeSet<Integer> tree = new TreeSet<>();
        for (int i = 0; i < 20_000; i++) {
            int element = random.nextInt(60);
            switch (random.nextInt(4)) {
                case 0, 1 -> assertThat(set.add(element)).isEqualTo(tree.add(element));
                case 2 -> assertThat(set.remove(element)).isEqualTo(tree.remove(element));
                default -> {
                    set.removeIf(e -> e % 5 == element % 5);
                    tree.removeIf(e -> e % 5 == element % 5);
                }
            }
            assertThat(set.contains(element)).isEqualTo(tree.contains(element));
        }
        assertThat(new ArrayList<>(set)).isEqualTo(new ArrayList<>(tree));
        assertThat(set).isEqualTo(tree);
        SortedArraySet<Integer> copy = new SortedArraySet<>(set);
        copy.add(1000);
        assertThat(set).doesNotContain(1000);
        assertThat(new SortedArraySet<>(List.of(3, 1, 2))).containsExactly(1, 2, 3);
    }
}
