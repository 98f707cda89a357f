package io.bramble.vrrp.config;

import java.util.List;

/**
 * Commands run on state changes; each is empty when not configured. {@code notify} gets four
 * more arguments, as in keepalived: {@code INSTANCE|GROUP}, the name, the new state
 * ({@code MASTER}, {@code BACKUP}, {@code FAULT} or {@code STOP}) and the priority.
 */
public record NotifyScripts(List<String> master, List<String> backup, List<String> fault,
        List<String> stop, List<String> any) {
    public NotifyScripts {
        master = List.copyOf(master);
        backup = List.copyOf(backup);
        fault = List.copyOf(fault);
        stop = List.copyOf(stop);
        any = List.copyOf(any);
    }

    public static NotifyScripts none() {
        return new NotifyScripts(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
