"""Speed and memory of lint-openai, as ratios against baselines measured in the same run (issues 9, 19).

    python benchmarks/run.py              # every benchmark, 5 runs each, prints a Markdown table
    python benchmarks/run.py --runs 3 --skip pylint
    python benchmarks/run.py --readme     # also replace the table in README.md

Benchmarks (min and median wall time of ``--runs`` runs; ratios use the medians). Every CLI run but the
cache's is given ``--no-cache`` (when the CLI has it), and the package is byte-compiled first, as an
installed one is (``PYTHONDONTWRITEBYTECODE`` would otherwise make every start-up compile every module):

- ``startup``: the CLI on a directory of 20 small files without OpenAI code, and on one small v0 file,
  vs ``python -c pass`` (the interpreter's own start-up). Targets <= 2.5x and <= 3x.
- ``stdlib``: the CLI on the CPython standard library vs ``ruff check --no-cache --isolated --select E9``
  (ruff's parse-error check: it reads and parses every file). Target <= 1x (default ``--jobs``), <= 2x
  on one process.
- ``dense-cli``: the CLI (``-j1``) on an OpenAI-dense corpus (every file of the installed ``openai``
  package that names the SDK, plus this repo's fixtures) vs a fresh interpreter that reads and
  ``ast.parse``-s the same files. ``dense-engine``: the same in this process, without start-up:
  ``check_source`` on every file vs ``ast.parse`` on every file. Target <= 1.5x the parse floor.
- ``flake8``: flake8 on the dense corpus with the plugin vs flake8 of the same version in a
  separate virtualenv without it (created once under ``benchmarks/.cache``). Target <= 5% overhead.
- ``pylint``: pylint on a slice of the dense corpus with vs without ``--load-plugins``. Target <= 5%.
- ``memory``: peak RSS of the CLI on the standard library (``-j1``, one process). Target <= 100 MB.
- ``latency``: ``check_source`` on one 2,000-line OpenAI-heavy file vs ``ast.parse`` of it, in-process.
  Target <= 2x (issue 9's was < 20 ms).
- ``cache``: the CLI on a copy of the dense corpus with a warm results cache vs the same run with an empty
  one (which fills it); the two outputs must be identical. Target <= 0.25x.
- ``doubling``: ``check_source`` on 16,000 lines of ``rN = openai.ChatCompletion.create(...)`` vs 8,000
  lines (linear cost: <= 2.2x per doubling), beside ``ast.parse``'s own ratio on the same two texts.

Wall times are noisy on shared machines: compare ratios from one run, never absolute numbers
across machines. Nothing here is a unit test; the suite never asserts on time.
"""

from __future__ import annotations

import argparse
import ast
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import openai

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
README_START = "<!-- benchmarks:start -->"
README_END = "<!-- benchmarks:end -->"
sys.path.insert(0, str(ROOT))

from lint_openai.config.settings import Settings  # noqa: E402
from lint_openai.engine import check_source  # noqa: E402


@dataclass
class Row:
    name: str
    what: str
    ours: List[float]
    baseline: List[float]
    baseline_name: str
    target: str
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.baseline)

    def cells(self) -> List[str]:
        def fmt(values: List[float]) -> str:
            scale, unit = (1000.0, "ms") if self.unit == "ms" else (1.0, self.unit)
            if self.unit == "MB":
                return f"{values[0]:.0f} MB"
            return f"{min(values) * scale:.3g} / {statistics.median(values) * scale:.3g} {unit}"

        ratio = f"{self.ratio:.2f}x" if self.baseline else ""
        return [
            self.name,
            self.what,
            fmt(self.ours),
            self.baseline_name,
            fmt(self.baseline) if self.baseline else "",
            ratio,
            self.target,
        ]


def interleaved(
    runners: Sequence[Callable[[], object]], runs: int, warm_up: bool = True
) -> List[List[float]]:
    """Wall times of ``runs`` calls of each runner, taking turns (one untimed warm-up of each first, so file
    caches are equally warm): a change in the machine's load then weighs on all of them alike."""
    if warm_up:
        for run in runners:
            run()
    times: List[List[float]] = [[] for _ in runners]
    for _ in range(runs):
        for run, measured in zip(runners, times):
            start = time.perf_counter()
            run()
            measured.append(time.perf_counter() - start)
    return times


def command(
    args: Sequence[str], env: Optional[Dict[str, str]] = None, cwd: Optional[Path] = None
) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(
            list(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd, check=False
        )

    return run


def has_cache_option() -> bool:
    """Whether this CLI has a results cache (``--no-cache``), so the other rows can turn it off."""
    usage = subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", "--help"], capture_output=True, text=True, check=False
    )
    return "--no-cache" in usage.stdout


NO_CACHE: List[str] = []  # ["--no-cache"] once main() found the option


def lint_openai(*args: str, cache: bool = False) -> List[str]:
    return [
        sys.executable,
        "-m",
        "lint_openai",
        "check",
        "--exit-zero",
        "--quiet",
        "--today",
        "2026-11-25",
        *([] if cache else NO_CACHE),
        *args,
    ]


def stdlib_path() -> Path:
    return Path(sysconfig.get_paths()["stdlib"])


def dense_corpus() -> List[Path]:
    """Every file of the installed openai package that names the SDK, plus the repo's fixtures."""

    package = Path(openai.__file__).parent
    files = [
        p
        for p in sorted(package.rglob("*.py"))
        if "openai" in p.read_text(encoding="utf-8", errors="replace")
    ]
    return files + sorted((ROOT / "tests" / "fixtures").rglob("*.py"))


def file_list(paths: Sequence[Path]) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(map(str, paths)))
    return Path(handle.name)


PARSE_FLOOR = (
    "import ast, sys\n"
    "for path in open(sys.argv[1], encoding='utf-8').read().splitlines():\n"
    "    ast.parse(open(path, 'rb').read(), path)\n"
)


def bench_stdlib(runs: int) -> List[Row]:
    stdlib = str(stdlib_path())
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        raise SystemExit("ruff is not installed (pip install -e '.[dev]')")
    ruff_check = [ruff, "check", "--no-cache", "--isolated", "--select", "E9", "--exit-zero", "-q", stdlib]
    baseline, parallel, single = interleaved(
        [command(ruff_check), command(lint_openai(stdlib)), command(lint_openai(stdlib, "-j1"))], runs
    )
    rows = [
        Row(
            "stdlib",
            "CLI on the CPython stdlib (default --jobs)",
            parallel,
            baseline,
            "ruff --select E9",
            "<= 1x",
        ),
        Row(
            "stdlib -j1",
            "the same on one process",
            single,
            baseline,
            "ruff --select E9",
            "<= 2x",
        ),
    ]
    return rows


def bench_dense(runs: int, corpus: List[Path]) -> List[Row]:
    listing = file_list(corpus)
    floor, cli = interleaved(
        [
            command([sys.executable, "-c", PARSE_FLOOR, str(listing)]),
            command(lint_openai("-j1", *map(str, corpus))),
        ],
        runs,
    )
    texts = [(str(path), path.read_text(encoding="utf-8")) for path in corpus]
    settings = Settings()

    def parse_all() -> None:
        for path, text in texts:
            ast.parse(text, path)

    def check_all() -> None:
        for path, text in texts:
            check_source(text, path, settings)

    what = f"{len(corpus)} OpenAI-dense files"
    engine, parse = interleaved([check_all, parse_all], runs)
    return [
        Row("dense-cli", f"CLI -j1 on {what}", cli, floor, "python + ast.parse", "<= 1.5x"),
        Row(
            "dense-engine",
            f"check_source on {what}, in-process",
            engine,
            parse,
            "ast.parse",
            "<= 1.5x",
        ),
    ]


def baseline_venv() -> Path:
    """A virtualenv with this environment's flake8 but without lint-openai (created once)."""

    venv = CACHE / f"baseline-flake8-{version('flake8')}"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"flake8=={version('flake8')}"], check=True
        )
    return python


def bench_flake8(runs: int, corpus: List[Path]) -> List[Row]:
    files = list(map(str, corpus))
    flags = ["--isolated", "--jobs", "1", "--exit-zero"]
    plain, plugin = interleaved(
        [
            command([str(baseline_venv()), "-m", "flake8", *flags, *files]),
            command([sys.executable, "-m", "flake8", *flags, "--lint-openai-today", "2026-11-25", *files]),
        ],
        runs,
    )
    return [
        Row(
            "flake8",
            f"flake8 -j1 with the plugin, {len(files)} files",
            plugin,
            plain,
            "flake8 without it",
            "<= 1.05x",
        )
    ]


def bench_pylint(runs: int, corpus: List[Path]) -> List[Row]:
    files = list(map(str, corpus[:: max(len(corpus) // 60, 1)]))
    flags = ["--jobs", "1", "--exit-zero", "--reports", "n", "--score", "n", "--persistent", "n"]
    plugin_flags = ["--load-plugins", "lint_openai.pylint_plugin"]
    plain, plugin = interleaved(
        [
            command([sys.executable, "-m", "pylint", *flags, *files]),
            command([sys.executable, "-m", "pylint", *flags, *plugin_flags, *files]),
        ],
        runs,
    )
    return [
        Row(
            "pylint",
            f"pylint -j1 with the plugin, {len(files)} files",
            plugin,
            plain,
            "pylint without it",
            "<= 1.05x",
        )
    ]


PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def bench_memory(runs: int) -> List[Row]:
    output = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *lint_openai(str(stdlib_path()), "-j1")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    kilobytes = int(output.strip().splitlines()[-1])
    return [
        Row(
            "memory",
            "peak RSS of the CLI on the stdlib (-j1)",
            [kilobytes / 1024],
            [],
            "",
            "<= 100 MB",
            unit="MB",
        )
    ]


def heavy_file(lines: int = 2000) -> str:
    """An OpenAI-heavy module of ``lines`` lines: the fixtures, each copy inside its own function."""
    parts: List[str] = []
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.py"))]
    count = 0
    while sum(part.count("\n") for part in parts) < lines:
        source = sources[count % len(sources)]
        body = "".join(f"    {line}\n" if line.strip() else "\n" for line in source.splitlines())
        parts.append(f"def copy_{count}():\n{body}    pass\n\n")
        count += 1
    return "".join(parts)


def bench_latency(runs: int) -> List[Row]:
    text = heavy_file()
    settings = Settings()
    ast.parse(text)
    count = text.count("\n")
    ours, parse = interleaved(
        [lambda: check_source(text, "heavy.py", settings), lambda: ast.parse(text)], max(runs * 4, 20)
    )
    return [
        Row(
            "latency",
            f"check_source on one {count}-line file",
            ours,
            parse,
            "ast.parse",
            "<= 2x",
            unit="ms",
        )
    ]


PLAIN_MODULE = '''"""A module that does not use the SDK (no name of it, no model id)."""

import os


def join_{n}(base: str, name: str) -> str:
    """Join two parts of a path."""
    return os.path.join(base, name)
'''
V0_MODULE = """import openai

openai.api_key = "sk-test"


def ask(question: str) -> str:
    response = openai.ChatCompletion.create(
        model="gpt-4", messages=[{"role": "user", "content": question}]
    )
    return response["choices"][0]["message"]["content"]
"""


def bench_startup(runs: int) -> List[Row]:
    """Start-up: a directory without OpenAI code and one small v0 file, vs the interpreter starting."""
    runs = max(runs * 4, 20)  # short runs: more of them
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp, "plain")
        plain.mkdir()
        for n in range(20):
            (plain / f"module_{n}.py").write_text(PLAIN_MODULE.format(n=n), encoding="utf-8")
        Path(tmp, "app.py").write_text(V0_MODULE, encoding="utf-8")
        floor, plain_times, v0_times = interleaved(
            [
                command([sys.executable, "-c", "pass"], cwd=Path(tmp)),
                command(lint_openai("plain"), cwd=Path(tmp)),
                command(lint_openai("app.py"), cwd=Path(tmp)),
            ],
            runs,
        )
        return [
            Row(
                "startup-plain",
                "CLI on a directory of 20 small files without OpenAI code",
                plain_times,
                floor,
                "python -c pass",
                "<= 2.5x",
                unit="ms",
            ),
            Row(
                "startup-v0",
                "CLI on one small v0 file (two findings)",
                v0_times,
                floor,
                "python -c pass",
                "<= 3x",
                unit="ms",
            ),
        ]


def copy_corpus(corpus: List[Path], target: Path) -> None:
    """The dense corpus as one project tree: the SDK's files under ``openai/``, the fixtures under ``fixtures/``."""
    package = Path(openai.__file__).parent
    fixtures = ROOT / "tests" / "fixtures"
    for path in corpus:
        if path.is_relative_to(package):
            destination = target / "openai" / path.relative_to(package)
        else:
            destination = target / "fixtures" / path.relative_to(fixtures)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


def bench_cache(runs: int, corpus: List[Path]) -> List[Row]:
    """A warm run over an unchanged tree vs a cold one (empty cache, which the run fills)."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp, "project")
        copy_corpus(corpus, project)
        cache = Path(tmp, "cache")
        env = dict(os.environ, LINT_OPENAI_CACHE_DIR=str(cache))
        args = lint_openai(".", "--output-format", "json", cache=True)

        def output() -> str:
            return subprocess.run(
                args, capture_output=True, text=True, env=env, cwd=project, check=True
            ).stdout

        outputs: List[str] = []

        def cold() -> None:
            shutil.rmtree(cache, ignore_errors=True)
            outputs.append(output())

        def warm() -> None:  # right after a cold run, which filled the cache
            outputs.append(output())

        cold_times, warm_times = interleaved([cold, warm], runs)
        if len(set(outputs)) != 1:
            raise SystemExit("cache: a warm run's output differs from the cold run's")
        return [
            Row(
                "cache",
                f"warm run over {len(corpus)} unchanged SDK-dense files (output identical to the cold run's)",
                warm_times,
                cold_times,
                "cold run",
                "<= 0.25x",
            )
        ]


def v0_calls(lines: int) -> str:
    """``lines`` v0 calls, one finding each (OAI101, and OAI201 for the model)."""
    calls = "".join(
        f'r{n} = openai.ChatCompletion.create(model="gpt-4", messages=[])\n' for n in range(lines)
    )
    return "import openai\n\n" + calls


def bench_doubling(runs: int) -> List[Row]:
    """Linear cost: twice the lines of v0 calls should take twice the time."""
    small, large = v0_calls(8000), v0_calls(16000)
    settings = Settings()
    return [
        Row(
            "doubling",
            "check_source on 16,000 lines of `rN = openai.ChatCompletion.create(...)`",
            *interleaved(
                [
                    lambda: check_source(large, "large.py", settings),
                    lambda: check_source(small, "small.py", settings),
                ],
                runs,
                warm_up=False,
            ),
            "8,000 lines",
            "<= 2.2x",
        ),
        Row(  # the reference: the parser's own cost per doubling on this machine (memory effects included)
            "doubling-parse",
            "ast.parse of the same 16,000 lines",
            *interleaved([lambda: ast.parse(large), lambda: ast.parse(small)], max(runs, 5), warm_up=False),
            "8,000 lines",
            "(reference)",
        ),
    ]


BENCHMARKS = ("startup", "stdlib", "dense", "cache", "flake8", "pylint", "memory", "latency", "doubling")


def table(rows: List[Row]) -> str:
    header = [
        "benchmark",
        "what",
        "lint-openai (min / median)",
        "baseline",
        "baseline (min / median)",
        "ratio",
        "target",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, {cpus} CPUs"


def load() -> float:
    """The 1-minute load average (other jobs on the machine); -1 where the system does not report it."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0


def update_readme(text: str) -> None:
    readme = ROOT / "README.md"
    content = readme.read_text(encoding="utf-8")
    start, end = content.index(README_START), content.index(README_END)
    readme.write_text(content[: start + len(README_START)] + "\n" + text + content[end:], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip", action="append", default=[], choices=BENCHMARKS)
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "lint_openai", quiet=1)
    NO_CACHE[:] = ["--no-cache"] if has_cache_option() else []
    corpus = dense_corpus()
    slow_runs = max(args.runs // 2, 1)
    runners = {
        "startup": lambda: bench_startup(args.runs),
        "stdlib": lambda: bench_stdlib(args.runs),
        "dense": lambda: bench_dense(args.runs, corpus),
        "cache": lambda: bench_cache(args.runs, corpus),
        "flake8": lambda: bench_flake8(args.runs, corpus),
        "pylint": lambda: bench_pylint(slow_runs, corpus),
        "memory": lambda: bench_memory(args.runs),
        "latency": lambda: bench_latency(args.runs),
        "doubling": lambda: bench_doubling(slow_runs),
    }
    rows: List[Row] = []
    loads = [load()]
    for name in BENCHMARKS:
        if name not in args.skip:
            print(f"running {name}...", file=sys.stderr)
            rows += runners[name]()
            loads.append(load())
    short = max(args.runs * 4, 20)
    text = (
        f"{machine()}, 1-minute load average {min(loads):.1f}-{max(loads):.1f} during the run (other jobs); "
        f"{args.runs} runs each (start-up and latency: {short}; pylint and doubling: {slow_runs}).\n\n"
        f"{table(rows)}"
    )
    print(text)
    if args.readme:
        update_readme(text)


if __name__ == "__main__":
    main()
