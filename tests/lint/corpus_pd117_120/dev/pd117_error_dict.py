import requests


def handler(pd: "pipedream"):
    task = pd.steps["trigger"]["event"]["body"]
    try:
        response = requests.post(
            "https://calendar.example.com/v3/calendars/primary/events",
            headers={"Authorization": f"Bearer {pd.inputs['gcal']['$auth']['oauth_access_token']}"},
            json={"summary": task["title"], "start": {"date": task["due"]}, "end": {"date": task["due"]}},
            timeout=10,
        )
        response.raise_for_status()
        return {"success": response.json()}
    except Exception as e:  # expect: PD117
        return {"error": str(e)}
