from sitrep.extract.classify import choose_type
from sitrep.extract.cues import Cue
from sitrep.extract.learned import get_typer, normalise


def test_normalise_folds_digits_and_acled_tags():
    assert normalise("On 12 May 2023 [size=no report] Troops") == "on 0 may 0   troops"


def test_typer_assigns_probabilities_over_sub_event_types_and_none():
    typer = get_typer()
    [p] = typer.probabilities(["Police fired tear gas at hundreds of demonstrators in the capital."])
    assert abs(sum(p.values()) - 1.0) < 1e-6
    assert "none" in p
    assert max(p, key=p.get) in ("Protest with intervention", "Excessive force against protesters")


def test_learned_none_vetoes_and_rules_alone_still_work():
    cue = Cue("Arrests", 3.0, 0, 8, "arrested")
    assert choose_type({"Arrests": (3.0, cue)}, None).sub_event_type == "Arrests"
    assert choose_type({"Arrests": (3.0, cue)}, {"none": 0.95, "Arrests": 0.05}) is None
    mixed = choose_type({"Arrests": (3.0, cue)}, {"none": 0.1, "Arrests": 0.2, "Armed clash": 0.7}, alpha=0.5)
    assert mixed.sub_event_type == "Arrests"  # 0.5*1 + 0.5*0.2 = 0.6 beats 0.35
