import requests


def handler(pd: "pipedream"):
    text = pd.steps["trigger"]["event"]["body"]["text"]
    tags = []
    while True:
        start = text.find("#")
        if start == -1:
            break
        end = text.find(" ", start)
        tags.append(text[start + 1 : end if end != -1 else None])
        text = text[end:] if end != -1 else ""
    r = requests.post("https://api.example.com/v1/tags", json={"tags": tags}, timeout=10)
    r.raise_for_status()
    return tags
