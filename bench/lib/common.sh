# Helpers shared by the bench scripts: logging, the process registry that the exit trap
# empties, package installation, ports, CPU accounting and medians. Sourced, never run.
# Everything here touches only what the bench itself started.

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------- process registry
# Every long-lived process the bench starts is put in its own session (setsid), so the
# whole group (nginx workers, keepalived children) can be signalled by the leader's id.
BENCH_PGIDS=()
BENCH_CLEANUPS=()   # extra commands run at exit (namespace removal), last first

# spawn_into VAR LOGFILE CMD... : starts CMD in a new session and stores its pid (= its
# process group id) in VAR; runs in the current shell so that the registry sees it.
spawn_into() {
    local var=$1 logfile=$2; shift 2
    setsid "$@" </dev/null >>"$logfile" 2>&1 &
    printf -v "$var" '%s' "$!"
    BENCH_PGIDS+=("$!")
    disown "$!"   # no job-control chatter when it is killed; bash still reaps it
}

alive() { [ -d "/proc/$1" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

# stop_group PID [SIGNAL] [WAIT_TENTHS]: signals the process group, waits (default 10 s: a
# JVM may be writing its flight recording), then kills it.
stop_group() {
    local pid=$1 sig=${2:-TERM} tenths=${3:-100} i
    kill -"$sig" -- "-$pid" 2>/dev/null || kill -"$sig" "$pid" 2>/dev/null
    for ((i = 0; i < tenths; i++)); do
        kill -0 -- "-$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null
    return 0
}

bench_cleanup() {
    local rc=$? pid i
    trap - EXIT INT TERM
    for pid in "${BENCH_PGIDS[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    done
    for ((i = 0; i < 30; i++)); do
        local left=0
        for pid in "${BENCH_PGIDS[@]}"; do kill -0 -- "-$pid" 2>/dev/null && left=1; done
        [ $left = 0 ] && break
        sleep 0.1
    done
    for pid in "${BENCH_PGIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
    for ((i = ${#BENCH_CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${BENCH_CLEANUPS[$i]}"; done
    wait 2>/dev/null
    exit "$rc"
}
bench_traps() {
    trap bench_cleanup EXIT
    trap 'log "interrupted, cleaning up"; exit 130' INT TERM
}

# ---------------------------------------------------------------- namespace labs
# A lab is namespaces PREFIX<host>, each with one interface eth0 cabled (a veth pair) to a
# bridge br0 in the namespace PREFIXsw; the root namespace's interfaces are never touched.
netns_of() { ip netns list 2>/dev/null | awk '{print $1}' | grep "^$1" || true; } # PREFIX

netns_lab_down() { # PREFIX: kill -9 to everything in the lab's namespaces, then delete them
    local ns pids
    for ns in $(netns_of "$1"); do
        pids=$(ip netns pids "$ns" 2>/dev/null | xargs)
        [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
    done
    for ns in $(netns_of "$1"); do ip netns del "$ns" 2>/dev/null; done
}

netns_lab_up() { # PREFIX HOST=ADDRESS/LENGTH...: the switch, then each host cabled to it
    local prefix=$1 pair n; shift
    [ -z "$(netns_of "$prefix")" ] ||
        die "namespaces $(netns_of "$prefix" | xargs) exist: another bench is running, or remove them with 'ip netns del'"
    BENCH_CLEANUPS+=("netns_lab_down $prefix")
    ip netns add "${prefix}sw" || die "cannot create network namespaces (root needed)"
    ip -n "${prefix}sw" link set lo up
    ip -n "${prefix}sw" link add br0 type bridge forward_delay 0 stp_state 0
    ip -n "${prefix}sw" link set br0 up
    for pair in "$@"; do
        n=${pair%%=*}
        ip netns add "$prefix$n"
        ip -n "${prefix}sw" link add "v-$n" type veth peer name eth0 netns "$prefix$n"
        ip -n "${prefix}sw" link set "v-$n" master br0 up
        ip -n "$prefix$n" link set lo up
        ip -n "$prefix$n" addr add "${pair#*=}" dev eth0
        ip -n "$prefix$n" link set eth0 up
    done
}

# ---------------------------------------------------------------- packages
# ensure_packages CMD=PACKAGE... : installs the Debian packages whose command is missing.
# Package scripts must not start system services (they would take our ports).
ensure_packages() {
    local pair missing=()
    for pair in "$@"; do
        command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || [ "${BENCH_NO_INSTALL:-0}" = 1 ]; then
        die "missing packages: ${missing[*]} (run as root to install them, or apt-get install them)"
    fi
    log "installing ${missing[*]} (their services are not started)"
    local made_policy=0 aptlog=$WORK/apt.log
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        made_policy=1
    fi
    local ok=1
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"$aptlog" 2>&1 || ok=0
    [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
    [ $ok = 1 ] || die "apt-get failed, see $aptlog"
}

# ---------------------------------------------------------------- ports
can_connect() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_port() { # HOST PORT [TENTHS]
    local i
    for ((i = 0; i < ${3:-100}; i++)); do can_connect "$1" "$2" && return 0; sleep 0.1; done
    return 1
}
port_busy() { [ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]; }

# ---------------------------------------------------------------- CPU accounting
# CPU of processes in clock ticks (utime+stime of all threads, /proc/PID/stat fields 14+15;
# the command name may hold spaces, so fields are counted after the last ')').
pid_ticks() {
    local total=0 p v
    for p in "$@"; do
        v=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}')
        total=$((total + ${v:-0}))
    done
    echo "$total"
}
# kernel_ticks PID...: the system (kernel) part of pid_ticks
kernel_ticks() {
    local total=0 p v
    for p in "$@"; do
        v=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $13}')
        total=$((total + ${v:-0}))
    done
    echo "$total"
}
# group_pids PID: the process and its direct children (nginx master + worker).
group_pids() { echo "$1" $(pgrep -P "$1" 2>/dev/null); }
# host_ticks: "total idle softirq" jiffies summed over all CPUs, from /proc/stat
host_ticks() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6, $8}' /proc/stat; }
HZ=$(getconf CLK_TCK)
NCPU=$(nproc)

# median of numbers given as arguments ("-" when none)
median() {
    printf '%s\n' "$@" | grep -E '^-?[0-9.]+$' | sort -g | awk '{a[NR] = $1}
        END {if (!NR) print "-"; else if (NR % 2) print a[(NR + 1) / 2];
             else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# ---------------------------------------------------------------- machine description
machine_line() {
    local cpu kernel jdk
    cpu=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
    kernel=$(uname -r)
    jdk=$("${BRAMBLE_JAVA:-java}" -version 2>&1 | head -1)
    echo "$NCPU cores, $cpu; Linux $kernel; $jdk"
}
