# The resource manager's benchmark, sourced by bench/run: seed 003's web cluster (a floating IP
# and nginx in one group) in a lab of network namespaces joined by a bridge that lives in a
# namespace of its own (the root namespace's interfaces are never touched):
#
#   bbc-sw: bridge br0, ports v-<node>   <->   eth0 in bbc-<node>
#   n1 10.232.0.11  n2 10.232.0.12  n3 10.232.0.13  client 10.232.0.50   VIP 10.232.0.100
#
# Two implementations, one after the other, each at its defaults:
#   bramble    `bramble node` on n1 and n2, a witness on n3 (the pool's third vote);
#   pacemaker  Corosync 3 (knet, default token) + Pacemaker 2 on n1, n2 and n3, the group
#              banned from n3 (it only votes); each node in a private mount namespace.
# Both get the same pcs words: stonith-enabled=false, IPaddr2 and nginx (monitor 15s) in
# group WebApp. Then each again with fencing (bramble-fenced, pacemaker-fenced): the same
# words and a fence device, `stonith create lab fence_bramble_lab kind=netns pcmk_host_map=...`
# with stonith-enabled=true: the lab agent kills every process of the node's namespace and
# takes its interfaces down, as a power switch would (Pacemaker runs it from /usr/sbin, where
# the bench puts it for the run). Faults on the node serving the VIP: kill9 (kill -9 of every
# process in its namespace, and its cable pulled: a namespace's kernel would still answer for
# the address, a machine whose power is pulled does not), linkcut (its cable pulled). A client
# polls the VIP over HTTP every 20 ms (watch.py) while each node's eth0 is read. Writes into
# $RESULTS:
#   cluster-runs.csv  one line per implementation, fault and repetition
#   cluster.md        medians

CLUSTER_HERE=$BENCH/cluster
CNS=bbc-
CNET=10.232.0
CVIP=$CNET.100
declare -A CNODE_IP=([n1]=$CNET.11 [n2]=$CNET.12 [n3]=$CNET.13 [client]=$CNET.50)
CLUSTER_HOSTS=(n1 n2 n3 client)
CLUSTER_FAULTS=(kill9 linkcut)
CLUSTER_AGENT=fence_bramble_lab
CLUSTER_AGENT_SOURCE=$BENCH/../bramble-cluster/src/main/resources/io/bramble/cluster/agent
CLUSTER_AGENT_SOURCE+=/fence/$CLUSTER_AGENT
declare -A CNODE_PID   # node -> pid (process group) of what runs it
declare -A CNODE_STARTS

cluster_namespaces() { netns_lab_namespaces "$CNS"; }

cluster_lab_up() {
    local n hosts=()
    for n in "${CLUSTER_HOSTS[@]}"; do hosts+=("$n=${CNODE_IP[$n]}/24"); done
    netns_lab_up "$CNS" c "${hosts[@]}"
    CRUN=$WORK/cluster
    mkdir -p "$CRUN/site"
    echo "web cluster" >"$CRUN/site/index.html"
    for n in "${CLUSTER_HOSTS[@]}"; do echo "${CNODE_IP[$n]} $n"; done >"$CRUN/hosts"
    log "cluster: lab up (namespaces $(cluster_namespaces | xargs))"
}

# nginx's configuration for IMPL, one for every node (the CIB names one file): port 80 of
# all addresses, so only the node holding the VIP answers on it. Its pid file must be each
# node's own, as on separate machines, or a node's start would find another node's nginx:
# Pacemaker's nodes have a private /run; bramble's nodes share the machine's, and never run
# it on two nodes at once.
nginx_config() { # IMPL
    local pid=$CRUN/nginx.pid
    [ "$1" = pacemaker ] && pid=/run/nginx-webapp.pid
    cat >"$CRUN/nginx-$1.conf" <<CONF
user root;
worker_processes 1;
pid $pid;
error_log $CRUN/nginx-error.log;
events {}
http { access_log off; server { listen 80; root $CRUN/site; } }
CONF
    echo "$CRUN/nginx-$1.conf"
}

# ---------------------------------------------------------------- bramble
bramble_cli() { # NODE ARGS...
    local n=$1; shift
    "$BRAMBLE" "$@" --state-dir "$CRUN/bramble/$n"
}

bramble_node_start() { # NODE
    local n=$1 extra=() k=$((${CNODE_STARTS[$1]:-0} + 1)) i
    CNODE_STARTS[$n]=$k
    [ "$n" = n3 ] && extra=(--witness)
    local out=$CRUN/bramble-$n-$k.log
    spawn_into "CNODE_PID[$n]" "$out" env JDK_JAVA_OPTIONS="-Djdk.net.hosts.file=$CRUN/hosts" \
        ip netns exec "$CNS$n" "$BRAMBLE" node --state-dir "$CRUN/bramble/$n" \
        --listen "${CNODE_IP[$n]}" --name "$n" "${extra[@]}"
    for ((i = 0; i < 900; i++)); do grep -q "listening on" "$out" 2>/dev/null && return 0; sleep 0.1; done
    die "cluster: bramble node on $n did not start, see $out"
}

bramble_up() {
    local n
    for n in n1 n2 n3; do bramble_node_start "$n"; done
    bramble_cli n1 peer probe n2 >/dev/null && bramble_cli n1 peer probe n3 >/dev/null ||
        die "cluster: peer probe failed"
    cluster_configure bramble_cli "$(nginx_config bramble)"
}

bramble_revive() { # NODE
    bramble_node_start "$1"
}

# ---------------------------------------------------------------- pacemaker
pacemaker_dirs() {
    local n d
    for n in 1 2 3; do
        d=$CRUN/pacemaker/n$n
        mkdir -p "$d"/{etc-corosync,var-lib-corosync,var-log-corosync,var-lib-pacemaker/{cib,pengine,blackbox,cores},var-log-pacemaker}
        chown -R hacluster:haclient "$d/var-lib-pacemaker" "$d/var-log-pacemaker"
        chmod 750 "$d"/var-lib-pacemaker/*
        chmod 770 "$d/var-log-pacemaker"
        {
            printf 'totem {\n    version: 2\n    cluster_name: webapp\n    transport: knet\n'
            printf '    crypto_cipher: none\n    crypto_hash: none\n}\nnodelist {\n'
            local m
            for m in 1 2 3; do
                printf '    node {\n        ring0_addr: %s\n        name: n%s\n        nodeid: %s\n    }\n' \
                    "${CNODE_IP[n$m]}" "$m" "$m"
            done
            printf '}\nquorum {\n    provider: corosync_votequorum\n}\n'
            printf 'logging {\n    to_logfile: yes\n    logfile: /var/log/corosync/corosync.log\n'
            printf '    to_stderr: no\n    to_syslog: no\n    timestamp: hires\n}\n'
        } >"$d/etc-corosync/corosync.conf"
    done
}

pacemaker_node_start() { # NODE
    local n=$1 d=$CRUN/pacemaker/$1
    rm -f "$d/corosync.pid"
    spawn_into "CNODE_PID[$n]" "$d/node.log" ip netns exec "$CNS$n" unshare -m -u \
        --propagation private bash "$CLUSTER_HERE/pacemaker-node.sh" "${n#n}" "$d"
    local i
    for ((i = 0; i < 100; i++)); do [ -s "$d/corosync.pid" ] && return 0; sleep 0.1; done
    die "cluster: corosync on $n did not start, see $d"
}

# runs a command in node N's network, mount and UTS namespaces
pacemaker_cli() { # NODE CMD...
    local n=$1; shift
    nsenter -t "$(cat "$CRUN/pacemaker/$n/corosync.pid")" -n -m -u "$@"
}
pcs_on() { local n=$1; shift; pacemaker_cli "$n" pcs "$@"; }

pacemaker_up() {
    pacemaker_dirs
    local n i
    for n in n1 n2 n3; do pacemaker_node_start "$n"; done
    for ((i = 0; i < 120; i++)); do
        pacemaker_cli n1 crm_mon -1 2>/dev/null | grep -q "Online: \[ n1 n2 n3 \]" && break
        sleep 1
    done
    cluster_configure pcs_on "$(nginx_config pacemaker)"
    pcs_on n1 constraint location WebApp avoids n3 >/dev/null
}

pacemaker_revive() { # NODE
    pacemaker_node_start "$1"
}

# Pacemaker's fencer runs fence agents from /usr/sbin: the lab agent is put there for the run
pacemaker_agent_install() {
    [ -e "/usr/sbin/$CLUSTER_AGENT" ] && return 0
    install -m 755 "$CLUSTER_AGENT_SOURCE" "/usr/sbin/$CLUSTER_AGENT" ||
        die "cluster: cannot install $CLUSTER_AGENT in /usr/sbin"
    BENCH_CLEANUPS+=("rm -f /usr/sbin/$CLUSTER_AGENT")
}

# ---------------------------------------------------------------- both
# The pcs words of seed 003, through bramble or pcs.
cluster_configure() { # CLI NGINX_CONFIG
    local cli=$1
    $cli n1 property set stonith-enabled=false &&
        $cli n1 resource create AppIP ocf:heartbeat:IPaddr2 ip=$CVIP cidr_netmask=24 \
            op monitor interval=15s &&
        $cli n1 resource create AppWebServer ocf:heartbeat:nginx configfile="$2" \
            op monitor interval=15s &&
        $cli n1 resource group add WebApp AppIP &&
        $cli n1 resource group add WebApp AppWebServer ||
        die "cluster: the pcs words failed on $cli"
}

# fencing on: a lab device for the two nodes that run the group, then stonith-enabled=true
cluster_fencing() { # CLI
    local cli=$1
    $cli n1 stonith create lab $CLUSTER_AGENT kind=netns \
        "pcmk_host_map=n1:${CNS}n1;n2:${CNS}n2" &&
        $cli n1 property set stonith-enabled=true ||
        die "cluster: the fencing words failed on $cli"
}

cluster_holders() {
    local n
    for n in n1 n2; do
        ip -n "$CNS$n" -o -4 addr show dev eth0 2>/dev/null | grep -q " $CVIP/" && echo "$n"
    done
}

# steady: one node holds the VIP and serves the page for 3 s in a row; prints that node
cluster_wait_steady() { # TIMEOUT_S
    local end=$((SECONDS + $1)) since='' was='' held
    while [ $SECONDS -lt $end ]; do
        held=$(cluster_holders | xargs)
        if [ -n "$held" ] && [ "${held// /}" = "$held" ] && [ "$held" = "$was" ] &&
            ip netns exec ${CNS}client curl -sf -m 0.5 -o /dev/null "http://$CVIP/"; then
            since=${since:-$SECONDS}
            [ $((SECONDS - since)) -ge 3 ] && { echo "$held"; return 0; }
        else
            since=''
        fi
        was=$held
        sleep 0.2
    done
    return 1
}

cluster_status() { # IMPL
    case "$1" in
        bramble) bramble_cli n1 status || bramble_cli n2 status ;;
        pacemaker) pacemaker_cli n1 crm_mon -1 -f || pacemaker_cli n2 crm_mon -1 -f ;;
    esac
}

cluster_rep() { # IMPL FAULT REP
    local impl=$1 fault=$2 rep=$3 victim gone=() line
    victim=$(cluster_wait_steady 120) || {
        log "  $impl $fault $rep: never steady, skipped (status in raw/cluster-$impl-$fault-$rep.txt)"
        cluster_status "$impl" >"$RESULTS/raw/cluster-$impl-$fault-$rep.txt" 2>&1
        return 0
    }
    local fault_cmd=(ip -n ${CNS}sw link set "c-$victim" down)
    if [ "$fault" = kill9 ]; then
        gone=(--gone)
        fault_cmd=(bash -c 'kill -9 $(ip netns pids "$1"); ip -n "$2" link set "$3" down' _ \
            "$CNS$victim" ${CNS}sw "c-$victim")
    fi
    line=$(python3 "$CLUSTER_HERE/watch.py" --vip $CVIP --client ${CNS}client \
        --node n1=${CNS}n1 --node n2=${CNS}n2 --victim "$victim" "${gone[@]}" -- "${fault_cmd[@]}")
    echo "$impl,$fault,$rep,$line" >>"$RESULTS/cluster-runs.csv"
    log "  $impl $fault $rep: $line"
    # back as before: a killed or fenced node comes back as after a reboot, without the address
    if [ -z "$(ip netns pids "$CNS$victim" 2>/dev/null)" ]; then
        ip -n "$CNS$victim" addr del $CVIP/24 dev eth0 2>/dev/null
        ip -n "$CNS$victim" link set eth0 up
        ip -n ${CNS}sw link set "c-$victim" up
        "${impl%-fenced}_revive" "$victim"
    else
        ip -n ${CNS}sw link set "c-$victim" up
    fi
}

cluster_report() {
    local md=$RESULTS/cluster.md
    awk -F, -f "$BENCH/lib/median.awk" -v keys=1,2 -v cols=7,8,11 -v sums=10 \
        "$RESULTS/cluster-runs.csv" >"$RESULTS/cluster.csv"
    {
        echo "## cluster: a floating IP and nginx in a group, after a fault on their node"
        echo
        echo "Seed 003's web cluster in a namespace lab (two nodes and a third vote; bramble: a"
        echo "witness, Pacemaker: a third node the group avoids), each tool at its defaults,"
        echo "fencing off; the *-fenced* rows add a fence device (\`fence_bramble_lab kind=netns\`:"
        echo "every process of the node killed, its interfaces taken down) and"
        echo "stonith-enabled=true. A client polls the VIP over HTTP every 20 ms. *Gap*: from the"
        echo "client's first failed poll to the next good one; *VIP moved*: from the fault until"
        echo "the other node holds the address; *on both*: from the first to the last poll that"
        echo "found it on two live nodes (an interface that is down holds nothing), and how many"
        echo "polls did (summed over the runs). Medians of $CLUSTER_REPS runs per row, in ms."
        echo
        echo "| implementation | fault | runs | gap ms | VIP moved ms | on both ms | polls on both |"
        echo "|---|---|---:|---:|---:|---:|---:|"
        awk -F, 'NR > 1 {printf "| %s | %s | %d | %s | %s | %s | %d |\n", $1, $2, $7, $3, $4, $5, $6}' \
            "$RESULTS/cluster.csv"
        echo
        echo "kill9: kill -9 of every process of the node and its cable pulled with it;"
        echo "linkcut: its cable pulled. Every run: \`cluster-runs.csv\`."
    } >"$md"
}

# "Corosync 3.1.7; Pacemaker 2.1.5;" for the summary's versions line
cluster_versions() {
    echo "Corosync $(corosync -v 2>/dev/null | sed -n "s/.*version '\([^']*\)'.*/\1/p" | head -1);" \
        "$(pacemakerd --version 2>/dev/null | head -1);"
}

cluster_main() {
    ensure_packages ip=iproute2 curl=curl nginx=nginx python3=python3 corosync=corosync \
        pacemakerd=pacemaker crm_mon=pacemaker-cli-utils pcs=pcs
    [ -x /usr/lib/ocf/resource.d/heartbeat/IPaddr2 ] || ensure_packages ocf-tester=resource-agents
    CLUSTER_REPS=$REPS
    cluster_lab_up
    echo "implementation,fault,rep,victim,first_failed_ms,first_good_ms,gap_ms,moved_ms,moved_to,overlap_polls,overlap_ms" \
        >"$RESULTS/cluster-runs.csv"
    local impls=(pacemaker pacemaker-fenced) impl fault rep
    bramble_built && impls=(bramble pacemaker bramble-fenced pacemaker-fenced)
    [ -n "${BENCH_CLUSTER_IMPLS:-}" ] && read -r -a impls <<<"$BENCH_CLUSTER_IMPLS"
    for impl in "${impls[@]}"; do
        log "cluster: $impl"
        "${impl%-fenced}_up"
        if [ "$impl" != "${impl%-fenced}" ]; then
            case "${impl%-fenced}" in
                bramble) cluster_fencing bramble_cli ;;
                pacemaker) pacemaker_agent_install; cluster_fencing pcs_on ;;
            esac
        fi
        for ((rep = 1; rep <= REPS; rep++)); do
            for fault in "${CLUSTER_FAULTS[@]}"; do cluster_rep "$impl" "$fault" "$rep"; done
        done
        local n
        for n in n1 n2 n3; do [ -n "${CNODE_PID[$n]:-}" ] && stop_group "${CNODE_PID[$n]}" KILL 1; done
        for n in n1 n2 n3; do
            local left; left=$(ip netns pids "$CNS$n" | xargs)
            [ -n "$left" ] && kill -KILL $left 2>/dev/null
            ip -n "$CNS$n" addr del $CVIP/24 dev eth0 2>/dev/null
            ip -n "$CNS$n" link set eth0 up
            ip -n ${CNS}sw link set "c-$n" up
        done
        CNODE_PID=()
        rm -rf "$CRUN/bramble" "$CRUN/pacemaker"   # the next implementation starts afresh
    done
    cluster_report
}
