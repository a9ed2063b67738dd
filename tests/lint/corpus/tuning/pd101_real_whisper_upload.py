import os
import requests

def handler(pd: "pipedream"):
  audio_path = pd.steps["download_recording"]["$return_value"]["path"]
  key = pd.inputs["openai"]["$auth"]["api_key"]

  resp = requests.post(
    "https://api.openai.com/v1/audio/transcriptions",
    headers={"Authorization": f"Bearer {key}"},
    files={"file": (os.path.basename(audio_path), open(audio_path, "rb"))},  # expect: PD101
    data={"model": "whisper-1", "response_format": "text"},
    timeout=120,
  )
  resp.raise_for_status()
  return resp.text
