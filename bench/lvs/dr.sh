# The DR phase of the layer-4 benchmark, sourced by lvs.sh: bramble's user-space DR director
# in a lab of network namespaces joined by a bridge in a namespace of its own (the root
# namespace's interfaces are never touched):
#
#   bbd-sw: bridge br0, ports d-<node>   <->   eth0 in bbd-<node>
#   director 10.232.0.11  web1 10.232.0.21  web2 10.232.0.22  client 10.232.0.50
#   VIP 10.232.0.100: on the director's eth0, on the real servers' lo (arp_ignore 1,
#   arp_announce 2), as LVS users set DR up
#
# wrk in the client drives nginx on web1 directly (the baseline) and the two real servers
# through the VIP, in interleaved rounds of the lvs client modes; the director's CPU is
# bramble's. The kernel has no IPVS here, so there is no kernel row to compare with. Writes
# into $RESULTS: lvs-dr-runs.csv, lvs-dr.csv (medians), and a section of lvs.md.

DR_NS=bbd-
DR_NET=10.232.0
DR_VIP=$DR_NET.100
declare -A DR_IP=([director]=$DR_NET.11 [web1]=$DR_NET.21 [web2]=$DR_NET.22 [client]=$DR_NET.50)
DR_NODES=(director web1 web2 client)
declare -A DR_PID   # node/role -> pid

dr_start() { # NODE ROLE CMD...
    local node=$1 role=$2; shift 2
    spawn_into "DR_PID[$node/$role]" "$DR_RUN/$node/$role.log" ip netns exec "$DR_NS$node" "$@"
}

dr_lab_up() {
    local n d nodes=()
    for n in "${DR_NODES[@]}"; do nodes+=("$n=${DR_IP[$n]}/24"); done
    netns_lab_up "$DR_NS" d "${nodes[@]}"
    DR_RUN=$WORK/dr
    for n in web1 web2; do
        ip netns exec "$DR_NS$n" sysctl -qw net.ipv4.conf.all.arp_ignore=1 \
            net.ipv4.conf.all.arp_announce=2
        ip -n "$DR_NS$n" addr add "$DR_VIP/32" dev lo
        d=$DR_RUN/$n
        mkdir -p "$d/www" "$d/tmp"
        printf '%s\n' "$n" >"$d/www/index.html"
        head -c $LVS_BIG_BYTES /dev/zero | tr '\0' 'b' >"$d/www/big"
        sed -e "s/@NODE@/$n/g" "$LVS_HERE/dr-web.conf" >"$d/nginx.conf"
    done
    mkdir -p "$DR_RUN/director" "$DR_RUN/client"
    sed -e "s/@VIP@/$DR_VIP/g" -e "s/@WEB1@/${DR_IP[web1]}/g" -e "s/@WEB2@/${DR_IP[web2]}/g" \
        "$LVS_HERE/keepalived-dr.conf" >"$DR_RUN/director/keepalived.conf"
    chmod -R a+rX "$DR_RUN"
    for n in web1 web2; do
        dr_start "$n" web nginx -p "$DR_RUN/$n/" -e "$DR_RUN/$n/nginx.err" \
            -c "$DR_RUN/$n/nginx.conf" -g 'daemon off;'
    done
    ip -n ${DR_NS}director addr add "$DR_VIP/24" dev eth0
    dr_start director bramble "$BRAMBLE" vrrp -f "$DR_RUN/director/keepalived.conf" \
        --lvs-socket "$DR_RUN/director/lvs.sock"
    log "lvs dr: lab up (namespaces $(netns_lab_namespaces "$DR_NS" | xargs))"
}

dr_sanity() { # through the VIP, both real servers answer, one per connection
    local i answers
    for ((i = 0; i < 300; i++)); do
        answers=$(for i in 1 2 3 4; do
            ip netns exec ${DR_NS}client curl -s -m 2 "http://$DR_VIP/"; echo -n ' '; done)
        [[ $answers == *web1* && $answers == *web2* ]] && break
        sleep 0.2   # the director's JVM may still be starting
    done
    echo "bramble-dr: $answers" >>"$RESULTS/raw/lvs-sanity.txt"
    [[ $answers == *web1* && $answers == *web2* ]] ||
        die "bramble's DR director does not balance over web1 and web2 (answers: $answers; see $DR_RUN/director/bramble.log)"
}

dr_run_one() { # NAME MODE RUN
    local name=$1 mode=$2 run=$3 header=() target
    [ "$mode" = close ] && header=(-H 'Connection: close')
    target=$([ "$name" = direct ] && echo "${DR_IP[web1]}" || echo "$DR_VIP")
    MEASURED_LB=()
    [ "$name" != direct ] && MEASURED_LB=($(group_pids "${DR_PID[director/bramble]}"))
    MEASURED_BE=($(group_pids "${DR_PID[web1/web]}") $(group_pids "${DR_PID[web2/web]}"))
    wrk_measured "$name" "$mode" "$run" "$RESULTS/lvs-dr-runs.csv" ${DR_NS}client \
        -t1 -c"$WRK_CONNECTIONS" -d"${DURATION_S}s" --timeout 5s --latency "${header[@]}" \
        "http://$target$([ "$mode" = big ] && echo /big || echo /)"
}

dr_markdown() {
    echo "### Direct routing (DR), namespace lab"
    echo
    echo "bramble's user-space DR director (\`lb_kind DR\`, rr, \`bench/lvs/keepalived-dr.conf\`)"
    echo "in front of two nginx real servers holding the VIP on \`lo\`, each in a network namespace"
    echo "on one bridge with the client (\`bench/lvs/dr.sh\`); same client modes and wrk as above,"
    echo "medians of $RUNS runs. The replies go from the real servers to the client: the director"
    echo "forwards the client's half only, so its CPU per 1 MiB page is that of the requests and"
    echo "ACKs. *none*: wrk to web1's own address."
    echo
    echo "| forwarder | client | req/s | p50 ms | p99 ms | CPU µs/req | of it in kernel | CPU % | errors | other CPU % |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    median_rows "$RESULTS/lvs-dr.csv"
    echo
}

lvs_dr_main() {
    if [ "$(id -u)" != 0 ]; then
        log "lvs dr: skipped (a network-namespace lab and DR need root)"
        return 0
    fi
    bramble_built || return 0
    dr_lab_up
    dr_sanity
    echo "lb,mode,run,req_s,p50_ms,p99_ms,errors,requests,lb_cpu_pct,lb_us_per_req,backend_cpu_pct,wrk_cpu_pct,softirq_pct,other_cpu_pct,host_busy_pct,lb_kernel_share_pct" \
        >"$RESULTS/lvs-dr-runs.csv"
    log "lvs dr: warm-up, then $RUNS rounds of direct and bramble-dr x ${LVS_MODES[*]}"
    ip netns exec ${DR_NS}client wrk -t1 -c"$WRK_CONNECTIONS" -d"${WARMUP_S}s" \
        "http://$DR_VIP/" >"$RESULTS/raw/warmup-bramble-dr.txt" 2>&1
    local r mode name
    for ((r = 1; r <= RUNS; r++)); do
        for mode in "${LVS_MODES[@]}"; do
            for name in direct bramble-dr; do
                dr_run_one "$name" "$mode" "$r"
                sleep 0.5
            done
        done
    done
    awk -F, -f "$BENCH/lib/median.awk" -v keys=1,2 -v cols=4,5,6,9,10,11,12,13,14,15,16 \
        -v sums=7,8 "$RESULTS/lvs-dr-runs.csv" >"$RESULTS/lvs-dr.csv"
    stop_group "${DR_PID[director/bramble]}" TERM 900
    grep -h "DR/TUN director" "$DR_RUN/director/bramble.log" >>"$RESULTS/raw/lvs-dr-counters.txt"
    netns_lab_down "$DR_NS"
}
