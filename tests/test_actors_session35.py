"""Who did what to whom (session 35's switches in extract/roles.py and extract/actors.py), on
invented sentences:

- PLACED_ON_TARGET: a force named in the place a device was put ("a bomb attached to a police
  vehicle") is the target; the unnamed bomber is the unidentified armed group;
- HELD_PLACE_FIRES: fire that came "from X-held hills" is X's;
- STATE_PAIR_ORDER: of two states' forces told alike, neither is moved first as "the state";
- the word lists of data/actors/role_cues.yml.
"""

import datetime as dt
from importlib import resources

import yaml

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.extract.events import extract
from sitrep.model import Article


def _top(text, published=dt.date(2023, 5, 20)):
    evs = extract([Article(id="t", text=text, published=published)])[0]
    assert evs, text
    return evs[0]


STICKY = ("HERAT, May 19 - A magnetic bomb attached to a police pickup went off in the east of Herat city, "
          "Herat province, Afghanistan, on Friday, wounding two policemen.")
TRUCK = ("QUETTA, Pakistan, May 19 - An explosive device planted under an army truck exploded near Sibi on "
         "Friday, wounding four soldiers, officials said.")


def test_the_force_whose_vehicle_carried_the_bomb_is_its_target():
    ev = _top(STICKY)
    assert ev.actor1 == "Unidentified Armed Group (Afghanistan)"
    assert ev.actor2.startswith("Police Forces of Afghanistan")
    ev = _top(TRUCK)
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Pakistan)", "Military Forces of Pakistan")


def test_without_the_switch_the_force_of_the_vehicle_is_the_bomber(monkeypatch):
    monkeypatch.setattr(roles_module, "PLACED_ON_TARGET", 0)
    monkeypatch.setattr(roles_module, "FORCES_HURT_SECOND", False)  # session 47: also puts the force second
    assert _top(TRUCK).actor1 == "Military Forces of Pakistan"


HILLS = ("BUKAVU, Congo, May 19 - Mortar rounds fired from M23-held ridges hit a school in Minova, South Kivu, "
         "on Friday, killing three pupils, local officials said.")


def test_fire_from_a_place_an_actor_holds_is_that_actor_s():
    ev = _top(HILLS)
    assert ev.actor1 == "M23: March 23 Movement"
    assert ev.actor2 == "Civilians (Democratic Republic of Congo)"


def test_without_the_switch_the_holder_is_read_as_the_target(monkeypatch):
    monkeypatch.setattr(roles_module, "HELD_PLACE_FIRES", 0)
    assert _top(HILLS).actor1 != "M23: March 23 Movement"


BORDER = ("QUETTA, Pakistan, Sept 20 - Afghan Taliban and Pakistani border troops exchanged fire at the "
          "Chaman crossing on Thursday after a quarrel over a fence; there were no casualties, officials said.")


def test_two_states_told_alike_keep_the_order_told():
    ev = _top(BORDER, published=dt.date(2023, 9, 20))
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1.startswith("Military Forces of Afghanistan (2021-)")
    assert ev.actor2 == "Military Forces of Pakistan"


def test_without_the_switch_the_home_state_is_moved_first(monkeypatch):
    monkeypatch.setattr(roles_module, "STATE_PAIR_ORDER", 0)
    monkeypatch.setattr(roles_module, "PAIR_AS_TOLD", 0)  # session 37: which keeps the told order too
    ev = _top(BORDER, published=dt.date(2023, 9, 20))
    assert ev.actor1 == "Military Forces of Pakistan"


def test_role_cues_file_is_valid():
    path = resources.files("sitrep") / "data" / "actors" / "role_cues.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"placed_verbs", "placed_prepositions", "held_words"} <= set(data)
    for name, values in data.items():
        assert values and len(set(values)) == len(values), name
        assert all(isinstance(w, str) and w == w.lower() and w.replace(" ", "").isalpha() for w in values), name
    assert {"fired_assets"} <= set(data)


APRIL = dt.date(2021, 4, 8)
LYNCHED = ("On 3 April 2021, in Ho (Volta), a crowd of traders beat a suspected pickpocket to death at the "
           "central market. Police later dispersed the crowd and opened an inquiry.")
STONED_POLICE = ("On 3 April 2021, in Ho (Volta), a crowd of traders beat and stoned two police officers who had "
                 "come to seize illegal goods at the central market.")
POLICE_FIRED = ("On 3 April 2021, in Ho (Volta), a crowd of traders beat a suspected pickpocket at the central "
                "market; police opened fire to disperse them, injuring two traders.")


def test_a_mob_s_victims_are_its_actor2_not_the_police_who_came_after(monkeypatch):
    monkeypatch.setattr(roles_module, "MOB_STATE_HIT_ONLY", 1)  # on by default since session 36 (roles.py)
    ev = _top(LYNCHED, APRIL)
    assert ev.sub_event_type == "Mob violence"
    assert (ev.actor1, ev.actor2) == ("Rioters (Ghana)", "Civilians (Ghana)")


def test_the_police_stay_actor2_where_the_mob_hit_them_or_they_used_force(monkeypatch):
    monkeypatch.setattr(roles_module, "MOB_STATE_HIT_ONLY", 1)
    assert _top(STONED_POLICE, APRIL).actor2 == "Police Forces of Ghana"
    assert _top(POLICE_FIRED, APRIL).actor2 == "Police Forces of Ghana"


def test_without_the_switch_the_police_who_came_after_are_actor2(monkeypatch):
    monkeypatch.setattr(roles_module, "MOB_STATE_HIT_ONLY", 0)
    assert _top(LYNCHED, APRIL).actor2 == "Police Forces of Ghana"


DRONES = ("On 2 June 2022, Russian unmanned aerial vehicles fired at Ukrainian positions near Huliaipole, "
          "Zaporizhia. Casualties unknown.")


def test_a_country_s_word_before_its_drones_names_its_military():
    ev = _top(DRONES, dt.date(2022, 6, 6))
    assert ev.actor1 == "Military Forces of Russia"
    assert ev.actor2 == "Military Forces of Ukraine"


def test_without_the_switch_the_drones_name_no_one(monkeypatch):
    monkeypatch.setattr(actors_module, "FIRED_ASSETS", 0)
    actors_module._military_target_pattern.cache_clear()
    try:
        assert _top(DRONES, dt.date(2022, 6, 6)).actor1 != "Military Forces of Russia"
    finally:
        monkeypatch.undo()
        actors_module._military_target_pattern.cache_clear()


MARKET_STRIKE = ("On 4 June 2023, a drone strike hit a cattle market in Debre Tabor, South Gondar, Amhara region, "
                 "Ethiopia, killing six traders.")
UNKNOWN_DRONE = ("On 4 June 2023, a drone of unknown origin struck a gas plant near Kalar, Sulaymaniyah, Iraq, "
                 "starting a fire. No casualties were reported.")


def test_an_air_strike_with_no_one_named_is_the_state_s_or_the_unidentified_group_s():
    ev = _top(MARKET_STRIKE, dt.date(2023, 6, 6))
    assert ev.sub_event_type == "Air/drone strike"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Ethiopia", "Civilians (Ethiopia)")
    assert _top(UNKNOWN_DRONE, dt.date(2023, 6, 6)).actor1 == "Unidentified Armed Group (Iraq)"


def test_without_the_switch_an_unnamed_air_strike_has_no_actor1(monkeypatch):
    monkeypatch.setattr(roles_module, "AIR_STRIKE_UNNAMED", 0)
    assert not _top(MARKET_STRIKE, dt.date(2023, 6, 6)).actor1


ASSOCIATES = ("On 6 May 2021, soldiers arrested a village administrator in Hpakant, Kachin, Myanmar, on suspicion of "
              "having links with the KIA.")
MIGRANTS = ("On 9 May 2021, the coast guard detained 41 migrants trying to reach Lesbos by boat off the coast of "
            "Dikili, Izmir, Turkey.")


def test_the_group_the_arrested_were_tied_to_is_not_the_arrested():
    ev = _top(ASSOCIATES, dt.date(2021, 5, 10))
    assert ev.sub_event_type == "Arrests"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Myanmar", "Civilians (Myanmar)")


def test_without_the_switch_the_group_is_read_as_the_arrested(monkeypatch):
    monkeypatch.setattr(roles_module, "ARRESTED_ASSOCIATES", 0)
    assert _top(ASSOCIATES, dt.date(2021, 5, 10)).actor2 == "KIA: Kachin Independence Army"


def test_migrants_of_untold_countries_are_international_civilians(monkeypatch):
    assert _top(MIGRANTS, dt.date(2021, 5, 12)).actor2 == "Civilians (International)"
    monkeypatch.setattr(roles_module, "MIGRANTS_INTERNATIONAL", 0)
    assert _top(MIGRANTS, dt.date(2021, 5, 12)).actor2 == "Civilians (Turkey)"


DISPERSED = ("BASRA, Iraq, June 8 - Security forces fired tear gas on Monday to disperse hundreds of oil "
             "workers who tried to force their way into the provincial council building in Basra.")


def test_security_forces_who_met_a_demonstration_are_the_police(monkeypatch):
    ev = _top(DISPERSED, dt.date(2021, 6, 8))
    assert ev.event_type == "Protests"
    assert ev.actor2 == "Police Forces of Iraq"
    monkeypatch.setattr(roles_module, "DEMO_SECURITY_POLICE", 0)
    assert _top(DISPERSED, dt.date(2021, 6, 8)).actor2 == "Military Forces of Iraq"


DEPOT = ("On 2 May 2023, Israeli warplanes struck an ammunition depot near Masyaf, Hama, Syria. No casualties "
         "were reported.")
LABELLED = ("On 14 February 2025, police in Latakia, Syria, arrested eleven men in night raids, the interior "
            "ministry said, describing them as remnants of the former regime.")


def test_a_strike_on_a_military_site_targets_the_country_s_military(monkeypatch):
    ev = _top(DEPOT, dt.date(2023, 5, 4))
    assert (ev.actor1, ev.actor2) == ("Military Forces of Israel", "Military Forces of Syria")
    monkeypatch.setattr(roles_module, "MILITARY_SITE_TARGET", 0)
    assert not _top(DEPOT, dt.date(2023, 5, 4)).actor2


def test_a_label_the_authorities_put_on_the_arrested_is_no_group_arrested(monkeypatch):
    assert _top(LABELLED, dt.date(2025, 2, 16)).actor2 == "Civilians (Syria)"
    monkeypatch.setattr(roles_module, "ARRESTED_ASSOCIATES", 0)
    assert _top(LABELLED, dt.date(2025, 2, 16)).actor2 != "Civilians (Syria)"


BROKE_UP = ("KABUL, March 9 - Taliban fighters fired into the air to break up a small protest by women "
            "demanding the right to work in western Kabul on Friday, witnesses said.")


def test_the_state_s_forces_of_a_lineage_that_became_the_state_meet_a_protest(monkeypatch):
    ev = _top(BROKE_UP, dt.date(2023, 3, 10))
    assert ev.event_type == "Protests"
    assert ev.actor2 == "Military Forces of Afghanistan (2021-)"
    assert not ev.assoc_actor_1
    monkeypatch.setattr(roles_module, "EVENT_INTER", 0)
    ev = _top(BROKE_UP, dt.date(2023, 3, 10))
    assert ev.actor2 != "Military Forces of Afghanistan (2021-)"



BEATEN = "On 4 May 2023, Imbonerakure members beat a man on Rusaka hill (Mwaro, Mwaro province), Burundi."


def test_a_named_armed_group_that_strikes_people_attacks_them(monkeypatch):
    ev = _top(BEATEN, dt.date(2023, 5, 6))
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Attack", "Imbonerakure", "Civilians (Burundi)")
    monkeypatch.setattr(roles_module, "NAMED_MILITIA_NOT_MOB", 0)
    ev = _top(BEATEN, dt.date(2023, 5, 6))
    assert (ev.sub_event_type, ev.actor1) == ("Mob violence", "Rioters (Burundi)")


def test_the_shane_spellings_name_the_oromo_liberation_army():
    from sitrep.extract.actors import get_dictionary

    d = get_dictionary()
    assert d.resolve_name("OLF-Shane: Oromo Liberation Front-Shane").name == "OLA: Oromo Liberation Army"
    assert [m.name for m in d.find("OLF-Shane fighters ambushed a bus near Gimbi.", {"ET"})] == \
        ["OLA: Oromo Liberation Army"]
