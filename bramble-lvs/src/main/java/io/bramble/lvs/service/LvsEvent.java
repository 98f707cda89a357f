package io.bramble.lvs.service;

import io.bramble.vrrp.config.Command;

/** What a change of a virtual service asks its shell to do. */
public sealed interface LvsEvent {
    /** A line for the log. */
    record Log(String line) implements LvsEvent {}

    /** A notify or quorum script to run. */
    record RunScript(Command command, String why) implements LvsEvent {}
}
