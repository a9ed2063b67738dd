import os

import requests

DB = "https://acme-app-default-rtdb.firebaseio.com"


def read_user(uid, id_token):
    r = requests.get(f"{DB}/users/{uid}.json?auth={id_token}", timeout=10)  # expect: PD113
    r.raise_for_status()
    return r.json()


def write_score(uid, score, id_token):
    r = requests.put(f"{DB}/scores/{uid}.json", params={"auth": id_token}, json={"score": score}, timeout=10)
    r.raise_for_status()


def handler(pd: "pipedream"):
    token = os.environ["FIREBASE_ID_TOKEN"]
    uid = pd.steps["trigger"]["event"]["body"]["uid"]
    user = read_user(uid, token)
    write_score(uid, user.get("score", 0) + 1, token)
    return user
