package io.bramble.lb.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.check.AdminState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeCommandTest {
    private static RuntimeCommand parse(String line) {
        return RuntimeCommand.parse(StatsSocketServer.commands(line).getFirst());
    }

    @Test
    void readsHaproxyCommands() {
        assertThat(parse("show stat")).isEqualTo(new RuntimeCommand.ShowStat());
        assertThat(parse("show servers state")).isEqualTo(new RuntimeCommand.ShowServersState(
                Optional.empty()));
        assertThat(parse("show servers state app")).isEqualTo(
                new RuntimeCommand.ShowServersState(Optional.of("app")));
        assertThat(parse("disable server app/web1")).isEqualTo(new RuntimeCommand.SetState(
                "app", "web1", AdminState.MAINT));
        assertThat(parse("enable server app/web1")).isEqualTo(new RuntimeCommand.SetState(
                "app", "web1", AdminState.READY));
        assertThat(parse("set server app/web1 state drain")).isEqualTo(
                new RuntimeCommand.SetState("app", "web1", AdminState.DRAIN));
        assertThat(parse("set weight app/web1 50%")).isEqualTo(new RuntimeCommand.SetWeight(
                "app", "web1", 50, true));
        assertThat(parse("set server app/web1 weight 7")).isEqualTo(
                new RuntimeCommand.SetWeight("app", "web1", 7, false));
    }

    @Test
    void explainsMistakesInHaproxysWords() {
        assertThat(parse("disable server app")).isEqualTo(new RuntimeCommand.Invalid(
                "Require 'backend/server'."));
        assertThat(parse("set weight app/web1")).isEqualTo(new RuntimeCommand.Invalid(
                "Require <weight> or <weight%>."));
        assertThat(parse("set weight app/web1 257")).isEqualTo(new RuntimeCommand.Invalid(
                "Absolute weight can only be between 0 and 256 inclusive."));
        assertThat(parse("set server app/web1 state up")).isEqualTo(new RuntimeCommand.Invalid(
                "'set server <srv> state' expects 'ready', 'drain' and 'maint'."));
        assertThat(parse("frobnicate")).isInstanceOf(RuntimeCommand.Invalid.class);
    }

    @Test
    void splitsALineIntoCommands() {
        assertThat(StatsSocketServer.commands(" show info ;show  stat;; ")).isEqualTo(List.of(
                List.of("show", "info"), List.of("show", "stat")));
        assertThat(RuntimeApi.uptimeText(90_061)).isEqualTo("1d 1h01m01s");
    }
}
