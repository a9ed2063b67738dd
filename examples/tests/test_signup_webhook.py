import pytest

STEP = "../steps/signup_webhook.py"


def http_event(method="POST", body=None):
    return {
        "method": method,
        "path": "/",
        "query": {},
        "headers": {"content-type": "application/json"},
        "body": body if body is not None else {},
        "client_ip": "203.0.113.7",
        "url": "https://signup.example.com/",
    }


def test_a_complete_signup_is_accepted(pd):
    result = pd.run(STEP, event=http_event(body={"email": " Ada@Example.com", "name": "Ada "}))

    assert result.response == {"status": 202, "body": {"accepted": True}}
    assert result.return_value == {"email": "ada@example.com", "name": "Ada"}
    assert not result.exited


def test_missing_fields_get_a_422_and_stop_the_workflow(pd):
    result = pd.run(STEP, event=http_event(body={"email": "ada@example.com"}))

    assert result.response == {
        "status": 422,
        "body": {"error": "missing fields", "fields": ["name"]},
    }
    assert result.exit_reason == "incomplete signup"


@pytest.mark.parametrize("method", ["GET", "PUT"])
def test_other_methods_get_a_405(pd, method):
    result = pd.run(STEP, event=http_event(method=method))

    assert result.response["status"] == 405
    assert result.response["headers"] == {"Allow": "POST"}
    assert result.exit_reason == f"{method} is not accepted"


def test_a_raw_string_body_is_treated_as_empty(pd):
    result = pd.run(STEP, event=http_event(body="email=ada@example.com"))

    assert result.response["status"] == 422
