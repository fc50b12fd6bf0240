#!/usr/bin/env bash
# Builds the frame-decoder fuzzer with libFuzzer and AddressSanitizer and runs it.
#   Tests/Fuzz/run-fuzz.sh [SECONDS]     (default 60)
# The corpus grows in Tests/Fuzz/corpus (ignored by git); seeds/ holds the starting inputs.
# Exit status is non-zero if the fuzzer found a crash (the crashing input is left in .out/).
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/.out"
mkdir -p "$out" "$here/corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -O -package-name beian -module-name BeianFuzz \
    "$here/FrameDecoderFuzz.swift" "$root/Shared/RPC/Wire/FrameDecoder.swift" "$root"/Shared/JSON/*.swift \
    -o "$out/frame-decoder-fuzz" 2> >(grep -v "Cannot export local symbol" >&2)
cd "$out"
./frame-decoder-fuzz -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 "$here/corpus" "$here/seeds"
