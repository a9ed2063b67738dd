import requests


def send_sms(pd, to, body):
    sid = pd.inputs["twilio"]["$auth"]["Sid"]
    secret = pd.inputs["twilio"]["$auth"]["Secret"]
    r = requests.post(f"https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json", auth=(sid, secret), data={"To": to, "From": pd.inputs["from_number"], "Body": body}, timeout=20)  # expect: PD115
    r.raise_for_status()
    return r.json()["sid"]


def refresh(pd):
    form = {"grant_type": "refresh_token", "refresh_token": pd.inputs["refresh_token"], "client_id": pd.inputs["client_id"]}
    r = requests.post("https://oauth.example.com/token", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=20)
    r.raise_for_status()
    return r.json()["access_token"]


def handler(pd: "pipedream"):
    refresh(pd)
    return send_sms(pd, pd.inputs["to"], "Your order shipped")
