# Where a JVM's CPU samples go, from `jfr print --stack-depth 64 --events jdk.ExecutionSample`:
# the methods and packages on top of the stacks (self time) and the methods anywhere on them
# (total time, each counted once per sample). Variable: top (rows per table, default 25).
function method(frame) {
    sub(/^[ \t]+/, "", frame)
    sub(/[ \t]+line:.*$/, "", frame)
    sub(/\(.*$/, "", frame)
    return frame
}
function package(m,    p) {
    p = m
    sub(/\.[^.]+\.[^.]+$/, "", p)   # drop Class.method
    return p
}
function report(title, counts, n,    k, i, line, cmd) {
    printf "\n%s (of %d samples)\n", title, samples
    cmd = "sort -t '\t' -k1,1nr | head -" n
    for (k in counts) printf "%d\t%5.1f%%  %s\n", counts[k], 100 * counts[k] / samples, k | cmd
    close(cmd)
}
/^jdk\.ExecutionSample/ { samples++; depth = -1; delete seen; next }
/stackTrace = \[/ { depth = 0; next }
depth >= 0 && /^[ \t]+\]/ { depth = -1; next }
depth >= 0 && /^[ \t]+[A-Za-z_$]/ && !/^[ \t]+\.\.\./ {
    m = method($0)
    if (depth == 0) { self[m]++; selfpkg[package(m)]++ }
    if (!(m in seen)) { seen[m] = 1; total[m]++ }
    depth++
}
END {
    if (!top) top = 25
    if (!samples) { print "no jdk.ExecutionSample events"; exit }
    report("self time by method", self, top)
    report("self time by package", selfpkg, 15)
    report("total time by method (on the stack)", total, top)
}
