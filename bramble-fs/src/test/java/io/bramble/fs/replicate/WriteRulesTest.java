package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Errno;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision tables of replica 2 and 3. Columns: replicas, quorum type, fresh children
 * before the change, each child's outcome (took, - for not sent, or an errno), what the
 * tie-breaker said, then the verdict: ack with the children to blame, ask with the child to
 * record, or the errno with "self" when the takers blame themselves.
 */
class WriteRulesTest {
    @ParameterizedTest(name = "[{index}] r{0} {1} fresh={2} {3} tie={4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # replica 2, both up
            2 | auto | 0,1 | took took         | not-asked | ack
            2 | auto | 0,1 | took ENOSPC       | not-asked | ask 1
            2 | auto | 0,1 | took ENOSPC       | recorded  | ack 1
            2 | auto | 0,1 | took ENOSPC       | refused   | EROFS self
            2 | auto | 0,1 | ENOTCONN took     | recorded  | ack 0
            2 | auto | 0,1 | ENOSPC ENOSPC     | not-asked | ENOSPC
            2 | auto | 0,1 | ENOSPC ENOTCONN   | not-asked | ENOSPC
            2 | auto | 0,1 | EEXIST ENOENT     | not-asked | EIO
            # replica 2, one known down: the tie-breaker was asked before sending
            2 | auto | 0,1 | took -            | recorded  | ack 1
            2 | auto | 0   | - took            | recorded  | ENOTCONN self
            # replica 2, the fresh copy failed: a stale copy alone must not be acknowledged
            2 | auto | 0   | ENOSPC took       | recorded  | ENOSPC self
            2 | auto | 1   | ENOSPC took       | not-asked | ask 0
            # replica 2, quorum none: one copy is enough, as in Gluster
            2 | none | 0,1 | took ENOTCONN     | not-asked | ack 1
            # replica 3, auto: two of three
            3 | auto | 0,1,2 | took took took   | not-asked | ack
            3 | auto | 0,1,2 | took took -      | not-asked | ack 2
            3 | auto | 0,1,2 | took ENOSPC took | not-asked | ack 1
            3 | auto | 0,1,2 | took ENOSPC ENOSPC   | not-asked | ENOSPC self
            3 | auto | 0,1,2 | took ENOTCONN ENOTCONN | not-asked | EROFS self
            3 | auto | 0,1,2 | took ENOSPC ENOTCONN   | not-asked | ENOSPC self
            3 | auto | 0,1,2 | ENOSPC ENOSPC ENOSPC   | not-asked | ENOSPC
            3 | auto | 0     | took took -            | not-asked | ack 2
            3 | auto | 0     | ENOSPC took took       | not-asked | ENOSPC self
            3 | auto | 1,2   | took took -            | not-asked | ack 2
            # replica 3, every fresh copy took an unacknowledged change: it stays visible
            3 | auto | 0     | took - -               | not-asked | EROFS
            # replica 3, a removal one copy took: a stale copy's ENOENT does not say the name
            # was never there (a fresh copy's does)
            3 | auto | 1,2   | ENOENT took ENOTCONN   | not-asked | EROFS self
            3 | auto | 0,1,2 | ENOENT took ENOTCONN   | not-asked | ENOENT self
            3 | auto | 1,2   | ENOSPC took ENOTCONN   | not-asked | ENOSPC self
            # replica 3, fixed quorum of 3
            3 | fixed3 | 0,1,2 | took took ENOSPC     | not-asked | ENOSPC self
            """)
    void decides(int replicas, String quorum, String fresh, String outcomes, String tie,
            String expected) {
        WriteRules rules = new WriteRules(replicas, quorum(quorum));
        Verdict verdict = rules.settle(outcomes(outcomes), ChildSet.all(replicas),
                children(fresh), tieBreak(tie));
        assertThat(shown(verdict)).isEqualTo(expected.trim());
    }

    @ParameterizedTest(name = "[{index}] r{0} {1} reachable={2} fresh={3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            2 | auto | 0,1   | 0,1   | go
            2 | auto | 0     | 0,1   | tie-breaker 1
            2 | auto | 1     | 0,1   | tie-breaker 0
            2 | auto | 1     | 0     | ENOTCONN
            2 | auto |       | 0,1   | ENOTCONN
            2 | auto | 0,1   |       | EIO
            2 | none | 1     | 0,1   | go
            3 | auto | 0,1,2 | 0,1,2 | go
            3 | auto | 0,2   | 0,1,2 | go
            3 | auto | 2     | 0,1,2 | EROFS
            3 | auto | 0,1   | 2     | ENOTCONN
            3 | fixed3 | 0,1 | 0,1,2 | EROFS
            """)
    void admits(int replicas, String quorum, String reachable, String fresh, String expected) {
        Admission admission = new WriteRules(replicas, quorum(quorum))
                .admit(children(reachable), children(fresh));
        String shown = switch (admission.type()) {
            case GO -> "go";
            case TIE_BREAKER_FIRST -> "tie-breaker " + admission.staleChild();
            case REFUSE -> Errno.name(admission.errno());
        };
        assertThat(shown).isEqualTo(expected.trim());
    }

    /**
     * Replica 3 with copy 2 the arbiter (no data): it counts towards the quorum, but a change
     * must be taken by a fresh copy with data, else the only up data copy would be stale.
     */
    @ParameterizedTest(name = "[{index}] arbiter 2 fresh={0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0,1,2 | took took took         | ack
            0,1,2 | took - took            | ack 1
            0,1,2 | - took took            | ack 0
            0,2   | took - took            | ack 1
            # the one data copy that took it is blamed: a stale copy alone would hold data
            1,2   | took - took            | ENOTCONN self
            1,2   | took ENOSPC took       | ENOSPC self
            # the arbiter alone is no fresh taker
            0,1,2 | ENOTCONN ENOTCONN took | ENOTCONN self
            0,1,2 | took ENOTCONN ENOTCONN | EROFS self
            """)
    void decidesWithAnArbiter(String fresh, String outcomes, String expected) {
        WriteRules rules = new WriteRules(3, Quorum.AUTO, ChildSet.of(2));
        Verdict verdict = rules.settle(outcomes(outcomes), ChildSet.all(3), children(fresh),
                WriteRules.TieBreak.NOT_ASKED);
        assertThat(shown(verdict)).isEqualTo(expected.trim());
    }

    @ParameterizedTest(name = "[{index}] arbiter 2 reachable={0} fresh={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0,1,2 | 0,1,2 | go
            0,2   | 0,1,2 | go
            1,2   | 0,1,2 | go
            0,2   | 0,2   | go
            # a data copy and the arbiter are up, but that data copy is stale
            1,2   | 0,2   | ENOTCONN
            0,1   | 2     | EIO
            2     | 0,1,2 | ENOTCONN
            0     | 0,1,2 | EROFS
            """)
    void admitsWithAnArbiter(String reachable, String fresh, String expected) {
        Admission admission = new WriteRules(3, Quorum.AUTO, ChildSet.of(2))
                .admit(children(reachable), children(fresh));
        String shown = switch (admission.type()) {
            case GO -> "go";
            case TIE_BREAKER_FIRST -> "tie-breaker " + admission.staleChild();
            case REFUSE -> Errno.name(admission.errno());
        };
        assertThat(shown).isEqualTo(expected.trim());
    }

    /** Over every combination: what holds of any acknowledged or refused change. */
    @Property(tries = 2000)
    void verdictsKeepTheRules(@ForAll @IntRange(min = 2, max = 3) int replicas,
            @ForAll @Size(3) List<@IntRange(min = 0, max = 3) Integer> codes,
            @ForAll @IntRange(min = 0, max = 7) int freshBits,
            @ForAll @IntRange(min = 0, max = 2) int tie, @ForAll boolean quorumNone) {
        int[] outcomeCodes = new int[replicas];
        int[] choices = {Outcomes.TOOK, Outcomes.NOT_SENT, Errno.ENOSPC, Errno.ENOTCONN};
        for (int i = 0; i < replicas; i++) {
            outcomeCodes[i] = choices[codes.get(i)];
        }
        Outcomes outcomes = Outcomes.of(outcomeCodes);
        ChildSet fresh = new ChildSet(freshBits).intersect(ChildSet.all(replicas));
        Quorum quorum = quorumNone ? Quorum.NONE : Quorum.AUTO;
        WriteRules.TieBreak tieBreak = WriteRules.TieBreak.values()[tie];
        Verdict verdict = new WriteRules(replicas, quorum).settle(outcomes,
                ChildSet.all(replicas), fresh, tieBreak);
        ChildSet takers = outcomes.takers();
        switch (verdict.type()) {
            case ACKNOWLEDGED -> {
                assertThat(takers.intersect(fresh).isEmpty()).as("a fresh copy took it")
                        .isFalse();
                assertThat(verdict.blame()).isEqualTo(ChildSet.all(replicas).minus(takers));
                if (quorum == Quorum.AUTO && replicas == 3) {
                    assertThat(takers.size()).as("a majority of three").isGreaterThanOrEqualTo(2);
                }
                if (quorum == Quorum.AUTO && replicas == 2 && takers.size() == 1) {
                    assertThat(tieBreak).isEqualTo(WriteRules.TieBreak.RECORDED);
                }
            }
            case ASK_TIE_BREAKER -> {
                assertThat(tieBreak).isEqualTo(WriteRules.TieBreak.NOT_ASKED);
                assertThat(replicas).isEqualTo(2);
                assertThat(takers.size()).isEqualTo(1);
                assertThat(verdict.staleChild()).isNotIn(takers.first());
            }
            case REFUSED -> {
                assertThat(verdict.errno()).isPositive();
                if (verdict.selfBlame()) {
                    assertThat(takers.isEmpty()).isFalse();
                    assertThat(fresh.minus(takers).isEmpty()).isFalse();
                }
                if (takers.isEmpty() && outcomes.failed().size() > 0 && allSame(outcomeCodes)) {
                    assertThat(verdict.errno()).isEqualTo(outcomes.failed().isEmpty()
                            ? 0
                            : outcomeCodes[outcomes.failed().first()]);
                }
            }
        }
    }

    private static boolean allSame(int[] codes) {
        int seen = 0;
        for (int code : codes) {
            if (code > 0) {
                if (seen != 0 && code != seen) {
                    return false;
                }
                seen = code;
            }
        }
        return true;
    }

    static String shown(Verdict verdict) {
        return switch (verdict.type()) {
            case ACKNOWLEDGED -> verdict.blame().isEmpty()
                    ? "ack"
                    : "ack " + csv(verdict.blame());
            case ASK_TIE_BREAKER -> "ask " + verdict.staleChild();
            case REFUSED -> Errno.name(verdict.errno()) + (verdict.selfBlame() ? " self" : "");
        };
    }

    private static String csv(ChildSet set) {
        StringBuilder text = new StringBuilder();
        for (int child : set.indexes()) {
            text.append(text.isEmpty() ? "" : ",").append(child);
        }
        return text.toString();
    }

    static Quorum quorum(String text) {
        return switch (text.trim()) {
            case "auto" -> Quorum.AUTO;
            case "none" -> Quorum.NONE;
            default -> Quorum.fixed(Integer.parseInt(text.trim().substring("fixed".length())));
        };
    }

    static ChildSet children(String text) {
        ChildSet set = ChildSet.NONE;
        if (text == null || text.isBlank()) {
            return set;
        }
        for (String child : text.trim().split(",")) {
            set = set.with(Integer.parseInt(child.trim()));
        }
        return set;
    }

    static Outcomes outcomes(String text) {
        String[] words = text.trim().split(" +");
        int[] codes = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            codes[i] = switch (words[i]) {
                case "took" -> Outcomes.TOOK;
                case "-" -> Outcomes.NOT_SENT;
                case "ENOSPC" -> Errno.ENOSPC;
                case "ENOTCONN" -> Errno.ENOTCONN;
                case "EEXIST" -> Errno.EEXIST;
                case "ENOENT" -> Errno.ENOENT;
                default -> throw new IllegalArgumentException(words[i]);
            };
        }
        return Outcomes.of(codes);
    }

    static WriteRules.TieBreak tieBreak(String text) {
        return switch (text.trim()) {
            case "not-asked" -> WriteRules.TieBreak.NOT_ASKED;
            case "recorded" -> WriteRules.TieBreak.RECORDED;
            default -> WriteRules.TieBreak.REFUSED;
        };
    }
}
