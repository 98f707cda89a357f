# The load-balancer benchmark, sourced by bench/run: two nginx backends, then HAProxy,
# nginx and bramble in front of them with equivalent configs (files beside this one), driven
# by wrk in interleaved rounds, then the failover loop. Writes into $RESULTS:
#   lb-runs.csv      one line per wrk run
#   lb.csv           medians per load balancer and client mode
#   lb-failover.csv  one line per load balancer and failover repetition
#   lb-chart.svg     req/s and CPU µs per request, grouped by load balancer
#   raw/             wrk outputs and the failover loops' request logs
# All addresses are 127.0.0.1, ports 27001-27031.

LB_HERE=$BENCH/lb
WEB1_PORT=27001
WEB2_PORT=27002
HAPROXY_PORT=27010
HAPROXY_STATS=27011
NGINX_PORT=27020
BRAMBLE_PORT=27030
BRAMBLE_STATS=27031
BRAMBLE_B_PORT=27040     # a second bramble with BRAMBLE_B_JAVA_OPTS added, when those are set
BRAMBLE_B_STATS=27041
LB_PORTS="$WEB1_PORT $WEB2_PORT $HAPROXY_PORT $HAPROXY_STATS $NGINX_PORT $BRAMBLE_PORT $BRAMBLE_STATS
    $BRAMBLE_B_PORT $BRAMBLE_B_STATS"

declare -A LB_PID        # name -> pid of the process whose CPU is the load balancer's
declare -A LB_PORT=([haproxy]=$HAPROXY_PORT [nginx]=$NGINX_PORT [bramble]=$BRAMBLE_PORT
    [bramble-b]=$BRAMBLE_B_PORT [direct]=$WEB1_PORT)
declare -A LB_STATS=([haproxy]=$HAPROXY_STATS [bramble]=$BRAMBLE_STATS [bramble-b]=$BRAMBLE_B_STATS)
declare -A WEB_PID
LB_NAMES=()              # load balancers in this run, in the order of each round

lb_prefix_dirs() {
    LB_PREFIX=$WORK/lb
    mkdir -p "$LB_PREFIX"/{logs,tmp,www/web1,www/web2}
    printf 'web1' >"$LB_PREFIX/www/web1/index.html"
    printf 'web2' >"$LB_PREFIX/www/web2/index.html"
}

start_web() { # N
    local n=$1
    spawn_into "WEB_PID[$n]" "$LB_PREFIX/logs/web$n.out" \
        nginx -p "$LB_PREFIX/" -e "$LB_PREFIX/logs/web$n.err" -c "$LB_HERE/web$n.conf" \
        -g 'daemon off;'
    wait_port 127.0.0.1 $((27000 + n)) || die "backend web$n did not start (see $LB_PREFIX/logs)"
}

start_haproxy() {
    haproxy -c -q -f "$LB_HERE/haproxy.cfg" || die "bench/lb/haproxy.cfg is not valid"
    spawn_into "LB_PID[haproxy]" "$LB_PREFIX/logs/haproxy.log" haproxy -db -f "$LB_HERE/haproxy.cfg"
    wait_port 127.0.0.1 $HAPROXY_PORT || die "haproxy did not start"
}

start_nginx_lb() {
    local master
    spawn_into master "$LB_PREFIX/logs/nginx-lb.out" \
        nginx -p "$LB_PREFIX/" -e "$LB_PREFIX/logs/nginx-lb.err" -c "$LB_HERE/nginx-lb.conf" \
        -g 'daemon off;'
    LB_PID[nginx]=$master
    wait_port 127.0.0.1 $NGINX_PORT || die "nginx did not start"
}

# bramble takes part when its lb command accepts the config; otherwise one line says why.
bramble_lb_usable() {
    bramble_built || return 1
    if ! "$BRAMBLE" lb -c -f "$LB_HERE/bramble.cfg" >"$WORK/bramble-lb-check.log" 2>&1; then
        log "bramble rows skipped: 'bin/bramble lb -c -f bench/lb/bramble.cfg' failed:" \
            "$(grep -v '^\s*$' "$WORK/bramble-lb-check.log" | head -1)"
        return 1
    fi
}

start_bramble_lb() { # NAME CONFIG EXTRA_JAVA_OPTS [BRAMBLE_COMMAND]
    local name=$1 config=$2 opts="${BRAMBLE_JAVA_OPTS:-} $3" command=${4:-$BRAMBLE}
    if [ "$PROFILE" = 1 ]; then
        opts+=" -XX:StartFlightRecording=filename=$WORK/$name-lb.jfr,settings=profile,method-profiling=max,dumponexit=true"
    fi
    BRAMBLE_JAVA_OPTS=$opts spawn_into "LB_PID[$name]" "$LB_PREFIX/logs/$name.log" \
        "$command" lb -f "$config"
    wait_port 127.0.0.1 "${LB_PORT[$name]}" 600 ||
        die "bramble lb did not start (see $LB_PREFIX/logs/$name.log)"
}

# stats_field STATSPORT SERVER FIELD: a server's field from the HAProxy-style stats CSV
stats_field() {
    curl -s -m 1 "http://127.0.0.1:$1/stats;csv" | awk -F, -v sv="$2" -v f="$3" '
        NR == 1 {sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next}
        $1 == "be" && $2 == sv {print $(col[f]); exit}'
}

wait_servers_up() { # NAME: waits until both servers are UP on a load balancer with stats
    local port=${LB_STATS[$1]:-} i
    [ -n "$port" ] || return 0
    for ((i = 0; i < 150; i++)); do
        [ "$(stats_field "$port" web1 status)" = UP ] &&
            [ "$(stats_field "$port" web2 status)" = UP ] && return 0
        sleep 0.2
    done
    log "warning: $1 does not report both servers UP in its stats CSV"
}

lb_start_all() {
    lb_prefix_dirs
    local p
    for p in $LB_PORTS; do port_busy "$p" && die "port $p is in use (another bench running?)"; done
    start_web 1
    start_web 2
    start_haproxy
    start_nginx_lb
    LB_NAMES=(haproxy nginx)
    if bramble_lb_usable; then
        start_bramble_lb bramble "$LB_HERE/bramble.cfg" ""
        LB_NAMES+=(bramble)
        if [ -n "${BRAMBLE_B_JAVA_OPTS:-}" ] || [ -n "${BRAMBLE_B:-}" ]; then
            sed -e "s/:$BRAMBLE_PORT\$/:$BRAMBLE_B_PORT/; s/:$BRAMBLE_STATS\$/:$BRAMBLE_B_STATS/" \
                "$LB_HERE/bramble.cfg" >"$LB_PREFIX/bramble-b.cfg"
            start_bramble_lb bramble-b "$LB_PREFIX/bramble-b.cfg" "${BRAMBLE_B_JAVA_OPTS:-}" \
                "${BRAMBLE_B:-$BRAMBLE}"
            LB_NAMES+=(bramble-b)
        fi
    fi
    for p in "${LB_NAMES[@]}"; do wait_servers_up "$p"; done
    log "lb: backends web1=${WEB_PID[1]} web2=${WEB_PID[2]};" \
        "$(for p in "${LB_NAMES[@]}"; do printf '%s=%s ' "$p" "${LB_PID[$p]}"; done)"
}

lb_sanity() { # every load balancer must alternate between the two backends
    local name i answers
    for name in "${LB_NAMES[@]}"; do
        answers=$(for i in 1 2 3 4; do curl -s -m 2 "http://127.0.0.1:${LB_PORT[$name]}/"; echo -n ' '; done)
        echo "$name: $answers" >>"$RESULTS/raw/lb-sanity.txt"
        [[ $answers == *web1* && $answers == *web2* ]] ||
            die "$name does not balance over web1 and web2 (answers: $answers)"
    done
}

# one wrk run; appends a line to lb-runs.csv (or CSV), asking for / (or PATH)
# wrk_measured NAME MODE RUN CSV NETNS WRK_ARGS...: runs wrk (in network namespace NETNS,
# unless empty) and appends its line to CSV, with the CPU the processes in MEASURED_LB (the
# forwarder; none for a direct run) and MEASURED_BE (the backends) used meanwhile.
MEASURED_LB=() MEASURED_BE=()
wrk_measured() {
    local name=$1 mode=$2 run=$3 csv=$4 netns=$5; shift 5
    local out=$RESULTS/raw/wrk-$name-$mode-$run.txt prefix=()
    [ -n "$netns" ] && prefix=(ip netns exec "$netns")
    local lb0 be0 host0 t0 lb1 be1 host1 t1 ks0 ks1
    lb0=$(pid_ticks "${MEASURED_LB[@]}"); be0=$(pid_ticks "${MEASURED_BE[@]}")
    ks0=$(kernel_ticks "${MEASURED_LB[@]}")
    host0=($(host_ticks)); t0=$EPOCHREALTIME
    # the wrapper shell reads its children's CPU (wrk's) from its own stat after wrk exits
    OUT=$out "${prefix[@]}" bash -c 'wrk "$@" >"$OUT" 2>&1; sed "s/.*) //" /proc/$$/stat | awk "{print \$14+\$15}" >"$OUT.ticks"' _ "$@"
    t1=$EPOCHREALTIME
    lb1=$(pid_ticks "${MEASURED_LB[@]}"); be1=$(pid_ticks "${MEASURED_BE[@]}")
    host1=($(host_ticks)); ks1=$(kernel_ticks "${MEASURED_LB[@]}")
    local wrk_ticks; wrk_ticks=$(cat "$out.ticks"); rm -f "$out.ticks"
    awk -v name="$name" -v mode="$mode" -v run="$run" -v hz="$HZ" -v ncpu="$NCPU" \
        -v secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b - a}')" \
        -v lb=$((lb1 - lb0)) -v lbsys=$((ks1 - ks0)) -v be=$((be1 - be0)) -v wt="$wrk_ticks" \
        -v tot=$((host1[0] - host0[0])) -v idle=$((host1[1] - host0[1])) \
        -v sirq=$((host1[2] - host0[2])) -v haslb=${#MEASURED_LB[@]} \
        -f "$BENCH/lib/wrk-line.awk" "$out" >>"$csv"
    log "  $(tail -1 "$csv")"
}

lb_run_one() { # NAME MODE RUN DURATION_S [CSV] [PATH]
    local name=$1 mode=$2 run=$3 duration=$4 csv=${5:-$RESULTS/lb-runs.csv} path=${6:-/}
    local header=()
    [ "$mode" = close ] && header=(-H 'Connection: close')
    MEASURED_LB=()
    [ "$name" != direct ] && MEASURED_LB=($(group_pids "${LB_PID[$name]}"))
    MEASURED_BE=($(group_pids "${WEB_PID[1]}") $(group_pids "${WEB_PID[2]}"))
    wrk_measured "$name" "$mode" "$run" "$csv" "" -t1 -c"$WRK_CONNECTIONS" -d"${duration}s" \
        --timeout 5s --latency "${header[@]}" "http://127.0.0.1:${LB_PORT[$name]}$path"
}
warm_up() { # NAME...
    local name
    for name in "$@"; do
        wrk -t1 -c"$WRK_CONNECTIONS" -d"${WARMUP_S}s" "http://127.0.0.1:${LB_PORT[$name]}/" \
            >"$RESULTS/raw/warmup-$name-keepalive.txt" 2>&1
        wrk -t1 -c"$WRK_CONNECTIONS" -d"${WARMUP_S}s" -H 'Connection: close' \
            "http://127.0.0.1:${LB_PORT[$name]}/" >"$RESULTS/raw/warmup-$name-close.txt" 2>&1
    done
}

lb_rounds() {
    local names=(direct "${LB_NAMES[@]}") r mode name
    echo "lb,mode,run,req_s,p50_ms,p99_ms,errors,requests,lb_cpu_pct,lb_us_per_req,backend_cpu_pct,wrk_cpu_pct,softirq_pct,other_cpu_pct,host_busy_pct,lb_kernel_share_pct" \
        >"$RESULTS/lb-runs.csv"
    log "lb: warm-up, ${WARMUP_S}s per load balancer and client mode"
    warm_up "${LB_NAMES[@]}"
    log "lb: $RUNS rounds of ${names[*]} x keep-alive/close, ${DURATION_S}s each," \
        "wrk -t1 -c$WRK_CONNECTIONS"
    for ((r = 1; r <= RUNS; r++)); do
        for mode in keepalive close; do
            for name in "${names[@]}"; do
                lb_run_one "$name" "$mode" "$r" "$DURATION_S"
                sleep 0.5
            done
        done
    done
}

# ---------------------------------------------------------------- failover
# A sequential client per load balancer (new connection per request, like a browser
# without keep-alive) runs while web1 is killed (SIGKILL of its nginx) two seconds in, and
# stops 3 s after the last load balancer with a stats CSV reports web1 DOWN (or 12 s after
# the kill), or after FAILOVER_REQUESTS requests. Counted: requests that did not get a 200,
# and for load balancers with a stats CSV the time from the kill until web1 is DOWN.

client_loop() { # PORT MAX OUTFILE STOPFILE : "t_start t_end http_code backend seconds" per request
    local port=$1 max=$2 stop=$4 i
    for ((i = 0; i < max; i++)); do
        [ -e "$stop" ] && break
        local t=$EPOCHREALTIME r
        r=$(curl -s -o /dev/null -m 5 -w '%{http_code} %header{x-backend} %{time_total}' \
            "http://127.0.0.1:$port/" 2>/dev/null)
        echo "$t $EPOCHREALTIME ${r:-000 - 0}"
    done >"$3"
}

# prints, for each load balancer with stats, "name seconds" when web1 turns DOWN
watch_markdown() { # T_KILL NAMES...
    local t_kill=$1 name i st; shift
    declare -A seen=()
    for ((i = 0; i < 200; i++)); do
        for name in "$@"; do
            [ -n "${seen[$name]:-}" ] && continue
            st=$(stats_field "${LB_STATS[$name]}" web1 status)
            if [[ $st == DOWN* ]]; then
                seen[$name]=1
                echo "$name $(awk -v a="$EPOCHREALTIME" -v b="$t_kill" 'BEGIN{printf "%.2f", a - b}')"
            fi
        done
        [ ${#seen[@]} -eq $# ] && return 0
        sleep 0.1
    done
}

lb_failover_rep() { # REP
    local rep=$1 name with_stats=() loops=()
    for name in "${LB_NAMES[@]}"; do [ -n "${LB_STATS[$name]:-}" ] && with_stats+=("$name"); done
    local stop=$WORK/failover-stop-$rep
    for name in "${LB_NAMES[@]}"; do
        client_loop "${LB_PORT[$name]}" "$FAILOVER_REQUESTS" "$WORK/failover-$name-$rep.log" \
            "$stop" &
        loops+=($!)
        BENCH_PGIDS+=($!)
    done
    sleep 2
    local t_kill=$EPOCHREALTIME
    stop_group "${WEB_PID[1]}" KILL
    watch_markdown "$t_kill" "${with_stats[@]}" >"$WORK/markdown-$rep.txt"
    if [ ${#with_stats[@]} -gt 0 ]; then sleep 3; else sleep 12; fi
    touch "$stop"
    wait "${loops[@]}"
    for name in "${LB_NAMES[@]}"; do
        local down; down=$(awk -v n="$name" '$1 == n {print $2}' "$WORK/markdown-$rep.txt")
        [ -n "${LB_STATS[$name]:-}" ] || down=n/a
        awk -v name="$name" -v rep="$rep" -v tk="$t_kill" -v down="${down:-timeout}" '
            {n++; if ($3 != 200) {f++; if (!ff) ff = $1 - tk; lf = $1 - tk}
             if ($5 * 1000 > mx) mx = $5 * 1000; if ($1 >= tk) after++; end = $2}
            END {printf "%s,%d,%d,%d,%d,%s,%s,%.1f,%s,%.1f\n", name, rep, n, after, f + 0,
                 f ? sprintf("%.2f", ff) : "-", f ? sprintf("%.2f", lf) : "-", mx, down, end - tk}' \
            "$WORK/failover-$name-$rep.log" >>"$RESULTS/lb-failover.csv"
        # only the failed and slow requests are kept: the full logs are large
        awk '$3 != 200 || $5 > 0.5' "$WORK/failover-$name-$rep.log" \
            >"$RESULTS/raw/failover-$name-$rep-failed-or-slow.txt"
        log "  failover: $(tail -1 "$RESULTS/lb-failover.csv")"
    done
    start_web 1
    for name in "${with_stats[@]}"; do wait_servers_up "$name"; done
}

lb_failover() {
    echo "lb,rep,requests,requests_after_kill,failed,first_failure_s,last_failure_s,max_request_ms,marked_down_s,loop_end_s" \
        >"$RESULTS/lb-failover.csv"
    log "lb: failover loop, $FAILOVER_REPS x $FAILOVER_REQUESTS sequential requests per load" \
        "balancer, web1 killed 2 s in"
    local rep
    for ((rep = 1; rep <= FAILOVER_REPS; rep++)); do
        # nginx keeps a failed server out for fail_timeout (10 s): start each rep afresh
        [ "$rep" -gt 1 ] && sleep 11
        lb_failover_rep "$rep"
    done
}

# ---------------------------------------------------------------- summary
lb_summarize() {
    awk -F, -f "$BENCH/lib/median.awk" -v keys=1,2 -v cols=4,5,6,9,10,11,12,13,14,15,16 \
        -v sums=7,8 "$RESULTS/lb-runs.csv" >"$RESULTS/lb.csv"
    awk -F, -f "$BENCH/lib/median.awk" -v keys=1 -v cols=8,9,10 -v sums=3,4,5 \
        "$RESULTS/lb-failover.csv" >"$RESULTS/lb-failover-median.csv"
    awk -F, -f "$BENCH/lib/chart.awk" "$RESULTS/lb.csv" >"$RESULTS/lb-chart.svg"
}

# median_rows CSV: a markdown row per proxy and client mode of a medians file (lb.csv, lvs.csv)
median_rows() {
    awk -F, 'NR > 1 {
        mode = ($2 == "close") ? "Connection: close" : ($2 == "big") ? "1 MiB" : "keep-alive"
        name = ($1 == "direct") ? "none (web1 direct)" : $1
        d = ($1 == "direct")
        printf "| %s | %s | %.0f | %.2f | %.2f | %s | %s | %s | %d | %s |\n", name, mode, $3, $4, $5,
            d ? "-" : sprintf("%.1f", $7), d ? "-" : sprintf("%.0f %%", $13), d ? "-" : $6, $14, $11
    }' "$1"
}

lb_markdown() { # the lb part of summary.md
    echo "## Load balancers (HTTP, loopback)"
    echo
    echo "Median of $RUNS interleaved runs of \`wrk -t1 -c$WRK_CONNECTIONS -d${DURATION_S}s --latency\`"
    echo "per row; two nginx backends (one worker each) behind every load balancer; configs in"
    echo "\`bench/lb/\`. CPU µs/req is the load balancer's own CPU (utime+stime from /proc) per"
    echo "request. *other CPU* is what the rest of the machine (other jobs) used meanwhile, in % of"
    echo "one core: high values mean a disturbed run."
    echo
    [ "$QUICK" = 1 ] && echo "*A quick run is too short for a JVM to reach its steady state: compare load" &&
        echo "balancers with a full run.*" && echo
    if [ -n "${LB_PID[bramble-b]:-}" ]; then
        [ -n "${BRAMBLE_B:-}" ] && echo "*bramble-b* is the build at \`$BRAMBLE_B\`$(
            git -C "$(dirname "$BRAMBLE_B")" rev-parse --short HEAD 2>/dev/null |
                sed 's/^/ (commit /; s/$/)/')."
        [ -n "${BRAMBLE_B_JAVA_OPTS:-}" ] &&
            echo "*bramble-b* runs with these JVM options added: \`$BRAMBLE_B_JAVA_OPTS\`."
        echo
    fi
    echo "| load balancer | client | req/s | p50 ms | p99 ms | CPU µs/req | of it in kernel | LB CPU % | errors | other CPU % |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    median_rows "$RESULTS/lb.csv"
    echo
    echo "![req/s and CPU per request](lb-chart.svg)"
    echo
    echo "### Failover: web1 killed (SIGKILL) under a sequential client"
    echo
    echo "A sequential client per load balancer, one new connection per request, from 2 s before"
    echo "web1 is killed until 3 s after it is marked down; medians of $FAILOVER_REPS repetitions,"
    echo "requests and failed requests summed over them."
    echo "Marked down: from the kill until the stats CSV shows web1 DOWN (default check timing:"
    echo "inter 2s, fall 3). nginx has no active checks (n/a)."
    echo
    echo "| load balancer | requests after kill | failed requests | marked down after s | slowest request ms |"
    echo "|---|---:|---:|---:|---:|"
    awk -F, 'NR > 1 {printf "| %s | %d | %d | %s | %s |\n", $1, $6, $7, $3, $2}' \
        "$RESULTS/lb-failover-median.csv"
    echo
}

lb_main() {
    ensure_packages haproxy=haproxy nginx=nginx wrk=wrk curl=curl ss=iproute2 pgrep=procps
    lb_start_all
    lb_sanity
    lb_rounds
    lb_failover
    lb_summarize
    lb_markdown >"$RESULTS/lb.md"
    cat "$RESULTS/lb.md" >&2
    lb_stop_all
    [ "$PROFILE" = 1 ] && lb_profile_summary
    return 0
}

# the JFR recordings of bramble lb (whole run: warm-up, rounds and failover) in a few tables
lb_profile_summary() {
    local name jfr jfrtool out
    jfrtool=$(dirname "$BRAMBLE_JAVA")/jfr
    for name in bramble bramble-b; do
        jfr=$WORK/$name-lb.jfr
        [ -s "$jfr" ] || continue
        out=$RESULTS/$name-profile.txt
        {
            echo "# $name lb, JFR execution samples over the whole lb run ($COMMAND)"
            "$jfrtool" print --stack-depth 64 --events jdk.ExecutionSample "$jfr" |
                awk -f "$BENCH/lib/jfr-top.awk"
            echo
            echo "# jfr summary"
            "$jfrtool" summary "$jfr"
        } >"$out" 2>&1
        cp "$jfr" "$RESULTS/raw/$name-lb.jfr"
        log "profile of $name lb: $out (recording: raw/$name-lb.jfr)"
    done
}

lb_stop_all() {
    local name
    # a JVM writing a long flight recording on a busy machine needs a while
    for name in "${LB_NAMES[@]}"; do stop_group "${LB_PID[$name]}" TERM 900; done
    stop_group "${WEB_PID[1]}"
    stop_group "${WEB_PID[2]}"
}
