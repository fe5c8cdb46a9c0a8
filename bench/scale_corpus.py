"""Build the scale corpus OUTSIDE the repo: ../shared/corpus/ukraine-2014
repeated with new ids and a one-line change per copy, so that deduplication
keeps every copy (the same generator as bench_scale.py).

    PYTHONPATH=src python bench/scale_corpus.py --docs 100000 --out /work/scale-corpus
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import build_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000, help="documents to write (default 100000)")
    ap.add_argument("--out", default="/work/scale-corpus", help="folder outside the repo")
    ap.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    ap.add_argument("--per-file", type=int, default=10_000,
                    help="JSON Lines documents per file (default 10000: files of ~35 MB, under the reader's "
                         "50 MB limit; 0 = one file)")
    a = ap.parse_args()
    print(build_corpus(a.docs, Path(a.out), a.format, a.per_file or None))


if __name__ == "__main__":
    main()
