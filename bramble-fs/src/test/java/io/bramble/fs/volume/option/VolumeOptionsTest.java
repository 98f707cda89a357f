package io.bramble.fs.volume.option;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.heal.FavoriteChildPolicy;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeOptionsTest {
    private static VolumeSpec replica(int count, Map<String, String> options) {
        List<Brick> bricks = java.util.stream.IntStream.range(0, count).mapToObj(
                i -> new Brick("h" + i, "/b", UUID.randomUUID())).toList();
        return new VolumeSpec("gv0", UUID.randomUUID(), count, false, "tcp", bricks,
                VolumeStatus.CREATED, options);
    }

    @Test
    void theTableIsSortedAndEveryOptionHasAWorkingDefault() {
        List<VolumeOption> all = VolumeOptions.all();
        assertThat(all).extracting(VolumeOption::name).isSorted().doesNotHaveDuplicates()
                .contains("cluster.quorum-type", "network.ping-timeout", "auth.allow");
        VolumeSpec replica = replica(3, Map.of());
        // A stripe over replica sets of 3, never started: every option applies to it.
        VolumeSpec volume = new VolumeSpec("gv0", UUID.randomUUID(), 2, 3, false, "tcp",
                java.util.stream.Stream.concat(replica.bricks().stream(), replica(3, Map.of())
                        .bricks().stream()).toList(),
                VolumeStatus.CREATED, Map.of());
        for (VolumeOption o : all) {
            String value = o.defaultValue().apply(volume);
            if (!value.equals("(null)")) {
                assertThat(VolumeOptions.problem(o, value, volume)).as(o.name()).isEmpty();
            }
            assertThat(o.description()).as(o.name()).isNotBlank().endsWith(".");
        }
    }

    /**
     * Gluster's bounds (16KB at least, whole sectors), on stripe volumes only, and only
     * before the first start: files striped since keep the block they were written with.
     */
    @Test
    void stripeBlockSizeIsCheckedAndReadInBytes() {
        VolumeOption option = VolumeOptions.resolve("stripe-block-size").orElseThrow();
        List<Brick> bricks = replica(4, Map.of()).bricks();
        VolumeSpec stripe = new VolumeSpec("gv0", UUID.randomUUID(), 2, 2, false, "tcp", bricks,
                VolumeStatus.CREATED, Map.of());
        assertThat(VolumeOptions.problem(option, "1MB", stripe)).isEmpty();
        assertThat(VolumeOptions.problem(option, "16384", stripe)).isEmpty();
        assertThat(VolumeOptions.problem(option, "8KB", stripe)).isPresent();
        assertThat(VolumeOptions.problem(option, "20000", stripe)).isPresent();
        assertThat(VolumeOptions.problem(option, "2GB", stripe)).isPresent();
        assertThat(VolumeOptions.problem(option, "1MB", stripe.withStatus(
                VolumeStatus.STOPPED))).get().asString().contains("never started");
        assertThat(VolumeOptions.problem(option, "1MB", replica(2, Map.of()))).get()
                .asString().contains("a stripe volume (gv0 is Replicate)");
        assertThat(VolumeOptions.stripeBlockSizeBytes(stripe)).isEqualTo(128 * 1024);
        assertThat(VolumeOptions.stripeBlockSizeBytes(stripe.withOptions(Map.of(
                "cluster.stripe-block-size", "1MB")))).isEqualTo(1 << 20);
    }

    @Test
    void fullNamesAndGlustersShortNamesResolve() {
        assertThat(VolumeOptions.resolve("network.ping-timeout")).get().extracting(
                VolumeOption::name).isEqualTo("network.ping-timeout");
        assertThat(VolumeOptions.resolve("ping-timeout")).get().extracting(VolumeOption::name)
                .isEqualTo("network.ping-timeout");
        assertThat(VolumeOptions.resolve("Cluster.Quorum-Type")).isPresent();
        assertThat(VolumeOptions.resolve("client.ssl")).isPresent();
        assertThat(VolumeOptions.resolve("performance.client-io-threads")).isEmpty();
    }

    @Test
    void anUnknownOptionGetsGlustersLineAndTheNearestNames() {
        assertThat(VolumeOptions.unknown("cluster.quorm-type")).isEqualTo(
                "option : cluster.quorm-type does not exist\nDid you mean cluster.quorum-type?");
        assertThat(VolumeOptions.unknown("network.pingtimeout")).isEqualTo(
                "option : network.pingtimeout does not exist\nDid you mean"
                        + " network.ping-timeout?");
        assertThat(VolumeOptions.unknown("performance.write-behnd")).endsWith(
                "Did you mean performance.write-behind?");
        assertThat(VolumeOptions.unknown("features.shard")).isEqualTo(
                "option : features.shard does not exist");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                    "cluster.quorum-type|fixed|",
                    "cluster.quorum-type|majority|expected one of none, auto, fixed",
                    "cluster.quorum-count|3|",
                    "cluster.quorum-count|4|expected a count from 1 to the replica count, 3",
                    "network.ping-timeout|10|",
                    "network.ping-timeout|1.5|",
                    "network.ping-timeout|0|expected seconds from 0.5 to 1013",
                    "network.ping-timeout|ten|expected seconds from 0.5 to 1013",
                    "network.ping-timeout|1e3|expected seconds from 0.5 to 1013",
                    "performance.write-behind|off|",
                    "performance.write-behind|Enable|",
                    "performance.flush-behind|maybe|expected on or off",
                    "nfs.disable|on|",
                    "nfs.disable|off|expected on (bramble has no NFS server)",
                    "auth.allow|192.168.1.*,10.0.0.0/8,gluster1.local|",
                    "auth.allow|a b|expected at most 1024 printable characters, without spaces",
                    "auth.allow|a;b|expected a comma-separated list",
                    "auth.reject|192.168.1.66,moses|",
                    "auth.reject|a;b|expected a comma-separated list",
                    "client.ssl|on|",
                    "server.ssl|enable|",
                    "client.ssl|off|expected on (bramble's bricks and mount clients always talk"
                            + " TLS with the pool's certificates)",
                    "server.ssl|no|expected on (bramble's bricks and mount clients always talk"
                            + " TLS",
                    "storage.owner-uid|36|",
                    "storage.owner-uid|-2|expected a user id from -1 to 2147483647",
                    "cluster.favorite-child-policy|mtime|",
                    "cluster.favorite-child-policy|MAJORITY|",
                    "cluster.favorite-child-policy|newest|expected one of none, size, ctime,"
                            + " mtime, majority",
                    "cluster.min-free-disk|5%|",
                    "cluster.min-free-disk|5GB|",
                    "cluster.min-free-disk|500%|expected a percentage (10%) or a size (5GB)"})
    void valuesAreChecked(String name, String value, String problem) {
        VolumeOption option = VolumeOptions.resolve(name).orElseThrow();
        var found = VolumeOptions.problem(option, value, replica(3, Map.of()));
        if (problem == null) {
            assertThat(found).as(name + " " + value).isEmpty();
        } else {
            assertThat(found).get().asString().startsWith("'" + value
                    + "' is not a valid value for " + name + ": ").contains(problem);
        }
    }

    @Test
    void defaultsFollowTheVolumeAndAreMarked() {
        VolumeOption quorum = VolumeOptions.resolve("cluster.quorum-type").orElseThrow();
        assertThat(VolumeOptions.shown(quorum, replica(3, Map.of()))).isEqualTo(
                "auto (DEFAULT)");
        assertThat(VolumeOptions.shown(quorum, replica(2, Map.of()))).isEqualTo(
                "none (DEFAULT)");
        assertThat(VolumeOptions.shown(quorum, replica(2, Map.of("cluster.quorum-type",
                "fixed")))).isEqualTo("fixed");
        assertThat(VolumeOptions.value("storage.owner-uid", replica(2, Map.of()))).isEqualTo(
                "-1");
        assertThat(VolumeOptions.favoriteChildPolicy(replica(2, Map.of()))).isEqualTo(
                FavoriteChildPolicy.NONE);
        assertThat(VolumeOptions.favoriteChildPolicy(replica(2, Map.of(
                "cluster.favorite-child-policy", "Size")))).isEqualTo(FavoriteChildPolicy.SIZE);
    }

    @Test
    void aNewVolumeStartsWithWhatBrambleApplies() {
        assertThat(VolumeOptions.atCreate()).containsExactly(Map.entry("nfs.disable", "on"));
        assertThat(VolumeOptions.atCreate().keySet()).allMatch(k -> VolumeOptions.resolve(k)
                .orElseThrow().inEffect());
    }
}
