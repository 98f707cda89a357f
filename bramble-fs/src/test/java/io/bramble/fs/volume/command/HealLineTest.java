package io.bramble.fs.volume.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.heal.SplitBrainResolution;
import io.bramble.fs.heal.SplitBrainResolution.Result;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The words after {@code volume heal NAME}, as requests or as Gluster's usage. */
class HealLineTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            textBlock = """
                    NONE                                   | Start[full=false]
                    full                                   | Start[full=true]
                    info                                   | Info[]
                    info summary                           | Summary[]
                    info split-brain                       | SplitBrainInfo[]
                    statistics heal-count                  | HealCount[]
                    split-brain bigger-file /dir/file1     | BiggerFile[file=/dir/file1]
                    split-brain latest-mtime file1         | LatestMtime[file=file1]
                    split-brain source-brick h:/b    | SourceBrick[brick=h:/b, file=Optional.empty]
                    split-brain source-brick h:/b /f | SourceBrick[brick=h:/b, file=Optional[/f]]
                    """)
    void readsGlustersHealLines(String line, String request) {
        assertThat(HealLine.read(words(line)).toString()).isEqualTo(request);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {"split-brain", "split-brain bigger-file",
                    "split-brain bigger-file /a /b", "split-brain latest-mtime",
                    "split-brain newest /f",
                    "split-brain source-brick", "split-brain source-brick h1 /f",
                    "split-brain source-brick h1:data /f", "split-brain source-brick :/data /f",
                    "split-brain source-brick h1:/b /f extra", "info split", "banana",
                    "info summary split-brain"})
    void aMalformedLineGetsTheUsage(String line) {
        assertThatThrownBy(() -> HealLine.read(words(line))).isInstanceOfSatisfying(
                VolumeFailure.class, f -> {
                    assertThat(f.exitCode()).isEqualTo(2);
                    assertThat(f.getMessage()).isEqualTo("Usage: volume heal <VOLNAME> [full"
                            + " | info [summary | split-brain] | statistics heal-count"
                            + " | split-brain {bigger-file <FILE> | latest-mtime <FILE>"
                            + " | source-brick <HOSTNAME:BRICKNAME> [<FILE>]}]");
                });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {"enable", "disable", "granular-entry-heal enable", "statistics",
                    "statistics heal-count replica h1:/b", "info healed", "info heal-failed"})
    void glustersOtherHealWordsAreNamedAsNotThereYet(String line) {
        assertThatThrownBy(() -> HealLine.read(words(line))).isInstanceOfSatisfying(
                VolumeFailure.class, f -> assertThat(f.getMessage()).startsWith("volume heal: '"
                        + line + "' is not supported by bramble yet; it takes volume heal"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /dir/file  | /dir/file
            /dir/      | /dir
            /          | /
            dir/file   | none
            gfid:9c7c3209-091c-40e5-a0bd-35c0ad877d5e | none
            /a//b      | none
            /a/../b    | none
            """)
    void aFileIsAPathFromTheVolumesRoot(String file, String path) {
        assertThat(ResolveSplitBrain.volumePath(file).map(Object::toString).orElse("none"))
                .isEqualTo(path);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NOT_FOUND HEALED                       | HEALED
            NOT_FOUND NOT_IN_SPLIT_BRAIN           | NOT_IN_SPLIT_BRAIN
            COPIES_AWAY NOT_IN_SPLIT_BRAIN         | NOT_IN_SPLIT_BRAIN
            COPIES_AWAY NOT_FOUND                  | COPIES_AWAY
            NOT_FOUND NOT_FOUND                    | NOT_FOUND
            NOT_IN_SPLIT_BRAIN REFUSED             | REFUSED
            FOLDER FOLDER                          | FOLDER
            REFUSED FAILED                         | FAILED
            """)
    void aFileAnsweredByEverySetGetsTheMostTellingAnswer(String answers, Result expected) {
        List<SplitBrainResolution> each = Arrays.stream(answers.trim().split(" +")).map(
                a -> new SplitBrainResolution(Result.valueOf(a), "")).toList();
        assertThat(ResolveSplitBrain.mostTelling(each).result()).isEqualTo(expected);
    }

    private static List<String> words(String line) {
        return line == null ? List.of() : List.of(line.trim().split(" +"));
    }
}
