"""Each listed file API sees "/tmp/..." inside pd_tmp; nothing reaches the real /tmp."""

from __future__ import annotations

import glob
import io
import os
import pathlib
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from pytest_pdhttp._tmp.redirect import TmpMap

REAL_LSTAT, REAL_READLINK = os.lstat, os.readlink  # bound before any test patches os


@pytest.fixture
def name() -> str:
    """A file name no other run uses, so its absence from the real /tmp means something."""
    return f"pdtmp-{uuid.uuid4().hex}"


@pytest.fixture
def real_tmp_untouched(name):
    yield
    with pytest.raises(FileNotFoundError):
        REAL_LSTAT(f"/tmp/{name}")


pytestmark = pytest.mark.usefixtures("real_tmp_untouched")


def test_fixture_is_a_real_directory_under_tmp_path(pd_tmp, tmp_path):
    assert pd_tmp.is_dir() and pd_tmp.parent == tmp_path and not any(pd_tmp.iterdir())


def test_open_and_io_open(pd_tmp, name):
    with open(f"/tmp/{name}", "w") as f:
        f.write("a")
        assert f.name == f"/tmp/{name}"
    with io.open(f"/tmp/{name}", "a") as f:  # noqa: UP020 - io.open is patched separately
        f.write("b")
    with open(f"/tmp/{name}", "rb", buffering=0) as raw:
        assert raw.read() == b"ab" and raw.name == f"/tmp/{name}"
    assert (pd_tmp / name).read_text() == "ab"


def test_os_open(pd_tmp, name):
    fd = os.open(f"/tmp/{name}", os.O_CREAT | os.O_WRONLY)
    os.write(fd, b"x")
    os.close(fd)
    assert (pd_tmp / name).read_bytes() == b"x"


def test_os_path_queries_and_stat(pd_tmp, name):
    (pd_tmp / name).write_bytes(b"12345")
    (pd_tmp / "d").mkdir()
    assert os.path.exists(f"/tmp/{name}") and os.path.isfile(f"/tmp/{name}")
    assert os.path.isdir("/tmp/d") and not os.path.isdir(f"/tmp/{name}")
    assert os.path.getsize(f"/tmp/{name}") == 5 == os.stat(f"/tmp/{name}").st_size
    assert os.path.isdir("/tmp") and os.path.exists("/tmp/")


def test_listdir_and_scandir_hand_back_tmp_paths(pd_tmp, name):
    (pd_tmp / name).write_text("x")
    assert os.listdir("/tmp") == [name]
    with os.scandir("/tmp") as entries:
        (entry,) = list(entries)
    assert entry.name == name and entry.path == f"/tmp/{name}" and os.fspath(entry) == entry.path
    assert entry.is_file() and not entry.is_dir()


def test_remove_unlink_rename_replace(pd_tmp, name):
    for step in ("a", "b", "c"):
        (pd_tmp / f"{name}{step}").write_text(step)
    os.remove(f"/tmp/{name}a")
    os.unlink(f"/tmp/{name}b")
    os.rename(f"/tmp/{name}c", f"/tmp/{name}d")
    (pd_tmp / f"{name}e").write_text("e")
    os.replace(f"/tmp/{name}e", f"/tmp/{name}d")
    assert os.listdir(pd_tmp) == [f"{name}d"] and (pd_tmp / f"{name}d").read_text() == "e"


def test_makedirs_mkdir_rmdir(pd_tmp, name):
    os.makedirs(f"/tmp/{name}/a/b")
    os.mkdir(f"/tmp/{name}/c")
    assert (pd_tmp / name / "a" / "b").is_dir() and (pd_tmp / name / "c").is_dir()
    os.rmdir(f"/tmp/{name}/c")
    assert not (pd_tmp / name / "c").exists()


def test_pathlib_methods(pd_tmp, name):
    path = pathlib.Path("/tmp") / name
    path.mkdir()
    (path / "a.txt").write_text("text")
    (path / "b.bin").write_bytes(b"bin")
    (path / "c").touch()
    assert (path / "a.txt").read_text() == "text" and (path / "b.bin").read_bytes() == b"bin"
    assert path.exists() and path.is_dir() and (path / "a.txt").is_file()
    assert (path / "a.txt").stat().st_size == 4
    assert sorted(path.iterdir()) == [path / "a.txt", path / "b.bin", path / "c"]
    assert sorted(path.glob("*.txt")) == [path / "a.txt"]
    assert sorted(Path("/tmp").rglob("*.bin")) == [path / "b.bin"]
    with (path / "a.txt").open() as f:
        assert f.read() == "text"
    assert (path / "a.txt").rename(path / "moved.txt") == path / "moved.txt"
    (path / "moved.txt").replace(path / "b.bin")
    (path / "b.bin").unlink()
    (path / "c").unlink()
    assert path.resolve() == path
    path.rmdir()
    assert not any(pd_tmp.iterdir())


def test_shutil_copy_move_rmtree(pd_tmp, name):
    (pd_tmp / "src.txt").write_text("data")
    assert shutil.copy("/tmp/src.txt", f"/tmp/{name}") == f"/tmp/{name}"
    assert shutil.copy2("/tmp/src.txt", "/tmp/c2.txt") == "/tmp/c2.txt"
    assert shutil.copyfile("/tmp/src.txt", "/tmp/cf.txt") == "/tmp/cf.txt"
    os.mkdir("/tmp/tree")
    shutil.copy("/tmp/src.txt", "/tmp/tree/")
    assert shutil.copytree("/tmp/tree", "/tmp/tree2") == "/tmp/tree2"
    assert shutil.move("/tmp/tree2", "/tmp/tree3") == "/tmp/tree3"
    assert (pd_tmp / "tree3" / "src.txt").read_text() == "data"
    shutil.rmtree("/tmp/tree3")
    assert sorted(os.listdir(pd_tmp)) == sorted(["src.txt", name, "c2.txt", "cf.txt", "tree"])


def test_tempfile(pd_tmp):
    assert tempfile.gettempdir() == "/tmp" and tempfile.gettempdirb() == b"/tmp"
    fd, path = tempfile.mkstemp(suffix=".txt")
    os.close(fd)
    assert path.startswith("/tmp/") and (pd_tmp / Path(path).name).exists()
    directory = tempfile.mkdtemp()
    assert directory.startswith("/tmp/") and (pd_tmp / Path(directory).name).is_dir()
    with tempfile.NamedTemporaryFile("w", suffix=".csv") as f:
        f.write("a,b")
        f.flush()
        assert f.name.startswith("/tmp/") and Path(f.name).read_text() == "a,b"
    assert not os.path.exists(f.name)
    with tempfile.TemporaryDirectory() as tmp:
        assert tmp.startswith("/tmp/") and os.path.isdir(tmp)
    assert not os.path.exists(tmp)
    with tempfile.NamedTemporaryFile(dir="/tmp") as explicit:
        assert explicit.name.startswith("/tmp/")


@pytest.mark.skipif(
    not os.path.isdir("/proc/self/fd"), reason="reads /proc to find anonymous files"
)
def test_anonymous_temporary_files_live_in_pd_tmp(pd_tmp):
    with tempfile.TemporaryFile() as anonymous:
        assert REAL_READLINK(f"/proc/self/fd/{anonymous.fileno()}").startswith(f"{pd_tmp}/")
    with tempfile.SpooledTemporaryFile(max_size=10) as spooled:
        spooled.write(b"more than ten bytes")
        assert REAL_READLINK(f"/proc/self/fd/{spooled.fileno()}").startswith(f"{pd_tmp}/")


def test_glob_module(pd_tmp):
    (pd_tmp / "a.csv").write_text("x")
    (pd_tmp / "sub").mkdir()
    (pd_tmp / "sub" / "b.csv").write_text("y")
    assert glob.glob("/tmp/*.csv") == ["/tmp/a.csv"]
    assert sorted(glob.glob("/tmp/**/*.csv", recursive=True)) == ["/tmp/a.csv", "/tmp/sub/b.csv"]


def test_os_walk_and_disk_usage(pd_tmp):
    (pd_tmp / "a" / "b").mkdir(parents=True)
    (pd_tmp / "a" / "b" / "f.txt").write_text("x")
    assert list(os.walk("/tmp")) == [
        ("/tmp", ["a"], []),
        ("/tmp/a", ["b"], []),
        ("/tmp/a/b", [], ["f.txt"]),
    ]
    assert shutil.disk_usage("/tmp").total > 0


def test_bytes_and_pathlike_paths(pd_tmp, name):
    with open(os.fsencode(f"/tmp/{name}"), "w") as f:
        f.write("b")
    assert os.path.exists(Path(f"/tmp/{name}"))
    assert os.listdir(b"/tmp") == [os.fsencode(name)]


def test_paths_inside_pytest_basetemp_are_not_redirected(pd_tmp, tmp_path, name):
    (tmp_path / name).write_text("mine")
    with open(tmp_path / name) as f:
        assert f.read() == "mine"
    assert str(tmp_path / name) == os.path.join(str(tmp_path), name)
    assert not (pd_tmp / name).exists()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/tmp", "/real"),
        ("/tmp/", "/real/"),
        ("/tmp/a/b.txt", "/real/a/b.txt"),
        ("//tmp/./a", "/real/a"),
        ("/tmpfoo/a", None),
        ("/tmp/../etc/passwd", None),
        ("tmp/a", None),
        ("/var/tmp/a", None),
        ("/tmp/kept", None),
        ("/tmp/kept/deeper", None),
        ("/tmp/kept2", "/real/kept2"),
    ],
)
def test_which_paths_are_redirected(path, expected):
    tmp_map = TmpMap(Path("/real"), keep=[Path("/tmp/kept"), Path("/tmp")])
    assert tmp_map.redirected(path) == expected


def test_paths_map_back_and_other_values_pass_through():
    tmp_map = TmpMap(Path("/real"), keep=[])
    assert tmp_map.to_fake("/real/x") == "/tmp/x" and tmp_map.to_fake(b"/real") == b"/tmp"
    assert tmp_map.to_fake("/realx") == "/realx"
    assert tmp_map.to_real(3) == 3 and tmp_map.to_real(None) is None
    path = Path("/elsewhere")
    assert tmp_map.to_real(path) is path


def test_patches_are_undone_after_the_test(pytester, run):
    pytester.makepyfile(
        """
        import builtins, os, shutil, tempfile

        ORIGINAL = (builtins.open, os.stat, shutil.copy, tempfile.gettempdir)

        def test_uses(pd_tmp):
            assert builtins.open is not ORIGINAL[0]

        def test_after():
            assert (builtins.open, os.stat, shutil.copy, tempfile.gettempdir) == ORIGINAL
        """
    )
    run("-p", "no:randomly").assert_outcomes(passed=2)


def test_real_tmp_access_fails_the_test_even_if_swallowed(pytester, run):
    pytester.makepyfile(
        """
        import _io

        def test_leaks(pd_tmp):
            try:
                _io.FileIO("/tmp/pdtmp-leak-check.txt", "w")
            except OSError:
                pass
        """
    )
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*pd_tmp: the code under test touched the real /tmp*",
            "*open('/tmp/pdtmp-leak-check.txt')*",
        ]
    )
    assert not os.path.exists("/tmp/pdtmp-leak-check.txt")


def test_real_tmp_access_is_noted_on_a_test_that_fails_anyway(pytester, run):
    pytester.makepyfile(
        """
        import _io

        def test_leaks(pd_tmp):
            _io.FileIO("/tmp/pdtmp-leak-check-2.txt", "w")
        """
    )
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*RealTmpAccessError: pd_tmp: blocked access to the real /tmp*"])


def test_chdir_to_tmp_moves_into_pd_tmp_and_is_undone_after_the_test(pytester, run):
    pytester.makepyfile(
        """
        import os

        START = os.getcwd()

        def test_chdir(pd_tmp):
            os.chdir("/tmp")
            assert os.getcwd() == "/tmp" and os.path.abspath("x.txt") == "/tmp/x.txt"
            with open("relative.txt", "w") as f:
                f.write("here")
            assert (pd_tmp / "relative.txt").read_text() == "here"

        def test_after():
            assert os.getcwd() == START
        """
    )
    run("-p", "no:randomly").assert_outcomes(passed=2)


def test_chdir_past_the_redirection_is_caught(pytester, run):
    pytester.makepyfile(
        """
        import posix

        def test_chdir(pd_tmp):
            try:
                posix.chdir("/tmp")                  # not patched: the audit hook sees it
            except PermissionError:
                pass
        """
    )
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*os.chdir('/tmp')*"])


def test_pd_uses_pd_tmp_automatically(pytester, run):
    pytester.makepyfile(
        """
        def test_step(pd, pd_tmp):
            def handler(pd):
                with open("/tmp/out.txt", "w") as f:
                    f.write("from the step")
                return "/tmp/out.txt"

            assert pd.run(handler).return_value == "/tmp/out.txt"
            assert (pd_tmp / "out.txt").read_text() == "from the step"
        """
    )
    run().assert_outcomes(passed=1)


# --- stdlib modules with their own open, and the rest of the ways to /tmp (issue 16) ----------


def test_archives_download_to_tmp_and_extract_there(pytester, run):
    """A step that downloads an archive to /tmp and unpacks it, in every stdlib way."""
    pytester.makepyfile(
        """
        import bz2, gzip, io, lzma, os, shutil, sqlite3, tarfile, zipfile

        import pytest

        def make_tar(pd_tmp):
            (pd_tmp / "src").mkdir()
            (pd_tmp / "src" / "a.txt").write_text("alpha")
            with tarfile.open("/tmp/archive.tar.gz", "w:gz") as tar:   # TarFile.add("/tmp/...")
                tar.add("/tmp/src", arcname="src")

        def test_tarfile(pd_tmp):
            make_tar(pd_tmp)
            with tarfile.open("/tmp/archive.tar.gz") as tar:
                tar.extractall("/tmp/out")
            assert (pd_tmp / "out" / "src" / "a.txt").read_text() == "alpha"
            assert sorted(os.listdir("/tmp/out/src")) == ["a.txt"]

        def test_shutil_archives(pd_tmp):
            make_tar(pd_tmp)
            shutil.unpack_archive("/tmp/archive.tar.gz", "/tmp/unpacked")
            assert (pd_tmp / "unpacked" / "src" / "a.txt").read_text() == "alpha"
            made = shutil.make_archive("/tmp/again", "zip", "/tmp/unpacked")
            assert made == "/tmp/again.zip" and (pd_tmp / "again.zip").is_file()
            shutil.unpack_archive(made, "/tmp/from_zip")
            assert (pd_tmp / "from_zip" / "src" / "a.txt").read_text() == "alpha"

        def test_zipfile(pd_tmp):
            with zipfile.ZipFile("/tmp/a.zip", "w") as archive:
                archive.writestr("inner/b.txt", "beta")
            with zipfile.ZipFile("/tmp/a.zip") as archive:
                archive.extractall("/tmp/zip_out")
            assert (pd_tmp / "zip_out" / "inner" / "b.txt").read_text() == "beta"

        @pytest.mark.parametrize("module", [bz2, gzip, lzma])
        def test_compressed_files(pd_tmp, module):
            with module.open("/tmp/data.z", "wb") as f:
                f.write(b"payload")
            with module.open("/tmp/data.z", "rb") as f:
                assert f.read() == b"payload"
            assert (pd_tmp / "data.z").is_file()

        def test_fileio(pd_tmp):
            with io.FileIO("/tmp/raw.bin", "w") as raw:
                raw.write(b"raw")
                assert raw.name == "/tmp/raw.bin" and isinstance(raw, io.FileIO)
            assert (pd_tmp / "raw.bin").read_bytes() == b"raw"
            with open("/tmp/raw.bin", "rb", buffering=0) as plain:
                assert isinstance(plain, io.FileIO)

        def test_sqlite(pd_tmp):
            with sqlite3.connect("/tmp/cache.db") as db:
                db.execute("create table t (x)")
            db.close()
            assert (pd_tmp / "cache.db").is_file()
        """
    )
    result = run()
    result.assert_outcomes(passed=8)


def test_os_functions_taking_paths_are_redirected(pytester, run):
    pytester.makepyfile(
        """
        import os

        def test_os(pd_tmp):
            fd = os.open("/tmp/f", os.O_CREAT | os.O_WRONLY, 0o600)
            os.write(fd, b"12345")
            os.close(fd)
            os.truncate("/tmp/f", 2)
            os.chmod("/tmp/f", 0o640)
            os.chown("/tmp/f", os.getuid(), os.getgid())
            os.utime("/tmp/f", (1, 1))
            os.mkfifo("/tmp/fifo")
            os.link("/tmp/f", "/tmp/hard")
            os.symlink("/tmp/f", "/tmp/soft")
            assert os.readlink("/tmp/soft") == "/tmp/f"
            assert os.path.realpath("/tmp/soft") == "/tmp/f"
            assert os.statvfs("/tmp").f_bsize > 0
            assert os.pathconf("/tmp/f", "PC_NAME_MAX") > 0
            assert os.stat("/tmp/f").st_size == 2 and os.access("/tmp/f", os.R_OK)
            assert sorted(os.listdir("/tmp")) == ["f", "fifo", "hard", "soft"]
            assert [top for top, _, _ in os.walk("/tmp")] == ["/tmp"]
            assert (pd_tmp / "f").stat().st_mtime == 1
        """
    )
    run().assert_outcomes(passed=1)


def test_a_module_first_imported_during_a_test_keeps_working_after_it(pytester, run):
    """Wrappers bound during a test (``from os import remove``) pass paths through afterwards."""
    (pytester.path / "late_helper.py").write_text(
        "from os import remove\nfrom builtins import open as bound_open\n"
    )
    pytester.makepyfile(
        """
        import os

        def test_first(pd_tmp):
            import late_helper
            with late_helper.bound_open("/tmp/x", "w"):
                pass
            late_helper.remove("/tmp/x")
            assert not (pd_tmp / "x").exists()

        def test_outside_pd_tmp(tmp_path):
            import late_helper
            target = tmp_path / "y"
            with late_helper.bound_open(target, "w"):
                pass
            late_helper.remove(target)
            assert not target.exists()

        def test_in_another_test(pd_tmp):
            import late_helper
            with late_helper.bound_open("/tmp/z", "w"):
                pass
            assert (pd_tmp / "z").exists()     # this test's directory, not the first one's
        """
    )
    run("-p", "no:randomly").assert_outcomes(passed=3)
