import smtplib


def handler(pd: "pipedream"):
    auth = pd.inputs.get("smtp", {}).get("$auth", {})
    password = auth.get("password")
    print("connecting as", auth.get("username"), "with", password)  # expect: PD118
    with smtplib.SMTP_SSL(auth.get("host", "smtp.example.com"), 465) as server:
        server.login(auth.get("username"), password)
        server.sendmail("bot@example.com", ["ops@example.com"], "Subject: ping\n\nok")
    return {"sent": True}
