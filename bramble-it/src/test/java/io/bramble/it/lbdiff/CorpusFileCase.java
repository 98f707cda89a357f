package io.bramble.it.lbdiff;

import java.util.List;

/**
 * A corpus file run side by side, and why it was chosen.
 *
 * @param file its name under {@code corpus/haproxy}
 * @param why the rules it exercises
 * @param probes the requests sent to both proxies
 */
record CorpusFileCase(String file, String why, List<CorpusProbe> probes) {
    CorpusFileCase {
        probes = List.copyOf(probes);
    }
}
