package io.bramble.fs.volume.spec;

import io.bramble.common.check.Checks;
import io.bramble.fs.volume.VolumeSpec;
import java.util.List;

/**
 * A volume as a mount client needs it: its definition, and one endpoint per brick in the
 * volume's brick order (so replica sets are consecutive, as in the definition).
 */
public record ClientSpec(VolumeSpec volume, List<BrickEndpoint> endpoints) {
    public ClientSpec {
        endpoints = List.copyOf(endpoints);
        Checks.argument(endpoints.size() == volume.bricks().size(),
                "one endpoint per brick");
        for (int i = 0; i < endpoints.size(); i++) {
            Checks.argument(endpoints.get(i).brick().equals(volume.bricks().get(i)),
                    "endpoints in brick order");
        }
    }
}
