package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * {@code cluster.favorite-child-policy}: how self-heal settles a file in split-brain by itself,
 * with Gluster's choices. Copies that tie on the policy's measure go to the lowest-numbered of
 * them, as in Gluster (the copies of a tie are alike by the measure the user chose).
 */
public enum FavoriteChildPolicy implements SourceRule {
    /** Split-brains are left for the user ({@code volume heal NAME split-brain ...}). */
    NONE {
        @Override
        public SourcePick pick(List<Attr> copies) {
            return SourcePick.refused("no favorite-child policy");
        }
    },
    /** The biggest copy wins. */
    SIZE {
        @Override
        public SourcePick pick(List<Attr> copies) {
            return first(copies, Attr::sizeBytes);
        }
    },
    /** The copy changed last (status change time) wins. */
    CTIME {
        @Override
        public SourcePick pick(List<Attr> copies) {
            return first(copies, Attr::ctimeNs);
        }
    },
    /** The copy whose data were written last wins. */
    MTIME {
        @Override
        public SourcePick pick(List<Attr> copies) {
            return first(copies, Attr::mtimeNs);
        }
    },
    /**
     * The copy that more than half of the set's copies agree with (same size, same mtime to
     * the second) wins; with no such majority the file stays in split-brain.
     */
    MAJORITY {
        @Override
        public SourcePick pick(List<Attr> copies) {
            return CopyRanking.majority(copies).stream().mapToObj(SourcePick::of).findFirst()
                    .orElse(SourcePick.refused("no copy is agreed on by a majority"));
        }
    };

    /** The policy a value of the option names (any case); empty for any other word. */
    public static Optional<FavoriteChildPolicy> of(String value) {
        for (FavoriteChildPolicy policy : values()) {
            if (policy.value().equals(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /** The option's value for this policy, as Gluster spells it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static SourcePick first(List<Attr> copies, ToLongFunction<Attr> measure) {
        return SourcePick.of(CopyRanking.highest(copies, measure).first());
    }
}
