#!/usr/bin/env python3
"""Writes pages of the project's datasets as a crawl would store them: WARC (gzip, one member a
record) or JSONL. For the Spark check (check.sh) and for measuring the `unboil` binary.

    make_input.py [--format warc|jsonl] [--count N] [--split K] --out PATH SOURCE...

SOURCE is a dataset directory (manifest.jsonl + html/) or a .tar.gz of one (read as it streams,
not unpacked). Pages are taken in manifest order, source after source, and cycled until --count
pages when --count is larger than the sources (each repeat gets its own record id and URL).

A WARC starts with a warcinfo record; each page is a request record and a response record
(`HTTP/1.1 200 OK`, `Content-Type: text/html; charset=utf-8`, the page's bytes as stored); a PNG
response follows the first page, as crawls hold images beside pages. JSONL has one object a page:
`{"id", "url", "html"}` (the bytes read as UTF-8). Record ids are derived from the page id and
its repeat number, so the same arguments give byte-identical files.

With --split K, K files are written (PATH with -00, -01, ... before the extension), pages dealt
to them in runs so that reading them in order gives the pages in order.
"""

import argparse
import gzip
import io
import json
import os
import struct
import sys
import tarfile
import uuid
import zlib

DATE = "2026-01-01T00:00:00Z"


def pages_of(source):
    """Yields (id, url, html bytes) of a dataset directory or tarball, in manifest order."""
    if os.path.isdir(source):
        with open(os.path.join(source, "manifest.jsonl"), encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                with open(os.path.join(source, row["html"]), "rb") as page:
                    yield row["id"], row.get("url") or "", page.read()
        return
    # A tarball: the manifest comes first or last; keep the pages by path until both are known.
    with tarfile.open(source, "r:gz") as tar:
        manifest, htmls = None, {}
        for member in tar:
            if not member.isfile():
                continue
            name = member.name
            if name.endswith("manifest.jsonl"):
                manifest = [json.loads(l) for l in tar.extractfile(member).read().decode().splitlines() if l.strip()]
                prefix = name[: -len("manifest.jsonl")]
            elif "/html/" in name or name.startswith("html/"):
                htmls[name] = tar.extractfile(member).read()
        if manifest is None:
            sys.exit(f"{source}: no manifest.jsonl")
        for row in manifest:
            html = htmls.get(prefix + row["html"])
            if html is not None:
                yield row["id"], row.get("url") or "", html


def png():
    """A valid 1x1 PNG."""
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00")) + chunk(b"IEND", b"")


def record(warc_type, uri, content_type, block, rid):
    head = [
        "WARC/1.1",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: <urn:uuid:{rid}>",
        f"WARC-Date: {DATE}",
    ]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    raw = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    return gzip.compress(raw, compresslevel=6, mtime=0)


def rid(*parts):
    return uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--format", choices=["warc", "jsonl"], default="warc")
    ap.add_argument("--count", type=int, default=0, help="pages to write (default: each page once)")
    ap.add_argument("--split", type=int, default=1, help="number of files to write")
    ap.add_argument("--out", required=True)
    ap.add_argument("sources", nargs="+")
    a = ap.parse_args()

    pages = [p for s in a.sources for p in pages_of(s)]
    if not pages:
        sys.exit("no pages")
    count = a.count or len(pages)
    root, ext = a.out, ""
    for e in (".warc.gz", ".jsonl", ".warc"):
        if a.out.endswith(e):
            root, ext = a.out[: -len(e)], e
    paths = [a.out] if a.split == 1 else [f"{root}-{i:02d}{ext}" for i in range(a.split)]
    per_file = -(-count // len(paths))
    written = 0
    for n, path in enumerate(paths):
        with open(path, "wb") as out:
            if a.format == "warc":
                info = f"software: make_input.py\r\nformat: WARC File Format 1.1\r\n".encode()
                out.write(record("warcinfo", None, "application/warc-fields", info, rid("info", n)))
            for i in range(written, min(count, written + per_file)):
                page_id, url, html = pages[i % len(pages)]
                repeat = i // len(pages)
                if repeat:
                    page_id = f"{page_id}-{repeat}"
                    url = f"{url}#{repeat}" if url else url
                url = url or f"http://pages.example/{page_id}"
                if a.format == "jsonl":
                    line = {"id": page_id, "url": url, "html": html.decode("utf-8", "replace")}
                    out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
                    continue
                host = url.split("/")[2] if "://" in url else "pages.example"
                request = f"GET / HTTP/1.1\r\nHost: {host}\r\nUser-Agent: make_input\r\n\r\n".encode()
                out.write(record("request", url, "application/http; msgtype=request", request, rid("req", page_id)))
                response = (
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + f"Content-Length: {len(html)}\r\n\r\n".encode()
                    + html
                )
                out.write(record("response", url, "application/http; msgtype=response", response, rid("resp", page_id)))
                if i == 0:
                    image = png()
                    body = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n" + f"Content-Length: {len(image)}\r\n\r\n".encode() + image
                    out.write(record("response", "http://pages.example/logo.png", "application/http; msgtype=response", body, rid("png")))
            written = min(count, written + per_file)
    print(f"{count} pages in {len(paths)} file(s): {', '.join(paths)}", file=sys.stderr)


if __name__ == "__main__":
    main()
