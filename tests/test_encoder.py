import numpy as np
import pytest

from sitrep.extract import encoder


def test_encoder_gives_unit_vectors_that_place_paraphrases_together():
    enc = encoder.get_encoder()
    v = enc.encode(["A roadside bomb killed two soldiers near Rutba.",
                    "An IED exploded under an army patrol in Anbar, killing two troops.",
                    "The central bank kept interest rates unchanged on Tuesday."])
    assert v.shape == (3, encoder.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sim = v @ v.T
    assert sim[0, 1] > 0.4 and sim[0, 1] > sim[0, 2] + 0.3


def test_encoder_output_does_not_depend_on_batching_or_padding():
    enc = encoder.get_encoder()
    texts = ["Short one.", "A much longer sentence about protesters who marched to the governor's office on Friday."]
    together = enc.encode(texts)
    alone = np.stack([enc.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
    assert enc.encode([]).shape == (0, encoder.DIM)


def test_a_missing_encoder_package_says_how_to_install_it(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(encoder.EncoderMissing, match="make install"):
        encoder.model_zip()
