"""A learned sentence typer: TF-IDF features and logistic regression over the 25 sub-event
types plus "none", trained on the team's training sentences (data/training/*.jsonl).

The model is trained once (`sitrep model train`, run by `make install`, or on first use) and
cached beside the gazetteer; the cache key covers the training data and the library versions,
so a changed training file retrains. It complements the cue rules (classify.py): the rules are
precise where their words appear, the model generalises to wordings the rules never saw.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitrep.model import SUB_EVENT_TYPES

NONE = "none"
_NUM = re.compile(r"\d+")
_BRACKET_TAG = re.compile(r"\[[^\]]*\]")


def normalise(text: str) -> str:
    """What the model sees: lowercase, digits folded, ACLED bracket tags removed."""
    return _NUM.sub("0", _BRACKET_TAG.sub(" ", text)).lower()


def training_files() -> list:
    folder = resources.files("sitrep") / "data" / "training"
    return sorted((p for p in folder.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name)


def load_training() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for f in training_files():
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            label = rec.get("sub_event_type") or NONE
            if label != NONE and label not in SUB_EVENT_TYPES:
                raise ValueError(f"{f.name}: unknown sub_event_type {label!r}")
            texts.append(rec["text"])
            labels.append(label)
    return texts, labels


def _cache_key() -> str:
    import sklearn

    h = hashlib.sha1()
    for f in training_files():
        h.update(f.read_bytes())
    h.update(sklearn.__version__.encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def cache_path() -> Path:
    from sitrep.geo.gazetteer import default_path

    return default_path().parent / f"typer-{_cache_key()}.pkl"


def build_pipeline(c: float = 8.0):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("words", TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), min_df=1,
                                  sublinear_tf=True, token_pattern=r"(?u)\b\w[\w'-]*\b")),
        ("chars", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(3, 5),
                                  min_df=2, sublinear_tf=True, max_features=60000)),
    ])
    return Pipeline([("features", features),
                     ("clf", LogisticRegression(C=c, max_iter=3000, class_weight="balanced"))])


@dataclass
class SentenceTyper:
    pipeline: object
    labels: list[str]

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        probs = self.pipeline.predict_proba(texts)
        labels = [str(x) for x in self.labels]  # plain str and float, not numpy scalars
        return [dict(zip(labels, map(float, row))) for row in probs]


def train(save: bool = True) -> SentenceTyper:
    texts, labels = load_training()
    pipe = build_pipeline()
    pipe.fit(texts, labels)
    typer = SentenceTyper(pipe, list(pipe.classes_))
    if save:
        path = cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(typer, fh)
        tmp.replace(path)
        for old in path.parent.glob("typer-*.pkl"):  # models trained on older data
            if old != path:
                old.unlink(missing_ok=True)
    return typer


@lru_cache(maxsize=1)
def get_typer() -> SentenceTyper | None:
    """The trained typer (trained now if not cached); None when there is no training data."""
    if not training_files():
        return None
    path = cache_path()
    if path.exists():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, AttributeError, EOFError):
            pass
    return train()
