# Draws lb.csv (lb,mode,req_s,p50,p99,lb_cpu_pct,lb_us_per_req,...) as an SVG of two panels
# of grouped bars: requests per second and balancer CPU µs per request, one group per load
# balancer, one bar per client mode. Plain SVG, no fonts or scripts beyond the defaults.
BEGIN { W = 440; H = 300; top = 50; bottom = 60; left = 60 }
NR > 1 {
    if (!($1 in seen)) { seen[$1] = 1; names[++nn] = $1 }
    rps[$1, $2] = $3
    us[$1, $2] = $7
}
function nice(v,    p, m) {                # a round axis maximum at or above v
    if (v <= 0) return 1
    p = 10 ^ int(log(v) / log(10))
    for (m = 1; m <= 10; m++) if (m * p >= v) return m * p
    return 10 * p
}
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); return s }
function panel(x0, title, key, skipdirect,    i, j, n, list, vmax, v, gw, bw, x, h, y, mode, c) {
    n = 0
    for (i = 1; i <= nn; i++) if (!(skipdirect && names[i] == "direct")) list[++n] = names[i]
    vmax = 0
    for (i = 1; i <= n; i++) for (j = 1; j <= 2; j++) {
        v = (key == "rps") ? rps[list[i], M[j]] : us[list[i], M[j]]
        if (v + 0 > vmax) vmax = v + 0
    }
    vmax = nice(vmax)
    printf "<g transform=\"translate(%d,0)\">\n", x0
    printf "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", left, title
    for (i = 0; i <= 4; i++) {
        y = top + (H - top - bottom) * (1 - i / 4)
        printf "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", left, W - 10, y, y
        printf "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%g</text>\n", left - 6, y + 4, vmax * i / 4
    }
    gw = (W - 10 - left) / (n > 0 ? n : 1); bw = gw * 0.32
    for (i = 1; i <= n; i++) {
        for (j = 1; j <= 2; j++) {
            v = (key == "rps") ? rps[list[i], M[j]] : us[list[i], M[j]]
            if (v == "" || v == "-") continue
            h = (H - top - bottom) * v / vmax
            x = left + (i - 1) * gw + gw * 0.16 + (j - 1) * bw
            printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>\n", \
                x, H - bottom - h, bw - 2, h, COLOR[j], esc(list[i]), M[j], v
            printf "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n", \
                x + bw / 2 - 1, H - bottom - h - 3, (key == "rps") ? sprintf("%.0f", v) : sprintf("%.1f", v)
        }
        printf "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>\n", \
            left + (i - 0.5) * gw, H - bottom + 18, esc(list[i] == "direct" ? "web1 direct" : list[i])
    }
    printf "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left, W - 10, H - bottom, H - bottom
    printf "</g>\n"
}
END {
    M[1] = "keepalive"; M[2] = "close"; COLOR[1] = "#4e79a7"; COLOR[2] = "#f28e2b"
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">\n", 2 * W, H
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
    panel(0, "req/s (higher is better)", "rps", 0)
    panel(W, "balancer CPU µs/request (lower is better)", "us", 1)
    printf "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", left, H - 26, COLOR[1]
    printf "<text x=\"%d\" y=\"%d\" font-size=\"12\">keep-alive</text>\n", left + 16, H - 16
    printf "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", left + 110, H - 26, COLOR[2]
    printf "<text x=\"%d\" y=\"%d\" font-size=\"12\">Connection: close</text>\n", left + 126, H - 16
    printf "</svg>\n"
}
