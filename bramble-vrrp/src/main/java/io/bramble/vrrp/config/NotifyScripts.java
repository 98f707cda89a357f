package io.bramble.vrrp.config;

/**
 * Commands run on state changes; each is {@link Command#NONE} when not configured.
 * {@code notify} gets four more arguments, as in keepalived: {@code INSTANCE|GROUP}, the
 * name, the new state ({@code MASTER}, {@code BACKUP}, {@code FAULT} or {@code STOP}) and the
 * priority.
 */
public record NotifyScripts(Command master, Command backup, Command fault, Command stop,
        Command any) {
    public static NotifyScripts none() {
        return new NotifyScripts(Command.NONE, Command.NONE, Command.NONE, Command.NONE,
                Command.NONE);
    }
}
