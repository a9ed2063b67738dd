import requests


def handler(pd: "pipedream"):
    api_key = pd.inputs["openai"]["$auth"]["api_key"]
    print(f"OpenAI key: {api_key[:8]}...")  # expect: PD118
    r = requests.post(
        "https://api.openai.example/v1/embeddings",
        headers={"Authorization": f"Bearer {api_key}"},
        json={"model": "text-embedding-3-small", "input": pd.steps["trigger"]["event"]["body"]["text"]},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["data"][0]["embedding"]
