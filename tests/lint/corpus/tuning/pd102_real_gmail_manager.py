"""Reply helper used by a mail-triage workflow (rewritten from a public step)."""
import base64
from email.message import EmailMessage

import requests

GMAIL = "https://gmail.googleapis.com/gmail/v1/users/me"


class Mailer:
    def __init__(self, pd, sender):
        self.pd = pd
        self.sender = sender
        oauth = pd.inputs["gmail"]["$auth"]["oauth_access_token"]
        self.headers = {"Authorization": f"Bearer {oauth}", "Content-Type": "application/json"}

    def _raw(self, to, subject, html):
        msg = EmailMessage()
        msg.set_content(html, subtype="html")
        msg["To"], msg["From"], msg["Subject"] = to, self.sender, subject
        return base64.urlsafe_b64encode(msg.as_bytes()).decode()

    def draft(self, to, subject, html, thread_id):
        payload = {"message": {"raw": self._raw(to, subject, html), "threadId": thread_id}}
        resp = requests.post(f"{GMAIL}/drafts", headers=self.headers, json=payload)  # expect: PD102, PD105
        print(f"draft created: {resp.json()}")
        return resp

    def send(self, to, subject, html, thread_id):
        payload = {"raw": self._raw(to, subject, html), "threadId": thread_id}
        resp = requests.post(f"{GMAIL}/messages/send", headers=self.headers, json=payload)  # expect: PD105
        if resp.status_code != 200:
            raise RuntimeError(f"send failed with {resp.status_code}")
        self.pd.export("sent_status", resp.status_code)

    def original(self, message_id):
        url = f"{GMAIL}/messages/{message_id}?format=raw"  # ok: PD113 (only the path is interpolated)
        resp = requests.get(url, headers=self.headers)  # expect: PD105
        if resp.status_code != 200:
            raise RuntimeError("could not fetch the original")
        return resp.json()["raw"]


def rfc822_id(headers, message_id):
    url = f"{GMAIL}/messages/{message_id}?format=metadata&metadataHeaders=message-id"
    meta = requests.get(url, headers=headers).json()  # expect: PD102, PD105
    for h in meta.get("payload", {}).get("headers", []):
        if h["name"] == "Message-ID":
            return h["value"]
    return ""


def handler(pd: "pipedream"):
    cfg = pd.steps["config"]["$return_value"]
    mailer = Mailer(pd, cfg["sender"])
    thread = pd.steps["parse_thread"]["$return_value"]
    mid = rfc822_id(mailer.headers, thread["message_id"])
    if cfg["autosend"]:
        mailer.send(thread["from"], thread["subject"], thread["reply"], thread["thread_id"])
    else:
        mailer.draft(thread["from"], thread["subject"], thread["reply"], thread["thread_id"])
    return {"in_reply_to": mid}
