import json
import secrets

import pytest
import requests

STEP = "../steps/upload_report.py"
UPLOAD_URL = "https://upload.box.com/api/2.0/files/content"
PDF = b"%PDF-1.7\n" + b"report body " * 5000

pytestmark = pytest.mark.pd(
    inputs={"box": {"$auth": {"oauth_access_token": secrets.token_urlsafe(16)}}},
    steps={"download_report": {"$return_value": {"path": "/tmp/report.pdf", "size": len(PDF)}}},
    env={"BOX_FOLDER_ID": "4242"},
)


def test_uploads_the_report_from_tmp_as_multipart(pd, pd_tmp, pd_http):
    (pd_tmp / "report.pdf").write_bytes(PDF)
    pd_http.post(UPLOAD_URL, status=201, json={"entries": [{"id": "987", "name": "report.pdf"}]})

    result = pd.run(STEP)

    assert result.return_value == {"file_id": "987"}
    (request,) = pd_http.requests
    token = pd.inputs["box"]["$auth"]["oauth_access_token"]
    assert request.headers["Authorization"] == f"Bearer {token}"
    assert json.loads(request.form()["attributes"]) == {
        "name": "report.pdf",
        "parent": {"id": "4242"},
    }
    upload = request.files()["file"]
    assert (upload.filename, upload.content, upload.content_type) == (
        "report.pdf",
        PDF,
        "application/pdf",
    )


def test_a_name_conflict_fails_the_step(pd, pd_tmp, pd_http):
    (pd_tmp / "report.pdf").write_bytes(PDF)
    pd_http.post(UPLOAD_URL, status=409, json={"code": "item_name_in_use"})

    with pytest.raises(requests.HTTPError, match="409"):
        pd.run(STEP)


def test_a_missing_file_fails_before_any_request(pd, pd_http):
    with pytest.raises(FileNotFoundError):
        pd.run(STEP)
    assert pd_http.requests == []
