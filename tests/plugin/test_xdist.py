"""Under pytest-xdist every worker gets its own /tmp stand-in and strict failures still fail."""

import pytest


def test_fixtures_under_xdist(pytester, run):
    pytest.importorskip("xdist")
    pytester.makepyfile(
        """
        import os

        import pytest
        import requests

        @pytest.mark.parametrize("n", range(8))
        def test_same_tmp_name_everywhere(pd, pd_tmp, pd_http, n):
            pd_http.get("https://api.example.com/n", json={"n": n})

            def handler(pd):
                value = requests.get("https://api.example.com/n", timeout=5).json()["n"]
                assert not os.path.exists("/tmp/out.txt")
                with open("/tmp/out.txt", "w") as f:
                    f.write(str(value))
                return value

            assert pd.run(handler).return_value == n
            assert (pd_tmp / "out.txt").read_text() == str(n)

        def test_strict_failure_is_reported(pd_http):
            pd_http.get("https://api.example.com/unused")
        """
    )
    result = run("-p", "xdist", "-n", "2", subprocess=True)
    result.assert_outcomes(passed=8, failed=1)
    result.stdout.fnmatch_lines(["*created: 2/2 workers*"])
    result.stdout.fnmatch_lines(["*registered responses that were never requested*"])
