# This code sample uses the 'requests' library
import json

import requests
from requests.auth import HTTPBasicAuth

url = "https://acme-tools.atlassian.net/rest/api/3/search"

auth = HTTPBasicAuth("ops-bot@acme-tools.com", "ATATT3xFfGF0Zq8Lr2Vn5Kw9Bt4Hy7Dm1Jc6Xs3Pe0Ua")  # expect: PD104

headers = {"Accept": "application/json"}

query = {"jql": "project = OPS AND status = Open", "maxResults": 50}

response = requests.request(  # expect: PD102, PD105
    "GET",
    url,
    headers=headers,
    params=query,
    auth=auth,
)

print(json.dumps(json.loads(response.text), sort_keys=True, indent=4, separators=(",", ": ")))
