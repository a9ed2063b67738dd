import json

import requests

USER_FIELDS = "fragment UserFields on User { id login }"


def concatenated(login):
    doc = '{ user(login: "' + login + '") { name } }'  # expect: PD114
    return requests.post("https://api.github.com/graphql", json={"query": doc}, timeout=10)


def built_by_helper(org):
    return f"query {{ organization(login: \"{org}\") {{ membersWithRole {{ totalCount }} }} }}"  # expect: PD114


def subscription(channel):
    return "subscription @live { messages(channel: \"%s\") { text } }" % channel  # expect: PD114


def named_with_variables_but_also_interpolated(limit, login):
    return f"query Members($login: String!) {{ user(login: $login) {{ followers(first: {limit}) {{ totalCount }} }} }}"  # expect: PD114


def hand_built_json(query_text):
    return f'{{"query": {json.dumps(query_text)}}}'  # ok: PD114 (JSON, not a GraphQL document)


def composed(login):
    doc = f"query {{ viewer {{ ...UserFields }} }} {USER_FIELDS}"  # ok: PD114
    return requests.post("https://api.github.com/graphql", json={"query": doc, "variables": {"login": login}}, timeout=10)


def plain_literal():
    return "query ($id: ID!) { node(id: $id) { id } }"  # ok: PD114
