"""Users, roles, password hashes (scrypt), API tokens and browser sessions (both stored as
SHA-256 hashes), and the failed-login counts behind the login limiter."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import Any

import sqlalchemy as sa

from sitrep.store.tables import api_tokens, login_failures, users

ROLES = ("viewer", "analyst", "admin")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MAX_NAME = 100  # users.name
MAX_PASSWORD = 1024
SESSION_LIFETIME = dt.timedelta(hours=12)  # a session ends this long after login at the latest
SESSION_IDLE = dt.timedelta(hours=2)  # ... or after this long unused
_TOUCH_EVERY = dt.timedelta(minutes=1)  # last_used is written at most this often
MAX_FAILURE_ROWS = 100_000  # login_failures never grows beyond this, whatever the window holds


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=bytes.fromhex(salt), dklen=32,
                         n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(got.hex(), digest)


_dummy: list[str] = []


def dummy_hash() -> str:
    """A hash no password matches: checked for unknown names, so they take as long as known ones."""
    if not _dummy:
        _dummy.append(hash_password(secrets.token_urlsafe(16)))
    return _dummy[0]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _utc(t: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; every time the store writes is UTC."""
    return t.replace(tzinfo=dt.timezone.utc) if t is not None and t.tzinfo is None else t


def _storable(name: str) -> bool:
    """A name the users table could hold: short, no NUL, valid UTF-8 (no lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return len(name) <= MAX_NAME and "\x00" not in name


def session_expired(row: dict[str, Any], now: dt.datetime) -> bool:
    if row["kind"] != "session":
        return False
    last = _utc(row["last_used"]) or _utc(row["created_at"])
    return now - _utc(row["created_at"]) > SESSION_LIFETIME or now - last > SESSION_IDLE


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
        """A new API token for the user (no expiry); only its hash is stored, so show it once."""
        return self._issue(name, "api")

    def new_session(self, name: str) -> str:
        """A browser session for the user: it ends SESSION_LIFETIME after login or SESSION_IDLE
        after its last use. Expired sessions of every user are deleted on the way."""
        self.purge_sessions()
        return self._issue(name, "session")

    def _issue(self, name: str, kind: str) -> str:
        token = secrets.token_urlsafe(32)
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as con:
            user = con.execute(sa.select(users.c.id).where(users.c.name == name)).first()
            if user is None:
                raise ValueError(f"no user {name!r}")
            con.execute(api_tokens.insert().values(token_hash=_token_hash(token), user_id=user[0],
                                                   created_at=now, kind=kind,
                                                   last_used=now if kind == "session" else None))
        return token

    def purge_sessions(self) -> int:
        """Delete sessions past their lifetime or idle too long; returns how many."""
        now = dt.datetime.now(dt.timezone.utc)
        old = sa.or_(api_tokens.c.created_at < now - SESSION_LIFETIME,
                     sa.func.coalesce(api_tokens.c.last_used, api_tokens.c.created_at) < now - SESSION_IDLE)
        with self.engine.begin() as con:
            return con.execute(api_tokens.delete().where(api_tokens.c.kind == "session", old)).rowcount

    def revoke_token(self, token: str) -> None:
        with self.engine.begin() as con:
            con.execute(api_tokens.delete().where(api_tokens.c.token_hash == _token_hash(token)))

    def user_for_token(self, token: str) -> dict[str, Any] | None:
        """The user an API token or a live session belongs to; an expired session is deleted."""
        digest = _token_hash(token)
        with self.engine.connect() as con:
            row = con.execute(sa.select(users.c.name, users.c.role, api_tokens.c.kind, api_tokens.c.created_at,
                                        api_tokens.c.last_used)
                              .join(api_tokens, api_tokens.c.user_id == users.c.id)
                              .where(api_tokens.c.token_hash == digest)).mappings().first()
        if row is None:
            return None
        now = dt.datetime.now(dt.timezone.utc)
        if session_expired(row, now):
            self._drop_token(digest)
            return None
        if row["kind"] == "session" and now - (_utc(row["last_used"]) or now) > _TOUCH_EVERY:
            self._touch(digest, now)
        return {"name": row["name"], "role": row["role"]}

    def _drop_token(self, digest: str) -> None:
        with self.engine.begin() as con:
            con.execute(api_tokens.delete().where(api_tokens.c.token_hash == digest))

    def _touch(self, digest: str, now: dt.datetime) -> None:
        with self.engine.begin() as con:
            con.execute(api_tokens.update().where(api_tokens.c.token_hash == digest).values(last_used=now))

    def check_password(self, name: str, password: str) -> dict[str, Any] | None:
        """The user if the password is theirs. An unknown name (or an oversized one) costs the
        same scrypt run as a known one, so timing does not tell which names exist."""
        row = None
        if _storable(name):
            with self.engine.connect() as con:
                row = con.execute(sa.select(users.c.name, users.c.role, users.c.password_hash)
                                  .where(users.c.name == name)).mappings().first()
        ok = verify_password(password[:MAX_PASSWORD], row["password_hash"] if row else dummy_hash())
        if row is None or not ok or len(password) > MAX_PASSWORD:
            return None
        return {"name": row["name"], "role": row["role"]}

    # -- failed logins (the web app's limiter) --------------------------------------------
    def login_failure_counts(self, keys: list[str], since: dt.datetime) -> dict[str, int]:
        """How many failures each key (a hash) had since `since`."""
        q = (sa.select(login_failures.c.key_hash, sa.func.count()).where(
            login_failures.c.key_hash.in_(keys), login_failures.c.at >= since)
            .group_by(login_failures.c.key_hash))
        with self.engine.connect() as con:
            found = dict(con.execute(q).all())
        return {k: found.get(k, 0) for k in keys}

    def record_login_failure(self, keys: list[str], now: dt.datetime, forget_before: dt.datetime) -> None:
        """Count one failure for each key; rows older than `forget_before` go, and the table
        never holds more than MAX_FAILURE_ROWS (the oldest go first)."""
        with self.engine.begin() as con:
            con.execute(login_failures.insert(), [{"key_hash": k, "at": now} for k in keys])
            con.execute(login_failures.delete().where(login_failures.c.at < forget_before))
            total = con.execute(sa.select(sa.func.count()).select_from(login_failures)).scalar_one()
            if total > MAX_FAILURE_ROWS:
                oldest_kept = con.execute(sa.select(login_failures.c.id).order_by(login_failures.c.id.desc())
                                          .offset(MAX_FAILURE_ROWS - 1).limit(1)).scalar_one()
                con.execute(login_failures.delete().where(login_failures.c.id < oldest_kept))
