import os


def handler(pd: "pipedream"):
    return {  # expect: PD118
        "apikey": os.environ["PIRATE_FORECAST"],
        "latitude": 30.21,
        "longitude": -92.03,
    }
