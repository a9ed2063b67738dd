# PD104 shapes from issue 15: credential defaults, literal text inside f-strings, bracketed
# placeholders, session-level basic auth.
import os

import requests


def handler(pd: "pipedream"):
    api_key = pd.inputs.get("api_key", "live_8Hq2Lm5Rt9Wx3Zb7Nc1Vd4Kp")  # expect: PD104
    token = os.environ.get("TOKEN", "tok_6Yb2Xn9Qm4Lr8Vt1Wz5Kc3Hp")  # expect: PD104

    s = requests.Session()
    s.auth = ("reporting", "S3cure-Reporting-2024!")  # expect: PD104

    oauth = {"Authorization": f"OAuth {'<api_key>'}"}  # expect: PD104
    bracketed = {"X-API-Key": "[Enter API KEY]"}  # expect: PD104
    shouting = {"X-API-Key": "YOUR_API_KEY"}  # expect: PD104

    r = s.get("https://reports.example.com/daily", headers={"X-Token": token}, params={"key": api_key}, timeout=30)
    r.raise_for_status()
    return {"oauth": oauth, "a": bracketed, "b": shouting, "report": r.json()}
