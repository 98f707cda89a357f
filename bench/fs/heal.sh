# The replica-2 phases of `bench/run fs`, sourced by fs.sh: self-heal after a brick's outage,
# and the stall a hung brick causes, in gluster-r2 and bramble-r2 in turn.
#
#   heal      the second brick's process is killed (kill -9: Gluster's glusterfsd of that
#             brick, bramble's node 2, which serves it); through the mount HEAL_MB MiB of a
#             file written before the outage are overwritten with other bytes and HEAL_FILES
#             new files of 4 KiB are made in a new folder; the brick is brought back as its
#             users do (Gluster: `volume start VOL force`, and its self-heal daemon does the
#             rest; bramble: node 2 started again with the same arguments). Measured: from
#             the restart to `volume status` showing the brick online ("back"), and from then
#             to `volume heal VOL statistics heal-count` reporting 0 entries on both bricks.
#   heal_cmd  the same, with `volume heal VOL` issued as soon as the brick is online.
#   stall     a writer on the mount writes 4 KiB and fsyncs every 0.1 s (writegaps.py); after
#             2 s the second brick's process is stopped (SIGSTOP) for STALL_S s, then
#             continued (SIGCONT). Measured: the longest time between two completed writes
#             (at least STALL_S when the writes waited to the end).
#
# The moments are read from each tool's own commands, polled 0.2 s after the previous poll
# returned: the clock of a heal starts when the first `volume status` that shows the brick
# online returns, and stops when the first heal-count of 0 on every brick returns. Each
# poll's duration is logged (raw/fs/*-polls.txt): it is the figures' resolution, and
# bramble's CLI is a JVM that takes a second or more to start. So each heal has a second end
# too, to the millisecond: the last file the daemons logged as healed (Gluster's self-heal
# daemon's "Completed ... selfheal" lines, bramble's "heal from" line at the end of each
# pass). After each heal the two bricks' copies of the phase's folder are compared (diff -r).
#
# glusterd ignores a `volume start force` that comes within a second or two of a brick's
# death (it still counts the brick as running): each outage lasts at least 5 s, and a brick
# still offline 20 s after `start force` gets a second one, as its user would. Between
# phases the bench waits for nothing left to heal, and after 30 s issues `volume heal`
# (Gluster's daemon looks at its index again only every 10 minutes).

# BENCH_FS_HEAL_TARGETS=bramble-r2 measures one of them alone, to compare builds of bramble
read -r -a FS_HEAL_TARGETS <<<"${BENCH_FS_HEAL_TARGETS:-gluster-r2 bramble-r2}"
FS_HEAL_VOLUME=fsbench-r2
FS_HEAL_POLL_S=0.2
FS_HEAL_TIMEOUT_S=${FS_HEAL_TIMEOUT_S:-300}   # a heal that takes longer is a failure
FS_BACK_TIMEOUT_S=${FS_BACK_TIMEOUT_S:-180}   # from the restart to the brick online
FS_SETTLE_S=30                                # between phases, then `volume heal`
FS_OUTAGE_MIN_S=5                             # the shortest outage of a heal phase
FS_RESTART_AGAIN_S=20                         # Gluster: `start force` again if still offline
FS_STALL_LEAD_S=2                             # writes before the brick is stopped
FS_STALL_EVERY_S=0.1
FS_STOPPED_PID=''                             # a brick process stopped now (SIGCONT at exit)
FS_HEAL_SAME=0 FS_HEAL_DIFFER=0               # copies compared after the measured heals
declare -A FS_OUTAGE_FAILED                   # target -> measured outages whose writes failed

# bramble's CLI is a JVM: the bench's own polls run it with C1 alone and a class-data archive
# (written by the first poll), which halves their start; the nodes, the mounts and the
# commands a user would type keep the defaults
fs_bramble_poll() {
    local opts="-XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive"
    opts+=" -XX:SharedArchiveFile=$FS_BASE/bramble-cli.jsa"
    BRAMBLE_JAVA_OPTS="${BRAMBLE_JAVA_OPTS:-} $opts" fs_bramble_cli "$@"
}

fs_heal_setup() {
    # the bytes written during the outages: random, so that every block differs from the
    # zeros written before (a heal that compares blocks, as Gluster's diff does, copies all)
    if fs_phases heal; then
        head -c $((FS_HEAL_MB * 1048576)) /dev/urandom >"$FS_BASE/heal-data" ||
            die "cannot write $FS_BASE/heal-data"
    fi
    fs_bramble_poll volume status "$FS_HEAL_VOLUME" >/dev/null 2>&1   # writes the archive
    # Gluster's self-heal daemon logs each file it healed, into a log of the machine's (its
    # -l): the bench reads what was added after this point
    local shd; shd=$(awk -F'\t' '$1 == "Self-heal Daemon" {print $2}' \
        "$FS_LOGS/gluster-r2-pids.txt")
    FS_SHD_LOG=$(tr '\0' '\n' <"/proc/$shd/cmdline" 2>/dev/null |
        awk 'p {print; exit} $0 == "-l" {p = 1}')
    FS_SHD_LOG_FROM=$(stat -c %s "$FS_SHD_LOG" 2>/dev/null || echo 0)
}

fs_shd_log() { tail -c +$((FS_SHD_LOG_FROM + 1)) "$FS_SHD_LOG" 2>/dev/null; }   # this run's

# the self-heal daemon's lines of this run, kept with the other logs
fs_heal_keep_logs() {
    [ -f "${FS_SHD_LOG:-}" ] && fs_shd_log >"$FS_LOGS/glustershd.log"
    return 0
}

# fs_heal_logged TARGET FROM TO: when (epoch seconds) the target's daemons logged the last
# file they healed between FROM and TO (Gluster: "Completed ... selfheal" in the self-heal
# daemon's log; bramble: a node's "heal from" line, at the end of each pass); nothing if none
fs_heal_logged() {
    local form from to last
    case $1 in
        gluster-r2) form='+%Y-%m-%d %H:%M:%S.%6N' ;;   # "[2026-12-05 10:33:28.333380 +0000]"
        bramble-r2) form='+%Y-%m-%dT%H:%M:%S.%3NZ' ;;  # "2026-12-05T10:33:15.982Z"
    esac
    # the times compare as text within one form
    from=$(date -u -d "@$2" "$form") to=$(date -u -d "@$3" "$form")
    case $1 in
        gluster-r2)
            last=$(fs_shd_log | awk -v f="$from" -v t="$to" -v v="$FS_HEAL_VOLUME-replicate-" '
                /Completed (data|metadata|entry) selfheal/ && index($0, v) {
                    ts = substr($1, 2) " " $2
                    if (ts > f && ts <= t) last = ts
                }
                END {print last}') ;;
        bramble-r2)
            last=$(cat "$FS_LOGS"/bramble-node-[0-9].log | awk -v f="$from" -v t="$to" \
                -v v="volume $FS_HEAL_VOLUME: heal from " '
                index($0, v) && $1 > f && $1 <= t && $1 > last {last = $1}
                END {print last}') ;;
    esac
    [ -n "$last" ] && date -u -d "$last" +%s.%N
}

# fs_csv_line TARGET RUN PHASE AMOUNT UNIT SECONDS: a line of fs-runs.csv without CPU
fs_csv_line() {
    awk -v t="$1" -v r="$2" -v p="$3" -v n="$4" -v u="$5" -v s="$6" \
        -v load1="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
            rate = (s ~ /^[0-9.]+$/ && s > 0) ? sprintf("%.1f", n / s) : "-"
            printf "%s,%s,%s,%s,%s,%s,%s,-,-,%s\n", t, r, p, n, u, s, rate, load1
        }' >>"$RESULTS/fs-runs.csv"
    log "  $(tail -1 "$RESULTS/fs-runs.csv")"
}

# ---------------------------------------------------------------- the second brick
fs_brick2_path() { # TARGET
    case $1 in
        gluster-r2) echo "$FS_BRICKS/gluster/r2-2" ;;
        bramble-r2) echo "$FS_BRICKS/bramble/r2-2" ;;
    esac
}

# fs_brick2_pid TARGET: the process that serves the second brick (empty when offline)
fs_brick2_pid() {
    case $1 in
        gluster-r2)
            gluster --xml volume status "$FS_HEAL_VOLUME" 2>/dev/null | awk -F'[<>]' \
                -v b="$(fs_brick2_path "$1")" '$2 == "path" {p = $3}
                    $2 == "pid" && p == b && $3 > 0 {print $3; exit}' ;;
        bramble-r2) echo "${FS_NODE_PIDS[1]}" ;;
    esac
}

# fs_brick2_online TARGET: whether `volume status` shows the second brick online. bramble's
# table wraps long brick names over whole lines, as Gluster's text form does.
fs_brick2_online() {
    local b; b=$(fs_brick2_path "$1")
    case $1 in
        gluster-r2)
            [ "$(gluster --xml volume status "$FS_HEAL_VOLUME" 2>/dev/null | awk -F'[<>]' \
                -v b="$b" '$2 == "path" {p = $3}
                    $2 == "status" && p == b {print $3; exit}')" = 1 ] ;;
        bramble-r2)
            [ "$(fs_bramble_poll volume status "$FS_HEAL_VOLUME" 2>/dev/null | awk -v b="$b" '
                /^Brick / {name = substr($0, 7); full = NF >= 6 && $(NF - 1) ~ /^[YN]$/}
                !/^Brick / && name != "" {name = name $0; full = NF >= 4 && $(NF - 1) ~ /^[YN]$/}
                full {
                    n = split(name, f, " ")
                    if (substr(f[1], length(f[1]) - length(b) + 1) == b) print f[n - 1]
                    name = ""; full = 0
                }')" = Y ] ;;
    esac
}

fs_brick2_restart() { # TARGET
    case $1 in
        gluster-r2) $GLUSTER volume start "$FS_HEAL_VOLUME" force ;;
        bramble-r2) fs_bramble_node_start 2 ;;
    esac
}

fs_heal_command() { # TARGET: what a user types to start a heal at once
    case $1 in
        gluster-r2) $GLUSTER volume heal "$FS_HEAL_VOLUME" ;;
        bramble-r2) fs_bramble_cli volume heal "$FS_HEAL_VOLUME" ;;
    esac
}

# fs_heal_counts TARGET: the entries of `statistics heal-count` per brick, on one line
# ("-" for a brick that did not answer)
fs_heal_counts() {
    case $1 in
        gluster-r2) $GLUSTER volume heal "$FS_HEAL_VOLUME" statistics heal-count ;;
        bramble-r2) fs_bramble_poll volume heal "$FS_HEAL_VOLUME" statistics heal-count ;;
    esac 2>/dev/null | awk '/^Brick / {c[++n] = "-"} /^Number of entries:/ && n {c[n] = $4}
        END {for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? " " : ""), c[i]; print ""}'
}

# fs_track_pid OLD NEW: a brick's process started again; its CPU is counted from now on
fs_track_pid() {
    local k w out
    for k in "${!FS_CPU_PIDS[@]}"; do
        out=''
        for w in ${FS_CPU_PIDS[$k]}; do
            [ "$w" = "$1" ] && w=$2
            out+="${out:+ }$w"
        done
        FS_CPU_PIDS[$k]=$out
    done
}

# ---------------------------------------------------------------- polls
FS_POLL_AT=''   # the moment the last poll of a wait returned (the deciding one, when it ends)

# fs_wait_brick2 TARGET online|offline LOG T0 BOUND_S: polls `volume status` until the
# second brick is shown so
fs_wait_brick2() {
    local target=$1 want=$2 polls=$3 t0=$4 bound=$5 s e now
    while :; do
        s=$EPOCHREALTIME
        fs_brick2_online "$target" && now=online || now=offline
        e=$EPOCHREALTIME
        fs_poll_line "$polls" status "$t0" "$s" "$e" "$now"
        FS_POLL_AT=$e
        [ "$now" = "$want" ] && return 0
        fs_seconds_since "$t0" "$bound" || return 1
        sleep $FS_HEAL_POLL_S
    done
}

# fs_wait_healed TARGET LOG T0 BOUND_S: polls heal-count until 0 on every brick
fs_wait_healed() {
    local target=$1 polls=$2 t0=$3 bound=$4 s e counts
    while :; do
        s=$EPOCHREALTIME
        counts=$(fs_heal_counts "$target")
        e=$EPOCHREALTIME
        fs_poll_line "$polls" heal-count "$t0" "$s" "$e" "$counts"
        if [ "$counts" = "0 0" ]; then
            FS_POLL_AT=$e
            return 0
        fi
        fs_seconds_since "$t0" "$bound" || return 1
        sleep $FS_HEAL_POLL_S
    done
}

# one line of a polls log: what, when it returned (s after T0), how long it took, the answer
fs_poll_line() { # LOG WHAT T0 START END ANSWER
    awk -v w="$2" -v t0="$3" -v s="$4" -v e="$5" -v a="$6" \
        'BEGIN {printf "%s %.3f %.3f %s\n", w, e - t0, e - s, a}' >>"$1"
}

fs_seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }

# fs_seconds_since T0 BOUND_S: false once BOUND_S seconds have passed since T0
fs_seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" -v n="$2" 'BEGIN {exit !(b - a < n)}'; }

# fs_heal_ready TARGET LOG: the second brick online and nothing left to heal, as a phase needs
fs_heal_ready() {
    local t0=$EPOCHREALTIME
    fs_wait_brick2 "$1" online "$2" "$t0" "$FS_BACK_TIMEOUT_S" &&
        fs_heal_settle "$1" "$2" "$t0" && return 0
    log "  $1: the second brick is not online with nothing to heal after" \
        "$(fs_seconds_between "$t0" "$EPOCHREALTIME") s (see $2)"
    return 1
}

# fs_heal_settle TARGET LOG T0: waits for nothing left to heal between the phases; when
# self-heal leaves entries for long (Gluster's daemon crawls its index again only every
# 10 minutes), `volume heal` as a user would
fs_heal_settle() {
    fs_wait_healed "$1" "$2" "$3" $FS_SETTLE_S && return 0
    log "  $1: entries left to heal after $FS_SETTLE_S s: \`volume heal\`"
    fs_heal_command "$1" >>"$2" 2>&1
    fs_wait_healed "$1" "$2" "$3" "$FS_HEAL_TIMEOUT_S"
}

# fs_heal_compare TARGET REL: the two bricks' copies of a folder, compared after a heal
fs_heal_compare() {
    local b2; b2=$(fs_brick2_path "$1")
    local b1=${b2%-2}-1 out=$FS_LOGS/$1-$2-compare.txt
    if diff -rq "$b1/$2" "$b2/$2" >"$out" 2>&1; then
        rm -f "$out"
        return 0
    fi
    log "  $1: the bricks' copies of $2 differ after the heal (see $out)"
    return 1
}

# ---------------------------------------------------------------- the phases
fs_heal_failed() { # RECORD TARGET RUN PHASE MB: a heal phase that measured nothing
    $1 "$2" "$3" back 1 brick -
    $1 "$2" "$3" "$4" "$5" MB -
}

# fs_heal_phase TARGET RUN PHASE BIG_MB FILES: PHASE heal or heal_cmd; RUN "warmup" records
# nothing
fs_heal_phase() {
    local target=$1 run=$2 phase=$3 big_mb=$4 files=$5
    local rel=heal-$run-$phase
    local dir=${FS_DIR[$target]}/$rel raw=$FS_LOGS/$target-$run-$phase
    local mb; mb=$(awk -v m="$big_mb" 'BEGIN {printf "%.3f", m * 1048576 / 1e6}')
    local record=fs_phase_end
    [ "$run" = warmup ] && record=:
    if ! fs_heal_ready "$target" "$raw-ready-polls.txt" || ! mkdir -p "$dir" ||
        ! fs_run "$raw-before.txt" dd if=/dev/zero of="$dir/big" bs=1M count="$big_mb" \
            conv=fsync; then
        fs_heal_failed "$record" "$target" "$run" "$phase" "$mb"
        return 1
    fi
    local old; old=$(fs_brick2_pid "$target")
    if [ -z "$old" ]; then
        log "  $target: the second brick's process was not found"
        fs_heal_failed "$record" "$target" "$run" "$phase" "$mb"
        return 1
    fi
    local t_kill=$EPOCHREALTIME ok=1
    kill -KILL "$old"
    # the outage begins once the tool knows of it (glusterd ignores a `start force` before)
    fs_wait_brick2 "$target" offline "$raw-polls.txt" "$t_kill" 60 || ok=0
    log "  $target: second brick away (kill -9 $old; offline after" \
        "$(fs_seconds_between "$t_kill" "$FS_POLL_AT") s); writing $big_mb MiB and $files files"
    local written=1
    fs_run "$raw-outage-write.txt" dd if="$FS_BASE/heal-data" of="$dir/big" bs=1M \
        count="$big_mb" conv=notrunc,fsync || written=0
    fs_run "$raw-outage-create.txt" "$FS_PY" "$FS_HERE/smallfiles.py" create "$dir/small" \
        "$files" $FS_FILE_BYTES || written=0
    sync
    if [ $written = 0 ]; then
        ok=0
        [ "$run" = warmup ] ||
            FS_OUTAGE_FAILED[$target]=$((${FS_OUTAGE_FAILED[$target]:-0} + 1))
    fi
    # glusterd takes a `start force` that comes within a second or two of the kill for a
    # brick still running, and does nothing: every outage lasts a few seconds
    local left; left=$(awk -v a="$t_kill" -v b="$EPOCHREALTIME" -v m=$FS_OUTAGE_MIN_S \
        'BEGIN {printf "%.3f", (b - a < m) ? m - (b - a) : 0}')
    sleep "$left"

    fs_phase_begin "$target"   # the brick's start: its new process's CPU counts from 0
    local t_restart=$EPOCHREALTIME
    fs_brick2_restart "$target" >>"$raw-restart.txt" 2>&1
    local back=0
    if [ "$target" = gluster-r2 ]; then
        if fs_wait_brick2 "$target" online "$raw-polls.txt" "$t_restart" $FS_RESTART_AGAIN_S
        then
            back=1
        else
            # what a user does when `volume status` still shows the brick offline
            log "  $target: offline $FS_RESTART_AGAIN_S s after \`volume start force\`: again"
            fs_brick2_restart "$target" >>"$raw-restart.txt" 2>&1
        fi
    fi
    if [ $back = 0 ] &&
        ! fs_wait_brick2 "$target" online "$raw-polls.txt" "$t_restart" "$FS_BACK_TIMEOUT_S"; then
        log "  $target: the second brick is not online ${FS_BACK_TIMEOUT_S} s after its restart"
        fs_heal_failed "$record" "$target" "$run" "$phase" "$mb"
        return 1
    fi
    local t_back=$FS_POLL_AT new
    new=$(fs_brick2_pid "$target")
    fs_track_pid "$old" "$new"
    # bramble's node is in FS_NODE_PIDS already; a brick of Gluster's is stopped at exit
    [ "$target" = gluster-r2 ] && [ -n "$new" ] && FS_GLUSTER_PIDS+=("$new")
    $record "$target" "$run" back 1 brick "$(fs_seconds_between "$t_restart" "$t_back")"

    fs_phase_begin "$target"
    [ "$phase" = heal_cmd ] && fs_heal_command "$target" >>"$raw-heal-command.txt" 2>&1
    local secs=-
    if fs_wait_healed "$target" "$raw-polls.txt" "$t_back" "$FS_HEAL_TIMEOUT_S"; then
        secs=$(fs_seconds_between "$t_back" "$FS_POLL_AT")
    else
        ok=0
        log "  $target: heal-count not 0 ${FS_HEAL_TIMEOUT_S} s after the brick was back" \
            "(see $raw-polls.txt)"
    fi
    $record "$target" "$run" "$phase" "$mb" MB "$secs"
    if [ "$run" != warmup ]; then
        local logged; logged=$(fs_heal_logged "$target" "$t_restart" "$EPOCHREALTIME")
        fs_csv_line "$target" "$run" "${phase}_log" "$mb" MB \
            "$([ -n "$logged" ] && fs_seconds_between "$t_back" "$logged" || echo -)"
        fs_heal_compare "$target" "$rel" &&
            FS_HEAL_SAME=$((FS_HEAL_SAME + 1)) || FS_HEAL_DIFFER=$((FS_HEAL_DIFFER + 1))
    fi
    rm -rf "$dir"
    [ "$run" = warmup ] && [ $ok = 1 ] && rm -f "$raw"-*
    return 0
}

# fs_stall_phase TARGET RUN: the longest wait of a writer while the second brick hangs
fs_stall_phase() {
    local target=$1 run=$2
    local dir=${FS_DIR[$target]}/stall-$run raw=$FS_LOGS/$target-$run-stall
    if ! fs_heal_ready "$target" "$raw-ready-polls.txt" || ! mkdir -p "$dir"; then
        fs_phase_end "$target" "$run" stall 0 writes -
        return 1
    fi
    local pid; pid=$(fs_brick2_pid "$target")
    [ -n "$pid" ] || { log "  $target: the second brick's process was not found"; return 1; }
    fs_phase_begin "$target"
    timeout --foreground -k 10 $((FS_STALL_LEAD_S + FS_STALL_S + 60)) "$FS_PY" \
        "$FS_HERE/writegaps.py" "$dir/writes" $((FS_STALL_LEAD_S + FS_STALL_S)) \
        $FS_STALL_EVERY_S >"$raw.txt.out" 2>"$raw.txt" &
    local writer=$!
    sleep $FS_STALL_LEAD_S
    FS_STOPPED_PID=$pid
    kill -STOP "$pid"
    log "  $target: second brick hung (kill -STOP $pid) for $FS_STALL_S s under a writer"
    # the writer ends once it has printed its figures, but its exit closes the file, and the
    # kernel waits for the file system's answer to that: the brick goes on first
    local i
    for ((i = 0; i < (FS_STALL_S + 60) * 10; i++)); do
        [ -s "$raw.txt.out" ] || ! alive "$writer" && break
        sleep 0.1
    done
    kill -CONT "$pid"
    FS_STOPPED_PID=''
    wait "$writer"
    local gap writes errors open
    read -r gap writes errors open <"$raw.txt.out"
    if ! [[ ${gap:-} =~ ^[0-9.]+$ ]]; then
        log "  $target: the writer said nothing (see $raw.txt)"
        gap=-
    fi
    fs_phase_end "$target" "$run" stall "${writes:-0}" writes "$gap"
    [ "${errors:-0}" = 0 ] || log "  $target: $errors writes failed (see $raw.txt)"
    [ "${open:-0}" = 1 ] && log "  $target: a write still waited after $FS_STALL_S s"
    # what the hung brick missed is healed before anything else is measured
    local t0=$EPOCHREALTIME
    fs_heal_settle "$target" "$raw-after-polls.txt" "$t0" &&
        log "  $target: healed $(fs_seconds_between "$t0" "$FS_POLL_AT") s after SIGCONT"
    rm -rf "$dir"
    return 0
}

# the failed writes of the measured stall phases, per target: "TARGET N"
fs_stall_errors() {
    local t f n
    for t in "${FS_HEAL_TARGETS[@]}"; do
        n=0
        for f in "$FS_LOGS/$t"-*-stall.txt.out; do
            [ -f "$f" ] && n=$((n + $(awk '{print $3 + 0}' "$f")))
        done
        echo "$t $n"
    done
}

# the median duration of each tool's polls over the measured heals: "TARGET STATUS_S COUNT_S"
fs_poll_seconds() {
    local t
    for t in "${FS_HEAL_TARGETS[@]}"; do
        cat "$FS_LOGS/$t"-[0-9]*-heal*-polls.txt 2>/dev/null | awk -v t="$t" '
            function med(list, n,    a, i, j, x) {
                n = split(list, a, " ")
                for (i = 2; i <= n; i++) {
                    x = a[i] + 0
                    for (j = i - 1; j >= 1 && a[j] + 0 > x; j--) a[j + 1] = a[j]
                    a[j + 1] = x
                }
                return n ? ((n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) : "-"
            }
            {d[$1] = d[$1] " " $3}
            END {print t, med(d["status"]), med(d["heal-count"])}'
    done
}

fs_heal_markdown() {
    local errors polls
    errors=$(fs_stall_errors) polls=$(fs_poll_seconds)
    echo "## Self-heal and a hung brick (replica 2)"
    echo
    fs_phases heal || echo "(The heal phases did not run.)"
    echo "The replica-2 volumes (bricks on one disk; bramble: two nodes and a witness; Gluster:"
    echo "one glusterd), median of $FS_RUNS interleaved runs. **Heal**: the second brick's process"
    echo "killed (\`kill -9\`: Gluster's \`glusterfsd\` of that brick, bramble's node 2, which"
    echo "serves it); through the mount, $FS_HEAL_MB MiB of a file written before are overwritten"
    echo "with other bytes (\`dd conv=notrunc,fsync\`) and $FS_HEAL_FILES files of 4 KiB made in a"
    echo "new folder; at least $FS_OUTAGE_MIN_S s after the kill, the brick brought back as users do"
    echo "(Gluster: \`gluster volume start VOL force\`, its self-heal daemon does the rest;"
    echo "bramble: the node started again with the same arguments). *Back*: from the restart"
    echo "until \`volume status\` shows the brick online. *Heal*: from then until \`volume heal VOL"
    echo "statistics heal-count\` reports 0 entries on both bricks; each tool's own command,"
    echo "polled 0.2 s after the previous poll returned. *With \`volume heal\`*: the same, that"
    echo "command issued as soon as the brick is online. CPU: the file-system processes (Gluster's"
    echo "glusterd, bricks, self-heal daemon and client; bramble's nodes and mount client; the"
    echo "brick's new process included) over the heal. After each heal the bricks'"
    echo "two copies were compared: $FS_HEAL_SAME identical, $FS_HEAL_DIFFER different. Outages whose"
    echo "writes failed (an error from \`dd\` or a small file's write): Gluster" \
        "${FS_OUTAGE_FAILED[gluster-r2]:-0}, bramble ${FS_OUTAGE_FAILED[bramble-r2]:-0}, of" \
        "$((FS_RUNS * 2)) each."
    fs_phases stall || echo "(The hung-brick phase did not run.)"
    echo "**Hung brick**: a writer on the mount writes 4 KiB and fsyncs every 0.1 s; the second"
    echo "brick's process is stopped (SIGSTOP) for $FS_STALL_S s, then continued; the figure is the"
    echo "longest time between two completed writes (\"> $FS_STALL_S\": still waiting when the"
    echo "$FS_STALL_S s were over). Default settings (Gluster's \`network.ping-timeout\` 42 s,"
    echo "bramble's 1.5 s)."
    echo
    [ "$QUICK" = 1 ] &&
        echo "*A quick run (small sizes, one run): compare with a full run.*" && echo
    awk -F, -v stall="$FS_STALL_S" -v mb="$FS_HEAL_MB" -v files="$FS_HEAL_FILES" \
        -v errors="$(echo $errors)" -v polls="$(echo $polls)" \
        -f "$FS_HERE/heal-report.awk" "$RESULTS/fs.csv"
}
