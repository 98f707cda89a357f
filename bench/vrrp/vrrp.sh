# The VRRP benchmark, sourced by bench/run: a lab of network namespaces joined by a bridge
# that itself lives in a namespace (the root namespace's interfaces are never touched):
#
#   bbv-sw: bridge br0, ports v-<node>   <->   eth0 in bbv-<node>
#   lb1 10.231.0.11  lb2 10.231.0.12  web1 10.231.0.21  web2 10.231.0.22  client 10.231.0.50
#   VIP 10.231.0.100, VRID 51
#
# On each of lb1/lb2 runs a load balancer bound to VIP:80 and a VRRP daemon (keepalived.conf
# and haproxy.cfg generated from the templates beside this file, as in the users' recipe:
# both nodes `state MASTER`, priorities 101/100, no advert_int, a track script). For each
# implementation, fault and repetition a client in its namespace sends one request every
# ~20 ms to the VIP while the VIP's holders are recorded from `ip monitor address`.
# Faults on lb1: crash (SIGKILL of the VRRP daemon), link (lb1's cable pulled at the
# switch), lbkill (SIGKILL of the load balancer, seen through the track script); then the
# fault is repaired and the VIP moves back (failback). Writes into $RESULTS:
#   vrrp-runs.csv  one line per implementation, fault and repetition
#   vrrp.csv       medians
#   raw/vrrp-*     VIP timelines and the client's failed requests

VRRP_HERE=$BENCH/vrrp
NS=bbv-
NET=10.231.0
VIP=$NET.100
VRID=51
declare -A NODE_IP=([lb1]=$NET.11 [lb2]=$NET.12 [web1]=$NET.21 [web2]=$NET.22 [client]=$NET.50)
declare -A NODE_PRIORITY=([lb1]=101 [lb2]=100)
VRRP_NODES=(lb1 lb2 web1 web2 client)
VRRP_FAULTS=(crash link lbkill)
declare -A DAEMON_PID    # "node/role" -> pid (role: lb, vrrp, web)

ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qx "$1"; }
lab_namespaces() { netns_of "$NS"; }
lab_down() { netns_lab_down "$NS"; }

lab_up() {
    local n hosts=()
    for n in "${VRRP_NODES[@]}"; do hosts+=("$n=${NODE_IP[$n]}/24"); done
    netns_lab_up "$NS" "${hosts[@]}"
    for n in lb1 lb2; do ip netns exec "$NS$n" sysctl -qw net.ipv4.ip_nonlocal_bind=1; done
    VRRP_RUN=$WORK/vrrp
    for n in "${VRRP_NODES[@]}"; do mkdir -p "$VRRP_RUN/$n"; done
    chmod -R a+rX "$VRRP_RUN"
    vrrp_configs
    for n in web1 web2; do
        start_daemon "$n" web nginx -p "$VRRP_RUN/$n/" -e "$VRRP_RUN/$n/nginx.err" \
            -c "$VRRP_RUN/$n/nginx.conf" -g 'daemon off;'
    done
    log "vrrp: lab up (namespaces $(lab_namespaces | xargs))"
}

vrrp_configs() {
    local n d
    for n in web1 web2; do
        d=$VRRP_RUN/$n
        mkdir -p "$d/www" "$d/tmp"
        printf '%s\n' "$n" >"$d/www/index.html"
        sed -e "s/@NODE@/$n/g" -e "s/@NODE_IP@/${NODE_IP[$n]}/g" "$VRRP_HERE/nginx-web.conf" >"$d/nginx.conf"
    done
    for n in lb1 lb2; do
        d=$VRRP_RUN/$n
        sed -e "s/@NODE@/$n/g" -e "s/@VIP@/$VIP/g" -e "s/@WEB1@/${NODE_IP[web1]}/g" \
            -e "s/@WEB2@/${NODE_IP[web2]}/g" -e "s#@PIDFILE@#$d/lb.pid#g" \
            "$VRRP_HERE/haproxy.cfg" >"$d/haproxy.cfg"
        sed -e "s/@NODE@/$n/g" -e "s/@VIP@/$VIP/g" -e "s/@VRID@/$VRID/g" \
            -e "s/@PRIORITY@/${NODE_PRIORITY[$n]}/g" -e "s#@CHECK@#$d/check-lb.sh#g" \
            "$VRRP_HERE/keepalived.conf" >"$d/keepalived.conf"
        # the track script: is this node's load balancer alive? Its pid file is written once
        # it listens (by bramble lb itself; for HAProxy, which binds at once, by impl_start)
        printf '#!/bin/sh\nkill -0 "$(cat %s/lb.pid 2>/dev/null)" 2>/dev/null\n' "$d" >"$d/check-lb.sh"
        chmod 755 "$d/check-lb.sh"
    done
    chmod -R a+rX "$VRRP_RUN"
}

start_daemon() { # NODE ROLE CMD...
    local node=$1 role=$2; shift 2
    spawn_into "DAEMON_PID[$node/$role]" "$VRRP_RUN/$node/$role.log" ip netns exec "$NS$node" "$@"
}
kill_daemon() { # NODE ROLE [SIGNAL]
    local pid=${DAEMON_PID[$1/$2]:-}
    [ -n "$pid" ] && stop_group "$pid" "${3:-TERM}"
    unset "DAEMON_PID[$1/$2]"
}

# ---------------------------------------------------------------- implementations
# impl_start IMPL NODE ROLE: starts the lb or vrrp role of an implementation on a node.
# The one-process bramble runs both roles in its lb process and has no vrrp process.
impl_start() {
    local impl=$1 node=$2 role=$3 d=$VRRP_RUN/$2
    # A JVM binds its listeners a second or more after it starts: bramble lb writes the pid
    # file the track script reads only then, so no node takes the VIP back before it listens.
    [ "$role" = lb ] && rm -f "$d/lb.pid"
    case "$impl/$role" in
        keepalived+haproxy/lb)
            start_daemon "$node" lb haproxy -db -f "$d/haproxy.cfg"
            echo "${DAEMON_PID[$node/lb]}" >"$d/lb.pid" ;;
        keepalived+haproxy/vrrp)
            start_daemon "$node" vrrp keepalived -n -l -D -G -f "$d/keepalived.conf" \
                -p "$d/keepalived.pid" -r "$d/keepalived-vrrp.pid" -c "$d/keepalived-checkers.pid" ;;
        bramble/lb) start_daemon "$node" lb "$BRAMBLE" lb -f "$d/haproxy.cfg" ;;
        bramble/vrrp) start_daemon "$node" vrrp "$BRAMBLE" vrrp -f "$d/keepalived.conf" ;;
        bramble-one-process/lb)
            start_daemon "$node" lb "$BRAMBLE" lb -f "$d/haproxy.cfg" --vrrp "$d/keepalived.conf" ;;
        bramble-one-process/vrrp) ;;
    esac
}
impl_vrrp_role() { [ "$1" = bramble-one-process ] && echo lb || echo vrrp; }

impl_up() { # IMPL
    local n
    for n in lb1 lb2; do impl_start "$1" "$n" lb; done
    for n in lb1 lb2; do impl_start "$1" "$n" vrrp; done
}
impl_down() {
    local n
    for n in lb1 lb2; do
        kill_daemon "$n" vrrp
        kill_daemon "$n" lb
        ip -n "$NS$n" addr del "$VIP/32" dev eth0 2>/dev/null
    done
    ip -n ${NS}client neigh flush all 2>/dev/null
}

vrrp_implementations() {
    VRRP_IMPLS=(keepalived+haproxy)
    if ! bramble_built; then
        return 0
    elif ! "$BRAMBLE" help vrrp >"$WORK/bramble-vrrp-help.log" 2>&1; then
        log "bramble rows skipped: 'bin/bramble help vrrp' failed (bramble has no vrrp command yet):" \
            "$(grep -v '^\s*$' "$WORK/bramble-vrrp-help.log" | head -1)"
        return 0
    fi
    VRRP_IMPLS+=(bramble)
    if "$BRAMBLE" help lb 2>/dev/null | grep -q -- '--vrrp'; then
        VRRP_IMPLS+=(bramble-one-process)
    fi
}

# ---------------------------------------------------------------- observation
has_vip() { ip -n "$NS$1" -o -4 addr show dev eth0 2>/dev/null | grep -q " $VIP/"; }

# Records "epoch node +|-" each time the VIP appears on or leaves lb1 or lb2.
start_vip_watch() { # FILE
    local file=$1 n
    : >"$file"
    for n in lb1 lb2; do
        spawn_into "DAEMON_PID[$n/watch]" "$file" bash -c '
            ip -n "$1" -o monitor address | while read -r line; do
                case "$line" in
                    *" inet $2/"*) case "$line" in Deleted*) s=-;; *) s=+;; esac
                                   echo "$EPOCHREALTIME $3 $s";;
                esac
            done' _ "$NS$n" "$VIP" "$n"
    done
    sleep 0.2
    for n in lb1 lb2; do has_vip "$n" && echo "$EPOCHREALTIME $n +" >>"$file"; done
}
stop_vip_watch() { kill_daemon lb1 watch; kill_daemon lb2 watch; }

# The client: one request to the VIP every 20 ms on a new connection, 0.5 s deadline each;
# "t_start t_end http_code served_by" per request. Bounded to 120 s.
start_prober() { # FILE
    spawn_into "DAEMON_PID[client/prober]" /dev/null ip netns exec ${NS}client bash -c '
        end=$((SECONDS + 120))
        while [ $SECONDS -lt $end ]; do
            t=$EPOCHREALTIME
            r=$(curl -s -o /dev/null -m 0.5 -w "%{http_code} %header{x-lb}" "http://$1/" 2>/dev/null)
            echo "$t $EPOCHREALTIME ${r:-000}"
            sleep 0.02
        done >"$2"' _ "$VIP" "$1"
}
stop_prober() { kill_daemon client prober; }

# steady: lb1 alone holds the VIP and the client is served by lb1.
wait_steady() { # TIMEOUT_S
    local end=$((SECONDS + $1)) since=
    while [ $SECONDS -lt $end ]; do
        if has_vip lb1 && ! has_vip lb2 &&
            [ "$(ip netns exec ${NS}client curl -s -m 0.5 -o /dev/null -w '%{http_code} %header{x-lb}' "http://$VIP/")" = "200 lb1" ]; then
            since=${since:-$SECONDS}
            [ $((SECONDS - since)) -ge 2 ] && return 0
        else
            since=
        fi
        sleep 0.2
    done
    return 1
}

# waits until the client log shows N successes in a row from NODE after epoch T (or timeout)
wait_served() { # LOG T NODE TIMEOUT_S
    local end=$((SECONDS + $4))
    while [ $SECONDS -lt $end ]; do
        awk -v t="$2" -v n="$3" '$1 >= t {run = ($3 == 200 && $4 == n) ? run + 1 : 0; if (run >= 10) ok = 1}
            END {exit !ok}' "$1" 2>/dev/null && return 0
        sleep 0.2
    done
    return 1
}

vrrp_fault() { # IMPL FAULT
    case "$2" in
        crash) kill_daemon lb1 "$(impl_vrrp_role "$1")" KILL ;;
        link) ip -n ${NS}sw link set v-lb1 down ;;
        lbkill) kill_daemon lb1 lb KILL ;;
    esac
}
vrrp_restore() { # IMPL FAULT
    case "$2" in
        crash) impl_start "$1" lb1 "$(impl_vrrp_role "$1")" ;;
        link) ip -n ${NS}sw link set v-lb1 up ;;
        lbkill) impl_start "$1" lb1 lb ;;
    esac
}

vrrp_rep() { # IMPL FAULT REP
    local impl=$1 fault=$2 rep=$3 tag="$1-$2-$3"
    local vips=$WORK/vip-$tag.txt probe=$WORK/probe-$tag.txt
    start_vip_watch "$vips"
    start_prober "$probe"
    sleep 1.5
    local t_fault=$EPOCHREALTIME
    vrrp_fault "$impl" "$fault"
    wait_served "$probe" "$t_fault" lb2 20 || log "  $tag: the client was not served by lb2 within 20 s"
    sleep 1
    local t_restore=$EPOCHREALTIME
    vrrp_restore "$impl" "$fault"
    wait_served "$probe" "$t_restore" lb1 30 || log "  $tag: the client was not served by lb1 within 30 s"
    sleep 3   # late failures on failback (lb1 holding the VIP before its backends are up)
    local t_end=$EPOCHREALTIME
    stop_prober
    stop_vip_watch
    awk -v impl="$impl" -v fault="$fault" -v rep="$rep" -v tf="$t_fault" -v tr="$t_restore" \
        -v te="$t_end" -f "$VRRP_HERE/analyze.awk" <(sort -n "$vips") "$probe" >>"$RESULTS/vrrp-runs.csv"
    log "  vrrp: $(tail -1 "$RESULTS/vrrp-runs.csv")"
    { echo "# $tag: fault at $t_fault, restore at $t_restore"; cat "$vips"; } >"$RESULTS/raw/vrrp-vip-$tag.txt"
    awk -v tf="$t_fault" '$3 != 200 {printf "%+.3f %s\n", $1 - tf, $0}' "$probe" \
        >"$RESULTS/raw/vrrp-failed-$tag.txt"
}

vrrp_impl_round() { # IMPL REP
    local impl=$1 rep=$2 fault
    impl_up "$impl"
    if ! wait_steady 40; then
        log "vrrp: $impl did not reach a steady state (lb1 holding the VIP and serving) in 40 s; skipped"
        impl_down
        return 0
    fi
    for fault in "${VRRP_FAULTS[@]}"; do
        if [ "$impl/$fault" = bramble-one-process/lbkill ]; then
            continue   # its load balancer is its VRRP process: the same as crash
        fi
        vrrp_rep "$impl" "$fault" "$rep"
        wait_steady 40 || { log "vrrp: $impl not steady after $fault; restarting it"; impl_down; impl_up "$impl"; wait_steady 40; }
    done
    impl_down
}

vrrp_summarize() {
    awk -F, -f "$BENCH/lib/median.awk" -v keys=1,2 -v cols=4,5,7,8,9,12 -v sums=6,10,11 \
        "$RESULTS/vrrp-runs.csv" >"$RESULTS/vrrp.csv"
}

vrrp_markdown() {
    echo "## Virtual IP failover (network-namespace lab)"
    echo
    echo "Two load-balancer nodes (lb1 priority 101, lb2 100, track script every 2 s with weight 2,"
    echo "no advert_int: the users' recipe, so keepalived adverts every 1 s (VRRPv2) and bramble"
    echo "every 0.1 s (VRRPv3), each tool's default), two nginx web servers and a client sending one"
    echo "request every 20 ms (new connection, 0.5 s deadline) to the VIP. Medians of $REPS"
    echo "repetitions, failed requests summed. Faults on lb1: *crash* = SIGKILL of the VRRP"
    echo "daemon; *link* = lb1's link cut at the bridge; *lbkill* = SIGKILL of the load balancer"
    echo "process. VIP takeover: fault until lb2 holds the VIP. Outage: first failed request"
    echo "until the client is served again. Both held: time both nodes had the VIP configured."
    echo "Failback: after the repair, until lb1 holds the VIP alone."
    echo
    echo "| implementation | fault | VIP takeover s | outage s | failed requests | both held s | failback VIP s | failback outage s | failback failed requests |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
    awk -F, 'NR > 1 {printf "| %s | %s | %s | %s | %d | %s | %s | %s | %d |\n", $1, $2, $3, $4, $9, $5, $6, $7, $10}' \
        "$RESULTS/vrrp.csv"
    echo
}

vrrp_main() {
    [ "$(id -u)" = 0 ] || die "the vrrp lab needs root (network namespaces)"
    ensure_packages haproxy=haproxy nginx=nginx keepalived=keepalived ip=iproute2 curl=curl
    VRRP_RUN=$WORK/vrrp
    [ "$QUICK" = 1 ] && VRRP_FAULTS=(link lbkill)   # a smoke run: the VRRP and the track-script paths
    vrrp_implementations
    lab_up
    echo "impl,fault,rep,takeover_s,outage_s,failed,both_held_s,failback_vip_s,failback_outage_s,failback_failed,requests,first_failure_s" \
        >"$RESULTS/vrrp-runs.csv"
    log "vrrp: ${VRRP_IMPLS[*]} x ${VRRP_FAULTS[*]}, $REPS repetitions (interleaved by repetition)"
    local rep impl
    for ((rep = 1; rep <= REPS; rep++)); do
        for impl in "${VRRP_IMPLS[@]}"; do vrrp_impl_round "$impl" "$rep"; done
    done
    vrrp_summarize
    vrrp_markdown >"$RESULTS/vrrp.md"
    cat "$RESULTS/vrrp.md" >&2
    lab_down
}
