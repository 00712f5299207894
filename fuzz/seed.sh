#!/usr/bin/env bash
# Seeds the fuzz corpora from the project's own test inputs, so that the pages are kept in one
# place (tests/pages, tests/dumps) instead of copied here. Run it once before `cargo fuzz run`;
# the copies it writes (page-*, dump-*) are ignored by git, like libFuzzer's own finds.
#
# `extract` and `extract_text` read their first byte as option flags: the seeds get a zero byte
# (default options) in front. `extract_bytes` takes the page as it is; its committed seed-*
# files add charsets the test pages do not have.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/extract corpus/extract_bytes corpus/extract_text
for page in ../tests/pages/*/source.html; do
    name=$(basename "$(dirname "$page")")
    { printf '\0'; cat "$page"; } > "corpus/extract/page-$name.html"
    cp "$page" "corpus/extract_bytes/page-$name.html"
done
for dump in ../tests/dumps/*/dump.txt; do
    name=$(basename "$(dirname "$dump")")
    { printf '\0'; cat "$dump"; } > "corpus/extract_text/dump-$name.txt"
done
pages=(../tests/pages/*/source.html)
dumps=(../tests/dumps/*/dump.txt)
echo "seeded: ${#pages[@]} pages, ${#dumps[@]} dumps"
