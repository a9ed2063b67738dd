import requests

GQL = "https://api.example.com/graphql"


def formatted_mutation(item_id, title):
    doc = 'mutation {{ updateItem(id: "{}", title: "{}") {{ id }} }}'.format(item_id, title)  # expect: PD114
    return requests.post(GQL, json={"query": doc}, timeout=10)


def percent_tuple(board, limit):
    doc = "query { board(id: %s) { items(limit: %d) { id } } }" % (board, limit)  # expect: PD114
    return requests.post(GQL, json={"query": doc}, timeout=10)


def named_operation(user_id):
    doc = f"query GetUser @cached(ttl: 60) {{ user(id: {user_id}) {{ name }} }}"  # expect: PD114
    return requests.post(GQL, json={"query": doc}, timeout=10)


def indented_selection(slug):
    # expect-next-line: PD114
    doc = f"""
        {{
          page(slug: "{slug}") {{ title }}
        }}
    """
    return doc


def log_line(user):
    return f"query took too long for {user}"  # ok: PD114
