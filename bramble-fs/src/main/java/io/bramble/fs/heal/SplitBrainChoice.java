package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.replicate.ChildSet;
import java.util.List;

/**
 * The rules a user names in {@code volume heal NAME split-brain ...}, with Gluster's meaning:
 * unlike a {@link FavoriteChildPolicy}, a tie is refused with Gluster's words rather than
 * settled by the copies' order, since the user asked for the one bigger or newer copy.
 */
public final class SplitBrainChoice {
    /** Gluster's refusal when the biggest size is shared. */
    public static final String NO_BIGGER_FILE = "No bigger file";
    /** Gluster's refusal when the latest modification time is shared. */
    public static final String NO_DIFFERENCE_IN_MTIME = "No difference in mtime";

    private SplitBrainChoice() {
    }

    /** {@code bigger-file}: the one copy bigger than every other. */
    public static SourceRule biggerFile() {
        return copies -> only(CopyRanking.highest(copies, Attr::sizeBytes), NO_BIGGER_FILE);
    }

    /** {@code latest-mtime}: the one copy modified after every other. */
    public static SourceRule latestMtime() {
        return copies -> only(CopyRanking.highest(copies, Attr::mtimeNs),
                NO_DIFFERENCE_IN_MTIME);
    }

    /** {@code source-brick}: copy {@code copy} of the set, whatever the others hold. */
    public static SourceRule sourceBrick(int copy) {
        return copies -> copy >= 0 && copy < copies.size()
                ? SourcePick.of(copy)
                : SourcePick.refused("Invalid brick name");
    }

    private static SourcePick only(ChildSet highest, String tie) {
        return highest.size() == 1 ? SourcePick.of(highest.first()) : SourcePick.refused(tie);
    }
}
