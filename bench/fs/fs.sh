# The file-system benchmark, sourced by bench/run: bramble's volumes against GlusterFS 10.3's
# on the same disk, in one run, with a plain folder of that disk as the ceiling.
#
#   raw           a folder under the scratch folder (the disk itself, no FUSE)
#   gluster-dist  glusterd, a distribute volume of 2 bricks, FUSE-mounted (mount -t glusterfs)
#   gluster-r2    a replica-2 volume of 2 bricks of the same glusterd
#   bramble-dist  a pool of 2 nodes and a witness, a distribute volume of 2 bricks, bramble mount
#   bramble-r2    a replica-2 volume of 2 bricks (one per node) of the same pool
#   gluster-ec    a disperse volume of 3 bricks, redundancy 1 (2 + 1), of the same glusterd
#   bramble-ec    a disperse 3 redundancy 1 volume of the same pool (bricks on nodes 1, 2, 1)
#
# Four groups of phases (--phases, all by default): "workload" below in all seven targets;
# "heal" (self-heal after the second brick's outage) and "stall" (a hung brick under a
# writer) in the two replica-2 targets, from heal.sh, in rounds of their own afterwards;
# "rebalance" (a volume grown by a pair of bricks and rebalanced), from rebalance.sh, last.
#
# Every brick is a folder of the scratch folder, so all seven write to the same disk. Each
# round runs the same workload in every target in turn (interleaved, so that the machine's
# other load falls on all of them alike): dd of BIG_MB MiB with conv=fsync, the same file
# read cold, FILES new files of 4 KiB, `ls -l` of them cold, read back cold, `find | xargs
# stat` cold, `rm -rf`. "Cold" is after sync and drop_caches: the kernel's caches only, a
# FUSE daemon's own caches stay. Around every phase, the CPU ticks of the target's
# file-system processes are read from /proc/PID/stat. Writes into $RESULTS:
#   fs-runs.csv  one line per target, run and phase
#   fs.csv       medians per target and phase
#   fs.md        the tables, the ratios bramble/Gluster and the design's targets
#   raw/         daemon and client logs, the volumes' status, the setup's commands
#
# Addresses: glusterd is bound to the Gluster host's address (a name that resolves to 127.x,
# as Gluster refuses loopback literals for bricks) on its port 24007; bramble's nodes take
# 127.0.0.51-53 on the same port (a bramble mount reaches its volume server on 24007), the
# cluster store's port 24008 and the brick port 24150. Gluster's bricks take its own range
# (49152 and up).

FS_HERE=$BENCH/fs
FS_VOLUMES=(dist r2 ec)
FS_TARGETS=(raw gluster-dist bramble-dist gluster-r2 bramble-r2 gluster-ec bramble-ec)
FS_NODE_ADDRS=(127.0.0.51 127.0.0.52 127.0.0.53)   # the third is the witness
FS_MGMT_PORT=24007
FS_BRICK_PORT=24150
FS_FILE_BYTES=4096
FS_PHASE_TIMEOUT_S=${FS_PHASE_TIMEOUT_S:-1200}   # one phase of one target, then it is a failure
FS_GLUSTERD_VOLS=/var/lib/glusterd/vols
FS_PHASE_GROUPS=(workload heal stall rebalance)
GLUSTER="gluster --mode=script"

declare -A FS_DIR         # target -> the folder its workload runs in
declare -A FS_CPU_PIDS    # target -> the pids whose CPU is the file system's
declare -A FS_MOUNTED     # mount point -> 1 while mounted by this bench
FS_NODE_PIDS=()
FS_GLUSTERD_PID=''
FS_GLUSTER_PIDS=()        # bricks, self-heal daemon and clients, for the teardown
FS_BRAMBLE_CLIENT_PIDS=()

fs_settings() {
    if [ "$QUICK" = 1 ]; then
        FS_RUNS=${RUNS_GIVEN:-1} FS_BIG_MB=${BIG_MB_GIVEN:-128} FS_FILES=${FILES_GIVEN:-500}
        FS_WARMUP_MB=16 FS_WARMUP_FILES=50
        FS_HEAL_MB=${HEAL_MB_GIVEN:-64} FS_HEAL_FILES=${HEAL_FILES_GIVEN:-100}
        FS_STALL_S=${STALL_S_GIVEN:-10}
    else
        FS_RUNS=${RUNS_GIVEN:-3} FS_BIG_MB=${BIG_MB_GIVEN:-1024} FS_FILES=${FILES_GIVEN:-5000}
        FS_WARMUP_MB=64 FS_WARMUP_FILES=300
        FS_HEAL_MB=${HEAL_MB_GIVEN:-256} FS_HEAL_FILES=${HEAL_FILES_GIVEN:-500}
        FS_STALL_S=${STALL_S_GIVEN:-90}   # Gluster's writes waited 58 to 82 s
    fi
    # the warm-up heal writes from the same data as the measured ones
    FS_HEAL_WARMUP_MB=$((FS_WARMUP_MB < FS_HEAL_MB ? FS_WARMUP_MB : FS_HEAL_MB))
    FS_PHASES=${PHASES_GIVEN:-workload,heal,stall,rebalance}
    local g
    for g in ${FS_PHASES//,/ }; do
        [[ " ${FS_PHASE_GROUPS[*]} " == *" $g "* ]] ||
            die "--phases: '$g' is none of ${FS_PHASE_GROUPS[*]}"
    done
    # without the workload, only the replica-2 volumes are made, and only for heal or stall
    # (the rebalance makes volumes of its own)
    if ! fs_phases workload; then
        FS_VOLUMES=()
        if fs_phases heal || fs_phases stall; then FS_VOLUMES=(r2); fi
    fi
    FS_BASE=$WORK/fs
    FS_BRICKS=$FS_BASE/bricks
    FS_MNT=$FS_BASE/mnt
    FS_LOGS=$RESULTS/raw/fs
    FS_PY=/usr/bin/python3
    [ -x "$FS_PY" ] || FS_PY=$(command -v python3)
    mkdir -p "$FS_BRICKS" "$FS_MNT" "$FS_LOGS" "$FS_BASE/raw" || die "cannot make $FS_BASE"
}

fs_phases() { [[ ",$FS_PHASES," == *",$1,"* ]]; }   # GROUP: whether it runs

# ---------------------------------------------------------------- checks
fs_gluster_host() {
    FS_GHOST=${GLUSTER_HOST:-$(hostname)}
    FS_GHOST_IP=$(getent ahostsv4 "$FS_GHOST" | awk 'NR == 1 {print $1}')
    case "$FS_GHOST_IP" in
        127.*) ;;
        *) die "the Gluster host $FS_GHOST resolves to '$FS_GHOST_IP', not a 127.x address;" \
            "set GLUSTER_HOST to a name that does (Gluster refuses loopback literals for bricks)" ;;
    esac
    local a
    for a in "${FS_NODE_ADDRS[@]}"; do
        [ "$a" != "$FS_GHOST_IP" ] || die "the Gluster host resolves to $a, one of bramble's nodes"
    done
}

fs_preflight() {
    [ "$(id -u)" = 0 ] || die "bench/run fs needs root (mounts, drop_caches)"
    [ -c /dev/fuse ] || die "no /dev/fuse"
    pgrep -x glusterd >/dev/null && die "a glusterd is running already; stop it first" \
        "(this bench starts its own, bound to $FS_GHOST_IP:$FS_MGMT_PORT)"
    can_connect "$FS_GHOST_IP" $FS_MGMT_PORT && die "$FS_GHOST_IP:$FS_MGMT_PORT is in use"
    local a
    for a in "${FS_NODE_ADDRS[@]}"; do
        can_connect "$a" $FS_MGMT_PORT && die "$a:$FS_MGMT_PORT is in use (another bench?)"
        can_connect "$a" $FS_BRICK_PORT && die "$a:$FS_BRICK_PORT is in use (another bench?)"
    done
    local v
    for v in "$FS_GLUSTERD_VOLS"/fsbench-*; do
        # a volume left by an interrupted run would make glusterd start bricks that are gone
        [ -d "$v" ] && rm -rf "$v"
    done
    return 0
}

# ---------------------------------------------------------------- processes
# fs_client_pid DIR: the FUSE client serving DIR (the last word of its command line)
fs_client_pid() {
    pgrep -f "(glusterfs|io\.bramble\.cli\.Main mount) .* $1\$" | head -1
}

fs_mount_point() { # TARGET-ish name -> a new mount point
    mkdir -p "$FS_MNT/$1"
    echo "$FS_MNT/$1"
}

# ---------------------------------------------------------------- Gluster
fs_gluster_up() {
    local conf=$FS_BASE/glusterd.vol
    # glusterd listens on every address by default; bound to one, it leaves port 24007 of
    # bramble's addresses free
    sed "s|^end-volume|    option transport.socket.bind-address $FS_GHOST_IP\nend-volume|" \
        /etc/glusterfs/glusterd.vol >"$conf"
    setsid glusterd -N -f "$conf" -p "$FS_BASE/glusterd.pid" --log-level WARNING \
        -l "$FS_LOGS/glusterd.log" </dev/null >>"$FS_LOGS/glusterd.out" 2>&1 &
    FS_GLUSTERD_PID=$!
    disown "$FS_GLUSTERD_PID"
    local i
    for ((i = 0; i < 300; i++)); do
        gluster peer status >/dev/null 2>&1 && break
        alive "$FS_GLUSTERD_PID" || die "glusterd exited (see $FS_LOGS/glusterd.log)"
        sleep 0.1
    done
    gluster peer status >/dev/null 2>&1 || die "glusterd did not answer within 30 s"
    local v spec b=$FS_BRICKS/gluster h=$FS_GHOST
    mkdir -p "$b"   # glusterd makes the brick folders, not their parents
    for v in "${FS_VOLUMES[@]}"; do
        case $v in
            dist) spec="$h:$b/dist-1 $h:$b/dist-2" ;;
            r2) spec="replica 2 $h:$b/r2-1 $h:$b/r2-2" ;;
            ec) spec="disperse 3 redundancy 1 $h:$b/ec-1 $h:$b/ec-2 $h:$b/ec-3" ;;
        esac
        # force: every brick is on one host and on the root file system
        fs_setup_step $GLUSTER volume create "fsbench-$v" $spec force
        fs_setup_step $GLUSTER volume start "fsbench-$v"
        local m; m=$(fs_mount_point "gluster-$v")
        fs_setup_step mount -t glusterfs -o "log-file=$FS_LOGS/gluster-$v-client.log" \
            "$h:/fsbench-$v" "$m"
        FS_MOUNTED[$m]=1
        FS_DIR[gluster-$v]=$m
        gluster volume status "fsbench-$v" >"$FS_LOGS/gluster-$v-status.txt" 2>&1
        # the XML form, as the text form wraps long brick paths: "<hostname>NAME</hostname>"
        # then "<pid>N</pid>" for each brick and daemon
        local bricks shd client pids=$FS_LOGS/gluster-$v-pids.txt
        gluster --xml volume status "fsbench-$v" 2>/dev/null | awk -F'[<>]' '
            $2 == "hostname" {name = $3} $2 == "pid" && $3 > 0 {print name "\t" $3}' >"$pids"
        bricks=$(awk -F'\t' -v h="$h" '$1 == h {print $2}' "$pids")
        shd=$(awk -F'\t' '$1 == "Self-heal Daemon" {print $2}' "$pids")
        client=$(fs_client_pid "$m")
        [ -n "$bricks" ] && [ -n "$client" ] || die "gluster-$v: bricks or client not found" \
            "(see $FS_LOGS/gluster-$v-status.txt)"
        FS_CPU_PIDS[gluster-$v]=$(echo $FS_GLUSTERD_PID $bricks $shd $client)
        FS_GLUSTER_PIDS+=($bricks $shd $client)
    done
    log "fs: Gluster up: glusterd $FS_GLUSTERD_PID; $(for v in "${FS_VOLUMES[@]}"; do
        printf '%s %s; ' "$v" "${FS_CPU_PIDS[gluster-$v]}"; done)"
}

fs_gluster_down() {
    local v p
    if [ -n "$FS_GLUSTERD_PID" ] && alive "$FS_GLUSTERD_PID"; then
        for v in "${FS_VOLUMES[@]}"; do
            gluster volume info "fsbench-$v" >/dev/null 2>&1 || continue
            $GLUSTER volume stop "fsbench-$v" force >/dev/null 2>&1
            $GLUSTER volume delete "fsbench-$v" >/dev/null 2>&1
        done
        stop_group "$FS_GLUSTERD_PID" TERM 100
    fi
    # bricks and the self-heal daemon detach from glusterd: each is stopped by its pid, and
    # only while its command line is still a Gluster process of this bench's volumes
    for p in "${FS_GLUSTER_PIDS[@]}"; do
        alive "$p" || continue
        tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -Eq 'gluster.*(fsbench-|glustershd)' &&
            kill "$p" 2>/dev/null
    done
    # the rebalance phase's volume and processes, when it was interrupted
    pkill -f -- "--volfile-id (rebalance/)?fsbench-rb-" 2>/dev/null
    rm -rf "${FS_GLUSTERD_VOLS:?}"/fsbench-rb-* /var/run/gluster/vols/fsbench-rb-*
    for v in "${FS_VOLUMES[@]}"; do
        [ -d "$FS_GLUSTERD_VOLS/fsbench-$v" ] && rm -rf "${FS_GLUSTERD_VOLS:?}/fsbench-$v"
        # the pid-file folders glusterd leaves behind after a delete
        rm -rf "/var/run/gluster/vols/fsbench-$v" "/var/run/gluster/shd/fsbench-$v"
    done
    FS_GLUSTERD_PID=''
}

# ---------------------------------------------------------------- bramble
fs_bramble_cli() { # ARGS...: a client command of the first node
    BRAMBLE_STATE_DIR=$FS_BASE/nodes/1 "$BRAMBLE" "$@"
}

# fs_bramble_node_start N: starts node N (3 is the witness), or starts it again with the
# same arguments; its pid goes to FS_NODE_PIDS[N - 1]
fs_bramble_node_start() {
    local n=$1 opts=()
    [ "$n" = 3 ] && opts=(--witness)
    setsid "$BRAMBLE" node --state-dir "$FS_BASE/nodes/$n" \
        --listen "${FS_NODE_ADDRS[$((n - 1))]}" --name "fsbench-$n" \
        --brick-port $FS_BRICK_PORT "${opts[@]}" \
        </dev/null >>"$FS_LOGS/bramble-node-$n.log" 2>&1 &
    FS_NODE_PIDS[$((n - 1))]=$!
    disown $!
}

fs_bramble_up() {
    local i addr
    for i in 1 2 3; do fs_bramble_node_start $i; done
    for i in 0 1 2; do
        # a JVM's start on a loaded 2-core machine takes a while
        wait_port "${FS_NODE_ADDRS[$i]}" $FS_MGMT_PORT 1800 ||
            die "bramble node $((i + 1)) did not start (see $FS_LOGS/bramble-node-$((i + 1)).log)"
    done
    for addr in "${FS_NODE_ADDRS[1]}" "${FS_NODE_ADDRS[2]}"; do
        fs_bramble_probe "$addr"
    done
    local v spec b=$FS_BRICKS/bramble a1=${FS_NODE_ADDRS[0]} a2=${FS_NODE_ADDRS[1]}
    mkdir -p "$b"
    for v in "${FS_VOLUMES[@]}"; do
        case $v in
            dist) spec="$a1:$b/dist-1 $a2:$b/dist-2" ;;
            r2) spec="replica 2 $a1:$b/r2-1 $a2:$b/r2-2" ;;
            # the witness holds no brick: node 1 holds two bricks of the set (force)
            ec) spec="disperse 3 redundancy 1 $a1:$b/ec-1 $a2:$b/ec-2 $a1:$b/ec-3" ;;
        esac
        fs_setup_step fs_bramble_cli volume create "fsbench-$v" $spec force --mode=script
        fs_setup_step fs_bramble_cli volume start "fsbench-$v" --mode=script
        local m; m=$(fs_mount_point "bramble-$v")
        fs_setup_step "$BRAMBLE" mount --state-dir "$FS_BASE/nodes/1" \
            --log-file "$FS_LOGS/bramble-$v-client.log" "$a1:/fsbench-$v" "$m"
        FS_MOUNTED[$m]=1
        FS_DIR[bramble-$v]=$m
        local client; client=$(fs_client_pid "$m")
        [ -n "$client" ] || die "bramble-$v: the mount's client process was not found"
        FS_BRAMBLE_CLIENT_PIDS+=("$client")
        FS_CPU_PIDS[bramble-$v]="${FS_NODE_PIDS[*]} $client"
        fs_bramble_cli volume status "fsbench-$v" >"$FS_LOGS/bramble-$v-status.txt" 2>&1
    done
    log "fs: bramble up: nodes ${FS_NODE_PIDS[*]}; clients ${FS_BRAMBLE_CLIENT_PIDS[*]}"
}

# A first probe on a loaded machine can time out while the target's JVM warms up; the
# pool's own retry is the user's, so the bench retries a few times.
fs_bramble_probe() { # ADDR
    local try
    for try in 1 2 3 4; do
        fs_bramble_cli peer probe "$1" >>"$FS_LOGS/setup.log" 2>&1 && return 0
        log "fs: peer probe $1 failed (try $try): $(tail -1 "$FS_LOGS/setup.log")"
        sleep 3
    done
    die "peer probe $1 failed 4 times (see $FS_LOGS/setup.log)"
}

fs_bramble_down() {
    local p
    # the clients end with their mounts; one that did not is stopped here
    for p in "${FS_BRAMBLE_CLIENT_PIDS[@]}"; do alive "$p" && stop_group "$p" TERM 50; done
    for p in "${FS_NODE_PIDS[@]}"; do alive "$p" && stop_group "$p" TERM 150; done
    FS_NODE_PIDS=() FS_BRAMBLE_CLIENT_PIDS=()
}

# ---------------------------------------------------------------- setup and teardown
fs_setup_step() { # CMD...: runs a setup command, logged; dies on failure
    echo "\$ $*" >>"$FS_LOGS/setup.log"
    "$@" >>"$FS_LOGS/setup.log" 2>&1 || die "'$*' failed (see $FS_LOGS/setup.log)"
}

fs_unmount_all() {
    local m
    for m in "${!FS_MOUNTED[@]}"; do
        mountpoint -q "$m" || continue
        umount "$m" 2>/dev/null || { sleep 1; umount "$m" 2>/dev/null; } || umount -l "$m"
    done
    FS_MOUNTED=()
}

# the exit trap's part: mounts first (a client must outlive its mount), then the daemons,
# then the bricks
fs_teardown() {
    # a brick stopped by the hung-brick phase would never see the signals that end it
    [ -n "${FS_STOPPED_PID:-}" ] && kill -CONT "$FS_STOPPED_PID" 2>/dev/null
    FS_STOPPED_PID=''
    fs_unmount_all
    fs_gluster_down
    fs_bramble_down
    [ -n "${FS_BASE:-}" ] && [ -d "$FS_BASE" ] && rm -rf --one-file-system "$FS_BASE"
    return 0
}

# ---------------------------------------------------------------- the workload
fs_drop_caches() { sync; echo 3 >/proc/sys/vm/drop_caches; }

FS_PHASE_T0=0 FS_PHASE_TICKS0=0 FS_PHASE_LOAD=''
fs_phase_begin() { # TARGET
    FS_PHASE_LOAD=$(cut -d' ' -f1 /proc/loadavg)
    FS_PHASE_TICKS0=$(pid_ticks ${FS_CPU_PIDS[$1]:-})
    FS_PHASE_T0=$EPOCHREALTIME
}

# fs_phase_end TARGET RUN PHASE AMOUNT UNIT [SECONDS]: one line of fs-runs.csv. SECONDS is
# the figure of the command itself when it has one (dd, smallfiles.py), else the wall clock;
# "-" for a failed phase.
fs_phase_end() {
    local target=$1 run=$2 phase=$3 amount=$4 unit=$5 secs=${6:-}
    local t1=$EPOCHREALTIME ticks1
    ticks1=$(pid_ticks ${FS_CPU_PIDS[$target]:-})
    [ -n "$secs" ] || secs=$(awk -v a="$FS_PHASE_T0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
    awk -v t="$target" -v r="$run" -v p="$phase" -v n="$amount" -v u="$unit" -v s="$secs" \
        -v ticks=$((ticks1 - FS_PHASE_TICKS0)) -v hz="$HZ" -v load1="$FS_PHASE_LOAD" \
        -v cpu="${FS_CPU_PIDS[$target]:+1}" 'BEGIN {
            rate = (s ~ /^[0-9.]+$/ && s > 0) ? sprintf("%.1f", n / s) : "-"
            if (s !~ /^[0-9.]+$/) s = "-"
            c = cpu ? sprintf("%.2f", ticks / hz) : "-"
            per = (cpu && n > 0) ? sprintf("%.3f", ticks / hz * 1000 / n) : "-"
            printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", t, r, p, n, u, s, rate, c, per, load1
        }' >>"$RESULTS/fs-runs.csv"
    log "  $(tail -1 "$RESULTS/fs-runs.csv")"
}

# dd's own report: "N bytes (...) copied, S s, R MB/s" -> S
fs_dd_seconds() { awk -F', ' '/copied/ {split($(NF - 1), s, " "); print s[1]}' "$1"; }

# fs_run LOGFILE CMD...: runs one measured command with the phase deadline; its standard
# error goes to LOGFILE (dd's report), its output to LOGFILE.out
fs_run() {
    local logfile=$1; shift
    # --foreground: in the shell's process group, so that Ctrl-C reaches the command at once
    timeout --foreground -k 10 "$FS_PHASE_TIMEOUT_S" "$@" >"$logfile.out" 2>"$logfile" && return 0
    log "  failed or timed out: $* (see $logfile)"
    return 1
}

# fs_workload TARGET RUN BIG_MB FILES: the phases in one target; RUN "warmup" records nothing
fs_workload() {
    local target=$1 run=$2 big_mb=$3 files=$4
    local dir=${FS_DIR[$target]}/bench-$run raw=$FS_LOGS/$target-$run
    local mb; mb=$(awk -v m="$big_mb" 'BEGIN {printf "%.3f", m * 1048576 / 1e6}')
    local record=fs_phase_end
    [ "$run" = warmup ] && record=:
    mkdir -p "$dir" || { log "  $target: cannot make $dir"; return 1; }

    fs_phase_begin "$target"
    local secs=-
    fs_run "$raw-write.txt" dd if=/dev/zero of="$dir/big" bs=1M count="$big_mb" conv=fsync &&
        secs=$(fs_dd_seconds "$raw-write.txt")
    $record "$target" "$run" write "$mb" MB "$secs"
    if [ "$secs" != - ]; then
        fs_drop_caches
        fs_phase_begin "$target"
        secs=-
        fs_run "$raw-read.txt" dd if="$dir/big" of=/dev/null bs=1M &&
            secs=$(fs_dd_seconds "$raw-read.txt")
        $record "$target" "$run" read "$mb" MB "$secs"
    fi
    rm -f "$dir/big"
    sync

    fs_phase_begin "$target"
    secs=-
    fs_run "$raw-create.txt" "$FS_PY" "$FS_HERE/smallfiles.py" create "$dir/small" "$files" \
        $FS_FILE_BYTES && secs=$(cut -d' ' -f1 "$raw-create.txt.out")
    $record "$target" "$run" create "$files" files "$secs"

    fs_drop_caches
    fs_phase_begin "$target"
    fs_run "$raw-ls.txt" ls -l "$dir/small" && secs='' || secs=-
    $record "$target" "$run" ls_l "$files" files $secs
    [ "$(grep -c '^-' "$raw-ls.txt.out" 2>/dev/null)" = "$files" ] ||
        log "  $target: ls -l listed $(grep -c '^-' "$raw-ls.txt.out" 2>/dev/null) files of $files"

    fs_drop_caches
    fs_phase_begin "$target"
    secs=-
    fs_run "$raw-readback.txt" "$FS_PY" "$FS_HERE/smallfiles.py" read "$dir/small" "$files" \
        $FS_FILE_BYTES && secs=$(cut -d' ' -f1 "$raw-readback.txt.out")
    $record "$target" "$run" readback "$files" files "$secs"

    fs_drop_caches
    fs_phase_begin "$target"
    fs_run "$raw-stat.txt" bash -c 'find "$1" -type f -print0 | xargs -0 stat' _ "$dir/small" &&
        secs='' || secs=-
    $record "$target" "$run" find_stat "$files" files $secs

    fs_phase_begin "$target"
    fs_run "$raw-rm.txt" rm -rf "$dir" && secs='' || secs=-
    $record "$target" "$run" rm "$files" files $secs
    # the listings are large and say nothing once counted
    rm -f "$raw-ls.txt.out" "$raw-stat.txt.out"
    [ "$run" = warmup ] && rm -f "$raw"-*
    return 0
}

fs_rounds() {
    echo "target,run,phase,amount,unit,seconds,rate_per_s,fs_cpu_s,cpu_ms_per_unit,load1" \
        >"$RESULTS/fs-runs.csv"
    local t r p
    if fs_phases workload; then
        # the JVMs compile their hot paths during the first seconds of work: every target
        # gets the same short workload before anything is measured
        log "fs: warm-up, ${FS_WARMUP_MB} MiB and $FS_WARMUP_FILES files per target"
        for t in "${FS_TARGETS[@]}"; do
            fs_workload "$t" warmup "$FS_WARMUP_MB" "$FS_WARMUP_FILES"
        done
        [ "$PROFILE" = 1 ] && fs_profile_start
        log "fs: $FS_RUNS rounds of ${FS_TARGETS[*]}: ${FS_BIG_MB} MiB, $FS_FILES files of 4 KiB"
        for ((r = 1; r <= FS_RUNS; r++)); do
            for t in "${FS_TARGETS[@]}"; do
                log "fs: round $r, $t"
                fs_workload "$t" "$r" "$FS_BIG_MB" "$FS_FILES"
            done
        done
        [ "$PROFILE" = 1 ] && fs_profile_stop
    fi
    # the heal and stall rounds come after: they start bramble's node 2 and Gluster's brick
    # anew, and a new JVM would meet the workload with its code not compiled yet
    if fs_phases heal || fs_phases stall; then fs_heal_rounds; fi
    if fs_phases rebalance; then fs_rebalance_rounds; fi
    return 0
}

fs_heal_rounds() {
    local t r p
    if fs_phases heal; then
        log "fs: warm-up heal, ${FS_HEAL_WARMUP_MB} MiB and $FS_WARMUP_FILES files per target"
        for t in "${FS_HEAL_TARGETS[@]}"; do
            fs_heal_phase "$t" warmup heal "$FS_HEAL_WARMUP_MB" "$FS_WARMUP_FILES"
        done
    fi
    log "fs: $FS_RUNS rounds of ${FS_HEAL_TARGETS[*]}:" \
        "$(fs_phases heal && echo "heal of ${FS_HEAL_MB} MiB and $FS_HEAL_FILES files;")" \
        "$(fs_phases stall && echo "a brick hung for $FS_STALL_S s")"
    for ((r = 1; r <= FS_RUNS; r++)); do
        if fs_phases heal; then
            for p in heal heal_cmd; do
                for t in "${FS_HEAL_TARGETS[@]}"; do
                    log "fs: round $r, $t, $p"
                    fs_heal_phase "$t" "$r" "$p" "$FS_HEAL_MB" "$FS_HEAL_FILES"
                done
            done
        fi
        if fs_phases stall; then
            for t in "${FS_HEAL_TARGETS[@]}"; do
                log "fs: round $r, $t, stall"
                fs_stall_phase "$t" "$r"
            done
        fi
    done
    return 0
}

# ---------------------------------------------------------------- profile (--profile)
# JFR recordings of bramble's nodes and mount clients over the workload's rounds, started and
# dumped with jcmd so that each process writes its own file
fs_profile_start() {
    local jcmd p; jcmd=$(dirname "$BRAMBLE_JAVA")/jcmd
    for p in "${FS_NODE_PIDS[@]}" "${FS_BRAMBLE_CLIENT_PIDS[@]}"; do
        "$jcmd" "$p" JFR.start name=fsbench settings=profile >>"$FS_LOGS/jfr.log" 2>&1 ||
            log "fs: JFR did not start in $p (see $FS_LOGS/jfr.log)"
    done
}

fs_profile_stop() {
    local jcmd jfr p role out=$RESULTS/fs-profile.txt
    jcmd=$(dirname "$BRAMBLE_JAVA")/jcmd
    : >"$out"
    for p in "${FS_NODE_PIDS[@]}" "${FS_BRAMBLE_CLIENT_PIDS[@]}"; do
        role=$(tr '\0' ' ' <"/proc/$p/cmdline" | awk '{
            for (i = 1; i <= NF; i++) if ($i == "io.bramble.cli.Main") {
                if ($(i + 1) == "node") {for (j = i; j <= NF; j++) if ($j == "--name") print $(j + 1)}
                else print "client-" $NF}}' | sed 's|.*/||')
        jfr=$FS_LOGS/$role.jfr
        "$jcmd" "$p" JFR.dump name=fsbench filename="$jfr" >>"$FS_LOGS/jfr.log" 2>&1
        "$jcmd" "$p" JFR.stop name=fsbench >>"$FS_LOGS/jfr.log" 2>&1
        [ -s "$jfr" ] || continue
        {
            echo "# $role (pid $p): JFR execution samples over the measured rounds ($COMMAND)"
            "$(dirname "$BRAMBLE_JAVA")/jfr" print --stack-depth 64 --events jdk.ExecutionSample \
                "$jfr" | awk -v top=20 -f "$BENCH/lib/jfr-top.awk"
            echo
        } >>"$out" 2>&1
    done
    log "fs: where bramble's CPU went: $out (recordings in raw/fs/)"
}

# ---------------------------------------------------------------- report
fs_summarize() {
    awk -F, -f "$BENCH/lib/median.awk" -v keys=1,3 -v cols=4,6,7,8,9,10 \
        "$RESULTS/fs-runs.csv" >"$RESULTS/fs.csv"
}

fs_markdown() {
    fs_phases workload && fs_workload_markdown
    if fs_phases heal || fs_phases stall; then fs_heal_markdown; fi
    if fs_phases rebalance; then fs_rebalance_markdown; fi
    return 0
}

fs_workload_markdown() {
    local loads; loads=$(awk -F, 'NR > 1 {print $10}' "$RESULTS/fs-runs.csv" | sort -g |
        awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "–" hi}')
    echo "## File system (FUSE, one disk)"
    echo
    echo "bramble and GlusterFS $(glusterfs --version 2>/dev/null | awk 'NR == 1 {print $2}') side by side in one run:"
    echo "each volume of 2 bricks (3 for disperse 2 + 1), every brick a folder of the same disk"
    echo "as *raw disk* (a plain folder, the ceiling). bramble: a pool of two nodes and a witness"
    echo "on 127.0.0.51-53,"
    echo "\`bramble mount\`; Gluster: one glusterd, \`mount -t glusterfs\`."
    echo "Median of $FS_RUNS interleaved runs per cell; per run \`dd bs=1M count=$FS_BIG_MB"
    echo "conv=fsync\` (MB/s = 10^6 bytes/s from dd's own report), the file read back cold,"
    echo "$FS_FILES files of 4 KiB created (no fsync) and read back cold, \`ls -l\` and"
    echo "\`find | xargs stat\` of them cold, \`rm -rf\`. Cold: after \`sync\` and \`drop_caches\`"
    echo "(a FUSE daemon's own caches stay). Ratio: bramble's figure over Gluster's (for times,"
    echo "below 1 is better). Load average (1 min) over the phases: $loads on $NCPU cores."
    echo
    [ "$QUICK" = 1 ] && echo "*A quick run (small sizes, one run): compare with a full run.*" && echo
    awk -F, -v files="$FS_FILES" -f "$FS_HERE/report.awk" "$RESULTS/fs.csv"
}

fs_main() {
    ensure_packages glusterd=glusterfs-server glusterfs=glusterfs-client \
        mount.glusterfs=glusterfs-client fusermount3=fuse3 python3=python3 timeout=coreutils
    fs_settings
    fs_gluster_host
    fs_preflight
    bramble_built || die "bramble does not build or start; the fs bench needs it"
    BENCH_CLEANUPS+=(fs_teardown)
    local t0=$SECONDS
    fs_gluster_up
    fs_bramble_up
    if fs_phases heal || fs_phases stall; then fs_heal_setup; fi
    if fs_phases rebalance; then fs_rebalance_setup; fi
    FS_DIR[raw]=$FS_BASE/raw
    log "fs: set up in $((SECONDS - t0)) s"
    fs_rounds
    fs_heal_keep_logs
    fs_summarize
    fs_markdown >"$RESULTS/fs.md"
    cat "$RESULTS/fs.md" >&2
    fs_teardown
    log "fs: $((SECONDS - t0)) s in all"
}

. "$FS_HERE/heal.sh"
. "$FS_HERE/rebalance.sh"
