package io.bramble.vrrp.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.BlockLexer;
import io.bramble.common.config.ConfigBlock;
import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.KeywordTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a keepalived.conf into a {@link VrrpConfig}: the top-level blocks are dispatched
 * through a keyword table, each block's statements through its own table
 * ({@link GlobalKeywords}, {@link ScriptKeywords}, {@link InstanceKeywords},
 * {@link SyncGroupKeywords}), then {@link ConfigChecks} checks what spans blocks. Every error
 * of the file is reported at once by a {@link ConfigException}; warnings travel in
 * {@link VrrpConfig#warnings()}.
 */
public final class KeepalivedConfigParser {
    /** Instances in one file; keepalived has no hard limit, this bounds start-up work. */
    public static final int INSTANCES_MAX = 255;
    public static final int SCRIPTS_MAX = 255;

    private static final String LVS_HINT = "LVS virtual servers run under 'bramble vrrp -f' "
            + "(docs/lvs.md); 'bramble lb -f haproxy.cfg' balances TCP and HTTP";

    /** The LVS blocks, refused unless a {@link SectionReader} takes them. */
    private static final List<String> LVS_KEYWORDS = List.of("virtual_server",
            "virtual_server_group");

    private static final KeywordTable<ConfigDraft> TOP = top(null);

    private static KeywordTable<ConfigDraft> top(SectionReader sections) {
        KeywordTable<ConfigDraft> table = new KeywordTable<ConfigDraft>("keepalived.conf")
                .keyword("global_defs", KeepalivedConfigParser::globalDefs)
                .keyword("vrrp_script", KeepalivedConfigParser::script)
                .keyword("vrrp_instance", KeepalivedConfigParser::instance)
                .keyword("vrrp_sync_group", KeepalivedConfigParser::syncGroup);
        for (String keyword : LVS_KEYWORDS) {
            if (sections != null && sections.keywords().contains(keyword)) {
                table.keyword(keyword, (draft, args) -> sections.read(args, draft.diagnostics));
            } else {
                table.unsupported(keyword, LVS_HINT);
            }
        }
        return table
                .unsupported("real_server", sections == null
                        ? LVS_HINT
                        : "a real_server belongs inside a virtual_server block")
                .unsupported("static_ipaddress", "add fixed addresses with the system's network "
                        + "configuration")
                .unsupported("static_routes", "")
                .unsupported("static_rules", "")
                .unsupported("vrrp_track_process", "track the process with a vrrp_script such as "
                        + "'killall -0 NAME'")
                .unsupported("vrrp_track_file", "")
                .unsupported("track_file", "")
                .unsupported("bfd_instance", "")
                .unsupported("garp_group", "")
                .unsupported("linkbeat_use_polling", "")
                .unsupported("net_namespace", "run bramble inside the namespace instead")
                .unsupported("net_namespace_ipvs", "")
                .unsupported("namespace_with_ipsets", "")
                .unsupported("instance", "")
                .unsupported("use_pid_dir", "");
    }

    private final String configId;

    /** A parser without a configuration id: no {@code @NAME} line applies. */
    public KeepalivedConfigParser() {
        this("");
    }

    /** A parser that reads the {@code @NAME} lines written for {@code configId}. */
    public KeepalivedConfigParser(String configId) {
        this.configId = configId;
    }

    /** A parser with this host's configuration id, as keepalived has without {@code -i}. */
    public static KeepalivedConfigParser forThisHost() {
        return new KeepalivedConfigParser(ConfigId.thisHost());
    }

    /** Parses a file; includes resolve against its directory. */
    public VrrpConfig parse(Path file) {
        return parse(file, null);
    }

    /** Parses a file, handing the blocks {@code sections} names to it. */
    public VrrpConfig parse(Path file, SectionReader sections) {
        Diagnostics diagnostics = new Diagnostics();
        return parse(new BlockLexer(diagnostics, configId).parse(file), diagnostics, sections);
    }

    /** Parses text named {@code fileName}, for tests and embedded configs. */
    public VrrpConfig parse(String fileName, String text, Path directory) {
        return parse(fileName, text, directory, null);
    }

    /** Parses text named {@code fileName}, handing the blocks {@code sections} names to it. */
    public VrrpConfig parse(String fileName, String text, Path directory,
            SectionReader sections) {
        Diagnostics diagnostics = new Diagnostics();
        return parse(new BlockLexer(diagnostics, configId).parse(fileName, text, directory),
                diagnostics, sections);
    }

    private static VrrpConfig parse(List<ConfigBlock> statements, Diagnostics diagnostics,
            SectionReader sections) {
        ConfigDraft draft = new ConfigDraft(diagnostics);
        (sections == null ? TOP : top(sections)).dispatchAll(draft, statements, diagnostics);
        if (sections != null) {
            sections.finish(diagnostics);
        }
        VrrpConfig config = ConfigChecks.check(draft);
        Diagnostics ordered = diagnostics.inLineOrder();
        ordered.throwIfErrors();
        return new VrrpConfig(config.global(), config.scripts(), config.instances(),
                config.syncGroups(), ordered.warnings());
    }

    private static void globalDefs(ConfigDraft draft, Args args) {
        args.end();
        GlobalKeywords.TABLE.dispatchAll(draft.global, args.block("global definitions"),
                draft.diagnostics);
    }

    private static void script(ConfigDraft draft, Args args) {
        String name = args.next("a script name");
        args.end();
        if (draft.scripts.size() >= SCRIPTS_MAX) {
            throw args.fail("more than " + SCRIPTS_MAX + " vrrp_script blocks");
        }
        ScriptDraft script = new ScriptDraft(name, args.where(), draft.diagnostics);
        ScriptKeywords.TABLE.dispatchAll(script, args.block("script keywords"),
                draft.diagnostics);
        draft.scripts.add(script);
    }

    private static void instance(ConfigDraft draft, Args args) {
        String name = args.next("an instance name");
        args.end();
        if (draft.instances.size() >= INSTANCES_MAX) {
            throw args.fail("more than " + INSTANCES_MAX + " vrrp_instance blocks");
        }
        InstanceDraft instance = new InstanceDraft(name, args.where(), draft.diagnostics);
        InstanceKeywords.TABLE.dispatchAll(instance, args.block("instance keywords"),
                draft.diagnostics);
        draft.instances.add(instance);
    }

    private static void syncGroup(ConfigDraft draft, Args args) {
        String name = args.next("a sync group name");
        args.end();
        SyncGroupDraft group = new SyncGroupDraft(name, args.where(), draft.diagnostics);
        SyncGroupKeywords.TABLE.dispatchAll(group, args.block("sync group keywords"),
                draft.diagnostics);
        draft.syncGroups.add(group);
    }

    /** Everything read so far, before the checks that span blocks. */
    static final class ConfigDraft {
        final Diagnostics diagnostics;
        final GlobalDraft global = new GlobalDraft();
        final List<ScriptDraft> scripts = new ArrayList<>();
        final List<InstanceDraft> instances = new ArrayList<>();
        final List<SyncGroupDraft> syncGroups = new ArrayList<>();

        ConfigDraft(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }
    }
}
