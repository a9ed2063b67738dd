"""The pd fixture in real pytest runs: markers, env, step files, and how failures show."""

from __future__ import annotations

import os
import textwrap

import pytest


@pytest.fixture
def step(pytester):
    def write(name: str, source: str) -> None:
        (pytester.path / "steps").mkdir(exist_ok=True)
        (pytester.path / "steps" / f"{name}.py").write_text(textwrap.dedent(source))

    return write


def test_a_step_file_runs_with_marker_inputs_event_and_env(pytester, run, step):
    step(
        "greet",
        """
        import os

        def handler(pd: "pipedream"):
            token = pd.inputs["slack"]["$auth"]["oauth_access_token"]
            pd.export("channel", os.environ["CHANNEL"])
            return {"text": f"hi {pd.steps['trigger']['event']['user']}", "token": token,
                    "previous": pd.steps["lookup"]["$return_value"]}
        """,
    )
    pytester.makepyfile(
        test_greet="""
        import os
        import pytest

        @pytest.mark.pd(
            inputs={"slack": {"$auth": {"oauth_access_token": "xoxb-test"}}},
            steps={"lookup": {"$return_value": 42}},
            event={"user": "ada"},
            env={"CHANNEL": "#general", "HOME": None},
        )
        def test_greet(pd):
            result = pd.run("steps/greet.py")
            assert result.return_value == {"text": "hi ada", "token": "xoxb-test", "previous": 42}
            assert result.exports == {"channel": "#general"}
            assert "HOME" not in os.environ

        def test_env_is_restored():
            assert "CHANNEL" not in os.environ
        """
    )
    run("-p", "no:randomly").assert_outcomes(passed=2)
    assert "CHANNEL" not in os.environ


def test_marker_values_are_not_shared_between_tests(pytester, run):
    pytester.makepyfile(
        """
        import pytest

        INPUTS = {"app": {"$auth": {"api_key": "k"}}}

        @pytest.mark.pd(inputs=INPUTS)
        @pytest.mark.parametrize("n", [1, 2])
        def test_mutates(pd, n):
            assert pd.inputs["app"]["$auth"]["api_key"] == "k"
            pd.inputs["app"]["$auth"]["api_key"] = "changed"
        """
    )
    run().assert_outcomes(passed=2)


@pytest.mark.parametrize(
    ("handler", "expected"),
    [
        ("pd.export('when', object())", "*TypeError: export 'when' is not JSON-serializable*"),
        ("return {1, 2}", "*TypeError: the step's return value is not JSON-serializable*"),
        ("pd.respond({'status': 200})", "*ValueError: pd.respond() needs body*"),
        (
            "pd.flow.delay(1000); pd.respond({'status': 200, 'body': ''})",
            "*RuntimeError: pd.respond() cannot be used after*",
        ),
        ("pd.send.http({})", "*AttributeError: pd.send.http does not exist in Python steps*"),
        ("pd.inputs['data_store']['missing']", "*TypeError: data store has no key 'missing'*"),
    ],
    ids=["export", "return", "respond", "respond-after-delay", "node-only", "data-store"],
)
def test_step_mistakes_fail_the_test(pytester, run, step, handler, expected):
    step("bad", f"def handler(pd):\n    {handler}\n")
    pytester.makepyfile(
        """
        def test_bad(pd):
            pd.inputs["data_store"] = pd.data_store()
            pd.run("steps/bad.py")
        """
    )
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([expected])


def test_handler_exceptions_show_the_step_line(pytester, run, step):
    step(
        "boom",
        """
        def handler(pd):
            raise KeyError("no such user")
        """,
    )
    pytester.makepyfile("def test_boom(pd):\n    pd.run('steps/boom.py')\n")
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*steps/boom.py:3: KeyError"])


def test_module_level_code_runs_on_each_load(pytester, run, step):
    step(
        "counter",
        """
        import os
        os.environ["LOADS"] = str(int(os.environ.get("LOADS", "0")) + 1)

        def handler(pd):
            return int(os.environ["LOADS"])
        """,
    )
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.pd(env={"LOADS": "0"})
        def test_loads(pd):
            assert pd.run("steps/counter.py").return_value == 1
            assert pd.run("steps/counter.py").return_value == 2
        """
    )
    run().assert_outcomes(passed=1)


def test_relative_paths_start_at_the_test_file_not_the_cwd(pytester, run, step):
    step("ok", "def handler(pd):\n    return 'ok'\n")
    pytester.mkdir("tests")
    (pytester.path / "tests" / "test_rel.py").write_text(
        "def test_rel(pd):\n    assert pd.run('../steps/ok.py').return_value == 'ok'\n"
    )
    run("tests").assert_outcomes(passed=1)


def test_steps_that_pass_never_write_the_real_tmp(pytester, run, step):
    step(
        "writer",
        """
        import tempfile

        def handler(pd):
            with open("/tmp/pd-fixture-check.txt", "w") as f:
                f.write("x")
            with tempfile.NamedTemporaryFile(delete=False) as t:
                t.write(b"y")
            return t.name
        """,
    )
    pytester.makepyfile(
        "def test_w(pd):\n    assert pd.run('steps/writer.py').return_value.startswith('/tmp/')\n"
    )
    run().assert_outcomes(passed=1)
    assert not os.path.exists("/tmp/pd-fixture-check.txt")


def test_a_data_store_in_the_marker_is_fresh_for_each_test(pytester, run):
    pytester.makepyfile(
        """
        import pytest
        from pytest_pdhttp import DataStore

        @pytest.mark.pd(inputs={"data_store": DataStore({"n": 1})})
        @pytest.mark.parametrize("run", [1, 2])
        def test_increment(pd, run):
            def handler(pd):
                pd.inputs["data_store"]["n"] = pd.inputs["data_store"]["n"] + 1
                return pd.inputs["data_store"]["n"]

            assert pd.run(handler).return_value == 2
        """
    )
    run().assert_outcomes(passed=2)


# --- where the fake must behave as the platform does (issue 16) --------------------------------


def test_an_async_handler_is_refused_with_the_platforms_reason(pytester, run, step):
    step(
        "async_step",
        """
        async def handler(pd: "pipedream"):
            return {"ok": True}
        """,
    )
    pytester.makepyfile(
        test_async="""
        import pytest

        def test_file(pd):
            with pytest.raises(TypeError, match=r"async def handler.*not awaited.*plain def"):
                pd.run("steps/async_step.py")

        def test_callable(pd):
            async def handler(pd):
                return 1

            with pytest.raises(TypeError, match="async def handler"):
                pd.run(handler)

        def test_returning_a_coroutine(pd):
            async def later():
                return 1

            with pytest.raises(TypeError, match="returned a coroutine"):
                pd.run(lambda pd: later())
        """
    )
    result = run(
        "-W", "error::RuntimeWarning", "-W", "error::pytest.PytestUnraisableExceptionWarning"
    )
    result.assert_outcomes(passed=3)
    result.stdout.no_fnmatch_line("*never awaited*")


def test_a_data_store_iterates_over_its_keys_and_refuses_endless_times(pytester, run):
    pytester.makepyfile(
        """
        import math
        import pytest

        def test_iteration(pd):
            store = pd.inputs["data_store"] = pd.data_store({"a": 1, "b": 2})

            def handler(pd):
                ds = pd.inputs["data_store"]
                return {"listed": list(ds), "looped": [k for k in ds], "sorted": sorted(ds)}

            result = pd.run(handler).return_value
            assert result == {"listed": ["a", "b"], "looped": ["a", "b"], "sorted": ["a", "b"]}

        @pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
        def test_no_endless_times(pd, bad):
            store = pd.data_store()
            with pytest.raises(ValueError, match="finite"):
                store.set("k", 1, ttl=bad)
            store.set("k", 1, ttl=10)
            with pytest.raises(ValueError, match="finite"):
                store.set_ttl("k", ttl=bad)
            with pytest.raises(ValueError, match="finite"):
                store.advance(bad)
            store.advance(10)
            assert "k" not in store
        """
    )
    run().assert_outcomes(passed=4)


def test_workflow_steps_get_json_copies_and_cannot_spoof_their_return_value(pytester, run):
    pytester.makepyfile(
        """
        import pytest

        def fetch(pd):
            return {"rows": [1, 2]}

        def meddle(pd):
            pd.steps["fetch"]["$return_value"]["rows"].append(3)
            pd.steps["trigger"]["event"]["user"] = "mallory"
            return "meddled"

        def read(pd):
            return {"rows": pd.steps["fetch"]["$return_value"]["rows"],
                    "user": pd.steps["trigger"]["event"]["user"]}

        def test_no_step_corrupts_another(pd):
            result = pd.run_workflow(
                [("fetch", fetch), ("meddle", meddle), ("read", read)], event={"user": "ada"}
            )
            assert result.steps["read"].return_value == {"rows": [1, 2], "user": "ada"}
            assert result.steps["fetch"].return_value == {"rows": [1, 2]}
            assert pd.steps["trigger"]["event"] == {"user": "ada"}

        def test_a_single_run_sees_a_copy_too(pd):
            pd.steps["lookup"] = {"$return_value": {"n": 1}}
            pd.run(lambda pd: pd.steps["lookup"]["$return_value"].update(n=2))
            assert pd.steps["lookup"] == {"$return_value": {"n": 1}}

        @pytest.mark.parametrize("name", ["$return_value", "$summary", "$anything"])
        def test_dollar_names_are_refused(pd, name):
            def spoof(pd):
                pd.export(name, "spoof")
                return "real"

            with pytest.raises(ValueError, match=r"names starting with '\\$' are reserved"):
                pd.run_workflow([("spoof", spoof)])
        """
    )
    run().assert_outcomes(passed=5)


@pytest.fixture
def project_under_tmp():
    """A project in the real /tmp (as many CI checkouts are), removed afterwards."""
    import shutil
    import tempfile
    from pathlib import Path

    root = Path(tempfile.mkdtemp(prefix="pdhttp-project-", dir="/tmp"))
    yield root
    shutil.rmtree(root)


def test_a_step_outside_the_rootdir_of_a_project_under_tmp_is_found(
    pytester, run, project_under_tmp
):
    (project_under_tmp / "steps" / "fetch").mkdir(parents=True)
    (project_under_tmp / "steps" / "greet.py").write_text(
        "def handler(pd):\n    with open('/tmp/out.txt', 'w') as f:\n        f.write('hi')\n"
        "    raise_if = pd.steps['trigger']['event'].get('fail')\n"
        "    if raise_if:\n        raise ValueError('the step failed on purpose')\n"
        "    return 'hello'\n"
    )
    (project_under_tmp / "steps" / "fetch" / "entry.py").write_text(
        "def handler(pd):\n    return 1\n"
    )
    tests = project_under_tmp / "tests"
    tests.mkdir()
    (tests / "pytest.ini").write_text("[pytest]\n")
    (tests / "test_greet.py").write_text(
        textwrap.dedent(
            """
            import pytest

            def test_run(pd, pd_tmp):
                assert pd.run("../steps/greet.py").return_value == "hello"
                assert (pd_tmp / "out.txt").read_text() == "hi"

            def test_workflow(pd):
                result = pd.run_workflow(["../steps/fetch", "../steps/greet.py"])
                assert list(result.steps) == ["fetch", "greet"]

            def test_a_failure_shows_the_steps_source(pd):
                pd.run("../steps/greet.py", event={"fail": True})
            """
        )
    )
    result = run(str(tests), "-c", str(tests / "pytest.ini"), "--rootdir", str(tests))
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        ["*raise ValueError('the step failed on purpose')*", "*greet.py:6: ValueError"]
    )
    assert not (project_under_tmp / "steps" / "out.txt").exists()


def test_writes_outside_tmp_fail_as_on_the_read_only_platform(pytester, run):
    pytester.makepyfile(
        test_readonly="""
        import errno
        import os
        import pathlib
        import shutil

        import pytest

        def test_relative_write(pd):
            def handler(pd):
                with open("report.csv", "w") as f:        # the working directory: read-only
                    f.write("a,b")
            with pytest.raises(OSError) as info:
                pd.run(handler)
            assert info.value.errno == errno.EROFS and info.value.filename == "report.csv"
            assert "Read-only file system" in str(info.value)
            assert not os.path.exists("report.csv")

        @pytest.mark.parametrize("write", [
            lambda here: pathlib.Path(here, "x.txt").write_text("x"),
            lambda here: os.mkdir(os.path.join(here, "d")),
            lambda here: os.remove(os.path.join(here, "test_readonly.py")),
            lambda here: os.rename(os.path.join(here, "test_readonly.py"), "/tmp/moved.py"),
            lambda here: shutil.copy("/tmp/in.txt", here),
            lambda here: os.open(os.path.join(here, "y"), os.O_CREAT | os.O_WRONLY),
        ], ids=["pathlib", "mkdir", "remove", "rename", "shutil", "os.open"])
        def test_every_way_of_writing(pd, pd_tmp, write):
            (pd_tmp / "in.txt").write_text("in")
            here = os.path.dirname(os.path.abspath(__file__))
            with pytest.raises(OSError) as info:
                pd.run(lambda pd: write(here))
            assert info.value.errno == errno.EROFS
            assert os.path.exists(os.path.join(here, "test_readonly.py"))

        def test_tmp_reads_and_the_tests_own_files_stay_writable(pd, pd_tmp, tmp_path):
            def handler(pd):
                with open("/tmp/ok.txt", "w") as f:
                    f.write("ok")
                (tmp_path / "the_tests_own.txt").write_text("mine")
                with open(__file__) as source:           # reading is fine anywhere
                    return len(source.read()) > 0
            assert pd.run(handler).return_value is True
            assert (pd_tmp / "ok.txt").read_text() == "ok"
            with open("written_by_the_test_itself.txt", "w") as f:   # outside pd.run: allowed
                f.write("fine")

        def test_threads_the_step_starts_but_not_the_tests_own(pd, tmp_path):
            import threading
            from concurrent.futures import ThreadPoolExecutor

            here = os.path.dirname(os.path.abspath(__file__))
            go, done = threading.Event(), threading.Event()

            def the_tests_server():
                go.wait(5)
                with open(os.path.join(here, "server.log"), "w") as log:
                    log.write("served")
                done.set()

            threading.Thread(target=the_tests_server, daemon=True).start()

            def handler(pd):
                go.set()
                done.wait(5)
                with ThreadPoolExecutor(2) as pool:
                    return pool.submit(open, os.path.join(here, "worker.txt"), "w").result()

            with pytest.raises(OSError, match="Read-only"):
                pd.run(handler)
            assert os.path.exists(os.path.join(here, "server.log"))

        def test_a_step_file_is_read_only_too(pd):
            with pytest.raises(OSError, match="Read-only file system"):
                pd.run("steps/writer.py")
        """
    )
    (pytester.path / "steps").mkdir()
    (pytester.path / "steps" / "writer.py").write_text(
        "import logging\n\ndef handler(pd):\n    logging.FileHandler('step.log')\n"
    )
    result = run()
    result.assert_outcomes(passed=10)
    assert (pytester.path / "written_by_the_test_itself.txt").exists()
    assert not (pytester.path / "step.log").exists()


def test_writes_relative_to_a_directory_descriptor_are_judged_where_they_land(pytester, run):
    """shutil.rmtree and TemporaryDirectory's cleanup remove through directory descriptors
    (os.unlink(name, dir_fd=fd)): inside /tmp that is allowed under pd.run, outside it is not."""
    pytester.makepyfile(
        """
        import errno, os, shutil, tempfile
        import pytest

        def test_rmtree_and_temporary_directory(pd, pd_tmp):
            (pd_tmp / "export" / "csv").mkdir(parents=True)
            (pd_tmp / "export" / "csv" / "a.csv").write_text("a")
            def handler(pd):
                shutil.rmtree("/tmp/export")
                with tempfile.TemporaryDirectory() as scratch:
                    with open(os.path.join(scratch, "x.json"), "w") as f:
                        f.write("{}")
                return os.listdir("/tmp")
            assert pd.run(handler).return_value == []

        def test_every_dir_fd_write_inside_tmp(pd, pd_tmp):
            def handler(pd):
                os.mkdir("/tmp/base")
                fd = os.open("/tmp/base", os.O_RDONLY)
                try:
                    os.mkdir("child", dir_fd=fd)
                    out = os.open("child/f", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
                    os.close(out)
                    os.rename("child/f", "child/g", src_dir_fd=fd, dst_dir_fd=fd)
                    os.symlink("child/g", "link", dir_fd=fd)
                    os.unlink("link", dir_fd=fd)
                    os.chmod("child/g", 0o600, dir_fd=fd)
                    os.utime("child/g", dir_fd=fd)
                finally:
                    os.close(fd)
                return os.listdir("/tmp/base/child")
            assert pd.run(handler).return_value == ["g"]

        @pytest.mark.parametrize("write", [
            lambda fd: os.mkdir("d", dir_fd=fd),
            lambda fd: os.open("f", os.O_WRONLY | os.O_CREAT, dir_fd=fd),
            lambda fd: os.unlink("test_dir_fd.py", dir_fd=fd),
        ], ids=["mkdir", "open", "unlink"])
        def test_dir_fd_outside_tmp_is_read_only(pd, write):
            here = os.path.dirname(os.path.abspath(__file__))
            def handler(pd):
                fd = os.open(here, os.O_RDONLY)
                os.chdir("/tmp")          # the names are relative to fd, not to /tmp
                try:
                    write(fd)
                finally:
                    os.close(fd)
            with pytest.raises(OSError) as info:
                pd.run(handler)
            assert info.value.errno == errno.EROFS
            assert not {"d", "f"} & set(os.listdir(here))
            assert os.path.exists(os.path.join(here, "test_dir_fd.py"))

        def test_mkdir_of_an_existing_directory_says_it_exists(pd):
            here = os.path.dirname(os.path.abspath(__file__))
            def handler(pd):
                try:
                    os.mkdir(here)       # Linux checks existence before the read-only mount
                except FileExistsError:
                    return "exists"
            assert pd.run(handler).return_value == "exists"
        """.replace("test_dir_fd.py", "test_writes_relative_to_a_directory_descriptor_are_judged_where_they_land.py")
    )
    run().assert_outcomes(passed=6)


def test_a_running_coverage_measurement_keeps_writing_while_a_step_runs(pytester, run):
    """Coverage's data files stay writable under pd.run (stood in for by a module that answers
    coverage.Coverage.current() as coverage does while it measures)."""
    pytester.makeconftest(
        """
        import os, sys, types

        class Config:
            data_file = os.path.join(os.getcwd(), ".coverage")

        class Coverage:
            @staticmethod
            def current():
                return types.SimpleNamespace(config=Config)

        sys.modules["coverage"] = types.SimpleNamespace(Coverage=Coverage)
        """
    )
    pytester.makepyfile(
        """
        import errno, os
        import pytest

        def test_data_files(pd):
            def handler(pd):
                with open(".coverage.host.123.XyZ", "w") as data:     # what coverage writes
                    data.write("{}")
                with open("not-coverage.txt", "w"):
                    pass
            with pytest.raises(OSError) as info:
                pd.run(handler)
            assert info.value.errno == errno.EROFS and info.value.filename == "not-coverage.txt"
            assert os.path.exists(".coverage.host.123.XyZ")
        """
    )
    run().assert_outcomes(passed=1)
