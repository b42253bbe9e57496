"""Check that a lint run stays silent where ``lifecycle_traps.csv`` says it must.

Each row of ``benchmarks/lifecycle_traps.csv`` is a place in a real package that looks like an API
lifecycle problem (a retired or deprecated surface, a removed SDK module) but is not one: a user
class with its own ``.beta.assistants``, a mock, a third-party server, a GA path such as
``client.vector_stores``. ``looks_like`` names the codes a naive rule would report there. A finding
*hits* a trap when it is on the trap's line (package, version, path, line) with one of those codes;
columns are not compared, since rules anchor a finding at different parts of a line.

    python benchmarks/traps.py                          # lint the trap packages with this checkout
    python benchmarks/traps.py --findings run.jsonl     # use findings written by realworld.py --findings

Prints the number of traps and every hit; exits 1 when there is a hit.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import triage

TRAPS = Path(__file__).resolve().parent / "lifecycle_traps.csv"
Line = Tuple[str, str, str, int]
CODE = re.compile(r"OAI\d{3}")


def load_traps(path: Path = TRAPS) -> Dict[Line, Tuple[FrozenSet[str], str]]:
    """Trap lines mapped to (codes that must not be reported there, why the place is fine)."""
    traps: Dict[Line, Tuple[FrozenSet[str], str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            codes = frozenset(CODE.findall(row["looks_like"]))
            if not codes:
                raise SystemExit(f"{path}: no OAI code in looks_like of {row}")
            line = (row["package"], row["version"], row["path"], int(row["line"]))
            previous = traps.get(line, (frozenset(), ""))
            traps[line] = (previous[0] | codes, previous[1] or row["why_fine"])
    return traps


def hits(traps: Dict[Line, Tuple[FrozenSet[str], str]], findings: List[dict]) -> List[str]:
    """One line per finding reported on a trap line with a code the trap names."""
    out = []
    for finding in findings:
        line = (finding["package"], finding["version"], finding["path"], int(finding["line"]))
        trap = traps.get(line)
        if trap is not None and finding["code"] in trap[0]:
            where = f"{line[0]}=={line[1]} {line[2]}:{line[3]}:{finding['column']} {finding['code']}"
            out.append(f"  TRAP HIT: {where}  ({trap[1][:100]})")
    return sorted(out)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=Path, help="findings from realworld.py --findings (JSON lines)")
    parser.add_argument("--linter-root", type=Path, help="run the CLI of this checkout instead of this one")
    args = parser.parse_args(argv)
    traps = load_traps()
    if args.findings:
        findings = [json.loads(line) for line in args.findings.read_text(encoding="utf-8").splitlines()]
    else:
        findings = triage.run_findings({(key[0], key[1]) for key in traps}, args.linter_root)
    found = hits(traps, findings)
    packages = len({(key[0], key[1]) for key in traps})
    sys.stdout.write(f"trap lines: {len(traps)} in {packages} packages; hits: {len(found)}\n")
    sys.stdout.write("".join(f"{line}\n" for line in found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
