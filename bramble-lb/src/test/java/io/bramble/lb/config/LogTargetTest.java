package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogTargetTest {
    private static LogTarget target(String line) {
        return new HaproxyConfigParser(Map.of(), false).parse("log.cfg", "global\n  " + line
                + "\n").global().logTargets().getFirst();
    }

    @Test
    void withoutALevelEveryMessageGoesAtItsOwnLevel() {
        LogTarget all = target("log 127.0.0.1 local0");
        assertThat(all.levelMax()).isEqualTo(LogLevel.DEBUG);
        assertThat(all.levelMin()).isEqualTo(LogLevel.EMERG);
        for (LogLevel level : LogLevel.values()) {
            assertThat(all.sentAs(level)).contains(level);
        }
    }

    @Test
    void theLevelIsTheLeastSevereOneSent() {
        LogTarget notice = target("log 127.0.0.1 local0 notice");
        assertThat(notice.sentAs(LogLevel.INFO)).isEmpty();
        assertThat(notice.sentAs(LogLevel.DEBUG)).isEmpty();
        assertThat(notice.sentAs(LogLevel.NOTICE)).contains(LogLevel.NOTICE);
        assertThat(notice.sentAs(LogLevel.EMERG)).contains(LogLevel.EMERG);
        assertThat(notice.sentAs(LogLevel.TRAFFIC)).as("traffic lines are info").isEmpty();
        assertThat(target("log 127.0.0.1 local0 info").sentAs(LogLevel.TRAFFIC))
                .contains(LogLevel.INFO);
    }

    @Test
    void theMinimumLevelCapsMoreSevereMessagesAndDropsNone() {
        LogTarget capped = target("log 127.0.0.1 local0 info notice");
        assertThat(capped.levelMax()).isEqualTo(LogLevel.INFO);
        assertThat(capped.levelMin()).isEqualTo(LogLevel.NOTICE);
        assertThat(capped.sentAs(LogLevel.EMERG)).contains(LogLevel.NOTICE);
        assertThat(capped.sentAs(LogLevel.ERR)).contains(LogLevel.NOTICE);
        assertThat(capped.sentAs(LogLevel.NOTICE)).contains(LogLevel.NOTICE);
        assertThat(capped.sentAs(LogLevel.INFO)).contains(LogLevel.INFO);
        assertThat(capped.sentAs(LogLevel.DEBUG)).isEmpty();
    }

    @Test
    void aMinimumLessSevereThanTheMaximumSendsEverythingAtTheMinimum() {
        // HAProxy accepts this order too: the filter comes first, then the cap.
        LogTarget odd = target("log 127.0.0.1 local0 notice info");
        assertThat(odd.sentAs(LogLevel.INFO)).isEmpty();
        assertThat(odd.sentAs(LogLevel.NOTICE)).contains(LogLevel.INFO);
        assertThat(odd.sentAs(LogLevel.ALERT)).contains(LogLevel.INFO);
    }

    @Test
    void levelsAreReadAfterLenAndFormatAndInProxies() {
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("p.cfg", """
                listen web
                  bind 127.0.0.1:8080
                  log 127.0.0.1:5140 len 2048 local3 err
                  server s1 127.0.0.1:8081
                """);
        LogTarget target = config.proxies().getFirst().log().targets().getFirst();
        assertThat(target.facility()).isEqualTo("local3");
        assertThat(target.lineBytesMax()).isEqualTo(2048);
        assertThat(target.levelMax()).isEqualTo(LogLevel.ERR);
        assertThat(target.sentAs(LogLevel.WARNING)).isEqualTo(Optional.empty());
    }

    @Test
    void anUnknownLevelIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> target("log 127.0.0.1 local0 loud"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("log.cfg:2")
                .hasMessageContaining("loud");
        assertThatThrownBy(() -> target("log 127.0.0.1 local0 info quiet"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("log.cfg:2")
                .hasMessageContaining("quiet");
    }
}
