package io.bramble.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code bramble --version}: the build's version and the Java running it. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"bramble " + number(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The build's version, such as 0.1.0-SNAPSHOT. */
    public static String number() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
