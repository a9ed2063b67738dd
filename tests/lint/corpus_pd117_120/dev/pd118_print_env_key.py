import os

import requests


def handler(pd: "pipedream"):
    print(os.environ["OPENAI_API_KEY"])  # expect: PD118
    r = requests.post(
        "https://api.openai.example/v1/moderations",
        headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
        json={"input": pd.steps["trigger"]["event"]["body"]["text"]},
        timeout=20,
    )
    r.raise_for_status()
    return r.json()["results"][0]["flagged"]
