"""Compare a lint run on the real-world packages with the hand-made verdicts in ``triage.csv``.

Every row of ``benchmarks/triage.csv`` is one finding read in its source context (or one problem no
finding reported), with a verdict:

- ``TP``: a real problem on openai>=1.0 (a crash, a setting silently ignored, a removed name, a model
  that is shut down or has a shutdown date);
- ``FP``: the finding is wrong (not the SDK, never sent to the API, unreachable on openai>=1.0 by a
  version check the code makes, or a false claim);
- ``doubtful``: depends on what cannot be seen (a proxy's model aliases, mocked tests, reachability
  through other functions);
- ``miss``: a real problem the catalogue covers that the baseline reported nothing for.

    python benchmarks/triage.py                          # lint the triaged packages with this checkout
    python benchmarks/triage.py --linter-root /tmp/base  # the same with another checkout (e.g. a baseline)
    python benchmarks/triage.py --findings run.jsonl     # use findings written by realworld.py --findings

Prints verdict counts of what is reported now, precision (TP / (TP + FP), misses that are now reported
count as TP), recall on the triaged set (real problems reported / real problems known: TP and miss
rows), the rows that changed state, and findings that have no verdict yet (exit 1 if there are any).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realworld

TRIAGE = Path(__file__).resolve().parent / "triage.csv"
Key = Tuple[str, str, str, int, int, str]


def load_triage(path: Path = TRIAGE) -> Dict[Key, dict]:
    rows: Dict[Key, dict] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = _key(row)
            if key in rows:
                raise SystemExit(f"{path}: duplicate row {key}")
            if row["verdict"] not in ("TP", "FP", "doubtful", "miss"):
                raise SystemExit(f"{path}: unknown verdict {row['verdict']!r} in {key}")
            rows[key] = row
    return rows


def _key(item: dict) -> Key:
    return (
        item["package"],
        item["version"],
        item["path"],
        int(item["line"]),
        int(item["column"]),
        item["code"],
    )


def run_findings(packages: Set[Tuple[str, str]], linter_root: Optional[Path]) -> List[dict]:
    if linter_root is not None:
        realworld.ROOT = linter_root.resolve()
    findings: List[dict] = []
    for package in realworld.PACKAGES:
        if (package.name, package.version) not in packages:
            continue
        wheel = realworld.download(package, realworld.DEFAULT_CACHE / "wheels")
        tree = realworld.unpack(wheel, realworld.DEFAULT_CACHE / "src", package)
        result = realworld.lint(package, tree)
        if result.error or result.crashes:
            raise SystemExit(f"{package.name} {package.version}: {result.error or result.crashes}")
        findings += result.findings
    return findings


def summarize(rows: Dict[Key, dict], findings: List[dict]) -> Tuple[str, int]:
    reported = {_key(f): f for f in findings}
    packages = {(key[0], key[1]) for key in rows}
    counts: Counter = Counter()
    lines: List[str] = []
    for key, row in sorted(rows.items()):
        verdict = row["verdict"]
        if key in reported:
            counts["TP" if verdict == "miss" else verdict] += 1
            if verdict == "FP":
                lines.append(f"  FP still reported: {_show(key)}  ({row['reason']})")
            if verdict == "miss":
                counts["miss caught"] += 1
        else:
            counts[f"{verdict} not reported"] += 1
            if verdict == "TP":
                lines.append(f"  TP no longer reported: {_show(key)}  ({row['reason']})")
            if verdict == "miss":
                lines.append(f"  miss not reported: {_show(key)}  ({row['reason']})")
    untriaged = [key for key in reported if key not in rows and (key[0], key[1]) in packages]
    for key in sorted(untriaged):
        lines.append(f"  NO VERDICT: {_show(key)}  {reported[key]['message'][:100]}")
    tp, fp = counts["TP"], counts["FP"]
    real = sum(1 for row in rows.values() if row["verdict"] in ("TP", "miss"))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / real if real else 1.0
    header = [
        f"triaged rows: {len(rows)} in {len(packages)} packages "
        f"({', '.join(f'{v}={n}' for v, n in sorted(Counter(r['verdict'] for r in rows.values()).items()))})",
        f"reported now: TP={tp} (of which misses now caught: {counts['miss caught']}) FP={fp} "
        f"doubtful={counts['doubtful']} untriaged={len(untriaged)}",
        f"precision TP/(TP+FP) = {tp}/{tp + fp} = {precision:.1%}",
        f"recall on the triaged set = reported real problems / known real problems (TP + miss rows) "
        f"= {tp}/{real} = {recall:.1%}",
    ]
    return "\n".join(header + lines) + "\n", len(untriaged)


def _show(key: Key) -> str:
    package, version, path, line, column, code = key
    return f"{package}=={version} {path}:{line}:{column} {code}"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=Path, help="findings from realworld.py --findings (JSON lines)")
    parser.add_argument("--linter-root", type=Path, help="run the CLI of this checkout instead of this one")
    args = parser.parse_args(argv)
    rows = load_triage()
    if args.findings:
        findings = [json.loads(line) for line in args.findings.read_text(encoding="utf-8").splitlines()]
    else:
        findings = run_findings({(key[0], key[1]) for key in rows}, args.linter_root)
    report, untriaged = summarize(rows, findings)
    sys.stdout.write(report)
    return 1 if untriaged else 0


if __name__ == "__main__":
    sys.exit(main())
