package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class PageSelectorTest {
    /** Pages read one after another list every name once, in order, whatever the disk order. */
    @Property
    void pagesConcatenateToTheSortedListing(
            @ForAll @Size(max = 60) Set<@StringLength(min = 1, max = 6) String> names,
            @ForAll @IntRange(min = 1, max = 10) int pageSize) {
        List<String> listed = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages <= names.size() + 1; pages++) {
            PageSelector page = new PageSelector(after, pageSize);
            names.forEach(page::offer);
            assertThat(page.names().size()).isLessThanOrEqualTo(pageSize);
            listed.addAll(page.names());
            if (page.complete()) {
                break;
            }
            after = page.names().getLast();
        }
        assertThat(listed).containsExactlyElementsOf(new TreeSet<>(names));
    }
}
