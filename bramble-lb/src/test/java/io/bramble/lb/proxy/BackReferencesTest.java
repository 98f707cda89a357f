package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BackReferencesTest {
    private static Matcher match(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).isTrue();
        return matcher;
    }

    @Test
    void groupsTheMatchEscapesAndTheRest() {
        Matcher m = match("/(a)(x)?/(b)", "/p/a/b/q");
        assertThat(BackReferences.expand("[\\0][\\1][\\2][\\3][\\9]", m, 100))
                .isEqualTo("[/a/b][a][][b][]");
        assertThat(BackReferences.expand("\\x41\\\\\\q%", m, 100)).isEqualTo("A\\q%");
    }

    @Test
    void aBrokenOrTooLongReplacementFails() {
        Matcher m = match("(a)", "a");
        assertThatThrownBy(() -> BackReferences.expand("x\\", m, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackReferences.expand("\\x4", m, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackReferences.expand("\\1\\1\\1", m, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
