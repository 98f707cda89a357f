package io.bramble.cli.lb;

import io.bramble.cli.site.LbWithVrrp;
import io.bramble.cli.site.VrrpOptions;
import io.bramble.common.config.ConfigException;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.proxy.LoadBalancer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bramble lb -c}: HAProxy 2.6's check mode. Every error and warning of the file is
 * printed on standard error, warnings too when there are errors; then HAProxy's closing lines
 * with the counts added, and HAProxy's exit codes: 0 valid, 1 errors, 2 valid but with proxies
 * of which none listens.
 */
final class LbCheck {
    static final int EXIT_VALID = 0;
    static final int EXIT_ERRORS = 1;
    static final int EXIT_NO_LISTENER = 2;

    private LbCheck() {
    }

    static int run(HaproxyConfigParser parser, Path file, VrrpOptions vrrp, PrintWriter out,
            PrintWriter err) {
        LbConfig config;
        try {
            config = parser.parse(file);
        } catch (ConfigException e) {
            e.diagnostics().forEach(d -> err.println("bramble lb: " + d));
            int errors = e.errors().size();
            return failed(file, errors, e.diagnostics().size() - errors, err);
        }
        List<String> warnings = new java.util.ArrayList<>(config.warnings());
        warnings.addAll(LoadBalancer.warnings(config));
        warnings.forEach(w -> err.println("bramble lb: " + w));
        List<String> problems = LoadBalancer.problems(config);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("bramble lb: " + p));
            return failed(file, problems.size(), warnings.size(), err);
        }
        err.flush();
        if (!warnings.isEmpty()) {
            out.println("Warnings were found (" + count(warnings.size(), "warning") + ").");
        }
        // As HAProxy 2.6: proxies and none listens is "will not start"; no proxy at all (a
        // distribution's default file, global and defaults only) is valid.
        if (!config.proxies().isEmpty() && config.frontends().stream().allMatch(f -> f.binds()
                .isEmpty())) {
            out.println("Configuration file has no error but will not start (no listener) "
                    + "=> exit(2).");
            out.flush();
            return EXIT_NO_LISTENER;
        }
        out.println("Configuration file is valid");
        out.flush();
        if (vrrp.enabled()) {
            LbWithVrrp.check(config, vrrp, out, err);
        }
        return EXIT_VALID;
    }

    private static int failed(Path file, int errors, int warnings, PrintWriter err) {
        err.println("Error(s) found in configuration file : " + file + " (" + count(errors,
                "error") + ", " + count(warnings, "warning") + ")");
        err.println("Fatal errors found in configuration.");
        err.flush();
        return EXIT_ERRORS;
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
