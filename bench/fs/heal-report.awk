# The self-heal and hung-brick tables of fs.md, from fs.csv (target,phase,amount,seconds,
# rate_per_s,fs_cpu_s,cpu_ms_per_unit,load1,runs) and fs-runs.csv (one line per run, for the
# runs that failed). Variables: stall (seconds a brick was stopped), mb and files (the heal's
# size), errors ("TARGET N ..." failed writes while hung), polls ("TARGET STATUS_S COUNT_S
# ..." the median poll durations).
# Usage: awk -F, -v stall=60 -v mb=256 -v files=500 -v errors=... -v polls=... \
#            -f heal-report.awk fs.csv fs-runs.csv
function num(x) { return x ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ }
function cell(t, p, col) { return ((t, p, col) in v) ? v[t, p, col] : "-" }
# a figure, with the runs that gave none
function shown(t, p, col, f,    x, s) {
    x = cell(t, p, col)
    s = num(x) ? sprintf(f, x) : "-"
    if (col == "seconds" && p == "stall" && num(x) && x >= stall) s = "> " stall
    if (col == "seconds" && failed[t, p]) s = s " (" failed[t, p] " of " runs[t, p] " failed)"
    return s
}
function ratio(p, col,    b, g) {
    b = cell("bramble-r2", p, col); g = cell("gluster-r2", p, col)
    if (!num(b) || !num(g) || g <= 0) return "-"
    # Gluster still waiting at the end: its figure is a lower bound, the ratio an upper one
    return ((p == "stall" && col == "seconds" && g >= stall) ? "< " : "") sprintf("%.2f×", b / g)
}
function row(text, p, col, f) {
    if (cell("gluster-r2", p, col) == "-" && cell("bramble-r2", p, col) == "-") return   # not run
    printf "| %s | %s | %s | %s |\n", text, shown("gluster-r2", p, col, f),
        shown("bramble-r2", p, col, f), ratio(p, col)
}
function fmt(x) { return num(x) ? sprintf("%.2f", x) : "-" }
function met(x, want) { return num(x) ? (x <= want ? "yes" : "no") : "-" }
FNR == 1 { file++; next }
file == 1 { v[$1, $2, "seconds"] = $4; v[$1, $2, "cpu"] = $6; next }
{ runs[$1, $3]++; if ($6 !~ /^[0-9.]+$/) failed[$1, $3]++ }
END {
    print "| replica 2 | Gluster r2 | bramble r2 | ratio |"
    print "|---|---:|---:|---:|"
    row("brick back: restart to `volume status` online, s", "back", "seconds", "%.2f")
    row("CPU while it comes back, s", "back", "cpu", "%.2f")
    row(sprintf("heal of %d MiB and %d files, self-heal alone, s", mb, files), "heal", "seconds",
        "%.2f")
    row("CPU over that heal, s", "heal", "cpu", "%.2f")
    row("its last file healed, as the daemons log it, s", "heal_log", "seconds", "%.2f")
    row("heal with `volume heal` issued at once, s", "heal_cmd", "seconds", "%.2f")
    row("CPU over that heal, s", "heal_cmd", "cpu", "%.2f")
    row("its last file healed, as the daemons log it, s", "heal_cmd_log", "seconds", "%.2f")
    row(sprintf("hung brick (%d s): longest gap between writes, s", stall), "stall", "seconds",
        "%.2f")
    n = split(errors, e, " ")
    for (i = 1; i < n; i += 2) err[e[i]] = e[i + 1]
    if (("gluster-r2" in err) || ("bramble-r2" in err))
        printf "| failed writes while hung, all runs | %s | %s | |\n", err["gluster-r2"],
            err["bramble-r2"]
    print ""
    n = split(polls, q, " ")
    for (i = 1; i + 2 <= n; i += 3) { ps[q[i]] = q[i + 1]; pc[q[i]] = q[i + 2] }
    if (num(ps["gluster-r2"]) && num(ps["bramble-r2"])) {
        printf "One poll took (median) %s s for Gluster's `volume status` and %s s for its\n", \
            fmt(ps["gluster-r2"]), fmt(pc["gluster-r2"])
        printf "heal-count, %s s and %s s for bramble's (a JVM's start): the resolution of the\n", \
            fmt(ps["bramble-r2"]), fmt(pc["bramble-r2"])
        print "heal times. *As the daemons log it*: from the same start to the last \"Completed"
        print "... selfheal\" line of Gluster's self-heal daemon, or to the end of the last pass a"
        print "bramble node logged (\"heal from\"), to the millisecond."
        print ""
    }
    print "Targets, replica 2:"
    print ""
    print "| target | measured | met |"
    print "|---|---:|---|"
    b = cell("bramble-r2", "heal", "seconds"); g = cell("gluster-r2", "heal", "seconds")
    note = (mb == 256 && files == 500) ? "" : sprintf(" (this run: %d MiB, %d files)", mb, files)
    if (num(b) || num(g))
        printf "| 256 MiB of changed data and 500 new files healed ≤ 3 s after the brick " \
            "returns%s | %s s (Gluster %s s) | %s |\n", note, fmt(b), fmt(g), met(b, 3)
    b = cell("bramble-r2", "stall", "seconds")
    if (num(b)) printf "| hung brick: writes stall ≤ 2 s | %s s | %s |\n", fmt(b), met(b, 2)
    print ""
}
