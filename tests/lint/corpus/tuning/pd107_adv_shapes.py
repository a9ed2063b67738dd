import requests


class Chunked:
    def iter_content(self, chunk_size=1):
        yield b"x"


def positional_one(r, f):
    for c in r.iter_content(1):  # expect: PD107
        f.write(c)


def keyword_one(r, f):
    for c in r.iter_content(chunk_size=1, decode_unicode=False):  # expect: PD107
        f.write(c)


def any_object(f):
    for c in Chunked().iter_content():  # expect: PD107
        f.write(c)


def as_it_arrives(r, f):
    for c in r.iter_content(chunk_size=None):  # ok: PD107
        f.write(c)


def forwarded(r, f, *args, **kwargs):
    for c in r.iter_content(*args):  # ok: PD107
        f.write(c)
    for c in r.iter_content(**kwargs):  # ok: PD107
        f.write(c)


def lines(url):
    with requests.get(url, stream=True, timeout=30) as r:
        r.raise_for_status()
        return [line for line in r.iter_lines()]  # ok: PD107 (iter_lines reads 512 bytes at a time)


def sized(r, f):
    for c in r.iter_content(64 * 1024):  # ok: PD107
        f.write(c)
