import os
import requests

VOICE = "21m00Tcm4TlvDq8ikWAM"

def handler(pd: "pipedream"):
  text = pd.steps["summarize"]["$return_value"]
  url = f"https://api.tts-provider.example/v1/text-to-speech/{VOICE}/stream"
  response = requests.post(  # expect: PD106
    url,
    json={"text": text, "model_id": "multilingual_v2"},
    headers={"xi-api-key": os.environ["TTS_API_KEY"], "Accept": "audio/mpeg"},
    stream=True,
    timeout=120,
  )
  if response.status_code != 200:
    raise Exception(f"TTS failed: {response.status_code}")

  path = "/tmp/summary.mp3"
  with open(path, "wb") as f:
    for chunk in response.iter_content(chunk_size=1024):
      if chunk:
        f.write(chunk)
  return path
