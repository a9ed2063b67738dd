import requests

ACCOUNT_SID = "AC5f3e9b2d7a1c4e8f6b0d2a9c7e5f3b1d"
AUTH_TOKEN = "9f2c7a1e5b3d8f0a6c4e2b9d7f1a3c5e"  # expect: PD104
FROM_NUMBER = "+15005550006"


def send_sms(to, body):
    url = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    r = requests.post(url, data={"From": FROM_NUMBER, "To": to, "Body": body}, auth=(ACCOUNT_SID, AUTH_TOKEN))  # expect: PD102, PD105, PD115
    return r.json()["sid"]


def handler(pd: "pipedream"):
    return send_sms(pd.inputs["to"], pd.steps["compose"]["$return_value"])
