package io.bramble.lvs.service;

import io.bramble.lvs.config.RealServerConfig;
import io.bramble.lvs.schedule.Destination;
import java.util.Arrays;

/**
 * A real server's health as its checkers report it: up while every checker passes (always,
 * with none), and the weight {@code misc_dynamic} set. Guarded by its virtual service.
 */
final class RealServer {
    final RealServerConfig config;
    final Destination destination;
    private final boolean[] checksUp;
    /** The weight a dynamic MISC_CHECK set; -1 for the configured one. */
    int dynamicWeight = -1;

    RealServer(RealServerConfig config) {
        this.config = config;
        this.destination = new Destination(config.address(), config.weight());
        this.checksUp = new boolean[config.checks().size()];
        Arrays.fill(checksUp, !config.alpha());
    }

    boolean up() {
        for (boolean checkUp : checksUp) {
            if (!checkUp) {
                return false;
            }
        }
        return true;
    }

    void checkUp(int check, boolean value) {
        checksUp[check] = value;
    }

    /** The weight it serves with while up. */
    int weightUp() {
        return dynamicWeight >= 0 ? dynamicWeight : config.weight();
    }

    String name() {
        return destination.toString();
    }
}
