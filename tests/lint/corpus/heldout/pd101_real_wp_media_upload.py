# Push a photo into a WordPress media library and give it a caption.
# Rewritten from a public "upload image to wp" script.
import base64
import json

import requests

WP_USER = "garden-editor"
WP_APP_PASSWORD = "Xk2v 9QmR tL4p 8ZsW c3Nb 7HyD"  # expect: PD104
SITE = "http://www.my-garden-blog.net/wp-json/wp/v2"


def publish_picture(picture_path, caption):
    token = base64.b64encode(f"{WP_USER}:{WP_APP_PASSWORD}".encode("utf-8")).decode("utf-8")
    headers = {"Authorization": "Basic " + token}

    upload = {"file": open(picture_path, "rb")}  # expect: PD101
    created = requests.post(SITE + "/media", headers=headers, files=upload)  # expect: PD102, PD105, PD109
    record = json.loads(created.content.decode("utf-8"))
    media_id = record["id"]
    print("picture is at {} (id {})".format(record["link"], media_id))

    details = {"caption": caption, "description": caption.upper()}
    updated = requests.post(SITE + "/media/" + str(media_id), headers=headers, json=details)  # expect: PD102, PD105, PD109
    print("caption set for", media_id)
    return media_id


if __name__ == "__main__":
    publish_picture("tulips.jpg", "First tulips of the year")
