"""Issue 14 items 2 and 3: ``--fix`` never overwrites a change saved meanwhile, and keeps what a file is:
owner, group, mode, hard links, symlinks; read-only files are reported, not rewritten."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import List, Tuple

import pytest

from lint_openai.frontends.cli import check as check_module
from lint_openai.frontends.cli import runner, writing
from lint_openai.frontends.cli.main import main

V0 = "import openai\nx = openai.error.Timeout\n"
FIXED = "import openai\nx = openai.APITimeoutError\n"
OTHER_UID, OTHER_GID = 4321, 4322  # the suite runs as root, so it can give files away


def run(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def v0_file(tmp_path: Path, name: str = "a.py") -> Path:
    path = tmp_path / name
    path.write_text(V0, encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", ["--fix", "--fix-only"])
@pytest.mark.parametrize("links", [1, 2], ids=["rename", "in-place"])
def test_a_change_saved_while_fixing_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, links: int
) -> None:
    path = v0_file(tmp_path)
    if links == 2:
        os.link(path, tmp_path / "other-name.py")
    saved = V0 + "y = 'typed in the editor meanwhile'\n"
    real_fix_source = runner.fix_source

    def fix_then_user_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        outcome = real_fix_source(*args, **kwargs)
        path.write_text(saved, encoding="utf-8")  # same inode: the editor writes in place
        return outcome

    monkeypatch.setattr(runner, "fix_source", fix_then_user_saves)
    code, _, err = run(["check", str(path), mode])
    assert path.read_text(encoding="utf-8") == saved
    assert f"error: {path}: fixes not written: the file changed since it was read" in err
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["a.py", "other-name.py"] if links == 2 else ["a.py"]
    )


def test_fix_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    path = v0_file(tmp_path)
    os.chown(path, OTHER_UID, OTHER_GID)
    path.chmod(0o640)
    assert run(["check", str(path), "--fix"])[0] == 0
    info = path.stat()
    assert path.read_text(encoding="utf-8") == FIXED
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (OTHER_UID, OTHER_GID, 0o640)


def test_fix_keeps_setgid_and_sticky_bits_after_chown(tmp_path: Path) -> None:
    path = v0_file(tmp_path)
    os.chown(path, OTHER_UID, OTHER_GID)
    path.chmod(0o2750)  # chown clears set-id bits: the mode must be set after the owner
    run(["check", str(path), "--fix"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o2750


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    path = v0_file(tmp_path)
    other = tmp_path / "other.py"
    os.link(path, other)
    inode = path.stat().st_ino
    os.chown(path, OTHER_UID, OTHER_GID)
    run(["check", str(path), "--fix"])
    assert path.read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == FIXED
    info = path.stat()
    assert (info.st_ino, info.st_nlink, info.st_uid) == (inode, 2, OTHER_UID)


def test_in_place_write_that_cannot_get_space_leaves_the_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = v0_file(tmp_path)  # the fix makes it longer
    os.link(path, tmp_path / "other.py")
    before = path.read_bytes()

    def no_space(fd: int, offset: int, length: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "posix_fallocate", no_space)
    code, _, err = run(["check", str(path), "--fix"])
    assert path.read_bytes() == before
    assert "fixes not written: [Errno 28] No space left on device" in err and code == 1


@pytest.mark.parametrize("mode", ["--fix", "--fix-only"])
def test_read_only_file_is_reported_not_rewritten(tmp_path: Path, mode: str) -> None:
    path = v0_file(tmp_path)
    path.chmod(0o444)
    code, out, err = run(["check", str(path), mode])
    assert path.read_text(encoding="utf-8") == V0
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert f"error: {path}: fixes not written: the file is read-only" in err
    assert code == 1
    if mode == "--fix":
        assert "OAI102" in out  # its findings are still reported


def test_fix_through_a_symlink_keeps_the_link_and_the_target_owner(tmp_path: Path) -> None:
    target = v0_file(tmp_path, "real.py")
    os.chown(target, OTHER_UID, OTHER_GID)
    link = tmp_path / "link.py"
    link.symlink_to(target)
    assert run(["check", str(link), "--fix"])[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == FIXED and target.stat().st_uid == OTHER_UID


def test_owner_that_cannot_be_given_to_a_replacement_means_writing_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not root, fixing a group-writable file someone else owns: chown is refused, so the inode is kept."""
    path = v0_file(tmp_path)
    os.chown(path, OTHER_UID, OTHER_GID)
    inode = path.stat().st_ino

    def refused(fd: int, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(writing.os, "fchown", refused)
    assert run(["check", str(path), "--fix"])[0] == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert (path.stat().st_ino, path.stat().st_uid) == (inode, OTHER_UID)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]


def test_directory_that_cannot_take_a_temporary_file_means_writing_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = v0_file(tmp_path)

    def refused(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")  # a 0555 directory is no obstacle to root

    monkeypatch.setattr(writing.tempfile, "mkstemp", refused)
    assert run(["check", str(path), "--fix"])[0] == 0
    assert path.read_text(encoding="utf-8") == FIXED


def test_a_file_reached_by_several_names_is_fixed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two tasks for one file could run in parallel workers: the second would find it changed."""
    path = v0_file(tmp_path, "real.py")
    (tmp_path / "link.py").symlink_to("real.py")
    real_check_files = check_module.check_files
    given: List[Path] = []

    def recording(tasks, *rest):  # type: ignore[no-untyped-def]
        given.extend(task[0] for task in tasks)
        return real_check_files(tasks, *rest)

    monkeypatch.setattr(check_module, "check_files", recording)
    code, _, err = run(["check", str(tmp_path), str(path), "--fix"])
    assert code == 0 and err == ""
    assert given == [tmp_path / "link.py"]  # the first name of the file, once
    assert path.read_text(encoding="utf-8") == FIXED and (tmp_path / "link.py").is_symlink()
