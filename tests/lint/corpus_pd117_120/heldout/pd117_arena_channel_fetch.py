import requests


def handler(pd: "pipedream"):
    slug = pd.steps["trigger"]["event"]["query"]["channel"]
    try:
        response = requests.get(
            f"https://api.example-boards.com/v2/channels/{slug}/contents",
            params={"per": 10, "direction": "desc"},
            timeout=10,
        )
        response.raise_for_status()
        blocks = response.json()["contents"]
    except requests.exceptions.RequestException as exc:  # expect: PD117
        print(f"could not read channel {slug}: {exc}")
        return {"error": f"could not read channel {slug}: {exc}"}
    return [block["id"] for block in blocks]
