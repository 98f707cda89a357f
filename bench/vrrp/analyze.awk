# One line of vrrp-runs.csv from a repetition's VIP events (first file: "epoch node +|-",
# sorted) and its client log (second file: "t_start t_end http_code served_by").
# Variables: impl fault rep, tf (fault), tr (repair), te (end), all epoch seconds.
function num(v) { return (v == "") ? "-" : sprintf("%.3f", v) }
# requests that ended in [a, b): sets nfail, first (s after a) and outage (first failure until served)
function window(a, b,    i, f0, last, ok) {
    nfail = 0; f0 = ""; last = ""; ok = ""
    for (i = 1; i <= np; i++) {
        if (T1[i] < a || T1[i] >= b) continue
        if (CODE[i] != 200) { nfail++; if (f0 == "") f0 = T0[i]; last = T0[i]; ok = "" }
        else if (last != "" && ok == "") ok = T1[i]
    }
    first = (f0 == "") ? "" : f0 - a
    if (f0 == "") outage = 0
    else outage = (ok == "") ? b - f0 : ok - f0
}
FNR == NR {
    ev++; ET[ev] = $1; EN[ev] = $2; ES[ev] = $3
    next
}
{ np++; T0[np] = $1; T1[np] = $2; CODE[np] = $3 }
END {
    h["lb1"] = 0; h["lb2"] = 0; prev = tf; both = 0; takeover = ""; back = ""
    for (i = 1; i <= ev; i++) {
        t = ET[i]
        if (t > tf && t <= te && h["lb1"] && h["lb2"]) both += t - (prev > tf ? prev : tf)
        if (t > tf) prev = t
        h[EN[i]] = (ES[i] == "+")
        if (t >= tf && takeover == "" && EN[i] == "lb2" && ES[i] == "+") takeover = t - tf
        if (t >= tr && back == "" && h["lb1"] && !h["lb2"]) back = t - tr
        if (t < tr) lb1_alone_at_restore = h["lb1"] && !h["lb2"]
    }
    if (h["lb1"] && h["lb2"]) both += te - (prev > tf ? prev : tf)
    if (back == "" && lb1_alone_at_restore) back = 0
    window(tf, tr); failed = nfail; out = outage; f1 = first
    window(tr, te + 1)
    printf "%s,%s,%d,%s,%s,%d,%s,%s,%s,%d,%d,%s\n", impl, fault, rep, num(takeover), num(out),
        failed, num(both), num(back), num(outage), nfail, np, num(f1)
}
