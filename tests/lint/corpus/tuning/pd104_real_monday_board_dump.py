import json

import requests

apiKey = "eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjMxNDE1OTI2LCJ1aWQiOjI3MTgyOCwicGVyIjoibWU6d3JpdGUifQ.Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seQ"  # expect: PD104
apiUrl = "https://api.monday.com/v2"
headers = {"Authorization": apiKey}

boards_query = '{ boards(ids: 1234567890) { name items_page { items { name column_values { id text } } } } }'
data = {"query": boards_query}

r = requests.post(url=apiUrl, json=data, headers=headers)  # expect: PD102, PD105
print(r.json())

with open("exports/board.json", "w") as f:
    json.dump(r.json(), f, indent=4, sort_keys=True)
