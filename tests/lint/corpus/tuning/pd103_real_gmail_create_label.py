import json

import requests


def create_label(pd, name, parent=None):
    headers = {
        "Authorization": f'Bearer {pd.inputs["gmail"]["$auth"]["oauth_access_token"]}',
        "Content-Type": "application/json",
    }
    body = {
        "name": name,
        "labelListVisibility": "labelShow",
        "messageListVisibility": "show",
        "parent": parent,
    }
    created = requests.post("https://gmail.googleapis.com/gmail/v1/users/me/labels", headers=headers, data=json.dumps(body))  # expect: PD103, PD105
    if created.status_code == 200:
        info = created.json()
        print('label "%s" created with id %s' % (name, info.get("id")))
        return info
    print(f'could not create "{name}": {created.text}')
    return None


def handler(pd: "pipedream"):
    return create_label(pd, pd.inputs["label"])
