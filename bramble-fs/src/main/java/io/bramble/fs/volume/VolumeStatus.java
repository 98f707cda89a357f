package io.bramble.fs.volume;

/** A volume's {@code Status:} as {@code volume info} prints it. */
public enum VolumeStatus {
    CREATED("Created"), STARTED("Started"), STOPPED("Stopped");

    private final String shown;

    VolumeStatus(String shown) {
        this.shown = shown;
    }

    public String shown() {
        return shown;
    }
}
