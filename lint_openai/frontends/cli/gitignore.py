"""``.gitignore`` support for file discovery, with git's own semantics (via ``pathspec``).

Patterns in a ``.gitignore`` apply to paths below its directory; a deeper file overrides a shallower
one, and ``!negations`` re-include. ``.git/info/exclude`` applies to the whole repository. Files
outside a git repository are never ignored.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

if TYPE_CHECKING:
    import pathspec

Spec = Optional["pathspec.GitIgnoreSpec"]


class GitignoreFilter:
    """Answers whether a path is ignored by the ``.gitignore`` files of its repository."""

    def __init__(self, root: Optional[Path] = None) -> None:
        """``root``: treat this directory as the top of the repository (only ignore files at or below it count)."""
        self._specs: Dict[Path, Spec] = {}
        self._chains: Dict[Path, List[Tuple[Path, pathspec.GitIgnoreSpec]]] = {}
        self._roots: Dict[Path, Optional[Path]] = {}
        self._forced_root = root.absolute() if root is not None else None

    def is_ignored(self, path: Path, is_dir: bool) -> bool:
        path = path.absolute()
        root = self._repository_root(path.parent)
        if root is None:
            return False
        decision = False
        for directory, spec in self._specs_from(root, path.parent):
            relative = path.relative_to(directory).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(relative)
            if result.include is not None:
                decision = result.include
        return decision

    def _specs_from(self, root: Path, directory: Path) -> List[Tuple[Path, pathspec.GitIgnoreSpec]]:
        """The specs that apply in ``directory``, from the repository root down (deeper ones win); worked out
        once per directory (a walk asks for each of its entries)."""
        found = self._chains.get(directory)
        if found is None:
            parts = directory.relative_to(root).parts
            chain = [root.joinpath(*parts[:depth]) for depth in range(len(parts) + 1)]
            found = [(folder, spec) for folder in chain if (spec := self._spec(folder, root)) is not None]
            self._chains[directory] = found
        return found

    def _spec(self, folder: Path, root: Path) -> Spec:
        if folder not in self._specs:
            lines: List[str] = []
            if folder == root:
                lines += _read_lines(root / ".git" / "info" / "exclude")
            lines += _read_lines(folder / ".gitignore")
            self._specs[folder] = _compile(lines) if lines else None
        return self._specs[folder]

    def _repository_root(self, directory: Path) -> Optional[Path]:
        forced = self._forced_root
        if forced is not None and (directory == forced or forced in directory.parents):
            return forced
        if directory not in self._roots:
            parent = directory.parent
            if (directory / ".git").exists():
                self._roots[directory] = directory
            elif parent == directory:
                self._roots[directory] = None
            else:
                self._roots[directory] = self._repository_root(parent)
        return self._roots[directory]


def _compile(lines: List[str]) -> pathspec.GitIgnoreSpec:
    """The spec of ``lines``; a line that is not a valid pattern is dropped, as git ignores it."""
    import pathspec  # noqa: PLC0415 - loaded once an ignore file has patterns (most runs outside git need none)

    def valid(line: str) -> bool:
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except (ValueError, re.error):
            return False
        return True

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, re.error):
        return pathspec.GitIgnoreSpec.from_lines([line for line in lines if valid(line)])


def _read_lines(path: Path) -> List[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
