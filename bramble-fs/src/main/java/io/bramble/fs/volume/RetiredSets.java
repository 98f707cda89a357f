package io.bramble.fs.volume;

import io.bramble.common.check.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The subvolumes {@code remove-brick} took or is taking from a volume, by their numbers (the
 * {@code N} of {@code VOLUME-replicate-N}): layouts name subvolumes, so a number, once given,
 * is never given to another subvolume. The volume's sets are numbered in order from 0,
 * skipping {@code removed}; {@code decommissioned} ones are still in the volume while their
 * files move off them, and new files are no longer placed on them.
 *
 * @param removed numbers of subvolumes removed for good, ascending
 * @param decommissioned numbers of subvolumes being emptied, ascending
 */
public record RetiredSets(List<Integer> removed, List<Integer> decommissioned) {
    /** A volume that never lost a subvolume. */
    public static final RetiredSets NONE = new RetiredSets(List.of(), List.of());
    /** Most numbers kept: every brick a volume may have had, twice over. */
    public static final int NUMBERS_MAX = 2 * VolumeSpec.BRICKS_MAX;

    public RetiredSets {
        removed = List.copyOf(removed);
        decommissioned = List.copyOf(decommissioned);
        Checks.argument(ascending(removed) && ascending(decommissioned),
                "retired subvolume numbers must be ascending, distinct and not negative");
        Checks.argument(removed.size() <= NUMBERS_MAX, "at most " + NUMBERS_MAX
                + " removed subvolumes");
        Checks.argument(decommissioned.stream().noneMatch(removed::contains),
                "a removed subvolume is not decommissioned");
    }

    private static boolean ascending(List<Integer> numbers) {
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) < 0 || i > 0 && numbers.get(i) <= numbers.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The number of the volume's subvolume at position {@code index}. */
    public int number(int index) {
        int number = index;
        for (int gone : removed) {
            if (gone <= number) {
                number++;
            }
        }
        return number;
    }

    /** Whether the subvolume numbered {@code number} is being emptied. */
    public boolean isDecommissioned(int number) {
        return decommissioned.contains(number);
    }

    /** These, with {@code numbers} decommissioned (and no others). */
    public RetiredSets withDecommissioned(List<Integer> numbers) {
        return new RetiredSets(removed, numbers.stream().sorted().distinct().toList());
    }

    /** These, with {@code numbers} removed for good and no longer decommissioned. */
    public RetiredSets withRemoved(List<Integer> numbers) {
        List<Integer> all = new ArrayList<>(removed);
        all.addAll(numbers);
        return new RetiredSets(all.stream().sorted().distinct().toList(), decommissioned
                .stream().filter(n -> !numbers.contains(n)).toList());
    }
}
