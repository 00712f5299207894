#!/usr/bin/env python3
"""A PySpark job that extracts the main text of crawled pages with the `unboil` binary.

    python unboil_job.py --input-format jsonl|warc --unboil PATH [--master local[2]]
                         [--partitions N] [--unboil-args "..."] --out DIR INPUT...

JSONL input (`{"id", "url", "html"}` a line): the lines are piped through
`unboil --input jsonl --jsonl` with `RDD.pipe`, one process per partition, which answers one
line per line in the same order (a failed page is a line with `error`, so the output stays
aligned with the input).

WARC input (`.warc` / `.warc.gz` files): one task per file streams the file into
`unboil --input warc --jsonl -` and yields its lines: a WARC cannot be split by lines, and
unboil reads it record by record without holding it in memory. The paths must be readable
from every executor (a local disk in local mode, a shared mount on a cluster).

Either way the job writes JSONL (one page a line: id, url, title, text, metadata, or error)
with `saveAsTextFile` under DIR; its part files, read in order, are in input order.

The `unboil` binary must be on every executor (`--unboil PATH`; on a cluster ship it with
`--files` / `spark.files` and pass its bare name). Each process gets `-j 1`: Spark's own
parallelism (tasks per executor core) does the rest.
"""

import argparse
import shlex
import subprocess

from pyspark.sql import SparkSession


def warc_lines(paths, command):
    """Streams each WARC file through unboil and yields its JSONL lines."""
    for path in paths:
        with open(path, "rb") as f:
            proc = subprocess.Popen(command + ["--input", "warc", "-"], stdin=f, stdout=subprocess.PIPE)
            for line in proc.stdout:
                yield line.decode("utf-8").rstrip("\n")
            # Exit status 1 means some records failed: they are in the output with `error`.
            if proc.wait() not in (0, 1):
                raise RuntimeError(f"unboil failed on {path} with status {proc.returncode}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input-format", choices=["jsonl", "warc"], required=True)
    ap.add_argument("--unboil", required=True, help="path of the unboil binary")
    ap.add_argument("--unboil-args", default="", help="more unboil flags, e.g. '--format markdown'")
    ap.add_argument("--master", default=None, help="Spark master (default: from spark-submit)")
    ap.add_argument("--partitions", type=int, default=0, help="JSONL: minimum number of partitions")
    ap.add_argument("--out", required=True, help="output directory (must not exist)")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()

    builder = SparkSession.builder.appName("unboil")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    command = [a.unboil, "--jsonl", "-j", "1", "--quiet"] + shlex.split(a.unboil_args)

    if a.input_format == "jsonl":
        lines = sc.textFile(",".join(a.inputs), minPartitions=a.partitions or sc.defaultParallelism)
        out = lines.pipe(" ".join(shlex.quote(c) for c in command + ["--input", "jsonl"]))
    else:
        paths = sc.parallelize(a.inputs, len(a.inputs))
        out = paths.mapPartitions(lambda part: warc_lines(part, command))
    out.saveAsTextFile(a.out)
    spark.stop()


if __name__ == "__main__":
    main()
