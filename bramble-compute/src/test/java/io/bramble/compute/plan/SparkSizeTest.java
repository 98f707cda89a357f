package io.bramble.compute.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkSizeTest {
    @Test
    void spark_sSizesInMib() {
        assertThat(SparkSize.mib("512m")).hasValue(512);
        assertThat(SparkSize.mib("512MB")).hasValue(512);
        assertThat(SparkSize.mib(" 2g ")).hasValue(2048);
        assertThat(SparkSize.mib("1t")).hasValue(1024 * 1024);
        assertThat(SparkSize.mib("1536")).as("a bare number is MiB").hasValue(1536);
        assertThat(SparkSize.mib("1048576k")).hasValue(1024);
        assertThat(SparkSize.mib("1k")).as("rounded up").hasValue(1);
        assertThat(SparkSize.mib("2.5g")).isEmpty();
        assertThat(SparkSize.mib("lots")).isEmpty();
        assertThat(SparkSize.mib("")).isEmpty();
        assertThat(SparkSize.mib("999999999999999999t")).as("too large").isEmpty();
    }
}
