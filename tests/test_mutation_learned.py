"""The learned typer's reading code pinned to exact values: what the features see, which
training rows count, how probabilities come back, which model is active
(benchmarks/mutation.py). Sentences are the team's own."""

import gzip
import pickle

import numpy as np
import pytest

from sitrep.extract import encoder, learned
from sitrep.extract.learned import SentenceTyper, normalise


@pytest.mark.parametrize("text,seen", [
    ("Gunmen killed 12 herders", "gunmen killed 0 herders"),
    ("[size=no report] 2022 Kelbo", "  0 kelbo"),
    ("Two [x] and [y] 3.5", "two   and   0.0"),
    ("[open bracket Kelbo", "[open bracket kelbo"),
])
def test_normalise(text, seen):
    assert normalise(text) == seen


class _File:
    def __init__(self, name, text):
        self.name, self._text = name, text

    def read_text(self, encoding="utf-8"):
        return self._text


def test_training_rows_default_to_none_and_blank_lines_are_skipped(monkeypatch):
    monkeypatch.setattr(learned, "training_files", lambda: [
        _File("a.jsonl", '{"text": "Gunmen raided Kelbo.", "sub_event_type": "Attack"}\n\n   \n'
                         '{"text": "The mayor opened a school."}\n'),
        _File("b.jsonl", '{"text": "Police held two men.", "sub_event_type": "Arrests"}\n')])
    assert learned.load_training() == (["Gunmen raided Kelbo.", "The mayor opened a school.", "Police held two men."],
                                       ["Attack", "none", "Arrests"])


def test_an_unknown_training_label_names_its_file_and_line(monkeypatch):
    monkeypatch.setattr(learned, "training_files", lambda: [
        _File("c.jsonl", '{"text": "a", "sub_event_type": "Attack"}\n\n{"text": "b", "sub_event_type": "Picnic"}\n')])
    with pytest.raises(ValueError, match="^c.jsonl line 3: unknown sub_event_type 'Picnic'$"):
        learned.load_training()


def test_acled_rows_need_a_note_and_a_known_sub_event_type(tmp_path):
    path = tmp_path / "export.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as fh:
        fh.write("event_date,sub_event_type,notes\n"
                 "2024-01-01, Attack ,  Gunmen raided Kelbo.  \n"
                 "2024-01-02,Attack,\n"
                 "2024-01-03,Picnic,Families ate by the lake.\n"
                 "2024-01-04,,No type.\n"
                 "2024-01-05,Arrests,Police held two men.\n")
    assert learned.read_acled_training(str(path)) == (["Gunmen raided Kelbo.", "Police held two men."],
                                                      ["Attack", "Arrests"])


def test_acled_export_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("event_date,country\n2024-01-01,Mali\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"not an ACLED export \(no notes, sub_event_type column\)$"):
        learned.read_acled_training(str(bad))
    missing = tmp_path / "missing.csv"
    with pytest.raises(ValueError, match=r"^" + str(missing) + r": cannot read \(No such file or directory\)$"):
        learned.read_acled_training(str(missing))
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="not an ACLED export"):
        learned.read_acled_training(str(empty))


class _Features:
    def transform(self, texts):
        return np.array([[len(t)] for t in texts], dtype=float)


class _Classifier:
    classes_ = np.array(["Attack", "none"])

    def __init__(self):
        self.seen = None

    def predict_proba(self, x):
        if x.shape[0] == 0:
            raise ValueError("Found array with 0 sample(s)")  # as scikit-learn does
        self.seen = x
        return np.array([[0.25, 0.75] for _ in range(x.shape[0])])


class _Encoder:
    def encode(self, texts):
        return np.ones((len(texts), 2), dtype=np.float32)


def test_probabilities_come_back_as_plain_dicts_per_sentence(monkeypatch):
    screen, decider = _Classifier(), _Classifier()
    typer = SentenceTyper(_Features(), screen, decider)
    rows = typer.probabilities(["one", "three"])
    assert rows == [{"Attack": 0.25, "none": 0.75}] * 2
    assert all(type(k) is str and type(v) is float for row in rows for k, v in row.items())
    assert typer.probabilities([]) == [] and typer.decide([]) == []
    monkeypatch.setattr(encoder, "get_encoder", lambda: _Encoder())
    assert typer.decide(["one"]) == [{"Attack": 0.25, "none": 0.75}]
    # the decider sees the TF-IDF block and the embedding scaled by EMBEDDING_WEIGHT
    assert decider.seen.toarray().tolist() == [[3.0, learned.EMBEDDING_WEIGHT, learned.EMBEDDING_WEIGHT]]
    assert learned.EMBEDDING_WEIGHT == 2.0


def test_which_model_is_active(tmp_path, monkeypatch):
    custom, cached = tmp_path / "typer-custom.pkl", tmp_path / "typer-abc.pkl"
    monkeypatch.setattr(learned, "custom_path", lambda: custom)
    monkeypatch.setattr(learned, "cache_path", lambda: cached)
    monkeypatch.delenv("SITREP_MODEL", raising=False)
    assert learned.active_path() == (cached, "packaged (team sentences)")
    custom.write_bytes(b"x")
    assert learned.active_path() == (custom, "custom (sitrep model train --acled)")
    monkeypatch.setenv("SITREP_MODEL", str(tmp_path / "mine.pkl"))
    assert learned.active_path() == (tmp_path / "mine.pkl", "$SITREP_MODEL")


def test_loading_a_model_file(tmp_path):
    assert learned._load(tmp_path / "missing.pkl") is None
    junk = tmp_path / "junk.pkl"
    junk.write_bytes(b"not a pickle")
    assert learned._load(junk) is None
    other = tmp_path / "other.pkl"
    other.write_bytes(pickle.dumps({"a": 1}))
    assert learned._load(other) is None
    good = tmp_path / "good.pkl"
    good.write_bytes(pickle.dumps(SentenceTyper("f", "s", "d", {"trained": "today"})))
    typer = learned._load(good)
    assert isinstance(typer, SentenceTyper) and typer.card == {"trained": "today"}


def test_published_scores_are_the_model_card(tmp_path, monkeypatch):
    scores = learned.published_scores()
    assert isinstance(scores, dict) and scores
    monkeypatch.setattr(learned.resources, "files", lambda package: tmp_path)
    assert learned.published_scores() is None  # no card packaged
