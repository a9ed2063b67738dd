import requests


def handler(pd: "pipedream"):
    device = pd.steps["trigger"]["event"]["body"]["device"]
    try:
        r = requests.post(f"https://iot.example.net/devices/{device}/reboot", timeout=10)
        r.raise_for_status()
    except requests.exceptions.ConnectionError as e:  # expect: PD117
        pd.export("error", str(e))
        return
    pd.export("rebooted", device)
