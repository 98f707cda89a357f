package io.bramble.lvs.config;

import io.bramble.vrrp.config.KeepalivedConfigParser;
import io.bramble.vrrp.config.VrrpConfig;
import java.nio.file.Path;

/**
 * A whole keepalived.conf as {@code bramble vrrp} runs it: its VRRP part and its virtual
 * servers, read in one pass so that every error of the file is reported at once.
 */
public record KeepalivedFile(VrrpConfig vrrp, LvsConfig lvs) {
    /** Reads {@code file}; throws a ConfigException listing every error. */
    public static KeepalivedFile read(KeepalivedConfigParser parser, Path file) {
        LvsSections sections = new LvsSections();
        VrrpConfig vrrp = parser.parse(file, sections);
        return new KeepalivedFile(vrrp, sections.result());
    }

    /** Reads text named {@code fileName}, for tests and embedded configs. */
    public static KeepalivedFile read(KeepalivedConfigParser parser, String fileName,
            String text, Path directory) {
        LvsSections sections = new LvsSections();
        VrrpConfig vrrp = parser.parse(fileName, text, directory, sections);
        return new KeepalivedFile(vrrp, sections.result());
    }
}
