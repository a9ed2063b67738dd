# How much of the GitHub GraphQL budget is left? (rewritten from a public gist)
import requests

HEADERS = {"Authorization": "token ghp_4fRk20aLmZq9XwTb81YyEoPcVd3NsHuJ7gKi"}  # expect: PD104

QUERY = """
{
  viewer { login }
  rateLimit { limit cost remaining resetAt }
}
"""


def run_query(query):
    reply = requests.post("https://api.github.com/graphql", json={"query": query}, headers=HEADERS, timeout=15)
    if reply.status_code == 200:
        return reply.json()
    raise Exception("query failed with {}: {}".format(reply.status_code, query))


if __name__ == "__main__":
    left = run_query(QUERY)["data"]["rateLimit"]["remaining"]
    print("remaining:", left)
