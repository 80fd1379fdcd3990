"""Bearer tokens for the write endpoints.

Input → output: ``crosswire token create`` → a random token printed once, its SHA-256 digest
stored in the database; a request's ``Authorization: Bearer …`` → accepted or 401.

Only digests are stored, so a copy of the database does not hand out write access. Tokens
are 256-bit random, so a plain SHA-256 (no salt, no slow hash) is enough; the comparison
runs in constant time over every stored digest so timing says nothing about which matched.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosswire.seams import Store

__all__ = ["TOKEN_PREFIX", "create_token", "digest", "issue_token", "verify_token"]

TOKEN_PREFIX = "cw_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(store: Store, *, name: str) -> str:
    """Make a token, store its digest under ``name`` and return the token (shown once)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    store.add_token(name, digest(token))
    return token


def create_token(*, db: str | None, name: str) -> str:
    """``crosswire token create``: open the store at ``db`` (default: the user data dir) and issue a token."""
    from crosswire.store import open_store

    store = open_store(db)
    try:
        return issue_token(store, name=name)
    finally:
        store.close()


def verify_token(store: Store, presented: str | None) -> bool:
    """True when ``presented`` is a token issued by this store (constant-time comparison)."""
    if not presented:
        return False
    wanted = digest(presented).encode("ascii")
    ok = False
    for stored in store.token_digests():
        # No early exit: every digest is compared, whatever the outcome.
        ok |= hmac.compare_digest(wanted, stored.encode("ascii"))
    return ok
