package io.bramble.cluster.exec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment an agent runs in, as Pacemaker's executor builds it: {@code OCF_ROOT}, the
 * OCF version (1.1), the resource's instance, type and provider, {@code OCF_RESKEY_<name>} for
 * each instance attribute, {@code OCF_RESKEY_CRM_meta_timeout} and {@code _interval} in
 * milliseconds, {@code _name} (the action) and {@code _on_node}, the meta attributes,
 * {@code OCF_CHECK_LEVEL} for a deep monitor, {@code HA_RSCTMP} (the state folder agents keep
 * their marks in), {@code OCF_EXIT_REASON_PREFIX} and {@code OCF_RESKEY_crm_feature_set} as
 * Pacemaker 2.1.5 sets them, and a plain {@code PATH}. Nothing else of bramble's environment
 * leaks in. {@code HA_LOGFACILITY=none} (and Pacemaker's {@code HA_logfacility=none},
 * {@code HA_debug=0}) sends the stock agents' log lines to stderr, where they are captured.
 */
public final class OcfEnvironment {
    public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:"
            + "/sbin:/bin";
    /** The feature set of Pacemaker 2.1.5, whose executor bramble's stands in for. */
    public static final String CRM_FEATURE_SET = "3.16.1";

    private OcfEnvironment() {
    }

    /** The plain environment of programs that are not OCF agents: init scripts, systemctl. */
    public static Map<String, String> plain() {
        return Map.of("PATH", PATH, "LANG", "C");
    }

    /**
     * The variables for {@code request} on node {@code nodeName}.
     *
     * @param ocfRoot given as {@code OCF_ROOT}
     * @param stateDirectory given as {@code HA_RSCTMP}
     */
    public static Map<String, String> of(ActionRequest request, String nodeName, Path ocfRoot,
            Path stateDirectory) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        env.put("LANG", "C");
        env.put("OCF_ROOT", ocfRoot.toString());
        env.put("OCF_RA_VERSION_MAJOR", "1");
        env.put("OCF_RA_VERSION_MINOR", "1");
        env.put("OCF_RESOURCE_INSTANCE", request.resourceId());
        env.put("OCF_RESOURCE_TYPE", request.agent().type());
        request.agent().provider().ifPresent(p -> env.put("OCF_RESOURCE_PROVIDER", p));
        env.put("HA_RSCTMP", stateDirectory.toString());
        env.put("HA_LOGFACILITY", "none");
        env.put("HA_logfacility", "none");
        env.put("HA_debug", "0");
        env.put("OCF_EXIT_REASON_PREFIX", OutputExcerpt.EXIT_REASON_PREFIX);
        env.put("OCF_RESKEY_crm_feature_set", CRM_FEATURE_SET);
        request.attributes().forEach((name, value) -> env.put("OCF_RESKEY_" + name, value));
        request.meta().forEach((name, value) -> env.put("OCF_RESKEY_CRM_meta_"
                + name.replace('-', '_').toLowerCase(Locale.ROOT), value));
        env.put("OCF_RESKEY_CRM_meta_timeout", Long.toString(request.timeoutMs()));
        env.put("OCF_RESKEY_CRM_meta_interval", Long.toString(request.intervalMs()));
        env.put("OCF_RESKEY_CRM_meta_name", request.action());
        env.put("OCF_RESKEY_CRM_meta_on_node", nodeName);
        request.checkLevel().ifPresent(level -> env.put("OCF_CHECK_LEVEL", level));
        return env;
    }
}
