# The tables of fs.md from fs.csv (target,phase,amount,seconds,rate_per_s,fs_cpu_s,
# cpu_ms_per_unit,load1,runs): figures, CPU per MB and per file, and the design's targets.
# Variable: files (the number of small files per run).
# Usage: awk -F, -v files=5000 -f report.awk fs.csv
function cell(t, p, col) { return ((t, p, col) in v) ? v[t, p, col] : "-" }
function num(x) { return x ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ }
function fmt(x, f) { return num(x) ? sprintf(f, x) : "-" }
function ratio(a, b) { return (num(a) && num(b) && b > 0) ? sprintf("%.2f×", a / b) : "-" }
# the figure a phase is judged by: a rate for data and creates, seconds for the listings
function figure(t, p) { return (p in by_time) ? cell(t, p, "seconds") : cell(t, p, "rate") }
BEGIN {
    np = split("write read create readback ls_l find_stat rm", phases, " ")
    label["write"] = "sequential write, MB/s"; label["read"] = "cold read, MB/s"
    label["create"] = "4 KiB creates, files/s"; label["readback"] = "cold read-back, files/s"
    label["ls_l"] = "`ls -l`, s"; label["find_stat"] = "`find \\| xargs stat`, s"   # a bare | would end the cell
    label["rm"] = "`rm -rf`, s"
    by_time["ls_l"]; by_time["find_stat"]; by_time["rm"]
    format["write"] = format["read"] = format["create"] = format["readback"] = "%.0f"
    format["ls_l"] = format["find_stat"] = format["rm"] = "%.2f"
    cpu_unit["write"] = cpu_unit["read"] = "ms/MB"
}
NR == 1 { next }
{
    v[$1, $2, "seconds"] = $4; v[$1, $2, "rate"] = $5; v[$1, $2, "cpu"] = $7
}
END {
    print "| phase | raw disk | Gluster dist | bramble dist | ratio | Gluster r2 | bramble r2 | ratio |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= np; i++) {
        p = phases[i]; f = format[p]
        gd = figure("gluster-dist", p); bd = figure("bramble-dist", p)
        gr = figure("gluster-r2", p); br = figure("bramble-r2", p)
        printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label[p], fmt(figure("raw", p), f),
            fmt(gd, f), fmt(bd, f), ratio(bd, gd), fmt(gr, f), fmt(br, f), ratio(br, gr)
    }
    print ""
    print "CPU of the file-system processes (user + system, all threads, from /proc/PID/stat):"
    print "Gluster's glusterd, the volume's glusterfsd bricks, its FUSE client and for r2 the"
    print "self-heal daemon; bramble's three node processes and the volume's mount client."
    print "Per MB moved, or per file of the phase."
    print ""
    print "| CPU | Gluster dist | bramble dist | ratio | Gluster r2 | bramble r2 | ratio |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= np; i++) {
        p = phases[i]; u = (p in cpu_unit) ? cpu_unit[p] : "ms/file"
        gd = cell("gluster-dist", p, "cpu"); bd = cell("bramble-dist", p, "cpu")
        gr = cell("gluster-r2", p, "cpu"); br = cell("bramble-r2", p, "cpu")
        name = label[p]; sub(/, [^,]*$/, "", name)
        printf "| %s, %s | %s | %s | %s | %s | %s | %s |\n", name, u, fmt(gd, "%.3f"),
            fmt(bd, "%.3f"), ratio(bd, gd), fmt(gr, "%.3f"), fmt(br, "%.3f"), ratio(br, gr)
    }
    print ""
    print "Disperse 2 + 1 (3 bricks, any one may be lost): figures, and CPU per MB or per file."
    print ""
    print "| phase | Gluster ec | bramble ec | ratio | CPU Gluster ec | CPU bramble ec | ratio |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= np; i++) {
        p = phases[i]; f = format[p]; u = (p in cpu_unit) ? cpu_unit[p] : "ms/file"
        ge = figure("gluster-ec", p); be = figure("bramble-ec", p)
        gc = cell("gluster-ec", p, "cpu"); bc = cell("bramble-ec", p, "cpu")
        printf "| %s | %s | %s | %s | %s %s | %s %s | %s |\n", label[p], fmt(ge, f), fmt(be, f),
            ratio(be, ge), fmt(gc, "%.3f"), u, fmt(bc, "%.3f"), u, ratio(bc, gc)
    }
    print ""
    print "Targets from the design, replica 2:"
    print ""
    print "| target | measured | met |"
    print "|---|---:|---|"
    target("write ≥ 2× Gluster's", "write", 2)
    target("cold read ≥ Gluster's", "read", 1)
    target("creates ≥ 5× Gluster's", "create", 5)
    s = cell("bramble-r2", "ls_l", "seconds")
    note = (files == 5000) ? "" : sprintf(" (this run: %d files)", files)
    printf "| `ls -l` of 5,000 files ≤ 0.1 s%s | %s s | %s |\n", note, fmt(s, "%.2f"),
        num(s) ? (s <= 0.1 ? "yes" : "no") : "-"
    print ""
}
function target(text, p, want,    b, g) {
    b = cell("bramble-r2", p, "rate"); g = cell("gluster-r2", p, "rate")
    printf "| %s | %s | %s |\n", text, ratio(b, g),
        (num(b) && num(g) && g > 0) ? (b / g >= want ? "yes" : "no") : "-"
}
