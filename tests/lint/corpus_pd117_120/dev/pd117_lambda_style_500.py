import requests


def handler(pd: "pipedream"):
    body = pd.steps["trigger"]["event"]["body"]
    try:
        r = requests.post("https://translate.example.com/v2", json={"q": body["text"], "target": "de"}, timeout=10)
        r.raise_for_status()
        return {"statusCode": 200, "text": r.json()["translations"][0]["text"]}
    except Exception as e:  # expect: PD117
        return {"statusCode": 500, "error": repr(e)}
