package io.bramble.fs.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameVoteTest {
    static Attr file(long id) {
        return new Attr(new FileId(7, id), 0100644, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static Attr folder(long id) {
        return new Attr(new FileId(7, id), 040755, 2, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static Map<String, Attr> names(Object... nameThenAttr) {
        Map<String, Attr> names = new HashMap<>();
        for (int i = 0; i < nameThenAttr.length; i += 2) {
            names.put((String) nameThenAttr[i], (Attr) nameThenAttr[i + 1]);
        }
        return names;
    }

    @Test
    void namesEveryCopyHoldsAlikeNeedNoVote() {
        Map<String, Attr> same = names("a", file(1), "d", folder(2));
        assertThat(NameVote.decide(List.of(same, same, same))).contains(List.of());
    }

    @Test
    void aNameMostCopiesHoldStaysAndOneOnlyACopyHoldsGoes() {
        Optional<List<NameVote.Winner>> winners = NameVote.decide(List.of(
                names("kept", file(1), "lone", file(2)),
                names("kept", file(1)),
                names()));

        assertThat(winners).contains(List.of(
                new NameVote.Winner("kept", file(1), 0),
                new NameVote.Winner("lone", null, -1)));
    }

    @Test
    void aNameHeldAsAnotherFileOrTypeGoesToTheMajoritysFile() {
        Optional<List<NameVote.Winner>> winners = NameVote.decide(List.of(
                names("n", file(1)),
                names("n", file(2)),
                names("n", file(2)),
                names("n", folder(2))));

        assertThat(winners).isEmpty();
        winners = NameVote.decide(List.of(
                names("n", file(1)),
                names("n", file(2)),
                names("n", file(2))));
        assertThat(winners).contains(List.of(new NameVote.Winner("n", file(2), 1)));
    }

    @Test
    void aNameWithoutAMajorityLeavesTheFolderUndecided() {
        assertThat(NameVote.decide(List.of(
                names("n", file(1)),
                names("n", file(2)),
                names()))).isEmpty();
    }
}
