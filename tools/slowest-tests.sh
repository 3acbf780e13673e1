#!/usr/bin/env bash
# The ten slowest test binaries of a `make test` run, from cargo's output in the logs
# given (each binary's "Running ..." line and its "finished in N s"). Stable Rust's test
# harness times whole binaries, not single tests; most binaries here hold a few tests.
set -u
logs=()
for log in "$@"; do [ -f "$log" ] && logs+=("$log"); done
[ ${#logs[@]} -gt 0 ] || exit 0
awk '
  /^ *Running / { name = $2; next }
  /^test result: / && name != "" {
    for (i = 1; i <= NF; i++) if ($i == "in") { sub(/s$/, "", $(i + 1)); printf "%8.1f s  %s\n", $(i + 1), name }
    name = ""
  }
 ' "${logs[@]}" | sort -rn | head -10 | sed '1i The slowest test binaries:'
