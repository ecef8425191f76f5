"""Session 43 (types8): event and sub-event types and which event leads. Sentences written for these
tests, about invented incidents (invented places where the place does not matter)."""

import datetime as dt

import pytest
import yaml

from event_reading import events_of
from event_reading import top_event as _top
from sitrep.extract import cues, events

PUB = dt.date(2023, 5, 4)


def test_type_words_file_is_valid():
    from importlib import resources

    data = yaml.safe_load((resources.files("sitrep") / "data" / "type_words_session43.yaml").read_text("utf-8"))
    assert set(data) == {"air_strike_told", "clash_told", "territory_told"}
    for name, entry in data.items():
        assert entry["doc"] and entry["patterns"], name
        assert events.type_words(name).search("x") is None


def test_air_strike_beside_artillery_is_an_air_strike(monkeypatch):
    text = ("On 2 May 2023, government forces fired artillery at the town of Kelvora and carried out "
            "airstrikes on the market nearby, killing four people.")
    on = events_of(text, PUB, monkeypatch, AIR_OVER_SHELLING=1)
    off = events_of(text, PUB, monkeypatch, AIR_OVER_SHELLING=0)
    assert _top(on).sub_event_type == "Air/drone strike"
    assert _top(off).sub_event_type == "Shelling/artillery/missile attack"


def test_a_jet_shot_down_is_no_air_strike():
    assert not events.type_words("air_strike_told").search("air defence units shot down a fighter jet over the bay")
    assert events.type_words("air_strike_told").search("fighter jets bombed the bridge")


def test_clash_told_beside_shelling_is_an_armed_clash(monkeypatch):
    text = ("On 2 May 2023, Russian and Ukrainian troops fought for control of the outskirts of Okhtyrka; Russian "
            "units also fired rockets at apartment blocks in the town. Two civilians died in the shelling.")
    on = events_of(text, PUB, monkeypatch, CLASH_OVER_SHELLING=1)
    off = events_of(text, PUB, monkeypatch, CLASH_OVER_SHELLING=0)
    assert _top(on).sub_event_type == "Armed clash"
    assert _top(off).sub_event_type == "Shelling/artillery/missile attack"


def test_shelling_stays_where_the_clash_has_no_second_armed_side(monkeypatch):
    # the clash words are told, but the parties read are the shelled town's people: no attack on civilians
    text = ("On 2 May 2023, Russian artillery pounded Okhtyrka throughout the day while Russian and Ukrainian "
            "units clashed on the edge of the town. Two civilians died in the shelling.")
    on = events_of(text, PUB, monkeypatch, CLASH_OVER_SHELLING=1)
    assert _top(on).event_type == "Explosions/Remote violence"


class _S:
    def __init__(self, index, text, paragraph=0):
        self.index, self.text, self.paragraph = index, text, paragraph


class _Draft:
    def __init__(self, sentences, sub="Attack", agents=(), actors=()):
        from sitrep.extract.classify import Typing

        self.sentences = sentences
        self.sentence = sentences[0]
        self.typing = Typing(sub, 3.0, None)
        self.agents, self.actors = list(agents), list(actors) or list(agents)


@pytest.mark.parametrize("text, fight_only", [
    ("Near Hpa Lang village a battle took place between the army and fighters of the TNLA.", True),
    ("The rebels seized control of the town after a battle with the army.", False),
    ("Troops entered the village after the militia had left it; no fighting took place.", False),
    ("Troops fought the Oromo Liberation Army near the town.", True),
])
def test_a_battle_took_place_is_no_seizure(text, fight_only):
    # TERRITORY_NEEDS_CUE: the decider's territory reading yields to the fight the cue words tell
    assert events._fight_without_territory(_Draft([_S(0, text)]), "Non-state actor overtakes territory") is fight_only


class _SeizureTyper:
    """A decider that reads every sentence as a seizure, as the trained one reads "a battle took place"."""

    def _read(self, texts):
        return [{"Non-state actor overtakes territory": 0.7, "Armed clash": 0.2, "none": 0.1} for _ in texts]

    probabilities = decide = _read


def test_a_fight_read_as_a_seizure_is_an_armed_clash(monkeypatch):
    text = "On 2 May 2023, near Hpa Lang village, a battle took place between SSPP fighters and TNLA troops."
    out = {}
    for switch in (1, 0):
        monkeypatch.setattr(events, "TERRITORY_NEEDS_CUE", switch)
        evs = events.extract([events.Article(id="a", text=text, published=PUB, title="")], typer=_SeizureTyper())[0]
        out[switch] = _top(evs).sub_event_type
    assert out == {1: "Armed clash", 0: "Non-state actor overtakes territory"}


def test_ground_that_changed_hands_keeps_the_territory_type():
    assert events.type_words("territory_told").search("the rebels established control over the district")
    hits = [m.group(0) for m in events.type_words("territory_told").finditer("the Oromo Liberation Army fought")]
    assert all(h[:1].isupper() for h in hits)  # a name's word, which _fight_without_territory passes over


def test_cue_word_inside_an_actor_name_is_no_cue():
    from sitrep.extract.cues import Cue
    from sitrep.model import ActorMention

    text = "Troops fought the Oromo Liberation Army near the town."
    at = text.index("Liberation")
    cue = Cue("Government regains territory", 3.0, at, at + len("Liberation"), "Liberation")
    army = ActorMention("OLA: Oromo Liberation Army", 2, text.index("Oromo"), text.index(" near"),
                        "Oromo Liberation Army")
    assert events._in_actor_name(cue, [army])
    low = Cue("Government regains territory", 3.0, 0, 8, "liberated")
    assert not events._in_actor_name(low, [army])


def test_the_attack_is_not_the_police_clash_after_it(monkeypatch):
    from sitrep.model import ActorMention

    gang = ActorMention("Unidentified Gang (Haiti)", 3, 0, 12, "armed bandits")
    police = ActorMention("Police Forces of Haiti", 1, 0, 12, "Police units")
    raid = _Draft([_S(0, "Armed bandits raided homes in the quarter overnight.")], "Attack", [gang])
    step_in = _Draft([_S(1, "Police units arrived later and clashed with the bandits.")], "Armed clash", [police])

    class _St:
        sentences = raid.sentences + step_in.sentences
        taken = {0, 1}
        drafted = {0: raid, 1: step_in}

    monkeypatch.setattr(events, "AROUND_OWN_EVENT", 1)
    assert "clashed" not in events._told_around(raid, _St())
    monkeypatch.setattr(events, "AROUND_OWN_EVENT", 0)
    assert "clashed" in events._told_around(raid, _St())


def test_lede_event_without_place_takes_the_displaced_ones(monkeypatch):
    a = events.Event(article_id="a", sub_event_type="Attack", confidence=0.6)
    b = events.Event(article_id="a", sub_event_type="Attack", confidence=0.8, iso="LK", country="Sri Lanka",
                     admin1="Northern", location="Point Pedro", latitude=9.82, longitude=80.23, geo_precision=1)
    b.add_evidence("location", "on the road to Point Pedro", 15, 26)

    class _D:
        def __init__(self, i):
            self.sentences = [type("S", (), {"index": i})()]
            self.sentence = self.sentences[0]

    class _St:
        sentences = [0, 1, 2]
        weights: dict = {}

    for switch, place in ((1, "Point Pedro"), (0, "")):
        monkeypatch.setattr(events, "LEDE_TAKES_PLACE", switch)
        a.location = a.admin1 = a.iso = ""
        out = events._lede_event_first([a, b], [(a, _D(0)), (b, _D(1))], _St())
        assert out[0] is a and a.location == place


@pytest.mark.parametrize("text", [
    "On 2 May 2023, about 60 students held a demonstration at their college in Ransa town, demanding a new "
    "dean. The marchers smashed a glass door and wrecked the canteen.",
    "On 2 May 2023, residents demonstrated against the dust from the quarry in Ransa town, and some of "
    "them wrecked equipment of the quarry company.",
    "On 2 May 2023, pupils of Olkeri Primary School staged a protest because their headmaster was being moved, "
    "and some pupils injured two teachers.",
])
def test_a_crowd_that_smashed_things_is_a_violent_demonstration(monkeypatch, text):
    def run(switch):
        monkeypatch.setattr(cues, "CROWD_DAMAGE", switch)
        cues.get_lexicon.cache_clear()
        try:
            return _top(events_of(text, PUB)).sub_event_type
        finally:
            cues.get_lexicon.cache_clear()

    assert run(1) == "Violent demonstration"
    assert run(0) != "Violent demonstration"
    monkeypatch.setattr(cues, "CROWD_DAMAGE", 1)


def test_property_smashed_with_no_demonstration_is_no_riot():
    cues.get_lexicon.cache_clear()
    found = cues.get_lexicon().find("Gunmen broke the windows of a shop and destroyed property in the town.")
    assert "crowd_damage" in {c.cls for c in found}
    assert not cues.get_lexicon().is_candidate("They smashed a glass door and trashed the hall.")


def test_police_violence_is_no_crowd_damage():
    cues.get_lexicon.cache_clear()
    for text in ("Police violently dispersed the protest in Kisumu.",
                 "Traders protesting new levies were beaten by police officers."):
        assert "crowd_damage" not in {c.cls for c in cues.get_lexicon().find(text)}, text
    assert "crowd_damage" in {c.cls for c in cues.get_lexicon().find("Students 'violently' protested at the gate.")}
