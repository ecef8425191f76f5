"""Session 44 (actors9), on invented sentences:

- roles.MOB_ARMED_OVER_CIVILIANS: a crowd that lynched a named gang's member has the gang as its other side,
  even where the crowd's own "residents" were read as acted upon.
- roles.SOMALILAND_FORCES: in Somaliland's regions the bare police or army are Somaliland's; "Somaliland
  police" is its police.
- roles.LEGACY_STATE_FORCES: before 2017, Puntland's, Jubaland's and Galmudug's forces keep their own names
  (later, the federal army's).
- roles.SECOND_SIDE_TOLD: an armed clash or a change of territory read with one side takes as its second the
  other armed actor the event's sentences (or those after them) name.
"""

import datetime as dt
import re
from importlib import resources

import yaml

from sitrep.extract import roles as roles_module
from sitrep.model import Article
from sitrep.pipeline import process


def _events(text):
    day = dt.datetime.strptime(re.search(r"On (\d+ \w+ \d{4})", text).group(1), "%d %B %Y").date()
    return process([Article(id="t", text=text, published=day + dt.timedelta(days=2), source="")])[0]


def _top(text):
    return _events(text)[0]


# --- MOB_ARMED_OVER_CIVILIANS ------------------------------------------------------------------------

MOB = ("On 4 March 2024, residents of Carrefour (Ouest) formed a mob and beat a man of the Grand-Ravine Gang "
       "to death with machetes and rocks.")


def test_a_lynched_gang_member_makes_the_gang_the_other_side():
    ev = _top(MOB)
    assert ev.sub_event_type == "Mob violence" and ev.actor1 == "Rioters (Haiti)"
    assert ev.actor2 == "Grand-Ravine Gang"


def test_a_lynched_gang_member_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "MOB_ARMED_OVER_CIVILIANS", False)
    assert _top(MOB).actor2 == "Civilians (Haiti)"


def test_a_lynched_thief_stays_a_civilian():
    ev = _top("On 4 March 2024, in Carrefour, Ouest, a mob of residents beat a thief to death. 1 fatality.")
    assert ev.actor2 == "Civilians (Haiti)"


# --- SOMALILAND_FORCES ---------------------------------------------------------------------------------

BURAO = "On 3 March 2016 Somaliland police dispersed traders protesting in Burao."


def _hargeisa():
    return _top("On 3 March 2016, police in Hargeisa arrested twelve youths who had thrown stones at a "
                "government convoy.")


def test_bare_police_in_somaliland_are_somalilands():
    ev = _hargeisa()
    assert ev.admin1 == "Woqooyi Galbeed" and ev.actor1 == "Police Forces of Somaliland"


def test_bare_police_in_somaliland_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "SOMALILAND_FORCES", False)
    assert _hargeisa().actor1 == "Police Forces of Somalia"


def test_somaliland_police_are_its_police(monkeypatch):
    ev = _top(BURAO)
    assert ev.actor2 == "Police Forces of Somaliland"
    monkeypatch.setattr(roles_module, "SOMALILAND_FORCES", False)
    assert _top(BURAO).actor2 == "Military Forces of Somaliland"


def test_police_in_mogadishu_stay_federal():
    ev = _top("On 3 March 2016, police in Mogadishu arrested twelve youths who had thrown stones at a convoy.")
    assert ev.actor1 == "Police Forces of Somalia"


# --- LEGACY_STATE_FORCES -------------------------------------------------------------------------------

JUBALAND = "On 3 March 2016, Jubaland forces attacked Al Shabaab fighters near Kismayo, killing four."


def test_jubaland_forces_before_2017_are_named_apart(monkeypatch):
    assert _top(JUBALAND).actor1 == "Military Forces of Jubaland"
    monkeypatch.setattr(roles_module, "LEGACY_STATE_FORCES", False)
    assert _top(JUBALAND).actor1 == "Military Forces of Somalia"


def test_jubaland_forces_later_are_the_federal_army():
    assert _top(JUBALAND.replace("2016", "2024")).actor1 == "Military Forces of Somalia"


def test_bare_soldiers_in_puntland_before_2017(monkeypatch):
    text = "On 3 March 2016, soldiers shot dead a civilian at a checkpoint in Bosaso."
    assert _top(text).actor1 == "Military Forces of Puntland"
    monkeypatch.setattr(roles_module, "LEGACY_STATE_FORCES", False)
    assert _top(text).actor1 == "Military Forces of Somalia"


def test_regional_forces_file_is_valid():
    path = resources.files("sitrep") / "data" / "actors" / "regional_forces_session44.yml"
    regions = yaml.safe_load(path.read_text(encoding="utf-8"))["regions"]
    assert set(regions) == {"somaliland", "puntland", "jubaland", "galmudug"}
    for spec in regions.values():
        assert {"admin1", "admin1_until", "until", "until_named", "words", "military", "police", "inter"} <= set(spec)
        assert spec["inter"] in (1, 3) and spec["words"]


# --- SECOND_SIDE_TOLD ----------------------------------------------------------------------------------

WITHDREW = ("On 10 February 2016, Kenyan troops pulled out of the camp they held in Bula Gudud. Al Shabaab fighters moved "
            "into the village the same day.")


def test_a_withdrawal_takes_the_group_that_moved_in(monkeypatch):
    ev = next(e for e in _events(WITHDREW) if e.sub_event_type == "Non-violent transfer of territory")
    assert ev.actor2 == "Al Shabaab"
    monkeypatch.setattr(roles_module, "SECOND_SIDE_TOLD", False)
    ev = next(e for e in _events(WITHDREW) if e.sub_event_type == "Non-violent transfer of territory")
    assert ev.actor2 == ""


def test_a_state_takes_another_countrys_forces_as_second_side():
    ev = _top("On 4 March 2022, Russian artillery hit a Ukrainian roadblock outside Demydiv, Kyiv. "
              "Ukrainian troops then fought Russian units near the village.")
    assert ev.actor1 == "Military Forces of Russia" and ev.actor2 == "Military Forces of Ukraine"


# --- GANG_WORD_COUNTRIES -------------------------------------------------------------------------------

BURNED = "On 14 March 2025, gangs in Delmas (Ouest) burned about twenty houses and a school. Casualties unknown."


def test_gangs_told_make_the_unidentified_gang(monkeypatch):
    assert _top(BURNED).actor1 == "Unidentified Gang (Haiti)"
    monkeypatch.setattr(roles_module, "GANG_WORD_COUNTRIES", False)
    assert _top(BURNED).actor1 == "Unidentified Armed Group (Haiti)"


def test_unknown_kidnappers_stay_unidentified_though_gang_related():
    ev = _top("On 16 March 2025, unknown gunmen in Croix-des-Bouquets (Ouest) kidnapped a nurse on her way "
              "home; reports suggest most kidnappings there are gang-related.")
    assert ev.actor1 == "Unidentified Armed Group (Haiti)"
