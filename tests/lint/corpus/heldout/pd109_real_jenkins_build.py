import os

import requests

def trigger(job, params):
    url = f"http://jenkins.build.example.com/job/{job}/buildWithParameters"
    r = requests.post(url, params=params, auth=(os.environ["JENKINS_USER"], os.environ["JENKINS_API_TOKEN"]), timeout=15)  # expect: PD109
    if r.status_code not in (200, 201):
        raise RuntimeError(f"Jenkins answered {r.status_code}")
    return r.headers.get("Location")


def handler(pd: "pipedream"):
    push = pd.steps["trigger"]["event"]["body"]
    return {"queue": trigger("website-deploy", {"BRANCH": push["ref"].split("/")[-1]})}
