#!/usr/bin/env bash
# Checks that unboil inside a Spark job gives the same pages as one unboil process, record for
# record. Runs on a clean clone with the datasets at ../shared/datasets (as CI has them):
#
#   1. builds the binary (cargo build --release --features cli --bin unboil);
#   2. installs PySpark from PyPI into a virtual environment (target/spark-venv, or
#      $UNBOIL_SPARK_VENV) when `import pyspark` fails; Spark needs Java 17 on the PATH;
#   3. writes the input: every page of aeb, wcxb-dev and wcxb-train (read from its tarball),
#      1,569 pages, as 4 WARC.gz files (request, response, warcinfo and image records) and as
#      one JSONL file;
#   4. runs examples/spark/unboil_job.py on local[2] over the WARC files and over the JSONL,
#      and unboil alone over the same inputs;
#   5. exits 0 only when each Spark output equals the single-process output line for line (and
#      holds at least 1,000 pages).
#
# Not part of `cargo test` (it takes minutes and downloads PySpark); CI runs it as its own step:
#   examples/spark/check.sh
# Temporary files go to a directory under $TMPDIR, removed at the end (KEEP=1 keeps it).

set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
datasets=${UNBOIL_DATASETS:-$repo/../shared/datasets}
venv=${UNBOIL_SPARK_VENV:-$repo/target/spark-venv}
start=$SECONDS

step() { echo "=== $* ($((SECONDS - start)) s)"; }

step "build"
cargo build --quiet --release --features cli --bin unboil
unboil=$repo/target/release/unboil

step "pyspark"
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pyspark
fi
"$venv/bin/python" -c "import pyspark; print('pyspark', pyspark.__version__)"
java -version 2>&1 | head -1

work=$(mktemp -d)
if [[ -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "keeping $work"
fi

step "input"
sources=("$datasets/aeb" "$datasets/wcxb-dev" "$datasets/wcxb-train.tar.gz")
python3 examples/spark/make_input.py --format warc --split 4 --out "$work/crawl.warc.gz" "${sources[@]}"
python3 examples/spark/make_input.py --format jsonl --out "$work/pages.jsonl" "${sources[@]}"
warcs=("$work"/crawl-*.warc.gz)

step "unboil alone"
# Exit status 1 (some page failed) is compared like any other output; 2 or a crash is not.
"$unboil" --jsonl --quiet "${warcs[@]}" > "$work/single-warc.jsonl" || [[ $? == 1 ]]
"$unboil" --input jsonl --jsonl --quiet < "$work/pages.jsonl" > "$work/single-jsonl.jsonl" || [[ $? == 1 ]]

export PYSPARK_PYTHON="$venv/bin/python"
# Spark's log goes to a file, shown only when the job fails.
job() {
    local log=$work/spark-$1.log
    shift
    if ! "$venv/bin/python" examples/spark/unboil_job.py --master 'local[2]' --unboil "$unboil" "$@" 2>"$log"; then
        cat "$log"
        return 1
    fi
}

step "spark, WARC"
job warc --input-format warc --out "$work/spark-warc" "${warcs[@]}"
step "spark, JSONL"
job jsonl --input-format jsonl --partitions 8 --out "$work/spark-jsonl" "$work/pages.jsonl"

step "compare"
status=0
for kind in warc jsonl; do
    python3 - "$work/single-$kind.jsonl" "$work/spark-$kind" "$kind" <<'EOF' || status=1
import glob, json, sys
single_path, spark_dir, kind = sys.argv[1:]
single = open(single_path, encoding="utf-8").read().splitlines()
spark = []
for part in sorted(glob.glob(f"{spark_dir}/part-*")):
    spark += open(part, encoding="utf-8").read().splitlines()
pages = sum(1 for l in single if "error" not in json.loads(l))
errors = len(single) - pages
diff = next((i for i, (a, b) in enumerate(zip(single, spark)) if a != b), None)
print(f"{kind}: unboil alone {len(single)} records ({pages} pages, {errors} errors), spark {len(spark)} records")
if diff is not None:
    print(f"{kind}: record {diff + 1} differs: {json.loads(single[diff])['id']} vs {json.loads(spark[diff])['id']}")
if len(single) != len(spark) or diff is not None or pages < 1000:
    print(f"{kind}: FAILED")
    sys.exit(1)
print(f"{kind}: equal, record for record")
EOF
done
step "done"
exit $status
