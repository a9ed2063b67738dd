import requests

HASS = "http://192.168.1.40:8123"


def handler(pd: "pipedream"):
    token = pd.inputs["hass_token"]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    entity = pd.steps["trigger"]["event"]["entity_id"]
    r = requests.post(f"{HASS}/api/services/light/toggle", headers=headers, json={"entity_id": entity}, timeout=10)  # expect: PD109
    r.raise_for_status()
    state = requests.get(HASS + f"/api/states/{entity}", headers=headers, timeout=10)  # expect: PD109
    state.raise_for_status()
    return state.json()["state"]
