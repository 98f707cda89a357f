# Finds a JDK of at least BRAMBLE_JDK_MAJOR (default 25) and prints its home.
# Looks at JAVA_HOME, the java on PATH, then /usr/lib/jvm/*. Sourced by bin/ scripts.

bramble_jdk_major() { # HOME -> major version from HOME/release, or nothing
    local line
    line=$(grep -m1 '^JAVA_VERSION=' "$1/release" 2>/dev/null) || return 1
    line=${line#JAVA_VERSION=\"}
    printf '%s\n' "${line%%[.\"]*}"
}

bramble_find_jdk() {
    local want=${BRAMBLE_JDK_MAJOR:-25} candidates=() home major java_on_path
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if java_on_path=$(command -v java 2>/dev/null); then
        java_on_path=$(readlink -f "$java_on_path")
        candidates+=("${java_on_path%/bin/java}")
    fi
    for home in /usr/lib/jvm/*; do candidates+=("$home"); done
    for home in "${candidates[@]}"; do
        [ -x "$home/bin/java" ] || continue
        major=$(bramble_jdk_major "$home") || continue
        if [ "$major" -ge "$want" ] 2>/dev/null; then
            printf '%s\n' "$home"
            return 0
        fi
    done
    return 1
}

bramble_no_jdk_message() {
    local want=${BRAMBLE_JDK_MAJOR:-25}
    echo "bramble: needs a JDK $want and found none (looked at JAVA_HOME, java on PATH and" \
        "/usr/lib/jvm). Install a JDK $want, for example Eclipse Temurin $want unpacked under" \
        "/usr/lib/jvm, or set JAVA_HOME to one." >&2
}
