import requests


def handler():  # expect: PD119
    key = pd.inputs["mailchimp"]["$auth"]["api_key"]
    r = requests.get("https://us1.api.mailchimp.example/3.0/lists", auth=("any", key), timeout=10)
    r.raise_for_status()
    return [l["id"] for l in r.json()["lists"]]
