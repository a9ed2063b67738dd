import requests


def handler(pd: "pipedream"):
    api_key = pd.inputs["mailer"]["$auth"]["api_key"]
    contacts = pd.steps["load_sheet"]["$return_value"]
    added = 0
    for contact in contacts:
        try:
            r = requests.post(
                "https://api.mailer.example/v3/contacts",
                json={"email": contact["email"], "name": contact.get("name", "")},
                headers={"api-key": api_key},
                timeout=10,
            )
            r.raise_for_status()
            added += 1
        except Exception as e:  # expect: PD117
            print(f"skipping {contact.get('email')}: {e}")
            continue
    return {"added": added, "total": len(contacts)}
