#!/usr/bin/env bash
# libFuzzer targets over hadird's protocol cores and config parser (docs/fuzzing.md).
#   scripts/fuzz.sh build [target...]          build the fuzz executables in .build-fuzz
#   scripts/fuzz.sh run SECONDS [target...]    fuzz each target for SECONDS (0: replay the corpus only)
# Committed seeds (Tests/fuzz/corpus/<target>) are read, never written: new inputs go to
# .build-fuzz/corpus/<target>, reproducers to .build-fuzz/artifacts/<target>/. Fails if any target crashes.
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
ALL_TARGETS=(ef01 efaa zk-frame zk-session adms config)
# Swift code is instrumented through swiftc; toml++ (C++, under TOMLKit) through clang.
BUILD_FLAGS=(--scratch-path "$SCRATCH" -Xswiftc -sanitize=fuzzer,address -Xcxx -fsanitize=fuzzer-no-link,address)

build() {
    for target in "$@"; do
        echo "== building fuzz-$target"
        # The linker warns once per ASan symbol it cannot export; nothing to act on.
        HADIR_FUZZ=1 "$SWIFT" build "${BUILD_FLAGS[@]}" --product "fuzz-$target" 2>&1 | grep -v "Cannot export local symbol"
        [ "${PIPESTATUS[0]}" = 0 ] || { echo "fuzz build of $target failed" >&2; exit 1; }
    done
}

run() {
    local seconds=$1
    shift
    local bin failed=()
    bin="$(HADIR_FUZZ=1 "$SWIFT" build "${BUILD_FLAGS[@]}" --show-bin-path)"
    # Swift's own crash handler would race libFuzzer's for the signal; libFuzzer must save the input.
    export SWIFT_BACKTRACE=enable=no
    export LSAN_OPTIONS="suppressions=$PWD/Tests/fuzz/lsan-suppressions.txt:print_suppressions=0"
    for target in "$@"; do
        local work="$SCRATCH/corpus/$target" artifacts="$SCRATCH/artifacts/$target/" log="$SCRATCH/logs/fuzz-$target.log"
        mkdir -p "$work" "$artifacts" "$(dirname "$log")"
        local options=(-timeout=10 -artifact_prefix="$artifacts" -print_final_stats=1)
        [ -f "Tests/fuzz/dict/$target.dict" ] && options+=(-dict="Tests/fuzz/dict/$target.dict")
        if [ "$seconds" = 0 ]; then options+=(-runs=0); else options+=(-max_total_time="$seconds"); fi
        # TOMLKit leaks on every parse (docs/fuzzing.md). Suppressing it by file name needs the slow
        # unwinder through C++, which cuts config's speed tenfold: leak checks stay off there, in
        # the fuzzing loop and at exit.
        local asan_options=""
        [ "$target" = config ] && asan_options="detect_leaks=0"
        echo "== fuzz-$target: ${seconds}s (log: $log)"
        if ASAN_OPTIONS="$asan_options" "$bin/fuzz-$target" "${options[@]}" "$work" "Tests/fuzz/corpus/$target" >"$log" 2>&1; then
            grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" | tail -3
        else
            grep -E "fuzz invariant violated|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY" "$log" | head -5
            local unit
            unit="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)"
            echo "!! fuzz-$target failed; reproducer: ${unit:-none (see $log)}"
            [ -n "$unit" ] && echo "   reproduce: SWIFT_BACKTRACE=enable=no $bin/fuzz-$target $unit"
            failed+=("$target")
        fi
    done
    if [ "${#failed[@]}" -gt 0 ]; then
        echo "fuzzing failed: ${failed[*]}" >&2
        exit 1
    fi
}

command=${1:-}
shift || true
case "$command" in
build)
    targets=("$@")
    [ "${#targets[@]}" -gt 0 ] || targets=("${ALL_TARGETS[@]}")
    build "${targets[@]}"
    ;;
run)
    seconds=${1:?seconds}
    shift
    targets=("$@")
    [ "${#targets[@]}" -gt 0 ] || targets=("${ALL_TARGETS[@]}")
    run "$seconds" "${targets[@]}"
    ;;
*)
    echo "usage: $0 build [target...] | run SECONDS [target...]" >&2
    exit 2
    ;;
esac
