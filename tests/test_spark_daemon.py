"""The Spark worker daemon's choice of files to preload (no JVM, no models loaded here)."""

from sitrep.spark.daemon import resolve_files


def test_the_daemon_preloads_this_machines_files_else_the_shipped_copies(tmp_path, monkeypatch):
    own, shipped = tmp_path / "own.sqlite", tmp_path / "work"
    own.write_text("x")
    shipped.mkdir()
    (shipped / "typer-abc.pkl").write_text("x")
    (shipped / "gazetteer-v13.sqlite").write_text("x")
    monkeypatch.chdir(shipped)  # executors fetch the shipped files into their working folder
    monkeypatch.setenv("SITREP_SHIPPED", "SITREP_GAZETTEER=gazetteer-v13.sqlite;SITREP_MODEL=typer-abc.pkl")
    monkeypatch.setenv("SITREP_GAZETTEER", str(own))
    monkeypatch.setenv("SITREP_MODEL", str(tmp_path / "missing.pkl"))
    found = resolve_files()
    assert found == {"SITREP_GAZETTEER": str(own), "SITREP_MODEL": str(shipped / "typer-abc.pkl")}
    # in local mode the runner names the copies by their full path; nothing shipped, nothing found
    monkeypatch.delenv("SITREP_GAZETTEER")
    monkeypatch.delenv("SITREP_MODEL")
    monkeypatch.setenv("SITREP_SHIPPED", f"SITREP_MODEL={shipped / 'typer-abc.pkl'}")
    assert resolve_files() == {"SITREP_MODEL": str(shipped / "typer-abc.pkl")}
    monkeypatch.setenv("SITREP_SHIPPED", "")
    assert resolve_files() == {}
