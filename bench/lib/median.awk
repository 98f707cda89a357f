# Groups the rows of a CSV (header first) by the columns in `keys` and prints, per group in
# order of first appearance, the median of each column in `cols`, the sum of each column in
# `sums`, and the number of rows. Non-numeric cells are left out of medians ("-" if none).
# Usage: awk -F, -f median.awk -v keys=1,2 -v cols=4,5 -v sums=7 FILE
function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) {            # insertion sort: groups hold a handful of runs
        t = a[i] + 0
        for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]
        a[j + 1] = t
    }
    if (n == 0) return "-"
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
BEGIN { nk = split(keys, K, ","); nc = split(cols, C, ","); ns = split(sums, S, ",") }
NR == 1 {
    line = ""
    for (i = 1; i <= nk; i++) line = line (i > 1 ? "," : "") $K[i]
    for (i = 1; i <= nc; i++) line = line "," $C[i]
    for (i = 1; i <= ns; i++) line = line "," $S[i]
    print line ",runs"
    next
}
{
    key = ""
    for (i = 1; i <= nk; i++) key = key (i > 1 ? "," : "") $K[i]
    if (!(key in count)) order[++groups] = key
    count[key]++
    for (i = 1; i <= nc; i++) if ($C[i] ~ /^-?[0-9.]+$/) vals[key, i] = vals[key, i] " " $C[i]
    for (i = 1; i <= ns; i++) total[key, i] += $S[i]
}
END {
    for (g = 1; g <= groups; g++) {
        key = order[g]; line = key
        for (i = 1; i <= nc; i++) {
            m = median(vals[key, i])
            line = line "," (m == "-" ? m : sprintf("%.6g", m))
        }
        for (i = 1; i <= ns; i++) line = line "," total[key, i]
        print line "," count[key]
    }
}
