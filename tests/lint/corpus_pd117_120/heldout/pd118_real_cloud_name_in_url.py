import requests


def handler(pd: "pipedream"):
    folder = pd.steps["set_folder"]["config"]["folder"]
    account = pd.inputs["cloudinary"]["$auth"]
    r = requests.get(
        f'https://api.cloudinary.example/v1_1/{account["cloud_name"]}/resources/image',
        params={"max_results": 50, "prefix": folder, "type": "upload"},
        auth=(f'{account["api_key"]}', f'{account["api_secret"]}'),
        timeout=20,
    )
    r.raise_for_status()
    print(f"listed {len(r.json()['resources'])} images of {account['cloud_name']}")
    return r.json()
