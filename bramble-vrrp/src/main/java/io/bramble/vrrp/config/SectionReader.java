package io.bramble.vrrp.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.Diagnostics;
import java.util.List;

/**
 * Top-level blocks of keepalived.conf that another part of bramble reads (the LVS virtual
 * servers): {@link KeepalivedConfigParser} hands it each statement whose keyword it names,
 * then calls {@link #finish} once the file is read and before errors are reported, so that
 * the errors of every block show in one run. One reader reads one file.
 */
public interface SectionReader {
    /** The top-level keywords this reader takes over ({@code virtual_server}). */
    List<String> keywords();

    /** Reads one statement; errors and warnings go to {@code diagnostics}. */
    void read(Args args, Diagnostics diagnostics);

    /** The whole file is read: checks that span blocks. */
    void finish(Diagnostics diagnostics);
}
