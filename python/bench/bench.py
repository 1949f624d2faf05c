"""Converting 1,000 documents from Python: in process (un2akn.convert, in 1
and N threads) against calling the un2akn binary once per document
(subprocess), the way Python pipelines do it without the package.

    python python/bench/bench.py [--cli target/release/un2akn] [--n 1000]
                                 [--threads 1,2,4] [FOLDER_OR_FILES ...]

The documents (default: ../shared/corpus/dev-pairs/*.txt, else the
repository's examples and python/tests/fixtures) are taken in turn until N
have been converted. Prints one line per method: documents per second and
the total time. Every method's XML is checked to be the same.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import un2akn

ROOT = Path(__file__).resolve().parents[2]


def inputs(arguments: list[str]) -> list[Path]:
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        found += sorted(path.glob("*.txt")) + sorted(path.glob("*.md")) if path.is_dir() else [path]
    if found:
        return found
    corpus = ROOT.parent / "shared" / "corpus" / "dev-pairs"
    if corpus.is_dir():
        return sorted(corpus.glob("*.txt"))
    return sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "python" / "tests" / "fixtures").iterdir())


def timed(label: str, n: int, run) -> list[str]:
    # CPU use: this process's CPU time (all threads) per second of wall time;
    # above 1 means threads converted at the same time. For the subprocess
    # method it counts only Python's side, not the children.
    cpu, start = time.process_time(), time.perf_counter()
    xml = run()
    seconds = time.perf_counter() - start
    cpu = (time.process_time() - cpu) / seconds
    print(
        f"{label:<44} {n / seconds:>6.0f} documents/s  {seconds:>6.2f} s  "
        f"({seconds / n * 1e3:5.2f} ms each, CPU use {cpu:.2f})"
    )
    return xml


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", type=Path, default=ROOT / "target" / "release" / "un2akn")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--threads", default="1,2,4")
    parser.add_argument("documents", nargs="*")
    args = parser.parse_args()

    paths = inputs(args.documents)
    batch = [paths[i % len(paths)] for i in range(args.n)]
    data = {p: p.read_bytes() for p in paths}
    megabytes = sum(len(data[p]) for p in batch) / 1e6
    print(f"{args.n} conversions of {len(paths)} distinct documents ({megabytes:.1f} MB in all); "
          f"Python {sys.version.split()[0]}, un2akn {un2akn.__version__}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    un2akn.convert(data[batch[0]])  # the schema compiles once per process

    reference = timed("in process, un2akn.convert(bytes)", args.n, lambda: [un2akn.convert(data[p]).xml for p in batch])
    same = timed("in process, un2akn.convert_file(path)", args.n, lambda: [un2akn.convert_file(p).xml for p in batch])
    assert same == reference
    for threads in [int(t) for t in args.threads.split(",")]:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            xml = timed(
                f"in process, {threads} thread{'s' if threads > 1 else ''} (ThreadPoolExecutor)",
                args.n,
                lambda: list(pool.map(lambda p: un2akn.convert(data[p]).xml, batch)),
            )
        assert xml == reference
    if not args.cli.exists():
        sys.exit(f"{args.cli} not found: cargo build --release --bin un2akn")

    def spawn() -> list[str]:
        return [
            subprocess.run([str(args.cli), "convert", str(p)], capture_output=True, check=True).stdout.decode()
            for p in batch
        ]

    assert timed(f"subprocess per document ({args.cli.name} convert)", args.n, spawn) == reference


if __name__ == "__main__":
    main()
