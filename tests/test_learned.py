import csv

import pytest

from sitrep.extract import learned
from sitrep.extract.classify import choose_type
from sitrep.extract.cues import Cue
from sitrep.extract.learned import get_typer, normalise


def test_normalise_folds_digits_and_acled_tags():
    assert normalise("On 12 May 2023 [size=no report] Troops") == "on 0 may 0   troops"


def test_screen_and_decider_give_probabilities_over_sub_event_types_and_none():
    typer = get_typer()
    text = "Police fired tear gas at hundreds of demonstrators in the capital."
    for p in (typer.probabilities([text])[0], typer.decide([text])[0]):
        assert abs(sum(p.values()) - 1.0) < 1e-6
        assert "none" in p and all(isinstance(k, str) and isinstance(v, float) for k, v in p.items())
        assert max(p, key=p.get) in ("Protest with intervention", "Excessive force against protesters")


def test_decider_tells_a_plain_description_from_an_event():
    typer = get_typer()
    calm, event = typer.decide(["He said the situation in the town was calm and shops had reopened.",
                                "Gunmen shot dead a village chief and his driver on the road to Gao on Sunday."])
    assert max(calm, key=calm.get) == "none"
    assert max(event, key=event.get) == "Attack"


def test_learned_none_vetoes_and_rules_alone_still_work():
    cue = Cue("Arrests", 3.0, 0, 8, "arrested")
    assert choose_type({"Arrests": (3.0, cue)}, None).sub_event_type == "Arrests"
    assert choose_type({"Arrests": (3.0, cue)}, {"none": 0.95, "Arrests": 0.05}) is None
    mixed = choose_type({"Arrests": (3.0, cue)}, {"none": 0.1, "Arrests": 0.2, "Armed clash": 0.7}, alpha=0.5)
    assert mixed.sub_event_type == "Arrests"  # 0.5*1 + 0.5*0.2 = 0.6 beats 0.35


def _small_training():
    base = [("Troops and rebels exchanged fire for hours near the border post.", "Armed clash"),
            ("Hundreds marched peacefully to parliament demanding higher wages.", "Peaceful protest"),
            ("Police arrested four members of the cell in a dawn raid.", "Arrests"),
            ("The minister will visit the region next month.", "none")]
    texts, labels = [], []
    for i in range(6):
        for t, lab in base:
            texts.append(f"{t} ({i})")
            labels.append(lab)
    return texts, labels


def test_a_user_trains_on_their_own_acled_export_and_it_becomes_the_active_model(tmp_path, monkeypatch):
    monkeypatch.setattr(learned, "model_dir", lambda: tmp_path)
    monkeypatch.setattr(learned, "load_training", _small_training)
    monkeypatch.delenv("SITREP_MODEL", raising=False)
    export = tmp_path / "my_region.csv"
    with open(export, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["event_date", "sub_event_type", "notes"])
        w.writeheader()
        for i in range(5):
            w.writerow({"event_date": "2024-03-0%d" % (i + 1), "sub_event_type": "Abduction/forced disappearance",
                        "notes": f"Armed men abducted {i + 2} traders on the road to the market town."})
        w.writerow({"event_date": "2024-03-09", "sub_event_type": "", "notes": "no type: skipped"})
    typer = learned.train(acled=[str(export)])
    assert learned.custom_path().exists()
    path, why = learned.active_path()
    assert path == learned.custom_path() and why.startswith("custom")
    assert typer.card["acled_exports"] == {str(export): 5}
    assert typer.card["labels"]["Abduction/forced disappearance"] == 5
    [p] = typer.decide(["Armed men abducted three traders on the road to the market town."])
    assert max(p, key=p.get) == "Abduction/forced disappearance"
    # the training sentences' embeddings are cached by text for the next training
    assert (tmp_path / "training-embeddings.npz").exists()


def test_an_acled_export_without_notes_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("event_date,sub_event_type\n2024-01-01,Attack\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an ACLED export"):
        learned.read_acled_training(str(bad))


def test_model_info_names_the_active_model_what_it_learned_from_and_its_real_data_scores(
        capsys, monkeypatch, tmp_path):
    from sitrep.cli import main

    monkeypatch.delenv("SITREP_MODEL", raising=False)
    monkeypatch.setattr(learned, "custom_path", lambda: tmp_path / "none.pkl")
    assert main(["model", "info"]) == 0
    out = capsys.readouterr().out
    assert "packaged (team sentences)" in out and "team_sentences:" in out
    assert "scores of the packaged model on real data held apart" in out and "sub-event" in out


def test_model_reset_removes_only_the_custom_model(tmp_path, monkeypatch, capsys):
    from sitrep.cli import main

    monkeypatch.setattr(learned, "model_dir", lambda: tmp_path)
    learned.custom_path().write_bytes(b"x")
    assert main(["model", "reset"]) == 0
    assert not learned.custom_path().exists()
    assert main(["model", "reset"]) == 0
    assert "packaged model is active" in capsys.readouterr().err


def test_a_model_is_saved_under_the_key_of_the_data_it_learned_from(tmp_path, monkeypatch):
    # a training file that arrives while a training runs must not lend its key to the model
    monkeypatch.setattr(learned, "model_dir", lambda: tmp_path)
    read = []

    def training_read_then_a_file_arrives():
        read.append(True)
        return _small_training()

    monkeypatch.setattr(learned, "_cache_key", lambda: "after" if read else "before")
    monkeypatch.setattr(learned, "load_training", training_read_then_a_file_arrives)
    learned.train()
    assert [p.name for p in tmp_path.glob("typer-*.pkl")] == ["typer-before.pkl"]
