"""Finding the files to check under the paths a user gives: Python files, notebooks, configuration files."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, Optional, Pattern, Sequence, Tuple

from lint_openai.config.settings import Settings
from lint_openai.frontends.cli.gitignore import GitignoreFilter
from lint_openai.records import record
from lint_openai.source.file_names import config_format, is_notebook_path

# Same spirit as ruff's default excludes: VCS metadata, virtual environments, build output, caches.
DEFAULT_EXCLUDES = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".lint_openai_cache",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pyenv",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    ".vscode",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)
PYTHON_SUFFIXES = (".py", ".pyi")


def excludes_for(settings: Settings, extended: bool = True) -> Tuple[str, ...]:
    """The exclude patterns in force: ``exclude`` (else the defaults), plus ``extend-exclude`` if asked."""
    base = settings.exclude or DEFAULT_EXCLUDES
    return (*base, *settings.extend_exclude) if extended else tuple(base)


@record
class FileKinds:
    """Which files a directory walk yields besides Python files: notebooks (default) and configuration files."""

    notebooks: bool = True
    config_files: bool = False

    def wants(self, entry: os.DirEntry[str], top: Path) -> bool:
        """Whether a file found under ``top`` is checked. A configuration file that is a symlink to a file
        outside ``top`` is not (it may be a secret kept elsewhere: ``.env -> ~/secrets/prod.env``)."""
        name = entry.name
        if name.endswith(PYTHON_SUFFIXES):
            return True
        if is_notebook_path(name):
            return self.notebooks
        if not self.config_files or config_format(name) is None:
            return False
        return not entry.is_symlink() or _inside(Path(entry.path), top)


def _inside(link: Path, top: Path) -> bool:
    try:
        return link.resolve().is_relative_to(top.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False


def is_excluded(path: Path, patterns: Sequence[str], root: Path) -> bool:
    """Whether ``path`` matches an exclude pattern (by name, or by path relative to ``root``)."""
    name = path.name
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    by_name, by_path = _matchers(tuple(patterns))
    return by_name.match(name) is not None or by_path.match(relative) is not None


@functools.lru_cache(maxsize=32)
def _matchers(patterns: Tuple[str, ...]) -> Tuple[Pattern[str], Pattern[str]]:
    """One expression for the names and one for the relative paths the patterns match (each alternative is
    what ``fnmatch.fnmatchcase`` compiles for a pattern), so a walk tests each entry twice, not twice per pattern."""

    def either(globs: Iterable[str]) -> Pattern[str]:
        return re.compile("|".join(f"(?:{fnmatch.translate(glob)})" for glob in globs) or "(?!)")

    return either(patterns), either(pattern.strip("/") for pattern in patterns)


def is_excluded_with_parents(path: Path, patterns: Sequence[str], root: Path) -> bool:
    """Whether ``path`` or a directory between it and ``root`` (the project root) is excluded.

    Directories above ``root`` never count, so a checkout under ``~/build/`` is not excluded wholesale.
    """
    absolute, root = path.absolute(), root.absolute()
    for candidate in (absolute, *absolute.parents):
        if candidate == root or root not in candidate.parents:
            return candidate == absolute and is_excluded(candidate, patterns, root)
        if is_excluded(candidate, patterns, root):
            return True
    return False


def _is_virtualenv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file()


def iter_python_files(
    paths: Iterable[Path],
    excludes: Sequence[str] = DEFAULT_EXCLUDES,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    project_root: Optional[Path] = None,
    *,
    kinds: FileKinds = FileKinds(),
) -> Iterator[Path]:
    """Yield the files to check under ``paths`` in a stable (sorted) order (``kinds`` says which).

    Files named explicitly are always yielded, unless ``force_exclude`` (for pre-commit, which passes
    every changed file). Directory symlinks are not followed, so symlink loops cannot trap the walk;
    unreadable directories are skipped. ``.gitignore`` files are honoured unless told otherwise.
    """
    ignored = GitignoreFilter().is_ignored if respect_gitignore else None
    for path in paths:
        is_dir = path.is_dir()
        root = path if is_dir else path.parent
        git_ignored = ignored is not None and (force_exclude or is_dir) and ignored(path, is_dir)
        if force_exclude and (
            git_ignored or is_excluded_with_parents(path, excludes, project_root or Path.cwd())
        ):
            continue
        if not is_dir:
            yield path
        elif git_ignored:
            # Named explicitly, like a file: checked, with only the ignore files inside it applying.
            yield from _walk(path, excludes, root, GitignoreFilter(root=path).is_ignored, kinds)
        else:
            yield from _walk(path, excludes, root, ignored, kinds)


def _walk(
    top: Path,
    excludes: Sequence[str],
    root: Path,
    ignored: Optional[Callable[[Path, bool], bool]],
    kinds: FileKinds,
) -> Iterator[Path]:
    pending: List[Path] = [top]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            continue
        subdirectories = []
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_excluded(path, excludes, root) or (ignored is not None and ignored(path, is_dir)):
                continue
            if is_dir:
                if not _is_virtualenv(path):
                    subdirectories.append(path)
            elif kinds.wants(entry, top):
                # Dangling symlinks and symlink loops are yielded too (OAI001 when read), FIFOs, sockets and
                # devices as well (skipped unread with a message): none is hidden.
                yield path
        pending.extend(reversed(subdirectories))
