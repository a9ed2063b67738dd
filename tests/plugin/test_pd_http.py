"""pd_http used directly: the responses API, recorded requests and their decoders, streaming."""

from __future__ import annotations

import io

import pytest
import requests
from requests_toolbelt import MultipartEncoder, MultipartEncoderMonitor

from pytest_pdhttp import BrokenStream, StrictRequestsMock
from pytest_pdhttp._http.recorded import BLOCKSIZE, describe_body

URL = "https://api.example.com/v1/items"


def test_is_a_started_responses_mock(pd_http):
    assert isinstance(pd_http, StrictRequestsMock)
    pd_http.add(pd_http.GET, URL, json={"items": []})
    pd_http.post(
        URL, json={"id": 1}, status=201, match=[pd_http.matchers.json_params_matcher({"n": 1})]
    )
    assert requests.get(URL, timeout=5).json() == {"items": []}
    response = requests.post(URL, json={"n": 1}, timeout=5)
    assert response.status_code == 201 and response.json() == {"id": 1}
    assert len(pd_http.calls) == 2 and pd_http.calls[1].request.method == "POST"


def test_callbacks_work(pd_http):
    pd_http.add_callback(pd_http.POST, URL, callback=lambda request: (200, {}, request.body))
    assert requests.post(URL, data=b"echo", timeout=5).content == b"echo"


def test_urlencoded_matcher_still_sees_a_str_body(pd_http):
    pd_http.post(URL, match=[pd_http.matchers.urlencoded_params_matcher({"a": "1"})])
    requests.post(URL, data={"a": "1"}, timeout=5).raise_for_status()


def test_recorded_request_fields_and_json(pd_http):
    pd_http.post(URL)
    requests.post(URL, json={"name": "x"}, headers={"Authorization": "Bearer t"}, timeout=5)
    (recorded,) = pd_http.requests
    assert (recorded.method, recorded.url) == ("POST", URL)
    assert recorded.headers["authorization"] == "Bearer t"
    assert recorded.body == b'{"name": "x"}' and recorded.json() == {"name": "x"}


def test_form_decodes_urlencoded_bodies(pd_http):
    pd_http.post(URL)
    requests.post(URL, data={"q": "a b", "lang": "é"}, timeout=5)
    assert pd_http.requests[0].form() == {"q": "a b", "lang": "é"}
    with pytest.raises(ValueError, match="not a form"):
        pd_http.requests[0].files()


@pytest.mark.parametrize(
    "body",
    [b"raw bytes", "raw str", io.BytesIO(b"raw bytes"), (c for c in [b"raw ", b"bytes"])],
    ids=["bytes", "str", "file", "generator"],
)
def test_bodies_are_drained_to_bytes(pd_http, body):
    pd_http.put(URL)
    requests.put(URL, data=body, timeout=5)
    assert pd_http.requests[0].body in (b"raw bytes", b"raw str")


def test_file_bodies_are_read_from_open_files(pd_http, pd_tmp):
    (pd_tmp / "upload.csv").write_text("a,b\n1,2\n")
    pd_http.put(URL)
    with open("/tmp/upload.csv", "rb") as f:
        requests.put(URL, data=f, timeout=5)
    assert pd_http.requests[0].body == b"a,b\n1,2\n"


def _multipart_fields(pdf: io.BytesIO) -> dict:
    return {"file": ("report.pdf", pdf, "application/pdf"), "title": "Q3", "note": (None, "plain")}


def test_files_and_multipart_encoder_decode_identically(pd_http):
    pd_http.post(URL)
    pd_http.post(URL)
    pdf = b"%PDF-1.7 " + bytes(range(256)) * 40
    fields = _multipart_fields(io.BytesIO(pdf))
    requests.post(
        URL, files={"file": fields["file"], "note": fields["note"]}, data={"title": "Q3"}, timeout=5
    )
    encoder = MultipartEncoder(fields=_multipart_fields(io.BytesIO(pdf)))
    requests.post(URL, data=encoder, headers={"Content-Type": encoder.content_type}, timeout=5)
    via_files, via_encoder = pd_http.requests
    assert via_files.form() == via_encoder.form() == {"title": "Q3", "note": "plain"}
    assert via_files.files() == via_encoder.files()
    upload = via_encoder.files()["file"]
    assert (upload.filename, upload.content, upload.content_type) == (
        "report.pdf",
        pdf,
        "application/pdf",
    )


def test_monitor_callbacks_fire_per_wire_block(pd_http):
    pd_http.post(URL)
    encoder = MultipartEncoder(
        fields={"file": ("big.bin", io.BytesIO(b"x" * (BLOCKSIZE * 3)), "application/octet-stream")}
    )
    seen = []
    monitor = MultipartEncoderMonitor(encoder, lambda m: seen.append(m.bytes_read))
    requests.post(URL, data=monitor, headers={"Content-Type": monitor.content_type}, timeout=5)
    assert len(seen) >= 4
    assert all(b - a <= BLOCKSIZE for a, b in zip([0, *seen], seen, strict=False))
    assert seen[-1] == encoder.len == len(pd_http.requests[0].body)


def test_multipart_without_its_content_type_cannot_be_decoded(pd_http):
    pd_http.post(URL)
    encoder = MultipartEncoder(fields={"a": "b"})
    requests.post(URL, data=encoder, timeout=5)
    with pytest.raises(ValueError, match="encoder.content_type"):
        pd_http.requests[0].form()


def test_describe_body_for_failure_messages(pd_http):
    for kwargs in ({"json": {"a": 1}}, {"data": {"f": "v"}}, {"data": b"\x00\x01"}, {}):
        pd_http.post(URL)
        requests.post(URL, timeout=5, **kwargs)
    shown = [describe_body(r) for r in pd_http.requests]
    assert shown == ['JSON {"a": 1}', 'form {"f": "v"}', "bytes b'\\x00\\x01'", "(no body)"]


def test_streamed_body_from_chunks(pd_http):
    chunks = [b"alpha-", b"beta-", b"gamma"]
    pd_http.get(URL, body=iter(chunks), headers={"Content-Type": "application/octet-stream"})
    with requests.get(URL, stream=True, timeout=5) as response:
        response.raise_for_status()
        received = list(response.iter_content(chunk_size=4))
    assert b"".join(received) == b"alpha-beta-gamma"
    assert max(len(c) for c in received) == 4


def test_chunked_body_can_be_requested_again(pd_http):
    pd_http.get(URL, body=[b"a", b"b"])
    assert requests.get(URL, timeout=5).content == b"ab"
    assert requests.get(URL, timeout=5).content == b"ab"


def test_raw_reads_get_one_chunk_at_a_time(pd_http):
    pd_http.get(URL, body=[b"first", b"second"])
    with requests.get(URL, stream=True, timeout=5) as response:
        assert response.raw.read(100, decode_content=False) == b"first"
        assert response.raw.read(100, decode_content=False) == b"second"


def test_plain_bytes_bodies_stream_too(pd_http):
    pd_http.get(URL, body=b"0123456789")
    with requests.get(URL, stream=True, timeout=5) as response:
        assert list(response.iter_content(chunk_size=5)) == [b"01234", b"56789"]


def test_broken_stream_raises_chunked_encoding_error_after_n_bytes(pd_http):
    pd_http.get(URL, body=BrokenStream([b"x" * 60, b"y" * 60], after=100))
    received = bytearray()
    with (
        pytest.raises(requests.exceptions.ChunkedEncodingError, match="Connection broken"),
        requests.get(URL, stream=True, timeout=5) as response,
    ):
        for chunk in response.iter_content(chunk_size=30):
            received += chunk
    assert len(received) == 90  # the last partial block is lost, as with a real reset


def test_broken_stream_without_streaming(pd_http):
    pd_http.get(URL, body=BrokenStream(b"z" * 10, after=5))
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        requests.get(URL, timeout=5)


def test_chunks_must_be_bytes(pd_http):
    with pytest.raises(TypeError, match="bytes or str"):
        pd_http.get(URL, body=[1, 2])


@pytest.mark.pd_http(assert_all_requests_were_expected=False)
def test_unmatched_request_raises_connection_error_explaining_why(pd_http):
    pd_http.get(URL)
    pd_http.post("https://api.example.com/v2/items")
    with pytest.raises(requests.ConnectionError) as info:
        requests.post(URL, json={"name": "x"}, timeout=5)
    message = str(info.value)
    assert f"no registered response matches POST {URL}" in message
    assert 'body: JSON {"name": "x"}' in message
    assert f"GET {URL}: Method does not match" in message
    assert "POST https://api.example.com/v2/items: URL does not match" in message
    assert len(pd_http.unmatched) == 1 and pd_http.requests[0].json() == {"name": "x"}
    requests.get(URL, timeout=5)
    requests.post("https://api.example.com/v2/items", timeout=5)


# --- issue 16: what responses and pytest-httpx users expect -----------------------------------


def test_a_dict_body_is_refused_with_a_hint_and_bytes_like_bodies_work(pytester, run):
    pytester.makepyfile(
        """
        import pytest, requests

        URL = "https://api.example.com/v1/items"

        def test_dict_body(pd_http):
            with pytest.raises(TypeError, match=r"json=\\.\\.\\. instead of body="):
                pd_http.get(URL, body={"id": 1})
            with pytest.raises(TypeError, match="json="):
                pd_http.get(URL, body=[{"id": 1}])

        @pytest.mark.parametrize("body", [memoryview(b"abc"), bytearray(b"abc")])
        def test_bytes_like(pd_http, body):
            pd_http.get(URL, body=body)
            assert requests.get(URL, timeout=5).content == b"abc"
        """
    )
    run().assert_outcomes(passed=3)


def test_recorded_forms_decode_utf8_and_keep_repeated_files(pytester, run):
    pytester.makepyfile(
        """
        import requests

        URL = "https://api.example.com/v1/upload"

        def test_form_is_utf8(pd_http):
            pd_http.post(URL)
            requests.post(URL, data="name=José&city=Zürich".encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=5)
            assert pd_http.requests[0].form() == {"name": "José", "city": "Zürich"}

        def test_repeated_fields(pd_http):
            pd_http.post(URL)
            files = [("attachments", ("a.txt", b"A")), ("attachments", ("b.txt", b"B")),
                     ("tag", (None, "x")), ("tag", (None, "y"))]
            requests.post(URL, files=files, timeout=5)
            sent = pd_http.requests[0]
            assert [f.filename for f in sent.files().getlist("attachments")] == ["a.txt", "b.txt"]
            assert sent.files()["attachments"].content == b"B"      # a dict's view: the last one
            assert sent.form().getlist("tag") == ["x", "y"]
            assert sent.form().multi_items() == [("tag", "x"), ("tag", "y")]
        """
    )
    run().assert_outcomes(passed=2)


def test_is_optional_and_is_reusable_per_response(pytester, run):
    pytester.makepyfile(
        """
        import pytest, requests

        URL = "https://api.example.com/v1/items"

        def test_optional_and_once(pd_http):
            pd_http.get(URL + "/maybe", is_optional=True)
            pd_http.get(URL, json={"n": 1}, is_reusable=False)
            pd_http.get(URL, json={"n": 2}, is_reusable=False)
            assert requests.get(URL, timeout=5).json() == {"n": 1}
            assert requests.get(URL, timeout=5).json() == {"n": 2}
            with pytest.raises(requests.ConnectionError, match="is_reusable=False"):
                requests.get(URL, timeout=5)

        @pytest.mark.pd_http(assert_all_requests_are_fired=False)
        def test_required_in_a_relaxed_test(pd_http):
            pd_http.get(URL, is_optional=False)
            pd_http.get(URL + "/other")

        def test_reusable_by_default(pd_http):
            pd_http.get(URL, json={"n": 1})
            for _ in range(3):
                assert requests.get(URL, timeout=5).json() == {"n": 1}
        """
    )
    result = run("-rN")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        ["*test_optional_and_once*", "*no registered response matches GET*"]
    )
    result.stdout.fnmatch_lines(
        [
            "*test_required_in_a_relaxed_test*",
            "*never requested:*",
            "*- GET https://api.example.com/v1/items",
        ]
    )
    result.stdout.no_fnmatch_line("*- GET https://api.example.com/v1/items/maybe")
    result.stdout.no_fnmatch_line("*- GET https://api.example.com/v1/items/other")


def test_requests_are_looked_up_by_what_they_were(pytester, run):
    pytester.makepyfile(
        """
        import re
        import pytest, requests

        API = "https://api.example.com/v1"

        def test_lookup(pd_http):
            pd_http.post(API + "/items")
            pd_http.get(re.compile(API + "/items.*"))
            requests.post(API + "/items", json={"name": "a"}, headers={"X-Trace": "1"}, timeout=5)
            requests.post(API + "/items", data={"name": "b"}, timeout=5)
            requests.get(API + "/items", params={"page": 2, "size": 10}, timeout=5)

            assert len(pd_http.get_requests(method="post")) == 2
            assert pd_http.get_request(match_json={"name": "a"}).headers["X-Trace"] == "1"
            assert pd_http.get_request(match_headers={"x-trace": "1"}).json() == {"name": "a"}
            assert pd_http.get_request(match_data={"name": "b"}).method == "POST"
            assert pd_http.get_request(url=API + "/items?size=10&page=2").method == "GET"
            assert pd_http.get_requests(url=re.compile(r".*page=2")) == [pd_http.requests[2]]
            assert pd_http.get_requests(method="DELETE") == []

        def test_not_exactly_one(pd_http):
            pd_http.post(API + "/items")
            requests.post(API + "/items", json={"name": "a"}, timeout=5)
            requests.post(API + "/items", json={"name": "b"}, timeout=5)
            pd_http.get_request(method="POST")

        def test_none(pd_http):
            pd_http.post(API + "/items")
            requests.post(API + "/items", json={"name": "a"}, timeout=5)
            pd_http.get_request(match_json={"name": "z"})
        """
    )
    result = run("-rN")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*get_request(method='POST') expects exactly one request, 2 matched*",
            "*- POST https://api.example.com/v1/items",
        ]
    )
    result.stdout.fnmatch_lines(
        [
            "*expects exactly one request, none matched; sent:*",
            "*- POST https://api.example.com/v1/items",
        ]
    )


RESPONSES_PLUGIN = '''
import pytest
import responses as responses_

def pytest_runtest_setup(item):
    if item.get_closest_marker("autostart"):
        responses_.start()

def pytest_runtest_teardown(item):
    if item.get_closest_marker("autostart"):
        responses_.stop()
        responses_.reset()

@pytest.fixture
def responses():
    with responses_.RequestsMock() as rsps:
        yield rsps
'''


def test_another_responses_mock_taking_over_is_refused_with_the_reason(pytester, run):
    """@responses.activate, pytest-responses' fixture and its start-for-every-test (stood in for
    by the conftest above, as pytest-responses does it)."""
    pytester.makeconftest(RESPONSES_PLUGIN)
    pytester.makeini("[pytest]\nmarkers = autostart\n")
    pytester.makepyfile(
        """
        import pytest, requests, responses

        URL = "https://api.example.com/v1/items"

        @responses.activate
        def test_activate(pd_http):
            pd_http.get(URL)
            requests.get(URL, timeout=5)

        def test_module_start(pd_http):
            pd_http.get(URL)
            responses.start()              # bound to responses' default mock at its import
            try:
                requests.get(URL, timeout=5)
            finally:
                responses.stop()
                responses.reset()

        def test_fixture_after(pd_http, responses):
            pass

        def test_fixture_before(responses, pd_http):
            pass

        @pytest.mark.autostart
        def test_started_for_every_test(pd_http):
            pass

        def test_pd_http_alone_still_works(pd_http):
            pd_http.get(URL)
            requests.get(URL, timeout=5)
        """
    )
    result = run("-rN", "-p", "no:randomly")
    result.assert_outcomes(passed=1, failed=2, errors=3)
    for where, said in [
        ("*test_activate*", "*another responses mock was started during the test*"),
        ("*_ test_module_start _*", "*another responses mock was started during the test*"),
        ("*at setup of test_fixture_after*", "*another responses mock was started*"),
        ("*at setup of test_fixture_before*", "*another responses mock already intercepts*"),
        ("*at setup of test_started_for_every_test*", "*@pytest.mark.withoutresponses*"),
    ]:
        result.stdout.fnmatch_lines([where, said])
    result.stdout.no_fnmatch_line("*Connection refused by Responses*")


def test_the_ordered_registrys_miss_reason_is_reported(pytester, run):
    pytester.makepyfile(
        """
        import pytest, requests
        from responses.registries import OrderedRegistry

        API = "https://api.example.com/v1"

        @pytest.mark.pd_http(registry=OrderedRegistry)
        def test_in_order(pd_http):
            pd_http.get(API + "/a", json={"n": 1})
            pd_http.get(API + "/a", json={"n": 2})
            assert requests.get(API + "/a", timeout=5).json() == {"n": 1}
            assert requests.get(API + "/a", timeout=5).json() == {"n": 2}
            assert len(pd_http.requests) == 2

        @pytest.mark.pd_http(registry=OrderedRegistry)
        def test_out_of_order(pd_http):
            pd_http.get(API + "/first")
            pd_http.get(API + "/second")
            try:
                requests.get(API + "/second", timeout=5)
            except requests.ConnectionError:
                pass
        """
    )
    result = run("-rN")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*no registered response matches GET https://api.example.com/v1/second",
            "*OrderedRegistry: Next 'Response' in the order doesn't match due to the following "
            "reason: URL does not match.",
            "*registered responses, in order:",
            "*- GET https://api.example.com/v1/first",
            "*- GET https://api.example.com/v1/second",
        ]
    )


def test_generator_bodies_are_read_lazily_as_the_step_reads(pytester, run):
    pytester.makepyfile(
        """
        import itertools
        import pytest, requests

        URL = "https://api.example.com/v1/stream"

        def test_endless(pd_http):
            pulled = []

            def endless():
                for n in itertools.count():
                    if n > 50:   # stands for "forever": reading this far is the bug
                        raise RuntimeError("the body was read further than the step read it")
                    pulled.append(n)
                    yield b"x" * 1000

            pd_http.get(URL, body=endless())
            assert pulled == []                         # nothing read at registration
            with requests.get(URL, stream=True, timeout=5) as response:
                first = next(response.iter_content(chunk_size=1000))
            assert first == b"x" * 1000 and len(pulled) <= 2

        def test_big_body_is_never_held_whole(pd_http):
            size = 0
            pd_http.get(URL, body=(b"y" * 65536 for _ in range(1600)))   # 100 MB
            with requests.get(URL, stream=True, timeout=5) as response:
                for chunk in response.iter_content(chunk_size=65536):
                    size += len(chunk)
            assert size == 65536 * 1600

        def test_a_generator_answers_once(pd_http):
            pd_http.get(URL, body=(c for c in [b"a", b"b"]))
            assert requests.get(URL, timeout=5).content == b"ab"
            with pytest.raises(TypeError, match="read once"):
                pd_http.get(URL, body=iter([b"c"]), is_reusable=True)

        def test_bad_chunks_from_a_generator(pd_http):
            pd_http.get(URL, body=(c for c in [b"ok", 42]))
            with pytest.raises(TypeError, match="chunks must be bytes or str, got 42"):
                requests.get(URL, timeout=5).content
        """
    )
    run().assert_outcomes(passed=4)


def test_simulated_connection_failures_are_retried_by_urllib3s_retry(pytester, run):
    pytester.makepyfile(
        """
        import pytest, requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        URL = "https://api.example.com/v1/items"

        def session(**retry):
            s = requests.Session()
            s.mount("https://", HTTPAdapter(max_retries=Retry(**retry)))
            return s

        def test_retried_then_answered(pd_http):
            pd_http.get(URL, body=requests.ConnectionError("refused"), is_reusable=False)
            pd_http.get(URL, body=requests.ConnectionError("refused"), is_reusable=False)
            pd_http.get(URL, json={"ok": True})
            assert session(total=3).get(URL, timeout=5).json() == {"ok": True}
            assert len(pd_http.requests) == 3

        def test_retries_run_out(pd_http):
            pd_http.get(URL, body=requests.ConnectionError("refused"))
            with pytest.raises(requests.ConnectionError, match="Max retries exceeded.*refused"):
                session(total=2).get(URL, timeout=5)
            assert len(pd_http.requests) == 3

        def test_no_retry_by_default_as_with_a_real_connection(pd_http):
            pd_http.get(URL, body=requests.ConnectionError("refused"))
            with pytest.raises(requests.ConnectionError) as info:
                requests.get(URL, timeout=5)
            assert "Max retries exceeded" in str(info.value) and len(pd_http.requests) == 1

        def test_read_timeouts_follow_allowed_methods(pd_http):
            pd_http.post(URL, body=requests.exceptions.ReadTimeout("slow"))
            with pytest.raises(requests.exceptions.ReadTimeout):
                session(total=3, read=3).post(URL, timeout=5)     # POST is not retried on read
            assert len(pd_http.requests) == 1

        def test_connect_timeout(pd_http):
            pd_http.get(URL, body=requests.exceptions.ConnectTimeout("late"))
            with pytest.raises(requests.exceptions.ConnectTimeout):
                session(total=1).get(URL, timeout=5)
            assert len(pd_http.requests) == 2

        def test_other_exceptions_reach_the_code_unchanged(pd_http):
            error = ValueError("not about the connection")
            pd_http.get(URL, body=error)
            with pytest.raises(ValueError) as info:
                session(total=3).get(URL, timeout=5)
            assert info.value is error and len(pd_http.requests) == 1
        """
    )
    run().assert_outcomes(passed=6)
