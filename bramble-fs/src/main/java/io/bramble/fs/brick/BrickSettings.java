package io.bramble.fs.brick;

import io.bramble.common.check.Checks;
import io.bramble.common.os.ProcessUser;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * How a brick runs.
 *
 * @param asRoot whether the brick has root's powers: files take the caller's ownership and
 *     bramble's attributes are stored as {@code trusted.bramble.*}; without it files belong to
 *     the brick's user and the attributes are stored as {@code user.bramble.*}
 * @param handlesMax open files at once; more fail with EMFILE
 * @param random the source of the ids given to files found without one
 */
public record BrickSettings(boolean asRoot, int handlesMax, RandomGenerator random) {
    public static final int HANDLES_MAX_DEFAULT = 65_536;

    public BrickSettings {
        Checks.inRange(handlesMax, 1, 1 << 24, "handlesMax");
    }

    /** Root's powers when this process has them, the default bound, secure randomness. */
    public static BrickSettings defaults() {
        return new BrickSettings(ProcessUser.isRoot(), HANDLES_MAX_DEFAULT, new SecureRandom());
    }

    public BrickSettings withAsRoot(boolean newAsRoot) {
        return new BrickSettings(newAsRoot, handlesMax, random);
    }

    public BrickSettings withHandlesMax(int newHandlesMax) {
        return new BrickSettings(asRoot, newHandlesMax, random);
    }

    public BrickSettings withRandom(RandomGenerator newRandom) {
        return new BrickSettings(asRoot, handlesMax, newRandom);
    }
}
