# Turns one wrk --latency output into a line of lb-runs.csv. Variables: name mode run hz ncpu
# secs (wall time), lb lbsys be wt (CPU ticks of balancer, its kernel part, backends, wrk), tot idle sirq (host
# jiffies summed over all CPUs), haslb (0 when no balancer is in the path).
function ms(v) {
    if (v ~ /us$/) return v / 1000
    if (v ~ /ms$/) return v + 0
    if (v ~ /s$/) return v * 1000
    return v + 0
}
/^ +50%/ { p50 = ms($2) }
/^ +99%/ { p99 = ms($2) }
/requests in/ { n = $1 }
/Requests\/sec:/ { rps = $2 }
/Socket errors:/ { gsub(",", ""); err += $4 + $6 + $8 + $10 }
/Non-2xx or 3xx/ { err += $NF }
END {
    pct = 100 / (hz * secs)               # ticks -> % of one core over the run
    share = (tot > 0) ? ncpu / tot : 0    # host jiffies -> fraction of all cores
    busy = (tot - idle) * share * 100
    soft = sirq * share * 100
    other = busy - soft - (lb + be + wt) * pct
    if (other < 0) other = 0
    us = (haslb && n > 0) ? sprintf("%.1f", lb * 1e6 / hz / n) : "-"
    lbp = haslb ? sprintf("%.0f", lb * pct) : "-"
    kshare = (haslb && lb > 0) ? sprintf("%.0f", 100 * lbsys / lb) : "-"
    printf "%s,%s,%d,%.0f,%.3f,%.3f,%d,%d,%s,%s,%.0f,%.0f,%.0f,%.0f,%.0f,%s\n", name, mode, run,
        rps, p50, p99, err, n, lbp, us, be * pct, wt * pct, soft, other, busy, kshare
}
