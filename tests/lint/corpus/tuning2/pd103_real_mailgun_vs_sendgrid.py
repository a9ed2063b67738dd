import requests


def send_mailgun(pd, to, subject, text):
    domain = pd.inputs["mailgun_domain"]
    key = pd.inputs["mailgun"]["$auth"]["api_key"]
    r = requests.post(
        f"https://api.mailgun.net/v3/{domain}/messages",
        auth=("api", key),
        data={"from": f"Alerts <alerts@{domain}>", "to": to, "subject": subject, "text": text},  # expect: PD115
        timeout=20,
    )
    r.raise_for_status()


def send_sendgrid(pd, to, subject, text):
    key = pd.inputs["sendgrid"]["$auth"]["api_key"]
    message = {
        "personalizations": [{"to": [{"email": to}]}],
        "from": {"email": "noreply@example.org"},
        "subject": subject,
        "content": [{"type": "text/plain", "value": text}],
    }
    r = requests.post("https://api.sendgrid.com/v3/mail/send", headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"}, data=message, timeout=20)  # expect: PD103
    r.raise_for_status()


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    if pd.inputs.get("provider") == "mailgun":
        send_mailgun(pd, event["to"], event["subject"], event["text"])
    else:
        send_sendgrid(pd, event["to"], event["subject"], event["text"])
