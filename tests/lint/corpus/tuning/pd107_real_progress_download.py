import os

import requests
from tqdm import tqdm


def download(url, dest, block_size=1024):
    with requests.get(url, stream=True, timeout=60) as response:
        response.raise_for_status()
        total = int(response.headers.get("content-length", 0))
        with tqdm(total=total, unit="iB", unit_scale=True) as bar, open(dest, "wb") as file:
            for data in response.iter_content(block_size):  # ok: PD107
                bar.update(len(data))
                file.write(data)
    if total and os.path.getsize(dest) != total:
        raise IOError("download incomplete")


def quick_download(url, dest):
    with requests.get(url, stream=True, timeout=60) as response:
        response.raise_for_status()
        with open(dest, "wb") as file:
            for data in response.iter_content():  # expect: PD107
                file.write(data)


if __name__ == "__main__":
    download("https://example.org/dataset.zip", "/tmp/dataset.zip")
