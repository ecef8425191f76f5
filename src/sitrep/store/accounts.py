"""Users, roles, password hashes (scrypt) and API tokens (stored as SHA-256 hashes)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import Any

import sqlalchemy as sa

from sitrep.store.tables import api_tokens, users

ROLES = ("viewer", "analyst", "admin")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), dklen=32,
                         n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(got.hex(), digest)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AccountsMixin:
    engine: sa.engine.Engine

    def add_user(self, name: str, role: str, password: str) -> None:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if len(password) < 8:
            raise ValueError("password must have at least 8 characters")
        with self.engine.begin() as con:
            if con.execute(sa.select(users.c.id).where(users.c.name == name)).first():
                raise ValueError(f"user {name!r} exists already")
            con.execute(users.insert().values(name=name, role=role, password_hash=hash_password(password),
                                              created_at=dt.datetime.now(dt.timezone.utc)))

    def set_password(self, name: str, password: str) -> None:
        """A new password; every session and API token of the user ends with the old one."""
        if len(password) < 8:
            raise ValueError("password must have at least 8 characters")
        with self.engine.begin() as con:
            user = con.execute(sa.select(users.c.id).where(users.c.name == name)).first()
            if user is None:
                raise ValueError(f"no user {name!r}")
            con.execute(users.update().where(users.c.id == user[0]).values(password_hash=hash_password(password)))
            con.execute(api_tokens.delete().where(api_tokens.c.user_id == user[0]))

    def remove_user(self, name: str) -> bool:
        with self.engine.begin() as con:
            return con.execute(users.delete().where(users.c.name == name)).rowcount > 0

    def list_users(self) -> list[dict[str, Any]]:
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(sa.select(users.c.name, users.c.role, users.c.created_at)
                                                 .order_by(users.c.name)).mappings()]

    def has_users(self) -> bool:
        with self.engine.connect() as con:
            return con.execute(sa.select(users.c.id).limit(1)).first() is not None

    def new_token(self, name: str) -> str:
        """A new API token for the user; only its hash is stored, so show it once."""
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as con:
            user = con.execute(sa.select(users.c.id).where(users.c.name == name)).first()
            if user is None:
                raise ValueError(f"no user {name!r}")
            con.execute(api_tokens.insert().values(token_hash=_token_hash(token), user_id=user[0],
                                                   created_at=dt.datetime.now(dt.timezone.utc)))
        return token

    def revoke_token(self, token: str) -> None:
        with self.engine.begin() as con:
            con.execute(api_tokens.delete().where(api_tokens.c.token_hash == _token_hash(token)))

    def user_for_token(self, token: str) -> dict[str, Any] | None:
        with self.engine.connect() as con:
            row = con.execute(sa.select(users.c.name, users.c.role)
                              .join(api_tokens, api_tokens.c.user_id == users.c.id)
                              .where(api_tokens.c.token_hash == _token_hash(token))).mappings().first()
        return dict(row) if row else None

    def check_password(self, name: str, password: str) -> dict[str, Any] | None:
        with self.engine.connect() as con:
            row = con.execute(sa.select(users.c.name, users.c.role, users.c.password_hash)
                              .where(users.c.name == name)).mappings().first()
        if row is None or not verify_password(password, row["password_hash"]):
            return None
        return {"name": row["name"], "role": row["role"]}
