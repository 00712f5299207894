#!/bin/sh
# Instructions executed (callgrind's Ir) by parsing alone and by unboil::extract on the same
# pages, their ratio, and by unboil::extract_text per plain-text dump. Counts are exact and
# repeatable, unlike times on a shared machine. Needs valgrind (callgrind) besides the toolchain.
#
#   benches/callgrind.sh [DATASETS [OUT]]
#
# DATASETS holds aeb/html and aeb/text (default ../shared/datasets next to the crate); the
# profiles go to OUT (default target/callgrind) as parse.out, extract.out and text.out, for
# callgrind_annotate. Each mode is one run of `examples/speed.rs --once MODE`, which sends every
# page through one function of its own exactly once; callgrind counts inside that function only
# (--collect-atstart=no --toggle-collect), so start-up and reading the files are left out
# without subtracting a second run. A run takes about a minute per mode on the 181 aeb pages.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
datasets=${1:-$root/../shared/datasets}
out=${2:-$root/target/callgrind}
mkdir -p "$out"

cargo build --quiet --release --example speed --manifest-path "$root/Cargo.toml"
speed=$root/target/release/examples/speed

# run MODE DIR: profile one mode, leave its profile in $out/MODE.out and its summary line (the
# page count first) in $out/MODE.log.
run() {
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect='speed::once_*' \
        --callgrind-out-file="$out/$1.out" --log-file="$out/$1.valgrind.log" \
        "$speed" "$2" --once "$1" >"$out/$1.log"
}

run parse "$datasets/aeb/html"
run extract "$datasets/aeb/html"
run text "$datasets/aeb/text"

# The instructions counted in a profile: its `summary:` line.
ir() { sed -n 's/^summary: *//p' "$out/$1.out"; }
# The number of pages or dumps a run went through: the first word it printed.
count() { awk 'NR == 1 { print $1 }' "$out/$1.log"; }

awk -v p="$(ir parse)" -v e="$(ir extract)" -v t="$(ir text)" \
    -v np="$(count extract)" -v nt="$(count text)" 'BEGIN {
    printf "aeb, %d pages and %d dumps, each once (callgrind Ir)\n", np, nt
    printf "parse alone (html5ever + rcdom): %15.0f  (%.1f M per page)\n", p, p / np / 1e6
    printf "unboil::extract:                 %15.0f  (%.1f M per page)\n", e, e / np / 1e6
    printf "ratio extract / parse:           %15.3f\n", e / p
    printf "unboil::extract_text:            %15.0f  (%.2f M per dump)\n", t, t / nt / 1e6
}'
echo "profiles: $out/{parse,extract,text}.out (callgrind_annotate --inclusive=yes FILE)"
