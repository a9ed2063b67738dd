import requests

SHEETS = "https://sheets.googleapis.com/v4/spreadsheets"


def make_session(token):
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {token}"})
    return s


def handler(pd: "pipedream"):
    session = make_session(pd.inputs["google_sheets"]["$auth"]["oauth_access_token"])
    sheet = pd.inputs["sheet_id"]
    got = session.get(f"{SHEETS}/{sheet}/values/Inbox!A2:D")  # expect: PD105
    got.raise_for_status()
    rows = got.json().get("values", [])
    body = {"values": [[r[0], "processed"] for r in rows]}
    put = session.put(f"{SHEETS}/{sheet}/values/Done!A2:B", params={"valueInputOption": "RAW"}, json=body, timeout=30)
    put.raise_for_status()
    return len(rows)
