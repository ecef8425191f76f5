import sys

import numpy as np
import pytest

from sitrep.extract import encoder

# Varied on purpose: short and long, padding-heavy batches, past the 128-token truncation,
# nearly empty, punctuation only, non-Latin scripts, accents, emoji, digits and tags.
_LONG = ("Fighting between the army and the armed group continued for a third day around the town, "
         "where residents said shells had struck the market, the hospital and two schools, "
         "and aid workers reported that thousands of families had fled towards the river crossing "
         "while others sheltered in mosques and churches as the water supply failed. ")
PARITY_TEXTS = [
    "",
    " ",
    ".",
    "?!",
    "Gao",
    "Short one.",
    "A roadside bomb killed two soldiers near Rutba.",
    "An IED exploded under an army patrol in Anbar, killing two troops.",
    "The central bank kept interest rates unchanged on Tuesday.",
    "Police fired tear gas at hundreds of demonstrators in the capital.",
    "He said the situation in the town was calm and shops had reopened.",
    "Gunmen shot dead a village chief and his driver on the road to Gao on Sunday.",
    "On 12 May 2023 [size=no report] unidentified armed men abducted 3 civilians in Tillaberi.",
    "Les manifestants ont été dispersés à coups de gaz lacrymogène devant la préfecture.",
    "Soldaten der Bundeswehr überprüften die Straße nördlich von Kunduz.",
    "قتل ثلاثة مدنيين في قصف على حي سكني في حلب",
    "在边境地区发生了武装冲突，造成五人死亡。",
    "Беспилотник атаковал нефтебазу в Белгородской области.",
    "कश्मीर में मुठभेड़ में दो आतंकवादी मारे गए।",
    "Protesters chanted 🔥🔥 outside the embassy — then dispersed peacefully ✌️.",
    "Naïve café owners in Zürich; São Paulo; Đà Nẵng; Kraków; Reykjavík.",
    "AL-SHABAAB!!! ATTACKED AN AMISOM BASE AT 0300HRS; 5 KIA, 12 WIA (UNCONFIRMED).",
    "1 2 3 4 5 6 7 8 9 10",
    "http://example.org/news/2024/03/01/clashes-in-the-north?id=1234&ref=rss",
    "Troops and rebels exchanged fire for hours near the border post, a local official said.",
    "The ministry announced that it would open an inquiry into the deaths of the three protesters "
    "who were killed when security forces opened fire on a crowd that had gathered to denounce "
    "fuel prices in the northern city on Friday afternoon.",
    _LONG,
    _LONG * 2,  # about 150 words: truncated to 128 tokens
    _LONG * 6,
    "word " * 400,
    "x",
    "A",
    "Hundreds marched peacefully to parliament demanding higher wages.",
    "The minister will visit the region next month.",
    "Militants stormed a police station overnight, seizing weapons and freeing detainees.",
    "It rained.",
]


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


@pytest.fixture(scope="module")
def reference():
    return encoder.NumpyEncoder()


@pytest.fixture(scope="module")
def reference_vectors(reference):
    return reference.encode(PARITY_TEXTS)


def test_the_default_encoder_is_the_onnx_graph_run_by_openvino(monkeypatch):
    monkeypatch.delenv("SITREP_ENCODER", raising=False)
    assert encoder.DEFAULT == "openvino"
    enc = encoder._loaded(encoder.selected())
    assert isinstance(enc, encoder.OpenVinoEncoder) and enc.identity == encoder.selected()
    # the graph it runs is the one onnxruntime runs, built once into the model folder
    assert enc.model_path == encoder._loaded("onnx-fp32").model_path


def test_encoder_gives_unit_vectors_that_place_paraphrases_together():
    enc = encoder.get_encoder()
    v = enc.encode(["A roadside bomb killed two soldiers near Rutba.",
                    "An IED exploded under an army patrol in Anbar, killing two troops.",
                    "The central bank kept interest rates unchanged on Tuesday."])
    assert v.shape == (3, encoder.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sim = v @ v.T
    assert sim[0, 1] > 0.4 and sim[0, 1] > sim[0, 2] + 0.3


@pytest.mark.parametrize("identity", ["numpy-fp32", "onnx-fp32", "openvino"])
def test_encoder_output_does_not_depend_on_batching_or_padding(identity):
    enc = encoder._loaded(identity)
    texts = ["Short one.", "A much longer sentence about protesters who marched to the governor's office on Friday."]
    together = enc.encode(texts)
    alone = np.stack([enc.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
    assert enc.encode([]).shape == (0, encoder.DIM)


def test_truncation_at_128_tokens(reference):
    ids = reference.tokenizer.encode(_LONG * 6).ids
    assert len(ids) == encoder.MAX_TOKENS and ids[-1] == reference.tokenizer.token_to_id("[SEP]")


def test_onnx_fp32_computes_what_the_numpy_reference_computes(reference_vectors):
    onnx_vectors = encoder._loaded("onnx-fp32").encode(PARITY_TEXTS)
    assert onnx_vectors.shape == reference_vectors.shape == (len(PARITY_TEXTS), encoder.DIM)
    cos = _cosines(onnx_vectors, reference_vectors)
    assert cos.min() >= 0.9999, {PARITY_TEXTS[i][:40]: float(cos[i]) for i in np.argsort(cos)[:3]}
    assert np.abs(onnx_vectors - reference_vectors).max() < 1e-3
    # and the sentences are told apart: not one vector for all
    assert (reference_vectors @ reference_vectors.T)[np.triu_indices(len(PARITY_TEXTS), 1)].min() < 0.5


def test_onnx_parity_holds_one_sentence_at_a_time_and_in_small_batches(reference_vectors):
    enc = encoder._loaded("onnx-fp32")
    alone = np.stack([enc.encode([t])[0] for t in PARITY_TEXTS[:12]])
    small = enc.encode(PARITY_TEXTS, batch_tokens=64)
    assert _cosines(alone, reference_vectors[:12]).min() >= 0.9999
    assert _cosines(small, reference_vectors).min() >= 0.9999


def test_the_onnx_encoder_runs_on_one_thread_as_on_all(tmp_path, reference_vectors):
    enc = encoder._loaded("onnx-fp32")
    one = encoder.OnnxEncoder("fp32", folder=enc.model_path.parent, num_threads=1)
    assert _cosines(one.encode(PARITY_TEXTS), reference_vectors).min() >= 0.9999


def test_the_graph_is_built_once_into_the_given_folder(tmp_path):
    from sitrep.extract import encoder_onnx

    zip_path = encoder.model_zip()
    path = encoder_onnx.model_file(zip_path, "fp32", tmp_path)
    assert path.parent == tmp_path and path.name.startswith("encoder-fp32-") and path.stat().st_size > 80e6
    mtime = path.stat().st_mtime_ns
    assert encoder_onnx.model_file(zip_path, "fp32", tmp_path) == path
    assert path.stat().st_mtime_ns == mtime
    stale = tmp_path / "encoder-fp32-000000000000.onnx"
    stale.write_bytes(b"old")
    path.unlink()
    assert encoder_onnx.model_file(zip_path, "fp32", tmp_path) == path and not stale.exists()
    with pytest.raises(ValueError, match="unknown encoder variant"):
        encoder_onnx.model_file(zip_path, "fp16", tmp_path)


def test_a_missing_onnxruntime_is_an_error_not_a_silent_fallback(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails
    monkeypatch.setenv("SITREP_ENCODER", "onnx-fp32")
    with pytest.raises(encoder.EncoderMissing, match="onnxruntime is not installed"):
        encoder.make_encoder(encoder.selected())


def test_a_missing_openvino_is_an_error_not_a_silent_fallback(monkeypatch):
    monkeypatch.setitem(sys.modules, "openvino", None)  # import fails
    monkeypatch.delenv("SITREP_ENCODER", raising=False)
    with pytest.raises(encoder.EncoderMissing, match="openvino is not installed.*SITREP_ENCODER=onnx-fp32"):
        encoder.make_encoder(encoder.selected())


def test_openvino_stays_within_the_fp32_encoders_reach(reference_vectors):
    # bfloat16 products (where the CPU has them) with float32 sums: close enough to share the
    # fp32 encoders' cached training embeddings and their typer (float16 cache rounding ~5e-4)
    enc = encoder._loaded("openvino")
    vectors = enc.encode(PARITY_TEXTS)
    assert vectors.shape == reference_vectors.shape and vectors.dtype == np.float32
    cos = _cosines(vectors, reference_vectors)
    assert cos.min() > 0.9999, (enc.runner.used_precision, cos.min())
    assert np.abs(vectors - reference_vectors).max() < 5e-3
    assert enc.runner.used_precision in ("bf16", "f32")
    assert encoder.cache_family("openvino") == encoder.cache_family("onnx-fp32")


def test_openvino_in_float32_computes_what_the_numpy_reference_computes(reference_vectors):
    from sitrep.extract import encoder_openvino

    enc = encoder._loaded("openvino")
    runner = encoder_openvino.OpenVinoRunner(enc.model_path, 1, precision="f32")
    vectors = np.concatenate([runner.forward(*_padded(enc, [t])) for t in PARITY_TEXTS])
    assert runner.used_precision == "f32"
    assert _cosines(vectors, reference_vectors).min() > 0.99999


def test_openvino_gives_each_thread_its_own_request():
    from concurrent.futures import ThreadPoolExecutor

    enc = encoder._loaded("openvino")
    texts = PARITY_TEXTS[5:25]
    alone = enc.encode(texts)
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: enc.encode(texts), range(6)))
    for r in results:
        assert np.allclose(r, alone, atol=1e-6)


def _padded(enc, texts):
    ids = [e.ids for e in enc.tokenizer.encode_batch(texts)]
    n = max(len(i) for i in ids)
    arr = np.zeros((len(ids), n), dtype=np.int64)
    mask = np.zeros((len(ids), n), dtype=np.int64)
    for r, i in enumerate(ids):
        arr[r, :len(i)] = i
        mask[r, :len(i)] = 1
    return arr, mask


def test_the_encoder_is_chosen_explicitly_and_its_cache_family_follows(monkeypatch):
    monkeypatch.setenv("SITREP_ENCODER", "numpy-fp32")
    assert encoder.selected() == "numpy-fp32" and encoder.cache_family() == "fp32"
    monkeypatch.setenv("SITREP_ENCODER", "onnx-int8")
    assert encoder.cache_family() == "int8"
    monkeypatch.setenv("SITREP_ENCODER", "torch")
    with pytest.raises(ValueError, match="SITREP_ENCODER"):
        encoder.selected()
    monkeypatch.delenv("SITREP_ENCODER")
    assert encoder.selected() == encoder.DEFAULT
    assert encoder.cache_family("numpy-fp32") == encoder.cache_family("onnx-fp32") == "fp32"
    assert encoder.cache_family("openvino") == "fp32"
    assert encoder.cache_family("onnx-int8") != "fp32"


def test_training_embeddings_are_cached_per_encoder_family(tmp_path, monkeypatch):
    from sitrep.extract import learned

    monkeypatch.setattr(learned, "model_dir", lambda: tmp_path)
    monkeypatch.setenv("SITREP_ENCODER", "onnx-fp32")
    texts = ["Troops shelled the village.", "It rained."]
    first = learned._embed_cached(texts)
    assert [p.name for p in tmp_path.glob("training-embeddings*")] == ["training-embeddings.npz"]
    assert np.allclose(first, encoder._loaded("onnx-fp32").encode(texts), atol=2e-3)
    key_fp32 = learned._cache_key()
    monkeypatch.setenv("SITREP_ENCODER", "numpy-fp32")  # shares the fp32 cache and the typer
    assert np.array_equal(learned._embed_cached(texts), first) and learned._cache_key() == key_fp32
    monkeypatch.setenv("SITREP_ENCODER", "openvino")  # runs the typer; the fp32 graph trains it
    assert learned._cache_key() == key_fp32 and encoder.training_encoder().identity == "onnx-fp32"
    assert np.array_equal(learned._embed_cached(texts), first)
    monkeypatch.setenv("SITREP_ENCODER", "onnx-int8")
    assert learned._cache_key() != key_fp32  # a typer trained on other embeddings is another model
    int8 = learned._embed_cached(texts)
    assert (tmp_path / "training-embeddings-int8.npz").exists()
    assert not np.array_equal(int8, first) and (int8 * first).sum(1).min() > 0.95


def test_a_missing_encoder_package_says_how_to_install_it(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(encoder.EncoderMissing, match="make install"):
        encoder.model_zip()


def test_the_onnx_workers_sleep_between_operators_instead_of_spinning():
    # spinning workers burn the CPU that other processes on a shared machine need
    enc = encoder._loaded("onnx-fp32")
    opts = enc.runner.session.get_session_options()
    assert opts.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert opts.get_session_config_entry("session.inter_op.allow_spinning") == "0"
