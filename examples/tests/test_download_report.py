import pytest
import requests

from pytest_pdhttp import BrokenStream

STEP = "../steps/download_report.py"
REPORT_URL = "https://reports.example.com/q3.pdf"
REPORT = b"%PDF-1.7\n" + bytes(range(256)) * 800  # about 200 KB, several chunks

pytestmark = pytest.mark.pd(event={"body": {"report_url": REPORT_URL}})


def test_streams_the_report_into_tmp(pd, pd_tmp, pd_http):
    chunks = [REPORT[i : i + 50_000] for i in range(0, len(REPORT), 50_000)]
    pd_http.get(REPORT_URL, body=chunks, headers={"Content-Type": "application/pdf"})

    result = pd.run(STEP)

    assert result.return_value == {"path": "/tmp/report.pdf", "size": len(REPORT)}
    assert (pd_tmp / "report.pdf").read_bytes() == REPORT
    assert not (pd_tmp / "report.pdf.part").exists()


def test_a_dropped_connection_leaves_no_partial_file(pd, pd_tmp, pd_http):
    pd_http.get(REPORT_URL, body=BrokenStream(REPORT, after=100_000))

    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        pd.run(STEP)

    assert list(pd_tmp.iterdir()) == []


def test_an_older_report_in_tmp_is_replaced(pd, pd_tmp, pd_http):
    (pd_tmp / "report.pdf").write_bytes(b"stale report from a warm container")
    pd_http.get(REPORT_URL, body=REPORT)

    pd.run(STEP)

    assert (pd_tmp / "report.pdf").read_bytes() == REPORT
