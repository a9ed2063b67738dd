import os

import requests

OPENAI_API_KEY = os.getenv("OPENAI_API_KEY", "sk-proj-Jd82kLq0Xw3vRt7Yb5Nc1Hm9Pz4Fs6Ga2Ue8Ko0Li")  # expect: PD104


def summarize(text, model="gpt-4o-mini"):
    r = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": f"Bearer {OPENAI_API_KEY}"},
        json={
            "model": model,
            "messages": [
                {"role": "system", "content": "Summarize in three bullet points."},
                {"role": "user", "content": text},
            ],
        },
        timeout=60,
    )
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"]


def handler(pd: "pipedream"):
    return summarize(pd.steps["trigger"]["event"]["body"]["text"])
