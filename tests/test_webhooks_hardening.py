"""Webhooks: timestamped signatures, required secrets, targets under the fetch address rules;
and CLI output that data cannot turn into console markup or terminal escapes."""

from __future__ import annotations

import json
import time

import pytest
import sqlalchemy as sa

from sitrep.alerts import TOLERANCE, post_webhook, sign, verify
from sitrep.cli import main
from sitrep.store import Store
from sitrep.store.tables import events
from test_alerts import REPORT, Receiver, _jsonl, receiver  # noqa: F401  (the receiver fixture)
from test_fetch import PUBLIC, Server, redirect

SECRET = "a-secret-of-some-length"


def test_the_signature_carries_its_time_and_stale_or_altered_requests_fail():
    body = b'{"delivery": "1-2-webhook"}'
    now = int(time.time())
    header = sign(SECRET, body, now)
    assert header.startswith(f"t={now},sha256=")
    assert verify(SECRET, header, body)
    assert not verify(SECRET, header, body + b" ")  # altered body
    assert not verify("another-secret-entirely", header, body)
    assert not verify(SECRET, header, body, now=now + TOLERANCE + 1)  # a replay after the tolerance
    assert not verify(SECRET, header.replace(f"t={now}", f"t={now + 1}"), body)  # a moved timestamp
    assert not verify(SECRET, "sha256=" + header.split("sha256=")[1], body)  # the old form, no time
    assert not verify("", header, body)


def _readme_verifier():
    """The receiver's check printed in the README, run as it is printed."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Webhook signatures", 1)[1]
    [code] = re.findall(r"```python\n(.*?)```", section.split("\n## ", 1)[0], flags=re.S)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102
    return scope["sitrep_signature_ok"]


def test_the_readme_verification_snippet_accepts_sitrep_signatures_only():
    check = _readme_verifier()
    body = b'{"delivery": "1-2-webhook", "events": []}'
    now = int(time.time())
    header = sign(SECRET, body, now)
    assert check(SECRET, header, body)
    assert check(SECRET, sign(SECRET, body, now - 290), body)  # within the 300 s tolerance
    assert not check(SECRET, sign(SECRET, body, now - 310), body)  # a replay after it
    assert not check(SECRET, sign(SECRET, body, now + 310), body)
    assert not check(SECRET, header, body + b" ")
    assert not check("another-secret-entirely", header, body)
    assert not check(SECRET, header.replace(f"t={now}", f"t={now + 1}"), body)
    for bad in ("sha256=" + header.split("sha256=")[1], "", "t=,sha256=", "t=x,sha256=00", "t=\u00b2,sha256=0",
                header.split(",")[0], "garbage"):
        assert not check(SECRET, bad, body), bad


def test_a_delivered_webhook_verifies_at_the_receiver(db_url, tmp_path, receiver):  # noqa: F811
    assert main(["alerts", "add", "Rutba", "--point", "33.04,40.28", "--webhook", receiver, "--secret", SECRET,
                 "--allow-private", "--db", db_url]) == 0
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT), "--db", db_url, "--quiet"]) == 0
    [(signature, body)] = Receiver.received
    assert verify(SECRET, signature, body) and _readme_verifier()(SECRET, signature, body)
    assert json.loads(body)["area"] == "Rutba"


def test_without_a_secret_one_is_made_and_printed_once(db_url, receiver, capsys):  # noqa: F811
    assert main(["alerts", "add", "Rutba", "--point", "33.04,40.28", "--webhook", receiver,
                 "--allow-private", "--db", db_url]) == 0
    out, err = capsys.readouterr()
    secret = out.strip()
    assert len(secret) >= 40 and "webhook secret (shown once" in err
    [area] = Store(db_url).areas()
    assert area["spec"]["secret"] == secret
    assert main(["alerts", "list", "--db", db_url]) == 0
    assert secret not in capsys.readouterr().out


@pytest.mark.parametrize("secret, why", [("", "non-empty --secret"), ("   ", "non-empty --secret"),
                                         ("short", "too short (5 characters)")])
def test_an_empty_or_short_secret_is_refused(db_url, receiver, capsys, secret, why):  # noqa: F811
    assert main(["alerts", "add", "Rutba", "--point", "33.04,40.28", "--webhook", receiver, "--secret", secret,
                 "--allow-private", "--db", db_url]) == 2
    assert why in capsys.readouterr().err
    assert Store(db_url).areas() == []


def test_a_webhook_to_loopback_is_refused_unless_allowed(db_url, receiver, capsys):  # noqa: F811
    assert main(["alerts", "add", "Rutba", "--point", "33.04,40.28", "--webhook", receiver, "--secret", SECRET,
                 "--db", db_url]) == 2
    err = capsys.readouterr().err
    assert "refusing loopback address 127.0.0.1" in err and "add --allow-private" in err
    for url in ("file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/"):
        assert main(["alerts", "add", "X", "--point", "1,1", "--webhook", url, "--secret", SECRET,
                     "--db", db_url]) == 2
    assert Store(db_url).areas() == []


def test_at_delivery_the_rules_are_checked_again(db_url, tmp_path, receiver):  # noqa: F811
    """An area stored without the permission (an older database, a name that now resolves
    inside) does not reach loopback; an area without a secret sends nothing."""
    store = Store(db_url)
    store.add_area("Old", {"point": [33.04, 40.28], "radius_km": 50, "webhook": receiver, "secret": SECRET})
    store.add_area("Unsigned", {"point": [33.04, 40.28], "radius_km": 50, "webhook": receiver, "secret": "",
                                "allow_private": True})
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT), "--db", db_url, "--quiet"]) == 0
    assert Receiver.keys == []
    details = {d["area"]: d["detail"] for d in store.deliveries()}
    assert "refusing loopback address" in details["Old"]
    assert "no webhook secret" in details["Unsigned"]


def test_a_webhook_redirect_is_not_followed(monkeypatch, receiver):  # noqa: F811
    public = Server(PUBLIC)
    public.routes["/hook"] = lambda h: redirect(h, receiver, 307)
    monkeypatch.setattr("sitrep.alerts.time.sleep", lambda s: None)
    try:
        ok, attempts, detail = post_webhook(f"{public.base}/hook", {"x": 1}, SECRET, tries=2, allow_private=True)
    finally:
        public.close()
    assert not ok and "HTTP 307 (redirects are not followed)" in detail
    assert Receiver.keys == [] and len(public.hits) == 2


def _stored(db_url, tmp_path, **fields):
    rec = {**REPORT, **fields}
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", rec), "--db", db_url, "--quiet"]) == 0
    return Store(db_url)


def test_events_table_shows_markup_in_the_data_as_text(db_url, tmp_path, capsys):
    store = _stored(db_url, tmp_path)
    with store.engine.begin() as con:
        con.execute(sa.update(events).values(actor1="[/]", actor2="[b]M[/b]",
                                             location="R\x1b[2J\x1b]0;p\x07"))
    capsys.readouterr()
    assert main(["events", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "[/]" in out and "[b]M[/b]" in out
    assert "\x1b" not in out and "\x07" not in out


def test_search_prints_no_terminal_escapes_from_titles(db_url, tmp_path, capsys):
    _stored(db_url, tmp_path, title="Bomb\x1b[31m near\x1b]8;;http://evil.test\x07 Rutba\u202egnp.exe\r\nnext")
    capsys.readouterr()
    assert main(["search", "roadside", "--db", db_url]) == 0
    out = capsys.readouterr().out
    [line] = out.splitlines()
    assert "Bomb" in line and "Rutba" in line
    assert not any(c in line for c in "\x1b\x07\r\u202e")


def test_error_lines_carry_no_escapes_from_input_names(tmp_path, capsys):
    name = tmp_path / "evil\x1b[2Jname.txt"
    assert main(["extract", str(name), "--format", "jsonl"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "name.txt: no such file" in err


def test_alert_delivery_lines_carry_no_escapes(db_url, tmp_path, receiver, capsys):  # noqa: F811
    assert main(["alerts", "add", "Rutba\x1b[2J\x07", "--point", "33.04,40.28", "--webhook", receiver,
                 "--secret", SECRET, "--allow-private", "--db", db_url]) == 0
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT), "--db", db_url, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["alerts", "deliveries", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "Rutba" in out and "\x1b" not in out and "\x07" not in out
    assert out.count("\n") == 1 and out.split("\t")[3:5] == ["webhook", "sent"]


def test_events_csv_on_the_command_line_neutralises_formulas(db_url, tmp_path, capsys):
    import csv
    import io

    store = _stored(db_url, tmp_path)
    with store.engine.begin() as con:
        con.execute(sa.update(events).values(actor1='=HYPERLINK("http://x","y")', location="@SUM(A1)",
                                             notes="+1+1", longitude=-3.5))
    capsys.readouterr()
    assert main(["events", "--db", db_url, "--format", "csv"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["actor1"], row["location"], row["notes"]) == ("'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(A1)", "'+1+1")
    assert row["longitude"] == "-3.5"  # a number stays a number
