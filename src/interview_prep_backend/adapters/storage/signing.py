"""HMAC-signed upload URLs for the local store, in the spirit of S3's presigned PUT.

The signature covers the key, the content type, the size cap and the expiry, so none of
them can be changed in the URL without the server noticing.
"""

from __future__ import annotations

import hashlib
import hmac


def _message(key: str, content_type: str, max_bytes: int, expires: int) -> bytes:
    return f"PUT\n{key}\n{content_type}\n{max_bytes}\n{expires}".encode()


def sign(secret: bytes, key: str, content_type: str, max_bytes: int, expires: int) -> str:
    return hmac.new(
        secret, _message(key, content_type, max_bytes, expires), hashlib.sha256
    ).hexdigest()


def verify(
    secret: bytes, key: str, content_type: str, max_bytes: int, expires: int, signature: str
) -> bool:
    expected = sign(secret, key, content_type, max_bytes, expires)
    return hmac.compare_digest(expected, signature)
