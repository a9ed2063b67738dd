import os
import random

import requests
from requests_toolbelt.multipart.encoder import MultipartEncoder

url = "http://127.0.0.1:20002/post_boundary"

headers = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
    "Referer": url,
}

encoder = MultipartEncoder(
    fields={"file": (os.path.basename("notes.txt"), open("notes.txt", "rb"), "text/plain")},  # expect: PD101
    boundary="-----------------------------" + str(random.randint(10**28, 10**29 - 1)),
)
headers["Content-Type"] = encoder.content_type
r = requests.post(url, data=encoder, headers=headers)  # expect: PD102, PD105
print(r.text)
