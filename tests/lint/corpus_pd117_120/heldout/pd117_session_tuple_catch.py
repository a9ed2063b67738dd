import requests


def handler(pd: "pipedream"):
    rows = pd.steps["build_rows"]["$return_value"]
    with requests.Session() as s:
        s.headers["Authorization"] = f"Bearer {pd.inputs['sheets']['$auth']['oauth_access_token']}"
        try:
            r = s.post(
                "https://sheets.example.com/v4/spreadsheets/abc/values/A1:append",
                params={"valueInputOption": "RAW"},
                json={"values": rows},
                timeout=30,
            )
            r.raise_for_status()
        except (ValueError, requests.RequestException) as exc:  # expect: PD117
            return {"ok": False, "error": str(exc)}
    return {"ok": True, "updated": r.json().get("updates", {})}
