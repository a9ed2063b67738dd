import os
import time

import requests

API = "https://api.assemblyai.example/v2"


def read_file(path, chunk_size=5242880):
    with open(path, "rb") as f:  # ok: PD101
        while True:
            data = f.read(chunk_size)
            if not data:
                break
            yield data


def upload_streamed(path, key):
    r = requests.post(f"{API}/upload", headers={"authorization": key}, data=read_file(path), timeout=300)
    r.raise_for_status()
    return r.json()["upload_url"]


def upload_quick(path, key):
    r = requests.post(f"{API}/upload", headers={"authorization": key}, data=open(path, "rb"), timeout=300)  # expect: PD101
    r.raise_for_status()
    return r.json()["upload_url"]


def handler(pd: "pipedream"):
    key = os.environ["ASSEMBLYAI_KEY"]
    audio = pd.steps["download"]["$return_value"]["path"]
    url = upload_streamed(audio, key) if os.path.getsize(audio) > 50_000_000 else upload_quick(audio, key)
    job = requests.post(f"{API}/transcript", json={"audio_url": url}, headers={"authorization": key}, timeout=30)
    job.raise_for_status()
    tid = job.json()["id"]
    while True:  # expect: PD120
        poll = requests.get(f"{API}/transcript/{tid}", headers={"authorization": key}, timeout=30)
        poll.raise_for_status()
        if poll.json()["status"] in ("completed", "error"):
            return poll.json()
        time.sleep(3)
