"""Simulated connection failures, raised where urllib3's ``Retry`` sees them.

``responses`` answers in place of ``HTTPAdapter.send``, above urllib3: a registered
``body=requests.ConnectionError(...)`` used to reach the code as it was, and the adapter's
``max_retries`` never saw it. Here it becomes the urllib3 error a real connection would raise
(``NewConnectionError``, ``ProtocolError``, ``ReadTimeoutError``...), goes through the adapter's
own ``Retry.increment`` (so ``Retry(total=3)``, ``connect=``, ``read=`` and ``allowed_methods``
decide as they would), and, once retries are exhausted or not allowed, reaches the code as the
``requests`` exception ``HTTPAdapter.send`` would make of it (``ConnectionError`` wrapping
``MaxRetryError``, ``ConnectTimeout``, ``ReadTimeout``...). Backoff is not slept.
"""

from __future__ import annotations

import http.client
import socket
from urllib.parse import urlsplit

import requests
import urllib3
from requests import PreparedRequest
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import ProxyError as Urllib3ProxyError
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.util.retry import Retry

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

_NameResolutionError = getattr(urllib3.exceptions, "NameResolutionError", None)


def as_connection_failure(error: BaseException, request: PreparedRequest) -> Urllib3Error | None:
    """The urllib3 error a real connection would have raised for ``error``, or None when
    ``error`` is not a connection failure (it then reaches the code unchanged)."""
    if isinstance(error, Urllib3Error):
        return error
    if isinstance(error, requests.RequestException) and not isinstance(
        error, (requests.ConnectionError, requests.Timeout)
    ):
        return None  # InvalidURL, TooManyRedirects...: not about the connection
    pool = _pool(request)
    connection = pool.ConnectionCls(pool.host, pool.port)  # never connected: it names the host
    url = request.path_url
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return ConnectTimeoutError(connection, f"Connection to {pool.host} timed out. ({error})")
    if isinstance(error, (requests.Timeout, socket.timeout)):
        return ReadTimeoutError(pool, url, f"Read timed out. ({error})")
    if isinstance(error, requests.exceptions.SSLError):
        return Urllib3SSLError(str(error))
    if isinstance(error, requests.exceptions.ProxyError):
        return Urllib3ProxyError("Unable to connect to proxy", OSError(str(error)))
    if isinstance(error, socket.gaierror) and _NameResolutionError is not None:
        return _NameResolutionError(pool.host, connection, error)  # type: ignore[no-any-return]
    if isinstance(error, (requests.ConnectionError, ConnectionRefusedError, socket.gaierror)):
        return NewConnectionError(connection, f"Failed to establish a new connection: {error}")
    if isinstance(error, (OSError, http.client.HTTPException)):
        return ProtocolError("Connection aborted.", error)
    return None


def retry_or_raise(retries: Retry, request: PreparedRequest, error: Urllib3Error) -> Retry:
    """The adapter's ``Retry`` after ``error``, when it allows another attempt; else raises what
    ``HTTPAdapter.send`` raises for it."""
    __tracebackhide__ = True
    try:
        return retries.increment(
            request.method, request.path_url, error=error, _pool=_pool(request)
        )
    except Exception as exc:  # noqa: BLE001 - MaxRetryError, or error itself when not retried
        raise as_requests_error(exc, request) from None


def as_requests_error(error: Exception, request: PreparedRequest) -> Exception:
    """What ``requests.adapters.HTTPAdapter.send`` turns a urllib3 error into."""
    if isinstance(error, MaxRetryError):
        reason = error.reason
        if isinstance(reason, ConnectTimeoutError) and not isinstance(reason, NewConnectionError):
            return requests.exceptions.ConnectTimeout(error, request=request)
        if isinstance(reason, ResponseError):
            return requests.exceptions.RetryError(error, request=request)
        if isinstance(reason, Urllib3ProxyError):
            return requests.exceptions.ProxyError(error, request=request)
        if isinstance(reason, Urllib3SSLError):
            return requests.exceptions.SSLError(error, request=request)
        return requests.ConnectionError(error, request=request)
    if isinstance(error, (ProtocolError, OSError)):
        return requests.ConnectionError(error, request=request)
    if isinstance(error, Urllib3ProxyError):
        return requests.exceptions.ProxyError(error, request=request)
    if isinstance(error, Urllib3SSLError):
        return requests.exceptions.SSLError(error, request=request)
    if isinstance(error, ReadTimeoutError):
        return requests.exceptions.ReadTimeout(error, request=request)
    return error


def _pool(request: PreparedRequest) -> urllib3.HTTPConnectionPool:
    """A pool object naming the request's host, as urllib3's messages do; nothing is opened."""
    url = urlsplit(str(request.url))
    https = url.scheme == "https"
    pool_class = urllib3.HTTPSConnectionPool if https else urllib3.HTTPConnectionPool
    return pool_class(url.hostname or "", url.port or (443 if https else 80))
