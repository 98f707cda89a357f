package io.bramble.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionalLineTest {
    @Test
    void aLineWithoutConditionIsReadAsItIs() {
        assertThat(ConditionalLine.keptText("    priority 100", "lb1"))
                .isEqualTo("    priority 100");
        assertThat(ConditionalLine.keptText("", "lb1")).isEmpty();
    }

    @Test
    void anAtLineIsReadOnlyForItsId() {
        assertThat(ConditionalLine.keptText("  @lb1 priority 150", "lb1"))
                .isEqualTo(" priority 150");
        assertThat(ConditionalLine.keptText("  @lb1 priority 150", "lb2")).isNull();
        assertThat(ConditionalLine.keptText("@lb1 priority 150", "lb")).isNull();
        assertThat(ConditionalLine.keptText("\t@lb1\tpriority 150", "lb1"))
                .isEqualTo("\tpriority 150");
    }

    @Test
    void aNegatedLineIsReadForEveryOtherId() {
        assertThat(ConditionalLine.keptText("@^lb1 priority 150", "lb1")).isNull();
        assertThat(ConditionalLine.keptText("@^lb1 priority 150", "lb2"))
                .isEqualTo(" priority 150");
        assertThat(ConditionalLine.keptText("@^lb1 priority 150", "")).isEqualTo(
                " priority 150");
    }

    @Test
    void aBareAtNamesNoIdAndABareNegationNamesNoneToExclude() {
        assertThat(ConditionalLine.keptText("@ nopreempt", "")).isNull();
        assertThat(ConditionalLine.keptText("@ nopreempt", "lb1")).isNull();
        assertThat(ConditionalLine.keptText("@^ nopreempt", "lb1")).isEqualTo(" nopreempt");
    }

    @Test
    void theIdEndsAtACommentSign() {
        assertThat(ConditionalLine.keptText("@lb1#note", "lb1")).isEqualTo("#note");
        assertThat(ConditionalLine.keptText("@lb1!note", "lb2")).isNull();
    }
}
