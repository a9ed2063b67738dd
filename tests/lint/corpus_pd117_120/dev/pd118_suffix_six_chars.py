import os


def handler(pd: "pipedream"):
    key = os.environ["STRIPE_SECRET_KEY"]
    print(f"using Stripe key ending in {key[-6:]}")  # expect: PD118
    return {"mode": "live" if key.startswith("sk_live") else "test"}
