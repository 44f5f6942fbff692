package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {

    private static final String FOUR_OVER_THREE = """
            {"strategy": "legacy", "topics": {"t0": 4},
             "members": [{"id": "C0", "topics": ["t0"]}, {"id": "C1", "topics": ["t0"]},
                         {"id": "C2", "topics": ["t0"]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void legacyGivesFourPartitionsToThreeConsumersAsTwoTwoZero() throws IOException {
        CliRun run = CliRun.of("assign", file("case.json", FOUR_OVER_THREE));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                {
                  "strategy": "legacy",
                  "assignment": {
                    "C0": ["t0-0", "t0-1"],
                    "C1": ["t0-2", "t0-3"],
                    "C2": []
                  }
                }
                """);
    }

    @Test
    void anArrayOfCasesGivesAnArrayOfResults() throws IOException {
        String cases = "[" + FOUR_OVER_THREE + ", {\"strategy\": \"legacy\", \"topics\": {\"t1\": 3, \"t0\": 1},"
                + " \"members\": [{\"id\": \"B\", \"topics\": [\"t1\", \"t0\"]}, {\"id\": \"A\", \"topics\": [\"t1\"]}]}]";

        CliRun run = CliRun.of("assign", file("cases.json", cases));

        assertThat(run.out()).isEqualTo("""
                [
                  {
                    "strategy": "legacy",
                    "assignment": {
                      "C0": ["t0-0", "t0-1"],
                      "C1": ["t0-2", "t0-3"],
                      "C2": []
                    }
                  },
                  {
                    "strategy": "legacy",
                    "assignment": {
                      "B": ["t0-0", "t1-2"],
                      "A": ["t1-0", "t1-1"]
                    }
                  }
                ]
                """);
    }

    @Test
    void traceAddsEveryStepWithItsEnglishSentence() throws IOException {
        CliRun run = CliRun.of("assign", file("case.json", FOUR_OVER_THREE), "--trace");

        assertThat(run.out()).contains("""
                  "steps": [
                    {"kind": "SORT_MEMBERS", "key": "assign.legacy.sortConsumers", "member": null, "partition": null, \
                "args": {"topic": "t0", "consumers": ["C0", "C1", "C2"]}, \
                "text": "Topic t0: sort its partitions and its consumers: C0, C1, C2."},
                """);
        assertThat(run.out()).contains("""
                    {"kind": "PLACE", "key": "assign.legacy.place", "member": "C1", "partition": "t0-3", \
                "args": {"index": 1, "n": 2, "first": 2, "last": 3}, \
                "text": "C1 is consumer number 1, so it takes partitions 2 to 3 (i·N to (i+1)·N − 1): t0-3."},
                """);
        assertThat(run.out()).endsWith("""
                    {"kind": "IDLE", "key": "assign.idle", "member": "C2", "partition": null, "args": {}, \
                "text": "C2 gets no partitions this round: it stays in the group but is idle."}
                  ]
                }
                """);
    }

    @Test
    void aSubscriptionToATopicWithoutMetadataGetsNothingFromIt() throws IOException {
        String input = """
                {"strategy": "legacy", "topics": {"t0": 2},
                 "members": [{"id": "C0", "topics": ["t0", "gone"]}, {"id": "C1", "topics": ["gone"]}]}
                """;

        CliRun run = CliRun.of("assign", file("case.json", input));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"C0\": [\"t0-0\", \"t0-1\"],\n    \"C1\": []");
        assertThat(run.err()).isEqualTo("groupscope: note: " + dir.resolve("case.json") + ": case 0, "
                + "$.members[0].topics[1]: topic \"gone\" is not in \"topics\" (it has no metadata): "
                + "its subscribers get nothing from it\n");
    }

    @Test
    void standardInputIsReadForADash() {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(FOUR_OVER_THREE.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("assign", "-");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("\"C2\": []");
        } finally {
            System.setIn(original);
        }
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8).toString();
    }
}
