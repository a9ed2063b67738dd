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
