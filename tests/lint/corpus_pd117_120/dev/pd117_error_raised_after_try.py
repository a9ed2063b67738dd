import requests


def handler(pd: "pipedream"):
    error = None
    try:
        r = requests.post(
            "https://pay.example.com/v1/refunds",
            json={"charge": pd.steps["trigger"]["event"]["body"]["charge_id"]},
            timeout=15,
        )
        r.raise_for_status()
    except requests.HTTPError as e:
        error = f"refund refused: {e.response.status_code}"
    if error:
        raise RuntimeError(error)
    return r.json()["refund_id"]
