# The micro-benchmarks, sourced by bench/run: builds bench/jmh (Maven profile `bench`) and
# runs JMH. Writes jmh.txt (JMH's own output) and jmh.md into $RESULTS.

jmh_main() {
    bramble_built || die "bramble does not build; the micro-benchmarks need it"
    log "jmh: building bench/jmh"
    (cd "$ROOT" && JAVA_HOME=${JAVA_HOME:-$(bramble_find_jdk)} ./mvnw -q -B -Pbench \
        -pl bench/jmh -am -DskipTests package) >"$WORK/jmh-build.log" 2>&1 ||
        { tail -20 "$WORK/jmh-build.log" >&2; die "bench/jmh does not build"; }
    local options=()
    [ $QUICK = 1 ] && options=(-wi 1 -w 1 -i 2 -r 1)
    log "jmh: running (${options[*]:-annotation defaults})"
    "$BRAMBLE_JAVA" -cp "$BENCH/jmh/target/bramble-bench-jmh.jar:$BENCH/jmh/target/lib/*" \
        org.openjdk.jmh.Main "${options[@]}" -rf csv -rff "$RESULTS/jmh.csv" >"$RESULTS/jmh.txt" 2>&1 ||
        { tail -20 "$RESULTS/jmh.txt" >&2; die "JMH failed"; }
    {
        echo "## Micro-benchmarks (JMH)"
        echo
        echo "Average time per operation, $([ $QUICK = 1 ] && echo 'quick settings' || echo 'settings in the classes'); classes in \`bench/jmh\`."
        echo "\`BalancerPickBenchmark.pickTakeRelease\`: the balancer's work for one request (choose a"
        echo "server, count its connection taken and released) per algorithm, with 2 and 32 servers."
        echo "\`RequestDecoderBenchmark.decodeBurst\`: reading one request off a burst of 64 pipelined"
        echo "ones, with bramble's strict decoder and with the Netty decoder it replaced."
        echo
        echo '```'
        # the table starts at JMH's header line ("Benchmark" and two or more spaces)
        awk '/^Benchmark  / {on = 1} on && /^$/ {exit} on' "$RESULTS/jmh.txt"
        echo '```'
        echo
    } >"$RESULTS/jmh.md"
    cat "$RESULTS/jmh.md" >&2
}
