package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.BundleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule the brokers can name is explained in English and in Chinese. */
class RuleKeysTest {

    private static final Pattern KEY = Pattern.compile("\"(sim\\.(?:coordinator|cluster)\\.[A-Za-z.]+)\"");

    @Test
    void everyRuleKeyInTheBrokerCodeIsInBothBundles() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String dir : new String[] {"coordinator", "broker"}) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/groupscope/sim", dir))) {
                for (Path file : files.toList()) {
                    Matcher matcher = KEY.matcher(Files.readString(file));
                    while (matcher.find()) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }

        assertThat(keys).hasSizeGreaterThan(80);
        assertThat(keys).allSatisfy(key -> assertThat(BundleFiles.inBoth(key)).as(key).isTrue());
    }
}
