import requests


def get(url, headers=None):
    url = url.strip()
    while True:  # expect: PD120
        try:
            rsp = requests.get(url, headers=headers, timeout=2)
            if rsp.status_code != 200:
                print(rsp.status_code, url)
            else:
                return rsp
        except:
            pass


def handler(pd: "pipedream"):
    return get(pd.steps["trigger"]["event"]["body"]["chapter_url"]).text[:2000]
