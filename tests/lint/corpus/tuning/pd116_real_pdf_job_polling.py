import os
from time import sleep

import requests

HOST = "https://pdf-services.adobe.example.io"


def handler(pd: "pipedream"):
  headers = {
    "X-API-Key": os.environ["PDF_CLIENT_ID"],
    "Authorization": f"Bearer {pd.steps['get_token']['$return_value']}",
    "Content-Type": "application/json",
  }
  task = pd.steps["create_conversion_job"]["$return_value"]["taskId"]

  while True:  # expect: PD120
    request = requests.get(f"{HOST}/pdf-services/api/tasks/{task}", headers=headers)  # expect: PD102, PD105
    status = request.json()
    if status["status"] == "COMPLETED":
      return status
    elif status["status"] == "FAILED":
      print("Failure. Last status:", status)
      pd.flow.exit("Failure in job")  # expect: PD116
    print(f"status {status['status']}, {status.get('progress', 0)}%")
    sleep(5)
