import requests


def summarize(text, key):
    r = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": f"Bearer {key}"},
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Summarize: {text}"}]},
        timeout=60,
    )
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"]


def moderate(text, key):
    res = requests.post("https://api.openai.com/v1/moderations", headers={"Authorization": f"Bearer {key}"}, json={"input": text}, timeout=30)  # expect: PD102
    res.raise_for_status
    return res.json()["results"][0]["flagged"]


def handler(pd: "pipedream"):
    key = pd.inputs["openai"]["$auth"]["api_key"]
    body = pd.steps["trigger"]["event"]["body"]["text"]
    if moderate(body, key):
        return pd.flow.exit("flagged content")
    return summarize(body, key)
