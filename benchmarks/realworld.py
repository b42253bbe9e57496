"""Run lint-openai on published packages and print what it finds (issue 10).

Downloads a pinned list of PyPI packages (wheels only, ``pip download --no-deps --only-binary=:all:``,
so no third-party build code ever runs), unpacks them into a git-ignored cache, runs the CLI of this
checkout on each with a pinned date, and prints findings per code per package, internal errors
(crashes), parse errors (OAI001) and time. The downloaded code is only read, never imported.

    python benchmarks/realworld.py                     # download what is missing, lint, print a table
    python benchmarks/realworld.py --markdown          # the same table as Markdown (for README.md)
    python benchmarks/realworld.py --findings out.jsonl  # also write every finding, one JSON per line
    python benchmarks/realworld.py --only langchain --only guidance

Findings are read by hand and recorded in ``benchmarks/triage.csv``; ``benchmarks/triage.py`` compares
a run with those verdicts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / "benchmarks" / ".cache"
TODAY = "2026-11-25"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    era: str  # "v0": written for openai<1.0 (mid-2023); "v1": written for openai>=1.0


# Pinned: every version exists on PyPI as a pure-Python wheel (checked with pip download).
PACKAGES = (
    # v0 SDK era (released June-October 2023)
    Package("langchain", "0.0.200", "v0"),
    Package("llama-index", "0.7.0", "v0"),
    Package("gpt-index", "0.5.27", "v0"),
    Package("guidance", "0.0.64", "v0"),
    Package("gpt-engineer", "0.0.7", "v0"),
    Package("marvin", "1.0.0", "v0"),
    Package("chromadb", "0.3.26", "v0"),
    Package("semantic-kernel", "0.3.1.dev0", "v0"),
    Package("instructor", "0.2.5", "v0"),
    Package("llmx", "0.0.15a0", "v0"),
    Package("pandasai", "0.7.2", "v0"),
    Package("embedchain", "0.0.20", "v0"),
    Package("pyautogen", "0.1.14", "v0"),
    # v1 SDK era
    Package("langchain-openai", "0.3.28", "v1"),
    Package("llama-index-llms-openai", "0.4.7", "v1"),
    Package("openai-agents", "0.2.3", "v1"),
    Package("instructor", "1.10.0", "v1"),
    Package("litellm", "1.74.9", "v1"),
    Package("marvin", "3.0.0", "v1"),
    Package("mem0ai", "0.1.114", "v1"),
    Package("crewai", "0.150.0", "v1"),
    Package("dspy", "2.6.27", "v1"),
    Package("outlines", "1.1.1", "v1"),
    Package("pyautogen", "0.2.35", "v1"),
    Package("embedchain", "0.1.128", "v1"),
    # v1 SDK era, API lifecycle corpus (issue 15): Assistants API, Realtime beta, Videos API
    Package("agency-swarm", "0.2.6", "v1"),
    Package("semantic-kernel", "1.30.0", "v1"),
    Package("mcp-simple-openai-assistant", "0.4.1", "v1"),
    Package("ai-assistant-manager", "2.13.0", "v1"),
    Package("genblaze-openai", "0.3.4", "v1"),
    Package("openai-responses", "0.11.6", "v1"),
    Package("nearai", "0.1.19", "v1"),
    # Added after the fp4 review (new ground: apps, proxies, look-alike SDKs; 2 of 9 FPs left unfixed as
    # triaged rows): v0 era
    Package("gptcache", "0.1.43", "v0"),
    Package("helicone", "1.0.14", "v0"),
    Package("open-interpreter", "0.1.4", "v0"),
    Package("pymemgpt", "0.2.0", "v0"),
    Package("ragas", "0.0.22", "v0"),
    Package("shell-gpt", "0.9.4", "v0"),
    # v1 era, with look-alike SDKs that must stay silent (anthropic, groq, mistralai, together)
    Package("aider-chat", "0.60.0", "v1"),
    Package("anthropic", "0.40.0", "v1"),
    Package("chainlit", "1.0.0", "v1"),
    Package("deepeval", "1.5.0", "v1"),
    Package("gpt-researcher", "0.10.2", "v1"),
    Package("groq", "0.13.0", "v1"),
    Package("langfuse", "2.57.0", "v1"),
    Package("letta", "0.6.0", "v1"),
    Package("llm", "0.19", "v1"),
    Package("mistralai", "1.2.5", "v1"),
    Package("opentelemetry-instrumentation-openai", "0.33.12", "v1"),
    Package("portkey-ai", "1.10.0", "v1"),
    Package("swarms", "6.0.0", "v1"),
    Package("together", "1.3.10", "v1"),
)


@dataclass
class Result:
    package: Package
    files: int = 0
    counts: Dict[str, int] = field(default_factory=dict)
    findings: List[dict] = field(default_factory=list)
    crashes: List[str] = field(default_factory=list)
    seconds: float = 0.0
    error: Optional[str] = None

    @property
    def parse_errors(self) -> int:
        return self.counts.get("OAI001", 0)


def _normalized(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def wheel_path(package: Package, downloads: Path) -> Optional[Path]:
    prefix = f"{_normalized(package.name)}-{package.version}-"
    for candidate in sorted(downloads.glob("*.whl")):
        if candidate.name.lower().startswith(prefix.lower()):
            return candidate
    return None


def download(package: Package, downloads: Path) -> Path:
    """The package's wheel in the cache, downloaded first if missing (never built or installed)."""
    found = wheel_path(package, downloads)
    if found is not None:
        return found
    downloads.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--only-binary=:all:",
        f"{package.name}=={package.version}",
        "-d",
        str(downloads),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True)
    found = wheel_path(package, downloads)
    if found is None:
        raise RuntimeError(f"pip downloaded no wheel for {package.name}=={package.version}")
    return found


def unpack(wheel: Path, sources: Path, package: Package) -> Path:
    """Extract the wheel (a zip) once; refuses members that would land outside the target."""
    target = sources / f"{package.name}-{package.version}"
    marker = target / ".unpacked"
    if marker.exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    root = target.resolve()
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.infolist():
            destination = (target / member.filename).resolve()
            if root not in destination.parents and destination != root:
                raise RuntimeError(f"{wheel.name}: unsafe member path {member.filename!r}")
        archive.extractall(target)
    marker.write_text("ok\n", encoding="utf-8")
    return target


def lint(package: Package, tree: Path) -> Result:
    """Run this checkout's CLI on ``tree`` (JSON output, pinned date) and collect the findings."""
    result = Result(package)
    result.files = sum(1 for _ in tree.rglob("*.py"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # The packages' own pyproject.toml files (some are templates that are not valid TOML) must not
    # configure the run: every package is checked with the default rule set.
    config = tree.parent / "lint-openai-defaults.toml"
    config.write_text("[tool.lint-openai]\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "lint_openai",
        "check",
        str(tree),
        "--today",
        TODAY,
        "--output-format",
        "json",
        "--exit-zero",
        "--config",
        str(config),
    ]
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=str(tree), check=False)
    result.seconds = time.perf_counter() - start
    result.crashes = [line for line in completed.stderr.splitlines() if "internal error" in line]
    if completed.returncode not in (0, 2) or (completed.returncode == 2 and not result.crashes):
        result.error = f"exit {completed.returncode}: {completed.stderr.strip()[-500:]}"
        return result
    for item in json.loads(completed.stdout or "[]"):
        path = os.path.relpath(item["filename"], tree)
        finding = {
            "package": package.name,
            "version": package.version,
            "path": path,
            "line": item["location"]["row"],
            "column": item["location"]["column"],
            "code": item["code"],
            "message": item["message"],
        }
        result.findings.append(finding)
        result.counts[item["code"]] = result.counts.get(item["code"], 0) + 1
    return result


def table(results: List[Result], markdown: bool) -> str:
    codes = sorted({code for r in results for code in r.counts if code != "OAI001"})
    header = ["package", "version", "era", "files", *codes, "total", "parse err", "crashes", "time (s)"]
    rows = []
    for r in results:
        total = sum(r.counts.values())
        cells = [r.package.name, r.package.version, r.package.era, str(r.files)]
        cells += [str(r.counts.get(code, "")) for code in codes]
        cells += [str(total), str(r.parse_errors), str(len(r.crashes)), f"{r.seconds:.1f}"]
        if r.error:
            cells[-1] = f"ERROR {r.error[:40]}"
        rows.append(cells)
    totals = ["all", "", "", str(sum(r.files for r in results))]
    totals += [str(sum(r.counts.get(code, 0) for r in results)) for code in codes]
    totals += [
        str(sum(sum(r.counts.values()) for r in results)),
        str(sum(r.parse_errors for r in results)),
        str(sum(len(r.crashes) for r in results)),
        f"{sum(r.seconds for r in results):.1f}",
    ]
    rows.append(totals)
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in [header, *rows]]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where wheels and sources go")
    parser.add_argument("--only", action="append", help="only these package names (repeatable)")
    parser.add_argument("--era", choices=("v0", "v1"), help="only packages of this SDK era")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--findings", type=Path, help="write every finding here as JSON lines")
    args = parser.parse_args(argv)

    selected = [
        p
        for p in PACKAGES
        if (not args.only or p.name in args.only or f"{p.name}=={p.version}" in args.only)
        and (not args.era or p.era == args.era)
    ]
    results = []
    for package in selected:
        wheel = download(package, args.cache / "wheels")
        tree = unpack(wheel, args.cache / "src", package)
        result = lint(package, tree)
        for crash in result.crashes:
            print(f"crash: {package.name} {package.version}: {crash}", file=sys.stderr)
        if result.error:
            print(f"error: {package.name} {package.version}: {result.error}", file=sys.stderr)
        results.append(result)
    sys.stdout.write(table(results, args.markdown))
    if args.findings:
        with args.findings.open("w", encoding="utf-8") as out:
            for result in results:
                for finding in result.findings:
                    out.write(json.dumps(finding, sort_keys=True) + "\n")
    return 1 if any(r.crashes or r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
