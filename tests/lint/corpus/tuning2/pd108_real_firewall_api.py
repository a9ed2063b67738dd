import requests
import urllib3

urllib3.disable_warnings()


def handler(pd: "pipedream"):
    host = pd.inputs["firewall_host"]
    key = pd.inputs["firewall_api_key"]
    r = requests.get(f"https://{host}/api/?type=op&cmd=<show><system><info/></system></show>", params={"key": key}, verify=False, timeout=15)  # expect: PD108
    r.raise_for_status()
    return r.text
