package io.bramble.vrrp.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.time.Duration;

/** The keywords of {@code global_defs}. */
final class GlobalKeywords {
    private static final String MAIL = "bramble sends no mail; use notify scripts to alert";
    private static final Duration GARP_DELAY_MAX = Duration.ofHours(1);
    private static final int GARP_REPEAT_MAX = 100;

    /** Real keepalived global keywords bramble has no use for: an error names each. */
    private static final String[] UNSUPPORTED = {"admin", "bfd_cpu_affinity", "bfd_no_swap",
            "bfd_priority", "bfd_process_name", "bfd_rlimit_rttime", "bfd_rt_priority",
            "checker_cpu_affinity", "checker_log_all_failures", "checker_no_swap",
            "checker_priority", "checker_process_name", "checker_rlimit_rttime",
            "checker_rt_priority", "config_save_dir", "data_use_instance",
            "dbus_service_name", "default_interface", "disable_local_igmp",
            "dynamic_interfaces", "enable_dbus", "enable_snmp_checker", "enable_snmp_rfc",
            "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_vrrp", "enable_traps",
            "fifo_write_vrrp_states_on_reload", "include_check", "log_unknown_vrids",
            "lvs_flush", "lvs_flush_on_stop", "lvs_id", "lvs_netlink_cmd_rcv_bufs",
            "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs",
            "lvs_netlink_monitor_rcv_bufs_force", "lvs_notify_fifo", "lvs_notify_fifo_script",
            "lvs_sync_daemon", "lvs_timeouts", "max_auto_priority", "min_auto_priority_delay",
            "nftables", "nftables_counters", "nftables_ifindex", "nftables_ipvs",
            "nftables_ipvs_priority", "nftables_ipvs_start_fwmark", "nftables_priority",
            "no_checker_emails", "notify_fifo", "notify_fifo_script",
            "process_monitor_rcv_bufs", "process_monitor_rcv_bufs_force", "process_name",
            "process_names", "random_seed", "reload_check_config", "reload_file",
            "reload_repeat", "reload_time_file", "rs_init_notifies", "shutdown_script",
            "shutdown_script_timeout", "snmp_socket", "startup_script",
            "startup_script_timeout", "tmp_config_directory", "umask", "vmac_addr_prefix",
            "vmac_prefix", "vrrp_check_unicast_src", "vrrp_cpu_affinity",
            "vrrp_down_timer_adverts", "vrrp_garp_extra_if", "vrrp_garp_lower_prio_delay",
            "vrrp_garp_lower_prio_repeat", "vrrp_garp_master_refresh",
            "vrrp_garp_master_refresh_repeat", "vrrp_higher_prio_send_advert", "vrrp_ipsets",
            "vrrp_iptables", "vrrp_lower_prio_no_advert", "vrrp_mcast_group4",
            "vrrp_mcast_group6", "vrrp_min_garp", "vrrp_netlink_cmd_rcv_bufs",
            "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
            "vrrp_netlink_monitor_rcv_bufs_force", "vrrp_no_swap", "vrrp_notify_fifo",
            "vrrp_notify_fifo_script", "vrrp_notify_priority_changes", "vrrp_priority",
            "vrrp_process_name", "vrrp_rlimit_rttime", "vrrp_rt_priority",
            "vrrp_rx_bufs_multiplier", "vrrp_rx_bufs_policy", "vrrp_startup_delay"};

    static final KeywordTable<GlobalDraft> TABLE = table();

    private static KeywordTable<GlobalDraft> table() {
        KeywordTable<GlobalDraft> table = new KeywordTable<GlobalDraft>("global_defs")
                .keyword("router_id", (g, a) -> {
                    g.routerId = a.next("a name for this node");
                    a.end();
                })
                .keyword("enable_script_security", (g, a) -> {
                    a.end();
                    g.scriptSecurity = true;
                })
                .keyword("script_user", (g, a) -> {
                    g.scriptUser = a.next("a user name");
                    g.scriptGroup = a.hasNext() ? a.next("a group name") : "";
                    a.end();
                })
                .keyword("vrrp_version", (g, a) -> {
                    g.version = Readers.version(a);
                    g.versionWhere = a.where();
                    a.end();
                })
                .keyword("vrrp_garp_master_delay", (g, a) -> {
                    g.garpMasterDelayMs = Readers.millis(a, "seconds", Duration.ZERO,
                            GARP_DELAY_MAX);
                    a.end();
                })
                .keyword("vrrp_garp_master_repeat", (g, a) -> {
                    g.garpMasterRepeat = a.integer("gratuitous ARPs per set", 1, GARP_REPEAT_MAX);
                    a.end();
                })
                .keyword("vrrp_garp_interval", (g, a) -> {
                    g.garpIntervalMs = Readers.millis(a, "seconds", Duration.ZERO,
                            Duration.ofSeconds(1));
                    a.end();
                })
                // bramble never checks the addresses listed in adverts, which is what this asks.
                .keyword("vrrp_skip_check_adv_addr", (g, a) -> a.end())
                .warnOnly("vrrp_strict", "bramble installs no firewall rules (no_accept); its "
                        + "protocol checks are always strict")
                .warnOnly("vrrp_gna_interval", "bramble's VRRP is IPv4 only, no neighbour "
                        + "advertisements are sent")
                .warnOnly("notification_email", MAIL)
                .warnOnly("notification_email_from", MAIL)
                .warnOnly("smtp_server", MAIL)
                .warnOnly("smtp_connect_timeout", MAIL)
                .warnOnly("smtp_helo_name", MAIL)
                .warnOnly("smtp_alert", MAIL)
                .warnOnly("smtp_alert_vrrp", MAIL)
                .warnOnly("smtp_alert_checker", MAIL)
                .warnOnly("no_email_faults", MAIL);
        for (String keyword : UNSUPPORTED) {
            table.unsupported(keyword, "");
        }
        return table;
    }

    private GlobalKeywords() {
    }
}
