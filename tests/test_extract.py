"""Behaviour of the extraction pipeline on short reports written for these tests."""

import datetime as dt

from sitrep.extract.events import extract
from sitrep.model import Article

PUB = dt.date(2019, 7, 9)


def _events(text, published=PUB):
    return extract([Article(id="t", text=text, published=published)])[0]


def test_ied_report_is_coded_with_date_place_and_counts():
    [ev] = _events("BAGHDAD (Reuters) - A roadside bomb hit an army patrol near Tarmiyah on Monday, "
                   "killing two soldiers and wounding four, police said.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.event_date == dt.date(2019, 7, 8) and ev.time_precision == 1
    assert ev.fatalities == 2 and ev.injured == 4
    assert ev.country == "Iraq" and ev.admin1 == "Baghdad"
    assert ev.location != "Baghdad"  # the dateline is not the event's place
    assert ev.actor2 == "Military Forces of Iraq"
    assert ev.notes.startswith("On 8 July 2019")


def test_background_history_and_plans_yield_no_events():
    assert _events("The group seized Mosul in 2014 and declared its caliphate there.") == []
    assert _events("The army will launch a new operation against the militants next month, officials said.") == []
    assert _events("Analysts warn that the militants could attack oil facilities if the drawdown continues.") == []


def test_denial_yields_no_event():
    assert _events("The ministry denied that its forces had shelled the village.") == []


def test_kidnapping_then_killing_are_two_events():
    evs = _events("Eight men were kidnapped by ISIS on the Kirkuk-Baghdad road last week. "
                  "On Sunday, after the deadline expired, the eight kidnapped men were killed.")
    subs = [e.sub_event_type for e in evs]
    assert "Abduction/forced disappearance" in subs and "Attack" in subs
    killing = next(e for e in evs if e.sub_event_type == "Attack")
    assert killing.fatalities == 8 and killing.event_date == dt.date(2019, 7, 7)
    assert killing.actor2.startswith("Civilians")


def test_protest_with_tear_gas_is_protest_with_intervention():
    [ev] = _events("Police fired tear gas to disperse hundreds of protesters who gathered in Nasiriyah on Monday to demand jobs.")
    assert ev.sub_event_type == "Protest with intervention"
    assert ev.actor1 == "Protesters (Iraq)"


def test_forces_killing_militants_and_arresting_others_is_an_armed_clash():
    [ev] = _events("Iraqi forces killed three Islamic State militants and arrested two more near a hideout in Anbar on Saturday.")
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == "Military Forces of Iraq" and ev.actor2 == "Islamic State (Iraq)"
    assert ev.fatalities == 3


def test_defused_bomb_is_disrupted_weapons_use_not_an_explosion():
    [ev] = _events("Army engineers defused an improvised explosive device planted on the road to Baiji on Sunday.")
    assert ev.sub_event_type == "Disrupted weapons use"


def test_air_strike_is_not_an_armed_clash():
    [ev] = _events("Turkish drones struck a vehicle near Sinjar on Saturday, killing two PKK members, a local official said.")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == "Military Forces of Turkey" and ev.inter1 == 8


def test_evidence_offsets_point_into_the_article():
    text = "Gunmen killed two shepherds near Hit on Sunday, police said."
    [ev] = _events(text)
    for e in ev.evidence:
        assert text[e.start:e.end] == e.text
    assert {e.field for e in ev.evidence} >= {"event_type", "event_date", "location"}


def test_pure_analysis_article_yields_nothing():
    text = ("Five years after its territorial defeat, the Islamic State has adapted. Its cells in the "
            "deserts have often carried out hit-and-run attacks, and analysts say the group remains "
            "capable of mounting larger operations. Officials fear a resurgence if the coalition leaves.")
    assert _events(text) == []


def test_a_thousand_short_reports_in_one_call():
    arts = [Article(id=str(i), text=f"Gunmen killed {i % 7 + 1} farmers near Baquba on Sunday.", published=PUB)
            for i in range(1000)]
    out = extract(arts)
    assert len(out) == 1000 and all(len(evs) == 1 for evs in out)


def test_claim_of_responsibility_names_the_attacker():
    [ev] = _events("A roadside bomb killed three soldiers near Tuz Khurmatu on Monday. "
                   "The Islamic State group claimed responsibility for the attack on Tuesday.")
    assert ev.actor1 == "Islamic State (Iraq)"
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_talk_of_a_ceasefire_is_not_an_agreement():
    assert _events("Talk of a ceasefire has returned, with envoys shuttling between the capitals.") == []


def test_riot_police_do_not_make_a_riot():
    [ev] = _events("Riot police fired tear gas at students protesting in Basra on Monday.")
    assert ev.event_type == "Protests"


def test_storming_a_police_station_is_an_armed_clash_not_a_riot():
    [ev] = _events("Militants stormed a police station in Tank district on Sunday night, killing three policemen.")
    assert ev.sub_event_type == "Armed clash"


def test_conflicting_tolls_take_the_lowest_and_sides_add_up():
    [ev] = _events("Gunmen killed at least 18 villagers near Beni on Monday night, the army said. "
                   "Local leaders put the death toll at 26.", published=dt.date(2023, 10, 4))
    assert ev.fatalities == 18
    [ev] = _events("Troops recaptured the town on Sunday after heavy fighting with al-Shabaab. "
                   "The army said 25 militants and three soldiers were killed.", published=dt.date(2025, 7, 15))
    assert ev.fatalities == 28


def test_an_actor_alias_from_another_country_is_not_used():
    from sitrep.extract.actors import get_dictionary

    found = get_dictionary().find("Jihadist fighters attacked an army post.", {"BF"})
    assert all(m.name != "Islamic State (Iraq)" for m in found)


def test_history_continues_into_the_next_undated_sentence():
    evs = _events("A Turkish drone struck a car near Sinjar on Saturday, killing two fighters.\n\n"
                  "In 2014 the Islamic State overran Sinjar. Thousands of Yazidi men were killed.")
    assert len(evs) == 1 and evs[0].fatalities == 2


def test_vague_words_refer_back_to_the_named_group():
    evs = _events("Daesh fighters attacked an army checkpoint near Rawah on Sunday, killing two soldiers. "
                  "On Monday the militants abducted three shepherds north of Rawah.")
    assert [e.actor1 for e in evs] == ["Islamic State (Iraq)", "Islamic State (Iraq)"]
    assert evs[1].sub_event_type == "Abduction/forced disappearance" and evs[1].abducted == 3


def test_a_belligerents_own_tally_is_not_counted():
    [ev] = _events("Rebels attacked an army garrison near Kutum on Sunday; a doctors' network said 20 fighters were killed. "
                   "The rebels claimed to have killed hundreds of soldiers.", published=dt.date(2024, 12, 10))
    assert ev.fatalities == 20


def test_the_day_a_source_spoke_is_not_the_events_day():
    # published Tuesday 9 July 2019
    [ev] = _events("Police told reporters on Tuesday that gunmen had shot dead two farmers near Baqubah on Sunday.")
    assert ev.event_date == dt.date(2019, 7, 7)
    [ev] = _events("On Tuesday, the provincial council announced that a bomb had killed three workers in Samarra on Saturday.")
    assert ev.event_date == dt.date(2019, 7, 6)
    [ev] = _events("The army said today that its troops killed four militants in the Hamrin mountains.")
    assert ev.event_date == PUB  # the only day given


def test_a_date_from_a_later_sentence_points_at_its_own_words():
    text = ("Armed bandits killed twelve villagers in an attack on Kigudu in Kauru, Kaduna State. "
            "The attack took place on Sunday night, police said.")
    [ev] = _events(text)
    [date] = [e for e in ev.evidence if e.field == "event_date"]
    assert text[date.start:date.end] == date.text == "on Sunday night"



def test_a_countrys_capital_is_its_capital_city():
    [ev] = _events("A car bomb exploded at a checkpoint in Somalia's capital on Monday, killing six people.")
    assert (ev.location, ev.country, ev.geo_precision) == ("Mogadishu", "Somalia", 1)
    [ev] = _events("Gunmen shot dead a judge in the Afghan capital on Sunday.")
    assert ev.location == "Kabul"
    [ev] = _events("A grenade was thrown at a bar in the capital of Mali on Saturday night, wounding five.")
    assert ev.location == "Bamako"


def test_common_wordings_of_captures_riots_and_looting():
    [ev] = _events("Al-Shabaab fighters seized a village near Baidoa on Monday, residents said.")
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    [ev] = _events("Youths smashed windows and set fires at the town hall of Kisumu on Monday, "
                   "demanding justice for a man killed in police custody.")
    assert ev.sub_event_type == "Violent demonstration"
    [ev] = _events("Gunmen raided shops in the main market of Maiduguri on Monday and fled with sacks of grain.")
    assert ev.sub_event_type == "Looting/property destruction"
    assert type(ev.sub_event_type) is str


def test_an_acronym_matches_only_in_capitals():
    from sitrep.extract.actors import get_dictionary

    d = get_dictionary()
    assert any("Afghanistan" in a.name for a in d.find("ANA soldiers repelled the attack."))
    assert not any("Afghanistan" in a.name for a in d.find("Militants fired mortar rounds at Ana on Sunday."))


def test_the_same_day_takes_the_date_of_the_event_before_it():
    evs = _events("On 2 July 2019, gunmen shot dead a trader in Baquba. On the same day, in Kirkuk, police "
                  "arrested four suspected Islamic State members.")
    assert [e.event_date for e in evs] == [dt.date(2019, 7, 2)] * 2
    assert {e.sub_event_type for e in evs} == {"Attack", "Arrests"}


def test_a_dateline_with_a_hyphenated_city_and_a_date_is_neither_place_nor_date():
    [ev] = _events("PORT-AU-PRINCE, July 9 (Island Wire) - Gunmen shot dead three bus passengers in "
                   "Petion-Ville on Sunday, police said.", published=dt.date(2019, 7, 9))
    assert ev.event_date == dt.date(2019, 7, 7)


def test_civilians_are_the_target_of_an_abduction_and_of_a_bomb_in_a_market():
    [ev] = _events("Armed men abducted a schoolteacher from his home in Kirkuk on Sunday.")
    assert ev.actor2.startswith("Civilians") and ev.civilian_targeting == "Civilian targeting"
    [ev] = _events("A bomb hidden in a cart exploded in a crowded market in Baquba on Monday, wounding six people.")
    assert ev.actor2.startswith("Civilians") and ev.civilian_targeting == "Civilian targeting"
    [ev] = _events("A roadside bomb exploded on an empty stretch of the highway near Rutba on Monday; no one was hurt.")
    assert ev.actor2 == "" and ev.civilian_targeting == ""


def test_a_famous_namesake_abroad_gives_way_to_a_place_in_the_articles_country():
    [ev] = _events("Gunmen stormed the Brooklyn neighbourhood of Cite Soleil in Port-au-Prince on Sunday, "
                   "killing four people.")
    assert ev.country == "Haiti" and ev.location != "Brooklyn"


def test_an_unnamed_attacker_is_not_the_force_that_reported_it():
    evs = _events("Jihadist fighters ambushed an army supply convoy near Boni in central Mali on Tuesday, "
                  "military sources said.")
    [ev] = [e for e in evs if e.event_type == "Battles"]
    assert ev.actor1 == "Unidentified Armed Group (Mali)" and ev.actor2 == "Military Forces of Mali"


def test_a_report_placed_only_in_a_country_takes_the_place_the_article_names():
    evs = _events("Gunmen attacked a customs post in western Niger on Sunday, killing four officers, the "
                  "interior ministry said. The post lies just outside the town of Tera.")
    [ev] = evs  # one event: the sentence that says where the post lies is no event of its own
    assert ev.fatalities == 4 and ev.location == "Tera" and ev.geo_precision == 2


def test_a_claim_of_responsibility_or_an_attribution_names_the_attacker():
    [ev] = _events("Gunmen killed five villagers near Beni in eastern Congo on Saturday, local officials said. "
                   "The army attributed the killings to the Allied Democratic Forces.")
    assert ev.actor1 == "ADF: Allied Democratic Forces"
    [ev] = _events("Gunmen stormed an army outpost near Boni in central Mali on Monday, killing three soldiers. "
                   "JNIM issued a claim of responsibility on Tuesday.")
    assert ev.actor1.startswith("JNIM") and ev.actor2 == "Military Forces of Mali"


def test_a_toll_told_twice_is_one_figure_in_the_event():
    [ev] = _events("A suicide bomber drove a car into a restaurant in Mogadishu, Somalia, on Sunday. Police said "
                   "at least eight people were killed, while hospital sources reported 11 deaths.")
    assert ev.fatalities == 8


def test_an_acronym_that_is_also_a_town_abroad_is_not_the_events_place():
    evs = _events("On 7 November 2023, JNIM militants attacked an army post in Djibo (Djibo, Soum, Sahel). According "
                  "to an army statement, six soldiers and VDP were killed.", published=dt.date(2023, 11, 9))
    assert "Venezuela" not in {e.country for e in evs}


def test_the_day_a_source_spoke_does_not_split_one_event_in_two():
    evs = _events("Islamic State fighters attacked an army base in Marte, Borno state, Nigeria, on Sunday night. "
                  "The army said in a statement on Tuesday that troops had repelled the attack, killing nine "
                  "of the attackers.")
    assert len(evs) == 1 and evs[0].event_date == dt.date(2019, 7, 7) and evs[0].fatalities == 9


def test_the_day_an_event_noun_carries_is_the_events_date():
    [ev] = _events("Shops in Tal Afar stayed shut on Monday after Saturday's bombing of the main market, which "
                   "killed three people.")
    assert ev.event_date == dt.date(2019, 7, 6)


def test_lower_cased_text_is_split_into_sentences_at_any_letter():
    from sitrep.nlp import split_sentences

    text = ("ahmedabad: police opened fire on a mob in the old city on friday, killing two people. "
            "the curfew was extended, mr. patel said. " * 4)
    parts = [s.text for s in split_sentences(text)]
    assert parts[0] == "ahmedabad: police opened fire on a mob in the old city on friday, killing two people."
    assert parts[1] == "the curfew was extended, mr. patel said."  # no split after the title 'mr.'
    # ordinary text keeps the capital-letter rule: 'two men died.' does not start a sentence here
    assert [s.text for s in split_sentences("Police arrested ten. two men died. The End.")] == [
        "Police arrested ten. two men died.", "The End."]


def test_a_report_dated_days_ago_in_the_previous_year_is_news_not_history():
    text = "On 30 December 2019, unidentified gunmen shot dead a village chief in Kaya, Burkina Faso."
    [ev] = _events(text, published=dt.date(2020, 1, 4))
    assert ev.event_date == dt.date(2019, 12, 30) and ev.fatalities == 1
    # the same sentence told long after is background
    assert _events(text, published=dt.date(2020, 9, 4)) == []


def test_an_events_sub_type_is_read_from_all_its_sentences():
    from sitrep.extract import events as E

    class Fixed:
        """A decider whose probabilities are given: the first sentence leans to Attack, the
        second is sure of Armed clash; together (none-weighted mean) they make an armed clash."""

        def __init__(self, table):
            self.table = table

        def probabilities(self, texts):
            return [self.table[t] for t in texts]

        decide = probabilities

    s1 = "Gunmen attacked Kaya on Monday."  # no target named: the decider alone says attack
    s2 = "Soldiers fired back and the fighting lasted two hours."
    table = {s1: {"none": 0.1, "Attack": 0.8, "Armed clash": 0.1},
             s2: {"none": 0.0, "Attack": 0.05, "Armed clash": 0.95}}
    off = {"span": 0}  # the whole passage's reading is tested on its own below
    [[ev]] = E.extract([Article(id="t", text=f"{s1} {s2}", published=PUB)], typer=Fixed(table), tuning=off)
    assert ev.sub_event_type == "Armed clash"
    [[ev]] = E.extract([Article(id="t", text=f"{s1} {s2}", published=PUB)], typer=Fixed(table),
                       tuning={"retype": 0, **off})
    assert ev.sub_event_type == "Attack"


class _Table:
    """A decider whose probabilities are given per text; any other text is 'none'."""

    def __init__(self, table):
        self.table = table
        self.asked: list[str] = []

    def probabilities(self, texts):
        self.asked.extend(texts)
        return [self.table.get(t, {"none": 1.0}) for t in texts]

    decide = probabilities


def test_an_events_sub_type_is_read_again_from_the_passage_that_reports_it():
    from sitrep.extract import events as E

    s1 = "Hundreds of people protested in front of the governor's office in Kaya on Monday."
    s2 = "Some of them threw stones at the building and set tyres on fire."
    s3 = "The governor resigned in March."
    passage = f"{s1} {s2}"
    table = {s1: {"none": 0.1, "Peaceful protest": 0.6, "Violent demonstration": 0.3},
             passage: {"none": 0.0, "Peaceful protest": 0.1, "Violent demonstration": 0.9}}
    text = f"{s1} {s2}\n\n{s3}"
    typer = _Table(table)
    [[ev]] = E.extract([Article(id="t", text=text, published=PUB)], typer=typer)
    assert ev.sub_event_type == "Violent demonstration"
    assert passage in typer.asked and not any(s3 in t for t in typer.asked if t != s3)  # not past the paragraph
    [[ev]] = E.extract([Article(id="t", text=text, published=PUB)], typer=_Table(table), tuning={"span": 0})
    assert ev.sub_event_type == "Peaceful protest"


def test_the_passage_of_an_event_stops_at_another_events_sentence():
    from sitrep.extract import events as E

    s1 = "Gunmen attacked a police post in Kaya on Monday, killing two officers."
    s2 = "On Tuesday, hundreds of people protested in Dori against the killings."
    s3 = "They threw stones at the police."
    table = {s1: {"none": 0.0, "Attack": 0.9, "Armed clash": 0.1},
             s2: {"none": 0.0, "Peaceful protest": 0.7, "Violent demonstration": 0.3}}
    typer = _Table(table)
    events = E.extract([Article(id="t", text=f"{s1} {s2} {s3}", published=PUB)], typer=typer)[0]
    assert len(events) == 2
    assert f"{s1} {s2}" not in typer.asked and f"{s2} {s3}" in typer.asked


def test_a_recent_own_day_makes_news_whatever_past_the_sentence_recalls():
    from sitrep.extract.classify import is_background

    text = "On 6 July 2019, troops retook the village previously held by the rebels."
    assert not is_background(text, 2019, 3, own_day=True)
    assert is_background(text, 2019, 3, own_day=False)  # the day a source spoke proves nothing
    assert is_background("The rebels previously held the village.", 2019, None)
    [ev] = _events("On 6 July 2019, troops and rebels clashed in the village of Kaya, which the rebels "
                   "previously held. Two soldiers were killed.")
    assert ev.event_date == dt.date(2019, 7, 6) and ev.sub_event_type == "Armed clash"


def test_a_passive_used_to_is_not_history():
    from sitrep.extract.lexicons import pattern

    history = pattern("history_phrases")
    assert history.search("the rebels used to control the road")
    assert not history.search("trucks were used to block the road")


def test_with_no_cue_word_a_decider_sure_of_an_event_but_torn_between_sub_types_still_speaks():
    from sitrep.extract import events as E

    s = "Residents of Kaya saw the convoy of the governor hit on the main road on Monday."
    torn = {s: {"none": 0.2, "Attack": 0.45, "Remote explosive/landmine/IED": 0.35}}
    [[ev]] = E.extract([Article(id="t", text=s, published=PUB)], typer=_Table(torn))
    assert ev.sub_event_type == "Attack"
    # the old rule (one sub-type must reach MODEL_ONLY_MIN) stays silent
    assert E.extract([Article(id="t", text=s, published=PUB)], typer=_Table(torn),
                     tuning={"model_only_event": 1.01}) == [[]]
    unsure = {s: {"none": 0.45, "Attack": 0.3, "Remote explosive/landmine/IED": 0.25}}
    assert E.extract([Article(id="t", text=s, published=PUB)], typer=_Table(unsure)) == [[]]


def test_a_sure_decider_overrules_the_grammar_that_ruled_out_a_cue_word():
    from sitrep.extract import events as E

    s = "Troops moved into Kaya on Monday to attack the rebels holding the market."
    sure = {s: {"none": 0.05, "Armed clash": 0.9, "Attack": 0.05}}
    [[ev]] = E.extract([Article(id="t", text=s, published=PUB)], typer=_Table(sure))
    assert ev.sub_event_type == "Armed clash"
    assert E.extract([Article(id="t", text=s, published=PUB)], typer=_Table(sure), tuning={"dead_cue_min": 1.01}) == [[]]
    fair = {s: {"none": 0.2, "Armed clash": 0.75, "Attack": 0.05}}  # sure of an event, not sure enough
    assert E.extract([Article(id="t", text=s, published=PUB)], typer=_Table(fair)) == [[]]


def test_every_sentence_merged_into_an_event_is_kept_as_evidence_of_its_report():
    s1 = "On Monday, hundreds of activists blocked the main road in Kaya, demanding the release of their leader."
    s2 = "Police dispersed them and arrested 28 of the protesters."
    [ev] = _events(f"{s1} {s2}")
    fields = {(e.field, e.text) for e in ev.evidence}
    assert ("event_type", s1) in fields and ("report", s2) in fields
    assert [e for e in ev.evidence if e.field == "report" and e.text == s1] == []


def test_the_fatalities_evidence_points_at_the_sentences_that_told_the_dead():
    s1 = "On Monday, gunmen attacked a police post in Kaya, Burkina Faso."
    s2 = "Two officers were killed and three wounded in the attack, officials said."
    [ev] = _events(f"{s1} {s2}")
    assert ev.fatalities == 2
    assert [e.text for e in ev.evidence if e.field == "fatalities"] == [s2]


def test_the_month_may_does_not_make_a_sentence_hypothetical():
    from sitrep.extract import events as E

    s = "On 12 May 2023, backers of a losing mayoral hopeful smashed shop windows in Kaya."
    table = {s: {"none": 0.05, "Violent demonstration": 0.2, "Mob violence": 0.75}}
    [[ev]] = E.extract([Article(id="t", text=s, published=dt.date(2023, 5, 19))], typer=_Table(table))
    assert ev.event_date == dt.date(2023, 5, 12)
    hypothetical = "Backers of a losing mayoral hopeful may smash shop windows in Kaya."
    table = {hypothetical: table[s]}
    assert E.extract([Article(id="t", text=hypothetical, published=PUB)], typer=_Table(table)) == [[]]


def test_looting_in_the_course_of_an_attack_is_part_of_the_attack():
    text = ("On 3 July 2021, gunmen killed five herders at a well in the village of Kaya near Dori. "
            "Their cattle and motorbikes were also looted by the attackers.")
    [ev] = _events(text, published=dt.date(2021, 7, 10))
    assert ev.sub_event_type == "Attack" and ev.fatalities == 5


def test_an_undated_event_sentence_takes_the_date_the_narrative_just_gave():
    text = "9 April. Two farmers were gunned down by unknown assailants on the road to Kaya, Burkina Faso."
    [ev] = _events(text, published=dt.date(2019, 4, 16))
    assert ev.event_date == dt.date(2019, 4, 9) and ev.time_precision == 1
    text = ("On 5 November 2023, bandits raided a market in Kaya, Burkina Faso, killing two traders. "
            "Gendarmes later detained six young men in the town.")
    events = _events(text, published=dt.date(2023, 11, 12))
    assert events and all(e.event_date == dt.date(2023, 11, 5) for e in events)
    # a date long before publication is history, not the narrative's time
    text = "In March 2001 the town was founded.\n\nGunmen killed two farmers in Kaya, Burkina Faso."
    [ev] = _events(text, published=dt.date(2019, 3, 21))
    assert ev.event_date == dt.date(2019, 3, 21) and ev.time_precision == 2


def test_protest_cues_without_the_word_protest():
    from sitrep.extract.cues import get_lexicon

    lex = get_lexicon()
    for s in ["Taxi owners parked across the bridge to demonstrate against a new licence fee.",
              "Nurses gathered at the hospital gates in Kaya to call for overdue salaries."]:
        assert "protest" in {c.cls for c in lex.find(s)}, s
    assert "protest" not in {c.cls for c in lex.find("The results demonstrate that the policy works.")}


def test_the_force_that_names_an_operation_is_its_actor():
    [ev] = _events("A young mechanic was killed during an army raid on his workshop in Kaya, Burkina Faso, on Monday.")
    assert ev.actor1.startswith("Military Forces of Burkina Faso") and ev.fatalities == 1
    [ev] = _events("Two traders were shot dead in a police operation at the market of Kaya, Burkina Faso, on Monday.")
    assert ev.actor1.startswith("Police Forces of Burkina Faso") and ev.fatalities == 2
    [ev] = _events("Police said gunmen had shot a shopkeeper dead in Kaya, Burkina Faso, on Monday.")
    assert not ev.actor1.startswith("Police")  # the police spoke; gunmen acted


def test_a_force_that_finds_or_counts_the_dead_is_a_source_not_an_actor():
    [ev] = _events("A trader was stabbed to death at the bus station in Kaya, Burkina Faso, on Monday, "
                   "and gendarmes recovered the body.")
    assert ev.actor1.startswith("Unidentified") and ev.fatalities == 1
    [ev] = _events("The gendarmerie put the death toll at sixteen after a night of fighting between herders "
                   "and farmers near Kaya, Burkina Faso.")
    assert not ev.actor1.startswith("Police")


def test_two_groups_that_act_together_are_actor_and_associate_not_opponents():
    [ev] = _events("On 2 August, fighters of JNIM and ISGS together executed a schoolteacher they had "
                   "seized near Kaya, Burkina Faso.", published=dt.date(2020, 8, 9))
    assert ev.actor1.startswith("JNIM") and "Civilians" in ev.actor2
    assert ev.assoc_actor_1.startswith("Islamic State")


def test_an_event_of_a_past_month_is_the_background_of_todays_news():
    told = "Last month, rebels seized the town of Kaya, Burkina Faso, after heavy fighting with the army."
    assert _events(told, published=dt.date(2017, 11, 28)) == []
    [ev] = _events(told.replace("Last month", "Earlier this month"), published=dt.date(2017, 11, 28))
    assert ev.event_date.month == 11


def test_a_past_recalled_in_a_relative_clause_does_not_make_the_act_history():
    [ev] = _events("An angry crowd in Kaya, Burkina Faso, beat to death a man who had "
                   "previously stolen two motorbikes.")
    assert ev.sub_event_type == "Mob violence" and ev.fatalities == 1
    assert _events("Rebels had previously beaten a man to death in Kaya, Burkina Faso.") == []  # the act itself


def test_a_communal_militia_that_strikes_villagers_commits_an_attack():
    [ev] = _events("On 22 July 2018, members of a neighbouring community raided a Fulani hamlet outside Kaya, "
                   "Burkina Faso, and killed three herders.", published=dt.date(2018, 7, 29))
    assert ev.sub_event_type == "Attack" and ev.actor1 == "Unidentified Communal Militia (Burkina Faso)"
    assert ev.inter1 == 4 and ev.actor2 == "Civilians (Burkina Faso)" and ev.fatalities == 3


def test_haitian_gangs_are_named_as_acled_names_them():
    [ev] = _events("On 3 March 2025, Viv Ansanm gunmen shot dead four residents of Mirebalais, Haiti.",
                   published=dt.date(2025, 3, 10))
    assert ev.actor1 == "Viv Ansanm Gang"
    from sitrep.evaluate import actor_same

    assert actor_same("Viv Ansanm", "Viv Ansanm Gang")  # the team's older gold labels still agree


def test_the_force_that_defused_the_bomb_is_actor1_of_disrupted_weapons_use():
    [ev] = _events("A bomb planted by Islamic State militants on the road near Bayji was defused by Iraqi "
                   "army engineers on Monday.")
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor1 == "Military Forces of Iraq" and ev.actor2 == "Islamic State (Iraq)"


_FEATURE = [  # a long magazine piece about a market town: nothing here is an event
    "The market of Kaya opens before dawn, when the first lorries arrive from the south.",
    "Traders unload onions, millet and bolts of printed cloth under the old mango trees.",
    "Most of them have worked the same pitch for twenty years or more.",
    "Prices have doubled since the drought, and buyers count their coins twice.",
    "The town hall stands across the square, its paint peeling in the heat.",
    "Children sell water in plastic sachets between the stalls.",
    "By noon the square is too hot to cross, and business moves into the shade.",
    "Older traders remember when the road to the capital took a day.",
    "Now the journey takes three hours, if the bridge at the river is open.",
    "Mobile phones have changed how farmers learn the price of grain.",
    "Many of the young people have left for the mines in the north.",
    "Those who stay speak of the town with a mixture of pride and worry.",
]


def test_deep_in_a_long_article_a_sentence_with_no_act_and_no_day_makes_no_event():
    from sitrep.extract import events as E

    deep = "The soldiers of the garrison were seen at every corner of the square."
    text = " ".join(_FEATURE[:8] + [deep] + _FEATURE[8:])
    sure = {deep: {"none": 0.1, "Armed clash": 0.5, "Attack": 0.4}}
    assert E.extract([Article(id="t", text=text, published=PUB)], typer=_Table(sure)) == [[]]
    # the same sentence in a short report, or in the lead, is read as before
    [[ev]] = E.extract([Article(id="t", text=text, published=PUB)], typer=_Table(sure),
                       tuning={"long_article": 1000})
    assert ev.sub_event_type == "Armed clash"
    # in the lead, it needs a day of its own (a long article's undated scene is no event)
    dated = "On Monday the soldiers of the garrison were seen at every corner of the square."
    lead = " ".join([dated] + _FEATURE)
    assert len(E.extract([Article(id="t", text=lead, published=PUB)], typer=_Table({dated: sure[deep]}))[0]) == 1


def test_deep_in_a_long_article_a_witness_s_own_story_makes_no_event():
    # dated, so only the first person keeps it from being an event
    deep = "Gunmen shot at us on Monday as we crossed the bridge at Kaya, a trader remembered."
    text = " ".join(_FEATURE[:8] + [deep] + _FEATURE[8:])
    assert _events(text) == []
    # told in the third person, the same act is an event
    third = "Gunmen shot at two traders as they crossed the bridge at Kaya on Monday, killing one."
    evs = _events(" ".join(_FEATURE[:8] + [third] + _FEATURE[8:]))
    assert [e.fatalities for e in evs] == [1]


def test_a_long_text_without_paragraph_breaks_is_read_in_paragraphs_of_a_few_sentences():
    from sitrep.extract.events import FLAT_PARAGRAPH, flat_paragraphs
    from sitrep.nlp import split_sentences

    flat = flat_paragraphs(split_sentences(" ".join(_FEATURE)))
    assert [s.paragraph for s in flat] == [i // FLAT_PARAGRAPH for i in range(len(_FEATURE))]
    # real paragraphs, and short texts, are kept as they are
    broken = flat_paragraphs(split_sentences("\n\n".join(_FEATURE)))
    assert [s.paragraph for s in broken] == list(range(len(_FEATURE)))
    short = flat_paragraphs(split_sentences(" ".join(_FEATURE[:5])))
    assert {s.paragraph for s in short} == {0}


def test_a_day_told_early_in_a_flattened_long_text_does_not_date_an_act_told_much_later():
    dated = "On Monday the governor of Kaya opened a new school in the east of the town."
    late = "Gunmen shot dead two traders in the market of Kaya."
    flat = " ".join([dated] + _FEATURE[:9] + [late] + _FEATURE[9:])
    assert _events(flat) == []
    # where the text keeps its paragraphs and the act is told in the day's paragraph, it is news
    kept = dated + " " + late + "\n\n" + "\n\n".join(_FEATURE)
    assert [e.fatalities for e in _events(kept)] == [2]


def test_a_running_total_over_many_events_is_a_tally_not_an_event():
    assert _events("So far 1,240 people have been arrested across the province since the riots began, "
                   "officials said.") == []
    assert _events("Police said the overall toll in the disturbances had reached 312 by Tuesday evening.") == []
    assert _events("The army's shelling has killed 96 civilians in recent days, the observatory said.") == []
    # one event's own toll, and a claim still awaited, are not tallies
    [ev] = _events("A car bomb killed 14 people at a market in Kaya on Monday. No group has claimed it so far.")
    assert ev.fatalities == 14


def test_deep_in_a_long_article_an_act_going_on_now_is_news_of_the_day():
    now = "Government troops are shelling the villages around Kaya from the hills."
    evs = _events(" ".join(_FEATURE[:8] + [now] + _FEATURE[8:]))
    assert [(e.sub_event_type, e.event_date) for e in evs] == [("Shelling/artillery/missile attack", PUB)]
    # the same act told in the past with no day is not
    past = "Government troops shelled the villages around Kaya from the hills."
    assert _events(" ".join(_FEATURE[:8] + [past] + _FEATURE[8:])) == []


def test_protest_cue_words_override_a_milder_reading_of_the_typer():
    """ACLED defines the protest sub-types by what happened: tear gas told in the next sentence
    makes a protest with intervention, burning tyres a violent demonstration, whatever the
    typer reads; with neither, the typer's peaceful protest stands."""
    from sitrep.extract import events as E

    s1 = "Around 200 residents marched in Kaya on Monday to demand better roads."
    calm = "The march ended at the governor's office."
    gas = "Police dispersed them with tear gas."
    tyres = "Some of them burnt tyres on the main road."
    sure = {"none": 0.0, "Peaceful protest": 0.95, "Protest with intervention": 0.05}
    table = {t: sure for t in (s1, f"{s1} {calm}", f"{s1} {gas}", f"{s1} {tyres}", calm, gas, tyres)}
    subs = {}
    for name, s2 in (("calm", calm), ("gas", gas), ("tyres", tyres)):
        [ev] = E.extract([Article(id="t", text=f"{s1} {s2}", published=PUB)], typer=_Table(table))[0]
        subs[name] = ev.sub_event_type
    assert subs == {"calm": "Peaceful protest", "gas": "Protest with intervention", "tyres": "Violent demonstration"}


def test_road_blocking_cues_follow_acleds_codebook():
    from sitrep.extract.cues import get_lexicon

    def classes(text):
        return {c.cls for c in get_lexicon().find(text)}

    assert "riot_act" in classes("Traders demonstrated and barricaded roads in the town centre.")
    assert "riot_act" in classes("Drivers blockaded the highway with logs and stones.")
    assert "riot_act" in classes("Supporters burnt tyres outside the party office.")
    assert "riot_act" in classes("The protest turned violent in the afternoon.")
    assert "riot_act" in classes("Market march turns violent")  # a headline's present tense
    assert "intervention" in classes("The police intervened and hit some of the marchers.")
    assert "intervention" in classes("The rally was disrupted by the police.")
    assert "intervention" in classes("It ended with the arrest of 13 demonstrators.")
    assert "intervention" in classes("A student was arrested outside the ministry.")
    assert "intervention" in classes("Ruling party youths assaulted the anti-quota protesters.")
    assert "intervention" not in classes("Hundreds of teachers marched to the ministry.")
    assert "riot_act" in classes("Pupils burned a tire at the school gate.")
    assert "riot_act" in classes("Bus owners blockaded a road in the port city.")
    assert "riot_act" in classes("The strikers barricaded the Kisii-Kisumu road.")  # a hyphenated name
    assert "riot_act" in classes("Inmates held a violent demonstration in the yard.")
    assert "riot_act" in classes("The sit-in ended in clashes between demonstrators and police.")
    assert "riot_act" in classes("The protesters then smashed the gate of the council.")
    assert "riot_act" not in classes("Police barricaded the main road ahead of the rally.")
    assert "riot_act" not in classes("Workers blocked the road for two hours.")


def test_with_no_place_named_the_event_is_in_the_home_country_of_its_parties():
    [ev] = _events("On 12 March 2023, Koglweogo members killed two suspected thieves.",
                   published=dt.date(2023, 3, 14))
    assert ev.iso == "BF" and ev.actor2 == "Civilians (Burkina Faso)"
    [ev] = _events("On 12 March 2023, unidentified gunmen killed two farmers.", published=dt.date(2023, 3, 14))
    assert ev.iso == "" and ev.actor2 == "Civilians"  # no party with a home: no country is guessed


def test_an_updated_toll_replaces_the_first_figure_and_a_conflicting_one_takes_the_lowest():
    bomb = "On 12 March 2023, a car bomb exploded at a market in Mogadishu, killing 12 people. "
    pub = dt.date(2023, 3, 14)
    [ev] = _events(bomb + "By Tuesday, the death toll had risen to 20, hospital officials said.", pub)
    assert ev.fatalities == 20
    [ev] = _events(bomb + "The death toll was 15, according to a local elder.", pub)
    assert ev.fatalities == 12  # another report of the same dead: ACLED takes the lowest


def test_an_attack_on_armed_actors_is_a_battle_unless_the_target_was_off_duty():
    pub = dt.date(2020, 6, 1)
    # ACLED: violence against civilians targets civilians; a police officer on duty is armed
    [ev] = _events("On 28 May 2020, unidentified assailants shot a police officer dead in "
                   "Marihatag, Surigao del Sur.", pub)
    assert ev.sub_event_type == "Armed clash" and ev.event_type == "Battles"
    assert ev.actor2 == "Police Forces of the Philippines" and ev.inter2 == 1
    # retired, off duty, on the way to work: a civilian target, an attack
    [ev] = _events("On 28 May 2020, a retired policeman was killed by unidentified gunmen in "
                   "Tabuk, Kalinga.", pub)
    assert ev.sub_event_type == "Attack" and ev.actor2 == "Civilians (Philippines)" and ev.inter2 == 7
    [ev] = _events("On 28 May 2020, gang members killed a police officer on a street of Delmas, Haiti. "
                   "She was on her way to work.", pub)  # told in the next sentence
    assert ev.sub_event_type == "Attack" and ev.inter2 == 7
    [ev] = _events("On 28 May 2020, gunmen killed a farmer in Cebu City.", pub)
    assert ev.sub_event_type == "Attack" and ev.inter2 == 7


def test_a_common_noun_names_no_countrys_group_before_the_country_is_known():
    from sitrep.extract.actors import get_dictionary

    d = get_dictionary()
    text = "Unidentified armed men killed a man who sold drugs in a vigilante-style shooting."
    assert all(m.home != "NG" for m in d.find(text))  # no Nigerian vigilantes with no country known
    assert any(m.home == "NG" for m in d.find(text, {"NG"}))  # in Nigeria the word names them
    assert any(m.home == "NG" for m in d.find("Yan Sakai vigilantes killed two bandits".lower()))  # no case to go by
    [ev] = _events("On 28 May 2020, unidentified armed men shot a suspected drug dealer dead in a "
                   "vigilante-style killing at Baguio City, Benguet.", dt.date(2020, 6, 1))
    assert ev.iso == "PH" and ev.actor2 == "Civilians (Philippines)" and ev.sub_event_type == "Attack"


def test_an_arrest_in_which_the_arrested_are_hurt_is_an_attack():
    pub = dt.date(2020, 6, 1)
    [ev] = _events("On 28 May 2020, police arrested a priest in Masaya and beat him in custody.", pub)
    assert ev.sub_event_type == "Attack" and ev.inter1 == 1 and ev.inter2 == 7
    [ev] = _events("On 28 May 2020, police arrested two men in Masaya in connection with the killing of "
                   "a trader.", pub)
    assert ev.sub_event_type == "Arrests"  # the killing is what they are accused of


def test_meanwhile_inside_a_sentence_tells_the_same_event_and_at_its_start_another():
    pub = dt.date(2023, 3, 14)
    events = _events("On 12 March 2023, hundreds of garment workers staged a protest on the highway in "
                     "Gazipur, demanding their wages. At least 20 people were injured when the workers "
                     "clashed with police, meanwhile police fired tear gas and rubber bullets.", pub)
    assert len(events) == 1 and events[0].sub_event_type == "Violent demonstration"
    events = _events("On 12 March 2023, hundreds of garment workers staged a protest in Gazipur, demanding "
                     "their wages. Meanwhile, in Khulna, gunmen shot dead a ward councillor.", pub)
    assert len(events) == 2


def test_an_editors_tag_after_a_sentence_is_not_part_of_it():
    from sitrep.nlp import split_sentences

    text = "On 7 March 2022, about 400 people demonstrated in Zittau against new rules. [size=no report]"
    assert [s.text for s in split_sentences(text)][-1] == "[size=no report]"
    assert [s.text for s in split_sentences("It was [sic] fine. Then [he] left.")] == ["It was [sic] fine.", "Then [he] left."]
    # "no report" in the tag negated the demonstration before
    [ev] = _events(text, published=dt.date(2022, 3, 14))
    assert ev.sub_event_type == "Peaceful protest"


def test_gunmen_who_strike_people_commit_an_attack_and_a_mob_a_riot():
    pub = dt.date(2020, 6, 1)
    [ev] = _events("On 28 May 2020, gunmen stormed a Christian radio station in Garissa, killing one "
                   "and seriously injuring another.", pub)
    assert ev.sub_event_type == "Attack" and ev.inter1 == 3
    [ev] = _events("On 28 May 2020, a mob beat a suspected thief to death in Kisumu.", pub)
    assert ev.sub_event_type == "Mob violence" and ev.inter1 == 5


def test_an_attack_made_with_a_mine_is_a_remote_explosive_event_unless_fighting_is_told():
    pub = dt.date(2021, 6, 1)
    [ev] = _events("On 28 May 2021, the local militia ambushed army soldiers with a landmine near Gangaw, "
                   "killing nine.", pub)
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    [ev] = _events("On 28 May 2021, gunmen attacked a gold mine site near Djibo, killing nine miners.", pub)
    assert ev.sub_event_type == "Attack"  # a gold mine is no weapon
    [ev] = _events("On 28 May 2021, soldiers clashed with militants near Gangaw after their truck hit a "
                   "landmine.", pub)
    assert ev.sub_event_type == "Armed clash"  # fighting told: the clash is the event


def test_a_clash_with_no_second_armed_side_and_no_fighting_told_is_an_attack():
    pub = dt.date(2019, 7, 1)
    [ev] = _events("On 24 June 2019, two alleged drug dealers were killed during a police raid in "
                   "Norzagaray, Bulacan.", pub)
    assert ev.sub_event_type == "Attack" and ev.inter1 == 1 and ev.inter2 == 7
    [ev] = _events("On 24 June 2019, police and drug suspects exchanged fire during a raid in Norzagaray, "
                   "Bulacan; two suspects were killed.", pub)
    assert ev.sub_event_type == "Armed clash"  # fighting told


def test_a_clash_among_party_supporters_or_villagers_is_mob_violence():
    pub = dt.date(2023, 6, 1)
    [ev] = _events("On 28 May 2023, two factions of the ruling party's student wing clashed using guns "
                   "in Pabna city, injuring eight.", pub)
    assert ev.sub_event_type == "Mob violence" and ev.actor1 == "Rioters (Bangladesh)"
    [ev] = _events("On 28 May 2023, supporters of two candidates clashed in Kisumu, injuring eight.", pub)
    assert ev.sub_event_type == "Mob violence"
    # an armed group or a state force among them: a battle
    [ev] = _events("On 28 May 2023, militiamen clashed with soldiers in Pabna, injuring eight.", pub)
    assert ev.sub_event_type == "Armed clash"


def test_a_peoples_raiders_or_militia_are_that_peoples_ethnic_militia():
    from sitrep.extract.actors import get_dictionary

    actors = get_dictionary()

    def names(text):
        return [(m.text, actors.entry(m.key).display("Kenya", "KE"), m.inter) for m in actors.find(text, {"KE"})]

    assert ("Turkana raiders", "Turkana Ethnic Militia (Kenya)", 4) in names(
        "Two herders were injured after Turkana raiders attacked a village.")
    # replaces the generic reading of the same words
    assert names("A group of Kalenjo ethnic militia attacked civilians.")[0][1] == "Kalenjo Ethnic Militia (Kenya)"
    # not a people: a common word, a country's people, or an actor the dictionary names
    assert all("Ethnic Militia" not in n for _, n, _ in names("Local militia attacked the village."))
    assert all("Ethnic Militia" not in n for _, n, _ in names("Somali militia attacked herders."))
    assert all("Murle Ethnic Militia (Kenya)" != n for _, n, _ in names("Murle raiders attacked a cattle camp."))
    assert [m.name for m in actors.find("Murle raiders attacked a cattle camp.", {"SS"})] == [
        "Murle Ethnic Militia (South Sudan)"]
    # a lower-cased text gives no clue by case
    assert all("Ethnic Militia" not in n for _, n, _ in names("turkana raiders attacked a village."))
    # the event: an attack by an identity militia, not mob violence
    ev = extract([Article(id="m", text="On 5 July 2020, two herders were injured after Turkana raiders "
                                       "attacked a village near Lodwar.", published=dt.date(2020, 7, 6))])[0]
    assert ev and ev[0].actor1 == "Turkana Ethnic Militia (Kenya)" and ev[0].inter1 == 4
    assert ev[0].sub_event_type == "Attack"


def test_a_jail_officer_or_village_watchman_shot_is_a_clash_with_the_police():
    # ACLED files jail officers and (in the Philippines) barangay watchmen under the police: an
    # armed, organised target, so the shooting is an armed clash, not violence against civilians
    for text in ("A jail officer was wounded by an unidentified armed assailant in Bacolod City, Negros "
                 "Occidental province on April 5, 2019.",
                 "A barangay tanod was shot dead by unidentified men in Tayum town, Abra province on April 23, 2019."):
        ev = extract([Article(id="j", text=text, published=dt.date(2019, 5, 25))])[0]
        assert ev and ev[0].sub_event_type == "Armed clash", text
        assert ev[0].actor2 == "Police Forces of the Philippines"


def test_a_burned_effigy_or_flag_alone_makes_no_violent_demonstration():
    def sub(text, day=dt.date(2022, 1, 26)):
        ev = extract([Article(id="e", text=text, published=day)])[0]
        return ev[0].sub_event_type if ev else None

    assert sub("On 25 January 2022, protesters burned an effigy of the governor outside the parliament "
               "in Kathmandu.") == "Peaceful protest"
    # other violence, or a road blocked besides, still decides
    assert sub("On 25 January 2022, protesters burned an effigy of the governor and torched two police "
               "cars in Kathmandu.") == "Violent demonstration"
    assert sub("On 25 January 2022, protesters burned tyres on the main road in Kathmandu.") == "Violent demonstration"


def test_a_riot_named_as_another_events_time_does_not_make_a_peaceful_protest_violent():
    def sub(text):
        ev = extract([Article(id="r", text=text, published=dt.date(2020, 11, 7))])[0]
        return ev[0].sub_event_type if ev else None

    assert sub("On 6 November 2020, students protested peacefully in Samarinda city to ask for the "
               "release of classmates held since a riot the day before.") == "Peaceful protest"
    assert sub("On 6 November 2020, students held a protest in Samarinda city over the riot of last week; "
               "they torched two police cars.") == "Violent demonstration"


def test_a_peaceful_protest_has_no_dead_the_dead_it_mourns_are_its_grievance():
    ev = _events("On 2 May 2021, dozens of residents protested peacefully in Kaya against the killing of "
                 "two traders by gunmen last week.", published=dt.date(2021, 5, 3))
    assert ev and ev[0].sub_event_type == "Peaceful protest" and ev[0].fatalities == 0


def test_a_running_total_as_of_a_day_is_no_event_and_no_toll():
    evs = _events("Troops continued their assault on rebel positions in Kaya on Monday, officials said. "
                  "As of Tuesday, the ongoing military operations had left at least 900 people dead.",
                  published=dt.date(2021, 5, 4))
    assert evs and all(e.fatalities < 900 for e in evs)


def test_in_a_clash_told_alike_of_both_sides_the_state_forces_come_first():
    [ev] = _events("On 3 May 2021, the KIA and the Myanmar army fought near Hpakant in Kachin state.",
                   published=dt.date(2021, 5, 4))
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1.startswith("Military Forces of Myanmar") and ev.actor2.startswith("KIA")
    # an attacker told as such stays first
    [ev] = _events("On 3 May 2021, KIA fighters ambushed a Myanmar army convoy near Hpakant, Kachin state.",
                   published=dt.date(2021, 5, 4))
    assert ev.actor1.startswith("KIA")


def test_a_report_carries_its_day_on_through_the_event_sentences_that_follow_it():
    """Deep in a long text, an undated sentence is news only near the day the narrative gave;
    each event sentence that takes that day carries it on to the next."""
    from sitrep.extract import events as E

    told = ["On Monday hundreds of party workers marched in Kaya against the fuel price rise.",
            "The march passed the governor's office at noon.",
            "Police arrested 30 of them near the bus station.",
            "Another 12 were arrested near the market.",
            "Police also arrested 15 workers who blocked the bridge over the river."]
    sure = {"none": 0.05, "Arrests": 0.9, "Protest with intervention": 0.05}
    table = {t: sure for t in told[2:]}
    table[told[0]] = {"none": 0.05, "Peaceful protest": 0.95}
    text = " ".join(told + _FEATURE)  # a flattened long text: paragraphs of three sentences
    last = text.index(told[-1])

    def covers_last(tuning):
        events = E.extract([Article(id="t", text=text, published=PUB)], typer=_Table(table), tuning=tuning)[0]
        return any(e.start <= last < e.end for ev in events for e in ev.evidence)

    assert covers_last({})
    # four sentences after the day, in the next paragraph (a report of the day, whose lede
    # tells an act on it, would date it all the same: tests/test_articles_reports.py)
    assert not covers_last({"chain": 0, "lede_day": 0})


def test_arrests_told_with_a_protest_are_its_intervention_and_later_arrests_an_event_of_their_own():
    pub = dt.date(2021, 3, 2)
    [ev] = _events("On 1 March 2021, about 300 party workers marched in Kaya to demand the "
                   "governor's resignation. About 40 of them were arrested near the market.", pub)
    assert ev.sub_event_type == "Protest with intervention"
    events = _events("On 1 March 2021, about 300 party workers marched in Kaya to demand the "
                     "governor's resignation. Over 50 people were arrested in a combing operation "
                     "in the town.", pub)
    assert sorted(e.sub_event_type for e in events) == ["Arrests", "Peaceful protest"]


def test_a_baton_charge_is_an_intervention_and_a_flag_march_or_a_strict_vigil_no_protest():
    from sitrep.extract.cues import get_lexicon

    def classes(text):
        return {c.cls for c in get_lexicon().find(text)}

    assert {"protest", "intervention"} <= classes("police lathi-charged the crowd outside the collectorate")
    assert {"protest", "intervention"} <= classes("Riot police baton-charged the students")
    assert "protest" not in classes("army columns staged a flag march in the old city")
    assert "protest" not in classes("police keep a strict vigil on law and order in the town")
    assert "protest" in classes("Hundreds marched in the old city") and "protest" in classes("a candlelight vigil was held")


def test_an_act_told_again_further_on_is_one_event_and_two_days_are_two():
    from sitrep.extract import events as E

    pub = dt.date(2018, 4, 12)
    told = {"A chemical attack on the town of Kaya on Saturday killed at least 40 people, medics said.": "Chemical weapon",
            "On Monday warplanes struck a market in Dori, killing six.": "Air/drone strike",
            "On Tuesday hundreds of people marched in Ouahigouya against the war.": "Peaceful protest",
            "On Wednesday police arrested a journalist in Fada.": "Arrests",
            "Investigators condemned the chemical attack in Kaya.": "Chemical weapon"}
    table = {t: {"none": 0.02, sub: 0.98} for t, sub in told.items()}
    text = "\n\n".join(told)

    def run(**tuning):
        return E.extract([Article(id="t", text=text, published=pub)], typer=_Table(table), tuning=tuning)[0]

    events = run()
    chemical = [e for e in events if e.sub_event_type == "Chemical weapon"]
    assert len(events) == 4 and [(e.event_date, e.fatalities) for e in chemical] == [(dt.date(2018, 4, 7), 40)]
    last = text.index("Investigators")
    assert any(e.field == "report" and e.start == last for e in chemical[0].evidence)
    # without the rule the reference is an event of its own, on the day of the report
    assert len(run(dedupe=0)) == 5
    # two reports each with a day of their own are two events
    table["On Thursday a chemical attack hit Kaya again."] = table[text.split("\n\n")[-1]]
    text = text.replace("Investigators condemned the chemical attack in Kaya.", "On Thursday a chemical attack hit Kaya again.")
    assert len(run()) == 5


def test_raiders_or_a_gunbattle_make_a_second_armed_side_of_a_clash():
    pub = dt.date(2020, 11, 2)
    [ev] = _events("On Monday police engaged raiders near the town of Kaya, killing two.", pub)
    assert ev.sub_event_type == "Armed clash"
    [ev] = _events("Police engage Somali raiders in gunbattle near the border", pub)
    assert ev.sub_event_type == "Armed clash"
    # with no second armed side and no fighting told, it stays an attack
    [ev] = _events("On Monday two suspects were killed during a police raid in the town of Kaya.", pub)
    assert ev.sub_event_type == "Attack"


def test_a_long_feature_s_scene_in_the_simple_present_is_no_event():
    from sitrep.extract import events as E

    scene = "In Kaya, old men in long robes drink coffee in the square beside posters of the militia."
    kept = "In Kaya, a small group of women and children are kept apart from the other families."
    act = "In Kaya, men in long robes marched through the market on Monday behind posters of the militia."
    sure = {"none": 0.1, "Peaceful protest": 0.9}
    for lede in (scene, kept):
        text = " ".join([lede] + _FEATURE)
        assert E.extract([Article(id="t", text=text, published=PUB)], typer=_Table({lede: sure})) == [[]]
        # the same sentence as a short text of its own is read as before
        assert len(E.extract([Article(id="t", text=lede, published=PUB)], typer=_Table({lede: sure}))[0]) == 1
    text = " ".join([act] + _FEATURE)
    assert len(E.extract([Article(id="t", text=text, published=PUB)], typer=_Table({act: sure}))[0]) == 1


def test_a_passage_of_one_sentence_the_decider_has_read_is_not_encoded_again():
    from sitrep.extract import events as E

    s1 = "Gunmen killed two traders in the market of Kaya on Monday."
    typer = _Table({s1: {"none": 0.1, "Attack": 0.6, "Armed clash": 0.3}})
    [[ev]] = E.extract([Article(id="t", text=s1, published=PUB)], typer=typer)
    assert ev.sub_event_type == "Attack"
    assert typer.asked.count(s1) == 2  # the screen and the decider; the passage reading reuses the decider's


def test_the_arrested_are_actor2_and_a_party_at_a_protest_is_its_associated_actor():
    """ACLED names the force that arrested first and the arrested second; demonstrators are
    "Protesters (country)", arrested members "Civilians (country)", with the party they came from
    as the associated actor."""
    from sitrep.extract import events as E

    pub = dt.date(2021, 3, 8)
    arrest = "On 3 March 2021, 40 BJP workers were arrested in Varanasi."
    protest = "On 3 March 2021, BJP workers staged a protest in Varanasi against the fuel price rise."
    typer = _Table({arrest: {"none": 0.02, "Arrests": 0.98}, protest: {"none": 0.02, "Peaceful protest": 0.98}})
    [[ev]] = E.extract([Article(id="t", text=arrest, published=pub)], typer=typer)
    # arrested members of a party are civilians, the party their associated actor, as ACLED's tune
    # rows code them (roles.ARRESTED_PARTY_CIVILIANS, session 37)
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.assoc_actor_2) == (
        "Arrests", "Police Forces of India", "Civilians (India)", "BJP: Bharatiya Janata Party")
    [[ev]] = E.extract([Article(id="t", text=protest, published=pub)], typer=typer)
    assert (ev.actor1, ev.assoc_actor_1) == ("Protesters (India)", "BJP: Bharatiya Janata Party")


def test_a_long_article_s_sentence_with_no_cue_word_and_no_day_is_no_event():
    """Model-only sentences of a long article need a day of their own, unless the lede tells
    the news in the present perfect."""
    from sitrep.extract import events as E

    sure = {"none": 0.1, "Armed clash": 0.9}
    portrait = "The militia commander in Kaya looked over old photographs of his men at the front."
    dated = "On Monday the militia commander in Kaya looked over old photographs of his men at the front."
    news = "Government troops have retaken the town of Kaya from the militia."
    for lede, n in ((portrait, 0), (dated, 1), (news, 1)):
        text = " ".join([lede] + _FEATURE)
        assert len(E.extract([Article(id="t", text=text, published=PUB)], typer=_Table({lede: sure}))[0]) == n, lede
    # short texts are read as before
    assert len(E.extract([Article(id="t", text=portrait, published=PUB)], typer=_Table({portrait: sure}))[0]) == 1


def test_a_long_article_s_habit_in_the_simple_present_is_no_event():
    from sitrep.extract import events as E

    sure = {"none": 0.1, "Shelling/artillery/missile attack": 0.9}
    habit = "Today the monitors in Kaya mostly record shelling by the army on the villages."
    said = "Officials in Kaya say that the army shelled the villages on Monday."
    past = "Today the army shelled the villages around Kaya."
    for lede, n in ((habit, 0), (said, 1), (past, 1)):
        text = " ".join([lede] + _FEATURE)
        assert len(E.extract([Article(id="t", text=text, published=PUB)], typer=_Table({lede: sure}))[0]) == n, lede
    assert len(E.extract([Article(id="t", text=habit, published=PUB)], typer=_Table({habit: sure}))[0]) == 1


def test_a_lower_cased_text_with_stray_capitals_is_still_split_at_any_letter():
    """Mojibake ("Â") or a capitalised name or two must not hide that a text lost its capitals."""
    from sitrep.nlp import split_sentences

    text = ("kaya: two people were killed in the market on friday. security has been stepped up. "
            "read this story in Â Â hindi. the district officer said the town was calm. "
            "later, another man was hurt near the bridge. Â Â shops stayed shut. ") * 3
    parts = [s.text for s in split_sentences(text)]
    assert parts[:2] == ["kaya: two people were killed in the market on friday.", "security has been stepped up."]
    assert len(parts) == 18
    # ordinary text with a few sentences in lower case keeps the capital-letter rule
    prose = "Police arrested ten. two men died. The End. More came later. The town was calm. " * 5
    assert "Police arrested ten. two men died." in [s.text for s in split_sentences(prose)]


def test_a_cue_word_inside_a_name_reports_no_act():
    # a weapon word that is part of a body's or a treaty's name, or names what a body watches
    assert _events("Delegates of the Organisation for the Prohibition of Chemical Weapons landed in "
                   "Beirut on Monday.") == []
    assert _events("Experts from the chemical weapons watchdog arrived in the capital on Thursday and "
                   "started work on Saturday.") == []
    assert _events("A landmine monitor team visited three villages near Kandahar on Monday.") == []
    assert _events("The Car Bomb Museum reopened in Beirut on Monday after repairs.") == []
    # the same words telling an act still make one
    [ev] = _events("A car bomb exploded outside a museum in Beirut on Monday, wounding four people.")
    assert ev.event_type == "Explosions/Remote violence"


def test_deaths_since_a_bombardment_began_are_a_tally():
    assert _events("About 400 people have died and more than 1,000 have been wounded in the enclave "
                   "since a fierce barrage of rockets, mortars and air strikes began on Sunday.") == []


def test_an_act_told_only_in_a_relative_clause_needs_the_decider_to_agree():
    # the kidnapping is who the families are, not the news of the sentence
    assert _events("The families of dozens of students who were kidnapped by the gang have asked the "
                   "bishop to help them find their children.") == []


def test_the_day_of_a_reaction_is_not_the_day_of_the_act():
    # the UN's condemnation on Monday tells Saturday's massacre again: one event, on Saturday
    evs = _events("Gunmen stormed a wedding in the village of Kalo on Saturday, killing nine guests. "
                  "The attackers fled on motorbikes towards the forest. Residents said the village had "
                  "no police post. The UN human rights office on Monday condemned the massacre of "
                  "wedding guests in Kalo, in which nine people were shot dead.")
    assert [(e.sub_event_type, e.event_date) for e in evs] == [("Attack", dt.date(2019, 7, 6))]


def test_an_encounter_between_armed_sides_is_a_clash():
    # "encounter": the word for a gunfight in Philippine and South Asian reports
    [ev] = _events("A rebel leader was killed in an encounter with soldiers of the army's 3rd battalion "
                   "near Baras on Monday.")
    assert ev.sub_event_type == "Armed clash"
    assert _events("The mayor said that his first encounter with the rebels was in 2012 as a student.") == []


# -- sub-event types by ACLED's codebook (docs/extraction.md, night session of 2026-12-05) --------

def test_the_retyping_reads_the_cue_words_too():
    from sitrep.extract.classify import cue_reading
    from sitrep.extract.cues import Cue

    probs = {"Attack": 0.7, "Armed clash": 0.1, "none": 0.2}
    cue = Cue("Armed clash", 3.0, 0, 14, "exchanged fire")
    read = cue_reading({"Armed clash": (3.0, cue)}, probs)
    assert read["none"] == 0.2  # how surely it is an event stays the decider's
    assert abs(sum(v for k, v in read.items() if k != "none") - 0.8) < 1e-9
    assert read["Armed clash"] > probs["Armed clash"] and read["Attack"] < probs["Attack"]
    assert cue_reading({}, probs) is probs  # no cue word: the decider alone


class _LeaningTyper:
    """A typer that reads every sentence as more likely an attack than a clash."""

    reading = {"Attack": 0.55, "Armed clash": 0.40, "none": 0.05}

    def probabilities(self, texts):
        return [dict(self.reading) for _ in texts]

    decide = probabilities


def test_an_exchange_of_fire_stays_a_clash_when_the_decider_leans_to_attack():
    # the cue words name the fighting; reading the event again, the decider alone undid them
    text = "Two men exchanged fire in a bar in Tamou on Monday."
    art = [Article(id="t", text=text, published=PUB)]
    [ev] = extract(art, typer=_LeaningTyper())[0]
    assert ev.sub_event_type == "Armed clash"
    [ev] = extract(art, typer=_LeaningTyper(), tuning={"retype_cues": 0})[0]
    assert ev.sub_event_type == "Attack"  # the old reading, for contrast


def test_a_bombing_with_no_aircraft_is_a_remote_explosive():
    [ev] = _events("On Monday, fighters of a local resistance group bombed a mobile phone mast owned by a "
                   "military company in the village of Ywathit. Nobody was hurt.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    from sitrep.extract.events import by_air
    from sitrep.nlp import split_sentences

    assert by_air(split_sentences("Warplanes bombed the market of Ariha on Monday."))
    assert by_air(split_sentences("Three strikes hit the market of Ariha on Monday."))  # no bomb word: left alone
    assert not by_air(split_sentences("Rebels bombed a bridge near Ariha on Monday."))
    # a bombing in a text that names aircraft elsewhere is made from the air
    evs = _events("Jets of the coalition flew over Ariha all week. On Monday, nine members of one family "
                  "died in the coalition bombing of their house in Ariha.")
    assert "Air/drone strike" in [e.sub_event_type for e in evs]
    from sitrep.extract.cues import get_lexicon

    assert [c.cls for c in get_lexicon().find("the bombing of the bridge")] == ["bombing"]
    assert [c.cls for c in get_lexicon().find("rioters hurled petrol bombs")].count("bombing") == 0


def test_the_abducted_killed_make_an_attack():
    [ev] = _events("On Sunday, gunmen kidnapped a village chief near Kamba. His body was found by the "
                   "roadside two days later.")
    assert ev.sub_event_type == "Attack" and ev.event_type == "Violence against civilians"
    [ev] = _events("On Sunday, gunmen kidnapped two traders on the road to Kamba and asked for a ransom.")
    assert ev.sub_event_type == "Abduction/forced disappearance"


def test_a_gathering_with_its_place_in_brackets_before_its_demand_is_a_protest():
    [ev] = _events("On 6 July 2019, about 200 nurses gathered in front of the county hospital in Dayton "
                   "(Ohio) to call for better pay and more staff.")
    assert ev.event_type == "Protests"


def test_a_clash_during_a_demonstration_is_a_violent_demonstration():
    [ev] = _events("On 6 July 2019, hundreds of students staged a demonstration against fee increases in "
                   "Kisoro and clashed with members of the ruling party's youth wing.")
    assert ev.sub_event_type == "Violent demonstration"
    [ev] = _events("On 6 July 2019, traders marched through the centre of Kisoro against a new market tax; "
                   "the marchers clashed during the demonstration with municipal guards.")
    assert ev.sub_event_type == "Violent demonstration"


def test_a_violent_act_wins_over_other():
    # ACLED's "Other" is a development with no violence; firing on a ship is an act, hurt or not
    from sitrep.extract import events

    text = "On 6 July 2019, coast guard vessels opened fire towards a cargo ship near the port of Berbera. No one was hurt."
    [ev] = _events(text)
    assert ev.sub_event_type != "Other"
    events.OTHER_YIELDS = False
    try:
        [ev] = _events(text)
        assert ev.sub_event_type == "Other"  # the decider alone, for contrast
    finally:
        events.OTHER_YIELDS = True


def test_monitors_counts_of_explosions_are_shelling():
    from sitrep.extract.cues import get_lexicon

    cues = get_lexicon().find("The monitoring mission counted 48 explosions near the front line.")
    assert "Shelling/artillery/missile attack" in [c.cls for c in cues]
    [ev] = _events("On 6 July 2019, the ceasefire monitors counted 48 explosions near the village of "
                   "Krasne, along the front line.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_a_clash_told_by_a_riot_cue_is_no_battle_cue():
    from sitrep.extract.classify import rule_scores
    from sitrep.extract.cues import get_lexicon

    def scored(text):
        return set(rule_scores(get_lexicon().find(text), [], False, None))

    # rioters' clash with the police: the decider, not the battle cue, reads it
    assert "Armed clash" not in scored("Thousands of villagers clashed with police near the dam.")
    assert scored("Students staged a demonstration and clashed with police.") == {"Violent demonstration"}
    assert scored("Soldiers clashed with rebels near the dam.") == {"Armed clash"}
