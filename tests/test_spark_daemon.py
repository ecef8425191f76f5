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


def test_a_chunk_is_dealt_by_length_so_that_each_core_has_as_much_to_read():
    from sitrep.spark.runner import ARTICLE_COST, balance

    # long and short articles alternating: dealing by count puts every long one on one core
    sizes = [(i, 9000 if i % 2 == 0 else 1000) for i in range(40)]
    parts = balance(sizes, 2)
    assert sorted(parts) == list(range(40))
    work = [sum(n + ARTICLE_COST for o, n in sizes if parts[o] == p) for p in (0, 1)]
    assert abs(work[0] - work[1]) <= 9000 + ARTICLE_COST
    assert {parts[o] for o, n in sizes if n == 9000} == {0, 1}
    # more partitions than articles: every article placed, none twice
    assert sorted(balance([(5, 10), (7, 20)], 4).values()) in ([0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3])


def test_the_daemon_loads_after_its_first_worker_is_forked_not_before(monkeypatch):
    """Spark creates Python workers under one lock: a daemon that loaded before forking its
    first worker kept every other task (the reading of the inputs) waiting."""
    import os

    from sitrep.spark import daemon

    loaded: list[int] = []
    monkeypatch.setattr(daemon, "_load_and_freeze", lambda who: loaded.append(os.getpid()))
    real_fork = os.fork
    daemon.load_after_first_fork()
    try:
        assert os.fork is not real_fork and not loaded
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the first worker: forked bare, before the daemon loads
            os.write(write, str(len(loaded)).encode())
            os._exit(0)
        os.close(write)
        assert os.read(read, 8) == b"0"
        os.waitpid(pid, 0)
        assert loaded == [os.getpid()]  # then the daemon loads, once
        assert os.fork is real_fork  # and forks the workers that follow with everything loaded
    finally:
        os.fork = real_fork
