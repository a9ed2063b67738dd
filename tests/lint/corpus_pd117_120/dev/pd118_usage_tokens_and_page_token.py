import requests


def handler(pd: "pipedream"):
    key = pd.inputs["openai"]["$auth"]["api_key"]
    r = requests.post(
        "https://api.openai.example/v1/chat/completions",
        headers={"Authorization": f"Bearer {key}"},
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]},
        timeout=60,
    )
    r.raise_for_status()
    data = r.json()
    print("tokens used:", data["usage"]["total_tokens"])
    listing = requests.get("https://drive.example.com/v3/files", params={"pageSize": 10}, timeout=10).json()
    print("next page:", listing.get("nextPageToken"))
    return data["choices"][0]["message"]["content"]
