"""The learned sentence typer: is this sentence a concrete event, and of which sub-event type?

Two logistic regressions over the 25 ACLED sub-event types plus "none":
- the *screen*: TF-IDF word and character n-grams; cheap, run on every sentence, it picks the
  sentences worth a closer look (with the cue lexicon: extract/events.py);
- the *decider*: the same TF-IDF features joined with the all-MiniLM-L6-v2 sentence embedding
  (extract/encoder.py); run only on the screened sentences, its probabilities decide.
The choice of representation was made on real ACLED notes held apart from all tuning
(benchmarks/compare_representations.py, docs/model.md).

What it learns from: the packaged model learns only from the team's own sentences
(src/sitrep/data/training/*.jsonl), which the repository may carry. `sitrep model train --acled
EXPORT.csv` adds a user's own ACLED export under the user's own ACLED licence; that model is
saved in the user's data folder and becomes the active one until `sitrep model reset`.

Models are cached beside the gazetteer; the cache key covers the training data, this file and
the library versions, so a changed training file retrains. Embeddings of training sentences are
cached by text, so retraining after a small change encodes only the new sentences.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import json
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from sitrep import yaml_data
from sitrep.model import SUB_EVENT_TYPES

NONE = "none"
EMBEDDING_WEIGHT = 2.0  # the embedding's scale against the TF-IDF block (chosen on the tune split)
C_SCREEN = 8.0
C_DECIDER = 4.0
_NUM = re.compile(r"\d+")
_BRACKET_TAG = re.compile(r"\[[^\]]*\]")


def normalise(text: str) -> str:
    """What the TF-IDF features see: lowercase, digits folded, ACLED bracket tags removed."""
    return _NUM.sub("0", _BRACKET_TAG.sub(" ", text)).lower()


def training_files() -> list:
    folder = resources.files("sitrep") / "data" / "training"
    return sorted((p for p in folder.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name)


def load_training() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for f in training_files():
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            label = rec.get("sub_event_type") or NONE
            if label != NONE and label not in SUB_EVENT_TYPES:
                raise ValueError(f"{f.name} line {n}: unknown sub_event_type {label!r}")
            texts.append(rec["text"])
            labels.append(label)
    return texts, labels


def read_acled_training(path: str) -> tuple[list[str], list[str]]:
    """Notes and sub-event types of an ACLED export (CSV, optionally gzipped)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    texts, labels = [], []
    try:
        with opener(path, "rt", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"notes", "sub_event_type"} - set(reader.fieldnames or [])
            if missing:
                raise ValueError(f"{path}: not an ACLED export (no {', '.join(sorted(missing))} column)")
            for row in reader:
                sub = (row.get("sub_event_type") or "").strip()
                note = (row.get("notes") or "").strip()
                if note and sub in SUB_EVENT_TYPES:
                    texts.append(note)
                    labels.append(sub)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return texts, labels


def _cache_key() -> str:
    import sklearn

    from sitrep.extract.encoder import cache_family

    h = hashlib.sha1()
    for f in training_files():
        h.update(f.read_bytes())
    h.update(sklearn.__version__.encode())
    h.update(Path(__file__).read_bytes())
    h.update(cache_family().encode())  # the decider learns from this encoder's embeddings
    return h.hexdigest()[:16]


def model_dir() -> Path:
    from sitrep.geo.gazetteer import default_path

    return default_path().parent


def cache_path() -> Path:
    return model_dir() / f"typer-{_cache_key()}.pkl"


def custom_path() -> Path:
    """A user's own model (`sitrep model train --acled`), active while it exists."""
    return model_dir() / "typer-custom.pkl"


def build_features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("words", TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), min_df=1,
                                  sublinear_tf=True, token_pattern=r"(?u)\b\w[\w'-]*\b")),
        ("chars", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(3, 5),
                                  min_df=2, sublinear_tf=True, max_features=60000)),
    ])


def build_pipeline(c: float = C_SCREEN):
    """The screen alone: TF-IDF and logistic regression (also used by the benchmarks)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", build_features()),
                     ("clf", LogisticRegression(C=c, max_iter=3000, class_weight="balanced"))])


def _joined(tfidf, embeddings: np.ndarray):
    from scipy.sparse import csr_matrix, hstack

    return hstack([tfidf, csr_matrix(embeddings * EMBEDDING_WEIGHT)]).tocsr()


@dataclass
class SentenceTyper:
    features: object  # fitted TF-IDF FeatureUnion
    screen: object  # LogisticRegression over the TF-IDF features
    decider: object  # LogisticRegression over TF-IDF + sentence embedding
    card: dict = field(default_factory=dict)  # what it was trained on (sitrep model info)

    @staticmethod
    def _rows(clf, probs) -> list[dict[str, float]]:
        labels = [str(x) for x in clf.classes_]  # plain str and float, not numpy scalars
        return [dict(zip(labels, map(float, row))) for row in probs]

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """The screen's probabilities: cheap, for every sentence."""
        if not texts:
            return []
        return self._rows(self.screen, self.screen.predict_proba(self.features.transform(texts)))

    def decide(self, texts: list[str]) -> list[dict[str, float]]:
        """The decider's probabilities (the sentence encoder runs): for screened sentences."""
        if not texts:
            return []
        from sitrep.extract.encoder import get_encoder

        x = _joined(self.features.transform(texts), get_encoder().encode(texts))
        return self._rows(self.decider, self.decider.predict_proba(x))


def _embed_cached(texts: list[str], on_progress=None) -> np.ndarray:
    """Embeddings of training sentences, cached by text in the model folder."""
    from sitrep.extract.encoder import cache_family, training_encoder

    # the encoders whose vectors agree share one cache (encoder.py); fp32 keeps the first name
    family = cache_family()
    name = "training-embeddings" if family == "fp32" else f"training-embeddings-{family}"
    path = model_dir() / f"{name}.npz"
    cache: dict[str, np.ndarray] = {}
    if path.exists():
        try:
            with np.load(path) as z:
                cache = {k: z[k] for k in z.files}
        except (OSError, ValueError):
            cache = {}
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest()[:20] for t in texts]
    todo = sorted({k: t for k, t in zip(keys, texts) if k not in cache}.items())
    if todo:
        enc = training_encoder()
        step = 512
        for i in range(0, len(todo), step):
            part = todo[i:i + step]
            vecs = enc.encode([t for _, t in part])
            for (k, _), v in zip(part, vecs):
                cache[k] = v.astype(np.float16)
            if on_progress:
                on_progress(min(i + step, len(todo)), len(todo))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{name}.tmp.npz")
        np.savez(tmp, **cache)
        tmp.replace(path)
    return np.stack([cache[k].astype(np.float32) for k in keys])


def fit(texts: list[str], labels: list[str], on_progress=None) -> SentenceTyper:
    from sklearn.linear_model import LogisticRegression

    features = build_features()
    tfidf = features.fit_transform(texts)
    screen = LogisticRegression(C=C_SCREEN, max_iter=3000, class_weight="balanced").fit(tfidf, labels)
    emb = _embed_cached(texts, on_progress)
    decider = LogisticRegression(C=C_DECIDER, max_iter=3000, class_weight="balanced").fit(
        _joined(tfidf, emb), labels)
    return SentenceTyper(features, screen, decider)


def _save(typer: SentenceTyper, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(typer, fh)
    tmp.replace(path)


def train(save: bool = True, acled: list[str] | None = None, on_progress=None) -> SentenceTyper:
    """Train the packaged model, or with `acled` exports a user's own (saved as the custom model)."""
    # the key of the data read now, not of the files when training ends: a training file that
    # arrives meanwhile must not lend its key to a model that never learned from it
    packaged_path = cache_path()
    texts, labels = load_training()
    card = {"trained": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "team_sentences": len(texts),
            "files": {f.name: sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
                      for f in training_files()},
            "representation": "TF-IDF screen; TF-IDF + all-MiniLM-L6-v2 decider"}
    for path in acled or []:
        t, lab = read_acled_training(path)
        if not t:
            raise ValueError(f"{path}: no rows with notes and a sub_event_type")
        card.setdefault("acled_exports", {})[str(path)] = len(t)
        texts += t
        labels += lab
    card["labels"] = dict(Counter(labels))
    typer = fit(texts, labels, on_progress=on_progress)
    typer.card = card
    if save:
        if acled:
            _save(typer, custom_path())
        else:
            path = packaged_path
            _save(typer, path)
            for old in path.parent.glob("typer-*.pkl"):  # models trained on older data
                if old != path and old != custom_path():
                    old.unlink(missing_ok=True)
    return typer


def published_scores() -> dict | None:
    """The packaged model's measured scores on the report split (data/model_card.yaml)."""

    path = resources.files("sitrep") / "data" / "model_card.yaml"
    if not path.is_file():
        return None
    return yaml_data.safe_load(path.read_text(encoding="utf-8"))


def active_path() -> tuple[Path, str]:
    """Which model extraction uses, and why."""
    env = os.environ.get("SITREP_MODEL")
    if env:
        return Path(env), "$SITREP_MODEL"
    if custom_path().exists():
        return custom_path(), "custom (sitrep model train --acled)"
    return cache_path(), "packaged (team sentences)"


def _load(path: Path) -> SentenceTyper | None:
    try:
        with open(path, "rb") as fh:
            typer = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError, ModuleNotFoundError):
        return None
    return typer if isinstance(typer, SentenceTyper) else None


@lru_cache(maxsize=1)
def get_typer() -> SentenceTyper | None:
    """The active typer (the packaged one is trained now if not cached); None without data."""
    path, why = active_path()
    if why != "packaged (team sentences)":
        typer = _load(path)
        if typer is None:
            raise ValueError(f"{path}: not a sitrep model ({why}); retrain it or remove it")
        return typer
    if not training_files():
        return None
    return _load(path) or train()
