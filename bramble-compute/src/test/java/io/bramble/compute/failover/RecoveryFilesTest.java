package io.bramble.compute.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryFilesTest {
    private static final String WORKER_1 = "worker_worker-20261207061502-10.0.0.1-40123";
    private static final String WORKER_2 = "worker_worker-20261207061503-node-2.lan-40999";
    private static final String APP = "app_app-20261207061810-0000";
    private static final String DRIVER = "driver_driver-20261207061810-0001";

    @Test
    void spark_sFileNamesAreRecognisedAndAWorkersHostIsReadFromItsId() {
        assertThat(RecoveryFiles.isRecoveryFile(WORKER_1)).isTrue();
        assertThat(RecoveryFiles.isRecoveryFile(APP)).isTrue();
        assertThat(RecoveryFiles.isRecoveryFile(DRIVER)).isTrue();
        assertThat(RecoveryFiles.isRecoveryFile("../etc/passwd")).isFalse();
        assertThat(RecoveryFiles.isRecoveryFile("app_")).isFalse();
        assertThat(RecoveryFiles.isRecoveryFile(".app_x.tmp")).isFalse();
        assertThat(RecoveryFiles.workerHost(WORKER_1)).contains("10.0.0.1");
        assertThat(RecoveryFiles.workerHost(WORKER_2)).contains("node-2.lan");
        assertThat(RecoveryFiles.workerHost(APP)).isEmpty();
    }

    @Test
    void aMasterTakingOverRecoversEverythingButTheWorkersOfHostsThatAreGone() {
        Map<String, byte[]> records = Map.of(WORKER_1, bytes("w1"), WORKER_2, bytes("w2"),
                APP, bytes("app"), DRIVER, bytes("driver"), "stray", bytes("x"));
        assertThat(RecoveryFiles.toRecover(records, Set.of("node-2.lan")).keySet())
                .containsExactly(APP, DRIVER, WORKER_2);
        assertThat(RecoveryFiles.toRecover(records, Set.of("10.0.0.1", "node-2.lan"))
                .keySet()).containsExactly(APP, DRIVER, WORKER_1, WORKER_2);
    }

    @Test
    void theStoreIsMadeToHoldExactlyTheFolder() {
        Map<String, byte[]> folder = Map.of(WORKER_1, bytes("w1"), APP, bytes("app v2"),
                "notes.txt", bytes("not Spark's"));
        Map<String, byte[]> stored = Map.of(WORKER_1, bytes("w1"), APP, bytes("app v1"),
                WORKER_2, bytes("w2"));
        RecoveryFiles.Sync sync = RecoveryFiles.sync(folder, stored);
        assertThat(sync.puts().keySet()).containsExactly(APP);
        assertThat(sync.puts().get(APP)).isEqualTo(bytes("app v2"));
        assertThat(sync.deletes()).containsExactly(WORKER_2);
        assertThat(RecoveryFiles.sync(Map.of(WORKER_1, bytes("w1")), Map.of(WORKER_1,
                bytes("w1"))).isEmpty()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
