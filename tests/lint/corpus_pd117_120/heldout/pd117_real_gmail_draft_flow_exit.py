import base64
from email.message import EmailMessage

import requests


def auth_headers(token):
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def message_header_id(headers, message_id):
    url = f"https://mail.example.com/v1/users/me/messages/{message_id}?format=metadata"
    data = requests.get(url, headers=headers, timeout=10).json()
    print(f"message_header_id() response: {data}")
    if "payload" not in data:
        raise Exception("no payload in the message")
    return next((h["value"] for h in data["payload"]["headers"] if h["name"] == "Message-ID"), "")


def create_draft(headers, raw, thread_id):
    r = requests.post(
        "https://mail.example.com/v1/users/me/drafts",
        headers=headers,
        json={"message": {"raw": raw, "threadId": thread_id}},
        timeout=10,
    )
    print(f"create_draft() status: {r.status_code}")
    return r


def handler(pd: "pipedream"):
    try:
        token = f'{pd.inputs["mail_oauth"]["$auth"]["oauth_access_token"]}'
        headers = auth_headers(token)
        details = pd.steps["parse_email"]
        reply_to = message_header_id(headers, details["latest_message_id"])
        message = EmailMessage()
        message.set_content(pd.steps["draft_reply"]["$return_value"]["text"])
        message["To"] = details["sender"]
        message["In-Reply-To"] = reply_to
        raw = base64.urlsafe_b64encode(message.as_bytes()).decode("utf-8")
        response = create_draft(headers, raw, details["thread_id"])
        response.raise_for_status()
    except KeyError as error:
        print(f"missing field: {error}")
        return pd.flow.exit(f"Error: {error}")
    except (ValueError, requests.HTTPError) as error:
        print(f"An error occurred: {error}")
        return pd.flow.exit(f"Error: {error}")
    return {"draft": response.json()["id"]}
