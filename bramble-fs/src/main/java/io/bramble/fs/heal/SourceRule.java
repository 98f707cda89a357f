package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import java.util.List;

/**
 * Chooses the copy a file in split-brain (every copy blamed by another) is healed from, from
 * the copies' attributes alone: the volume's {@link FavoriteChildPolicy}, or the rule a user
 * names in {@code volume heal NAME split-brain ...} ({@link SplitBrainChoice}). Pure.
 */
public interface SourceRule {
    /**
     * @param copies the attributes of every copy of the set, in the set's order; all hold the
     *     file, one regular file (one id)
     */
    SourcePick pick(List<Attr> copies);
}
