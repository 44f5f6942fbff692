package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.assignor.Assignors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: one line on standard error naming file, case and place; exit code 2; no output. */
class AssignBadInputTest {

    private static final String MEMBERS = "\"members\": [{\"id\": \"C0\", \"topics\": [\"t0\"]}]";

    @TempDir
    Path dir;

    private String file;

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        String error = refused("{\"strategy\": \"legacy\",\n  \"topics\": {\"t0\": 4,},\n" + MEMBERS + "}");

        assertThat(error).isEqualTo(file + ": line 2, column 22: malformed JSON: expected a name in double quotes "
                + "(JSON allows no comma after the last value)");
    }

    @Test
    void commentsAreNotJson() throws IOException {
        String error = refused("// the group\n{}");

        assertThat(error).isEqualTo(file + ": line 1, column 1: malformed JSON: not valid JSON here "
                + "(JSON allows no comments, single quotes, unquoted names, trailing commas or NaN)");
    }

    @Test
    void aTruncatedFileIsMalformed() throws IOException {
        String error = refused("[{\"strategy\": \"legacy\"");

        assertThat(error).isEqualTo(file + ": line 1, column 23: malformed JSON: "
                + "the file ends before the JSON is complete");
    }

    @Test
    void textAfterTheCaseIsMalformed() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {}, " + MEMBERS + "}\nextra");

        assertThat(error).isEqualTo(file + ": line 2, column 1: malformed JSON: "
                + "unexpected text after the end of the JSON value");
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        assertThat(refused("  \n")).isEqualTo(file + ": the file is empty; expected one case (an object) or an "
                + "array of cases");
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"strategy\": \"range\", \"topics\": {}, " + MEMBERS + "}");

        assertThat(error).isEqualTo(file + ": $.strategy: \"strategy\" is given twice in the same object");
    }

    @Test
    void theTopLevelIsACaseOrAnArrayOfCases() throws IOException {
        assertThat(refused("\"legacy\"")).isEqualTo(file + ": expected one case (an object) or an array of cases, "
                + "got the string \"legacy\"");
    }

    @Test
    void anUnknownStrategyListsTheKnownOnesAndGuesses() throws IOException {
        String error = refused("[{\"strategy\": \"legacy\", \"topics\": {\"t0\": 1}, " + MEMBERS + "},"
                + " {\"strategy\": \"legasy\", \"topics\": {\"t0\": 1}, " + MEMBERS + "}]");

        assertThat(error).isEqualTo(file + ": case 1, $[1].strategy: unknown strategy \"legasy\" "
                + "(did you mean \"legacy\"?); known strategies: " + String.join(", ", Assignors.names()));
    }

    @Test
    void aMissingStrategyIsNamed() throws IOException {
        assertThat(refused("{\"topics\": {\"t0\": 1}, " + MEMBERS + "}"))
                .isEqualTo(file + ": case 0, $: missing \"strategy\"");
    }

    @Test
    void aPartitionCountBelowOneIsRefused() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 0}, " + MEMBERS + "}");

        assertThat(error).isEqualTo(file + ": case 0, $.topics.t0: topic \"t0\" has 0 partitions, "
                + "but a topic has at least 1");
    }

    @Test
    void aPartitionCountMustBeAWholeNumber() throws IOException {
        assertThat(refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": \"4\"}, " + MEMBERS + "}"))
                .isEqualTo(file + ": case 0, $.topics.t0: the partition count of topic \"t0\" must be a whole "
                        + "number, got the string \"4\"");
        assertThat(refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2.5}, " + MEMBERS + "}"))
                .endsWith("must be a whole number, got the number 2.5");
    }

    @Test
    void aMemberNeedsAnId() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 1}, "
                + "\"members\": [{\"id\": \"C0\", \"topics\": [\"t0\"]}, {\"topics\": [\"t0\"]}]}");

        assertThat(error).isEqualTo(file + ": case 0, $.members[1]: member has no \"id\"");
    }

    @Test
    void memberIdsAreUnique() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 1}, "
                + "\"members\": [{\"id\": \"C0\", \"topics\": [\"t0\"]}, {\"id\": \"C0\", \"topics\": []}]}");

        assertThat(error).isEqualTo(file + ": case 0, $.members[1].id: member id \"C0\" is used twice "
                + "(also at $.members[0].id)");
    }

    @Test
    void anUnknownKeyIsRefusedWithAGuess() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 1}, "
                + "\"members\": [{\"id\": \"C0\", \"topic\": [\"t0\"]}]}");

        assertThat(error).isEqualTo(file + ": case 0, $.members[0].topic: unknown key \"topic\" "
                + "(did you mean \"topics\"?); expected one of: id, instanceId, topics, owned, generation");
    }

    @Test
    void anUnknownKeyFarFromAnyKnownOneGetsNoGuess() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {}, " + MEMBERS + ", \"color\": \"red\"}");

        assertThat(error).isEqualTo(file + ": case 0, $.color: unknown key \"color\"; "
                + "expected one of: strategy, topics, members");
    }

    @Test
    void anOwnedPartitionIsWrittenTopicDashNumber() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, "
                + "\"members\": [{\"id\": \"C0\", \"topics\": [\"t0\"], \"owned\": [\"t0-1\", \"t0:0\"]}]}");

        assertThat(error).isEqualTo(file + ": case 0, $.members[0].owned[1]: owned partition \"t0:0\" is not in "
                + "topic-partition form, e.g. orders-3");
    }

    @Test
    void aGenerationIsAWholeNumber() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, "
                + "\"members\": [{\"id\": \"C0\", \"topics\": [\"t0\"], \"generation\": \"one\"}]}");

        assertThat(error).isEqualTo(file + ": case 0, $.members[0].generation: generation must be a whole number, "
                + "got the string \"one\"");
    }

    @Test
    void anInstanceIdFollowsKafkasRules() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, "
                + "\"members\": [{\"id\": \"C0\", \"instanceId\": \"host 1\", \"topics\": [\"t0\"]}]}");

        assertThat(error).isEqualTo(file + ": case 0, $.members[0].instanceId: invalid instanceId: Group instance "
                + "id is invalid: 'host 1' contains one or more characters other than ASCII alphanumerics, '.', '_' "
                + "and '-'");
    }

    @Test
    void twoMembersCannotShareAnInstanceId() throws IOException {
        String error = refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, \"members\": ["
                + "{\"id\": \"C0\", \"instanceId\": \"host-1\", \"topics\": [\"t0\"]},"
                + "{\"id\": \"C1\", \"instanceId\": \"host-1\", \"topics\": [\"t0\"]}]}");

        assertThat(error).isEqualTo(file + ": case 0, $.members[1].instanceId: instanceId \"host-1\" is used twice "
                + "(also at $.members[0].instanceId); a group has one member per group.instance.id");
    }

    @Test
    void aGroupHasAtLeastOneMember() throws IOException {
        assertThat(refused("{\"strategy\": \"legacy\", \"topics\": {\"t0\": 2}, \"members\": []}"))
                .isEqualTo(file + ": case 0, $.members: a group has at least one member (its leader runs the "
                        + "assignor)");
    }

    @Test
    void typesAreChecked() throws IOException {
        assertThat(refused("{\"strategy\": 3, \"topics\": {}, " + MEMBERS + "}"))
                .isEqualTo(file + ": case 0, $.strategy: expected a string, got the number 3");
        assertThat(refused("{\"strategy\": \"legacy\", \"topics\": [], " + MEMBERS + "}"))
                .isEqualTo(file + ": case 0, $.topics: expected an object, got an array");
        assertThat(refused("{\"strategy\": \"legacy\", \"topics\": {}, \"members\": {}}"))
                .isEqualTo(file + ": case 0, $.members: expected an array, got an object");
        assertThat(refused("[{\"strategy\": \"legacy\", \"topics\": {}, " + MEMBERS + "}, null]"))
                .isEqualTo(file + ": case 1, $[1]: expected an object, got null");
    }

    @Test
    void aMissingFileIsNamed() {
        String missing = dir.resolve("nope.json").toString();
        CliRun run = CliRun.of("assign", missing);

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("groupscope: " + missing + ": no such file\n");
    }

    @Test
    void aDirectoryIsNotAnInputFile() {
        CliRun run = CliRun.of("assign", dir.toString());

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).startsWith("groupscope: " + dir + ": cannot read it (").endsWith(")\n")
                .doesNotContain("\tat ");
    }

    @Test
    void aFileSavedInAnotherEncodingNamesWhereItStopsBeingUtf8() throws IOException {
        Path gbk = Files.write(dir.resolve("cases.json"), "{\"topics\": \"主题\"}".getBytes("GBK"));
        CliRun run = CliRun.of("assign", gbk.toString());

        assertThat(run.exitCode()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("groupscope: " + gbk
                + ": line 1, column 13: byte 0xD6 is not UTF-8 text; save the file as UTF-8\n");
    }

    /** Runs assign on the content; asserts the refusal's shape and returns the line without its prefix. */
    private String refused(String content) throws IOException {
        file = Files.writeString(dir.resolve("cases.json"), content, StandardCharsets.UTF_8).toString();
        CliRun run = CliRun.of("assign", file);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(GroupScopeCli.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("groupscope: ").endsWith("\n");
        assertThat(run.err().lines()).hasSize(1);
        return run.err().substring("groupscope: ".length(), run.err().length() - 1);
    }
}
