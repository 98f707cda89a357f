package io.bramble.cli.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PromptTest {
    private final StringWriter shown = new StringWriter();

    private Prompt.Answer answer(String typed) {
        return Prompt.ask("Stopping volume will make its data inaccessible. Do you want to"
                + " continue?", new BufferedReader(new StringReader(typed)),
                new PrintWriter(
                        shown, true));
    }

    @Test
    void asksAsGlusterDoes() {
        assertThat(answer("y\n")).isEqualTo(Prompt.Answer.YES);
        assertThat(shown.toString()).isEqualTo("Stopping volume will make its data"
                + " inaccessible. Do you want to continue? (y/n) ");
    }

    @Test
    void yesNoAndEverythingElse() {
        assertThat(answer("YES\n")).isEqualTo(Prompt.Answer.YES);
        assertThat(answer("n\n")).isEqualTo(Prompt.Answer.NO);
        assertThat(answer("no")).isEqualTo(Prompt.Answer.NO);
        assertThat(shown.toString()).doesNotContain("Invalid input");
        assertThat(answer("maybe\n")).isEqualTo(Prompt.Answer.NO);
        assertThat(shown.toString()).endsWith("Invalid input, please enter y/n\n");
        assertThat(answer("")).isEqualTo(Prompt.Answer.NO_INPUT);
    }
}
