package io.bramble.fs.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.replicate.ChildSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The split-brain rules as tables. A copy is written SIZE:MTIME:CTIME, times in seconds with
 * an optional fraction ({@code 100.5}); the verdict is the chosen copy's index, or the
 * refusal.
 */
class SplitBrainRulesTest {
    private static final FileId ID = FileId.of(new UUID(4, 4));

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # size: the biggest copy; a tie goes to the lowest-numbered of the biggest
            size     | 17:100:100 13:200:200           | 0
            size     | 13:200:200 17:100:100           | 1
            size     | 5:1:1 9:1:1 9:2:2                | 1
            size     | 0:1:1 0:2:2                      | 0
            # mtime: the copy written last, to the nanosecond
            mtime    | 17:100:300 13:200:100           | 1
            mtime    | 1:100.000000002:1 1:100.000000001:1 | 0
            mtime    | 1:100:1 2:100:1 3:99:1          | 0
            # ctime: the copy changed last
            ctime    | 17:100:300 13:200:100           | 0
            ctime    | 1:1:5 1:1:6 1:1:7                | 2
            # majority: more than half of the set agree on size and mtime to the second
            majority | 10:100:1 10:100.9:2 11:100:3    | 0
            majority | 11:100:1 10:100:2 10:100.5:3    | 1
            majority | 10:100:1 10:101:2 10:102:3      | no copy is agreed on by a majority
            majority | 10:100:1 12:100:2               | no copy is agreed on by a majority
            majority | 10:100:1 10:100:2               | 0
            none     | 17:100:100 13:200:200           | no favorite-child policy
            """)
    void theFavoriteChildPolicyChooses(String policy, String copies, String expected) {
        SourceRule rule = FavoriteChildPolicy.of(policy).orElseThrow();
        assertThat(shown(rule.pick(attrs(copies)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            bigger-file    | 17:100:100 13:200:200      | 0
            bigger-file    | 13:100:100 17:200:200 9:1:1 | 1
            bigger-file    | 17:100:100 17:200:200      | No bigger file
            bigger-file    | 5:1:1 17:2:2 17:3:3        | No bigger file
            latest-mtime   | 17:100:100 13:200:200      | 1
            latest-mtime   | 17:100.5:100 13:100.4:200  | 0
            latest-mtime   | 17:100:100 13:100:200      | No difference in mtime
            source-brick-1 | 17:100:100 13:200:200      | 1
            source-brick-0 | 17:100:100 13:200:200      | 0
            source-brick-2 | 17:100:100 13:200:200      | Invalid brick name
            """)
    void theUsersChoiceRefusesTies(String choice, String copies, String expected) {
        SourceRule rule = switch (choice) {
            case "bigger-file" -> SplitBrainChoice.biggerFile();
            case "latest-mtime" -> SplitBrainChoice.latestMtime();
            default -> SplitBrainChoice.sourceBrick(Integer.parseInt(choice.substring(choice
                    .lastIndexOf('-') + 1)));
        };
        assertThat(shown(rule.pick(attrs(copies)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock = """
                    file file          | 1
                    file away          | NOT_ALL_UP
                    file absent        | NOT_ALL_UP
                    file other-id      | DIFFERENT_FILES
                    file folder        | DIFFERENT_FILES
                    folder folder      | NOT_A_FILE
                    """)
    void onlyOneFileThatEveryCopyHoldsIsSettled(String copies, String expected) {
        List<CopyState> states = new ArrayList<>();
        long size = 1;
        for (String copy : copies.split(" ")) {
            states.add(switch (copy) {
                case "away" -> CopyState.AWAY;
                case "absent" -> CopyState.ABSENT;
                default -> new CopyState(CopyState.Presence.PRESENT, attr(copy.equals("other-id")
                        ? FileId.of(new UUID(5, 5))
                        : ID,
                        copy.equals("folder")
                                ? FileType.DIRECTORY
                                : FileType.REGULAR,
                        size++, 1, 1), Map.of(),
                        new byte[24], ChildSet.NONE);
            });
        }
        String refusal = switch (expected) {
            case "NOT_ALL_UP" -> SplitBrainSource.NOT_ALL_UP;
            case "DIFFERENT_FILES" -> SplitBrainSource.DIFFERENT_FILES;
            case "NOT_A_FILE" -> SplitBrainSource.NOT_A_FILE;
            default -> expected;
        };
        assertThat(shown(SplitBrainSource.pick(states, FavoriteChildPolicy.SIZE))).isEqualTo(
                refusal);
    }

    private static String shown(SourcePick pick) {
        return pick.chosen() ? Integer.toString(pick.copy()) : pick.refusal();
    }

    private static List<Attr> attrs(String copies) {
        return Arrays.stream(copies.trim().split(" +")).map(copy -> {
            String[] parts = copy.split(":");
            return attr(ID, FileType.REGULAR, Long.parseLong(parts[0]), nanos(parts[1]),
                    nanos(parts[2]));
        }).toList();
    }

    private static long nanos(String seconds) {
        return new BigDecimal(seconds).movePointRight(9).longValueExact();
    }

    private static Attr attr(FileId id, FileType type, long size, long mtimeNs, long ctimeNs) {
        return new Attr(id, type.modeBits() | 0644, 1, 0, 0, 0, size, 0, 0, mtimeNs, ctimeNs);
    }
}
