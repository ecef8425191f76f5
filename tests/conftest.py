"""Shared fixtures: the parser, the real gazetteer, SQLite files and the PostgreSQL server."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

PG_URL = os.environ.get("SITREP_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def parse():
    """The shipped spaCy pipeline, called on a text: the parse a test's sentence gets."""
    from sitrep.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer():
    from sitrep.geo.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture()
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'test.db'}"


def _pg_schema_url():
    """A fresh schema on the real PostgreSQL server; the test fails if the server is down."""
    engine = sa.create_engine(PG_URL)
    schema = "t_" + uuid.uuid4().hex[:12]
    try:
        with engine.begin() as con:
            con.execute(sa.text(f"CREATE SCHEMA {schema}"))
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {PG_URL} is required for the store tests: {exc}")
    return engine, schema


@pytest.fixture()
def pg_url():
    engine, schema = _pg_schema_url()
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    yield url
    with engine.begin() as con:
        con.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture()
def smtp_server():
    """A real SMTP server on a free loopback port: ("127.0.0.1:PORT", the envelopes received)."""
    import socket

    from aiosmtpd.controller import Controller

    messages: list = []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            messages.append(envelope)
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctl = Controller(Inbox(), hostname="127.0.0.1", port=port)
    ctl.start()
    yield f"127.0.0.1:{port}", messages
    ctl.stop()


@pytest.fixture()
def smtp(smtp_server, monkeypatch):
    """The SMTP server as sitrep's mail server ($SITREP_SMTP); the envelopes received."""
    address, messages = smtp_server
    monkeypatch.setenv("SITREP_SMTP", address)
    return messages
