def handler(pd: "pipedream"):
    token = pd.inputs["gitlab"]["$auth"]["oauth_access_token"]
    project = pd.steps["trigger"]["event"]["body"]["project"]["id"]
    url = f"https://gitlab.example.com/api/v4/projects/{project}/pipelines"
    return {"curl": f"curl -H 'Authorization: Bearer {token}' {url}"}  # expect: PD118
