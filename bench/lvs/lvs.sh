# The layer-4 benchmark, sourced by bench/run after lb.sh (whose backends, folders and wrk
# runs it uses): HAProxy in mode tcp, nginx's stream module and bramble's user-space NAT
# director (keepalived.conf's virtual_server, lb_kind NAT) forward TCP to the same two nginx
# backends, round robin; wrk drives them in interleaved rounds in three client modes:
#   keepalive  a 4-byte page over long connections: the forwarding path per request
#   close      a new connection per request: connections per second and CPU per connection
#   big        a 1 MiB page over long connections: MB/s and CPU per MiB
# Writes into $RESULTS: lvs-runs.csv (one line per wrk run), lvs.csv (medians), lvs.md.
# All addresses are 127.0.0.1: backends 27001/27002, forwarders 27110, 27120 and 27130.
# Then bramble's DR director in a namespace lab (dr.sh). --phases nat,dr picks either.

LVS_HERE=$BENCH/lvs
LB_PORT+=([haproxy-tcp]=27110 [nginx-stream]=27120 [bramble-nat]=27130)
LVS_NAMES=()             # forwarders in this run, in the order of each round
LVS_MODES=(keepalive close big)
LVS_BIG_BYTES=1048576
. "$LVS_HERE/dr.sh"

lvs_start_all() {
    lb_prefix_dirs
    head -c $LVS_BIG_BYTES /dev/zero | tr '\0' 'b' >"$LB_PREFIX/www/web1/big"
    cp "$LB_PREFIX/www/web1/big" "$LB_PREFIX/www/web2/big"
    local p master
    for p in $WEB1_PORT $WEB2_PORT 27110 27120 27130; do
        port_busy "$p" && die "port $p is in use (another bench running?)"
    done
    start_web 1
    start_web 2
    haproxy -c -q -f "$LVS_HERE/haproxy-tcp.cfg" || die "bench/lvs/haproxy-tcp.cfg is not valid"
    spawn_into "LB_PID[haproxy-tcp]" "$LB_PREFIX/logs/haproxy-tcp.log" \
        haproxy -db -f "$LVS_HERE/haproxy-tcp.cfg"
    wait_port 127.0.0.1 27110 || die "haproxy (mode tcp) did not start"
    spawn_into master "$LB_PREFIX/logs/nginx-stream.out" \
        nginx -p "$LB_PREFIX/" -e "$LB_PREFIX/logs/nginx-stream.err" \
        -c "$LVS_HERE/nginx-stream.conf" -g 'daemon off;'
    LB_PID[nginx-stream]=$master
    wait_port 127.0.0.1 27120 || die "nginx (stream) did not start (see $LB_PREFIX/logs)"
    LVS_NAMES=(haproxy-tcp nginx-stream)
    if bramble_built && "$BRAMBLE" vrrp -c -f "$LVS_HERE/keepalived.conf" \
        >"$WORK/bramble-lvs-check.log" 2>&1; then
        spawn_into "LB_PID[bramble-nat]" "$LB_PREFIX/logs/bramble-nat.log" \
            "$BRAMBLE" vrrp -f "$LVS_HERE/keepalived.conf" --lvs-socket "$WORK/lvs.sock"
        wait_port 127.0.0.1 27130 600 ||
            die "bramble's director did not start (see $LB_PREFIX/logs/bramble-nat.log)"
        LVS_NAMES+=(bramble-nat)
    else
        log "bramble rows skipped: 'bin/bramble vrrp -c -f bench/lvs/keepalived.conf' failed:" \
            "$(grep -v '^\s*$' "$WORK/bramble-lvs-check.log" 2>/dev/null | head -1)"
    fi
    log "lvs: backends web1=${WEB_PID[1]} web2=${WEB_PID[2]};" \
        "$(for p in "${LVS_NAMES[@]}"; do printf '%s=%s ' "$p" "${LB_PID[$p]}"; done)"
}

lvs_sanity() { # every forwarder must alternate between the two backends, one per connection
    local name i answers
    for name in "${LVS_NAMES[@]}"; do
        for ((i = 0; i < 50; i++)); do
            answers=$(for i in 1 2 3 4; do curl -s -m 2 "http://127.0.0.1:${LB_PORT[$name]}/"; echo -n ' '; done)
            [[ $answers == *web1* && $answers == *web2* ]] && break
            sleep 0.2   # a director's first checks may still be under way
        done
        echo "$name: $answers" >>"$RESULTS/raw/lvs-sanity.txt"
        [[ $answers == *web1* && $answers == *web2* ]] ||
            die "$name does not balance over web1 and web2 (answers: $answers)"
    done
}

lvs_rounds() {
    local names=(direct "${LVS_NAMES[@]}") r mode name csv=$RESULTS/lvs-runs.csv
    echo "lb,mode,run,req_s,p50_ms,p99_ms,errors,requests,lb_cpu_pct,lb_us_per_req,backend_cpu_pct,wrk_cpu_pct,softirq_pct,other_cpu_pct,host_busy_pct,lb_kernel_share_pct" \
        >"$csv"
    log "lvs: warm-up, ${WARMUP_S}s per forwarder and client mode"
    warm_up "${LVS_NAMES[@]}"
    log "lvs: $RUNS rounds of ${names[*]} x ${LVS_MODES[*]}, ${DURATION_S}s each," \
        "wrk -t1 -c$WRK_CONNECTIONS"
    for ((r = 1; r <= RUNS; r++)); do
        for mode in "${LVS_MODES[@]}"; do
            for name in "${names[@]}"; do
                lb_run_one "$name" "$mode" "$r" "$DURATION_S" "$csv" \
                    "$([ "$mode" = big ] && echo /big || echo /)"
                sleep 0.5
            done
        done
    done
}

lvs_markdown() { # the lvs part of summary.md
    echo "## Layer-4 forwarding (TCP, loopback)"
    echo
    echo "Median of $RUNS interleaved runs of \`wrk -t1 -c$WRK_CONNECTIONS -d${DURATION_S}s --latency\`"
    echo "per row, through HAProxy \`mode tcp\` (\`nbthread 1\`), nginx's \`stream\` module (one"
    echo "worker) and bramble's user-space NAT director (\`bramble vrrp\` with keepalived.conf's"
    echo "\`virtual_server … lb_kind NAT\`, one event loop per core), each round robin with TCP"
    echo "checks over the same two nginx backends; configs in \`bench/lvs/\`. *keep-alive*: a"
    echo "4-byte page over 50 long connections; *close*: a new connection per request (req/s is"
    echo "connections/s); *1 MiB*: a 1 MiB page over long connections (MB/s = req/s). CPU µs is the"
    echo "forwarder's own CPU (utime+stime) per request, so per connection with *close* and per"
    echo "MiB with *1 MiB*. *other CPU*: the rest of the machine meanwhile, in % of one core."
    echo
    [ "$QUICK" = 1 ] && echo "*A quick run is too short for a JVM to reach its steady state: compare" &&
        echo "forwarders with a full run.*" && echo
    echo "| forwarder | client | req/s | p50 ms | p99 ms | CPU µs/req | of it in kernel | CPU % | errors | other CPU % |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    median_rows "$RESULTS/lvs.csv"
    echo
    echo "Ratios, bramble over each other forwarder (CPU per request: lower is better):"
    echo
    echo "| client | CPU/req vs HAProxy | CPU/req vs nginx | req/s vs HAProxy | req/s vs nginx |"
    echo "|---|---:|---:|---:|---:|"
    awk -F, 'NR > 1 {rps[$1, $2] = $3; us[$1, $2] = $7; modes[$2] = 1}
        function r(a, b) { return (b > 0 && a != "") ? sprintf("%.2f", a / b) : "-" }
        END {
            split("keepalive close big", order, " ")
            for (i = 1; i <= 3; i++) {
                m = order[i]
                if (!(m in modes) || !(("bramble-nat", m) in us)) continue
                label = (m == "close") ? "Connection: close" : (m == "big") ? "1 MiB" : "keep-alive"
                printf "| %s | %s | %s | %s | %s |\n", label,
                    r(us["bramble-nat", m], us["haproxy-tcp", m]), r(us["bramble-nat", m], us["nginx-stream", m]),
                    r(rps["bramble-nat", m], rps["haproxy-tcp", m]), r(rps["bramble-nat", m], rps["nginx-stream", m])
            }
        }' "$RESULTS/lvs.csv"
    echo
}

lvs_main() {
    local phases=,${PHASES_GIVEN:-nat,dr},
    ensure_packages haproxy=haproxy nginx=nginx wrk=wrk curl=curl ss=iproute2 pgrep=procps
    [ -f /usr/lib/nginx/modules/ngx_stream_module.so ] ||
        ensure_packages ngx-stream-module=libnginx-mod-stream
    if [[ $phases == *,nat,* ]]; then
        lvs_start_all
        lvs_sanity
        lvs_rounds
        awk -F, -f "$BENCH/lib/median.awk" -v keys=1,2 -v cols=4,5,6,9,10,11,12,13,14,15,16 \
            -v sums=7,8 "$RESULTS/lvs-runs.csv" >"$RESULTS/lvs.csv"
        local name
        for name in "${LVS_NAMES[@]}"; do stop_group "${LB_PID[$name]}" TERM 900; done
        stop_group "${WEB_PID[1]}"
        stop_group "${WEB_PID[2]}"
    fi
    [[ $phases == *,dr,* ]] && lvs_dr_main
    {
        if [ -f "$RESULTS/lvs.csv" ]; then lvs_markdown; else echo "## Layer-4 forwarding" && echo; fi
        [ -f "$RESULTS/lvs-dr.csv" ] && dr_markdown
    } >"$RESULTS/lvs.md"
    cat "$RESULTS/lvs.md" >&2
    return 0
}
