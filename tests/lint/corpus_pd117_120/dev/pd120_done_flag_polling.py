import time

import requests


def handler(pd: "pipedream"):
    video_id = pd.steps["upload"]["$return_value"]["id"]
    done = False
    while not done:  # expect: PD120
        info = requests.get(f"https://video.example.com/api/videos/{video_id}", timeout=10).json()
        if info["encoding"] == "finished":
            done = True
        else:
            time.sleep(15)
    return info["playback_url"]
