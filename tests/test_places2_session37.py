"""Session 37 (places2): a protest's grievance is not its place (`locate.GRIEVANCE_NOT_PLACE`), a
dateline in capitals ended by a colon (`locate.DATELINE_COLON`), and big namesakes in two countries
told apart by size where no country is told (`resolve.CONFLICT_PRIOR_YIELDS_TO_SIZE`). The sentences
are invented."""

import datetime as dt

from event_reading import events_of
from sitrep.geo import locate, resolve
from sitrep.geo.locate import dateline_end, grievance_spans

WHEN = dt.date(2023, 3, 12)


# --- a protest's grievance ------------------------------------------------------------------------

def test_the_country_a_protest_is_about_is_not_its_place(monkeypatch):
    text = "On 11 March 2023, some forty townspeople gathered in Chieti to protest against the war in Ukraine."
    evs = events_of(text, WHEN)
    assert evs and evs[0].country == "Italy" and evs[0].location == "Chieti"
    evs = events_of(text, WHEN, monkeypatch, module=locate, GRIEVANCE_NOT_PLACE=False)
    assert evs and evs[0].country != "Italy"  # the topic's country had set the focus


def test_a_town_named_in_the_grievance_is_not_where_the_rally_was():
    text = ("On 11 March 2023, a few hundred students rallied in Lyon to condemn the shelling of a "
            "hospital in Kharkiv.")
    evs = events_of(text, WHEN)
    assert evs and evs[0].country == "France" and evs[0].location == "Lyon"


def test_grievance_spans_need_a_place_of_the_gathering_before_them():
    with_place = "Activists demonstrated outside parliament in the capital demanding an end to the blockade of Gaza."
    spans = grievance_spans(with_place)
    assert spans and with_place.index("demanding") == spans[0][0]
    assert not grievance_spans("Activists demonstrated against the blockade of Gaza on Sunday.")
    assert not grievance_spans("Fighting went on over the weekend in Sumy and Kharkiv.")  # no gathering
    assert not grievance_spans("Protesters marched in Lille over the weekend in bright sun.")  # "over" a time


# --- a colon dateline ---------------------------------------------------------------------------

def test_a_colon_dateline_places_the_report(monkeypatch):
    text = "LUCKNOW: Police held six men on Saturday after a crowd beat a trader over a debt, officers said."
    assert dateline_end(text) == text.index("Police")
    evs = events_of(text, WHEN)
    assert evs and evs[0].location == "Lucknow" and evs[0].country == "India"
    monkeypatch.setattr(locate, "DATELINE_COLON", False)
    assert dateline_end(text) == 0
    evs = events_of(text, WHEN)
    assert evs and evs[0].location != "Lucknow"


def test_a_sentence_opening_with_a_word_and_colon_is_no_dateline():
    assert dateline_end("Update: two more bodies were found on Sunday.") == 0
    assert dateline_end("On 3 March: two more bodies were found.") == 0


# --- big namesakes, no country told ---------------------------------------------------------------

def test_big_namesakes_are_told_apart_by_size(monkeypatch):
    text = "A crowd set a bus on fire in Hyderabad on Saturday after a road accident, officers said."
    evs = events_of(text, WHEN)
    assert evs and evs[0].country == "India" and evs[0].admin1 == "Telangana"
    monkeypatch.setattr(resolve, "CONFLICT_PRIOR_YIELDS_TO_SIZE", False)
    evs = events_of(text, WHEN)
    assert evs and evs[0].country == "Pakistan"


def test_a_country_told_still_decides_between_big_namesakes():
    text = "A crowd set a bus on fire in Hyderabad, Sindh, on Saturday after a road accident in Pakistan."
    evs = events_of(text, WHEN)
    assert evs and evs[0].country == "Pakistan"


# --- a district is no far city of its name --------------------------------------------------------

def test_a_name_called_a_district_is_no_city_of_that_name_in_another_province(monkeypatch):
    text = ("On 3 May 2021, villagers clashed with company guards in Tebing Tinggi district, Kepulauan Meranti "
            "regency, Riau, injuring four.")
    evs = events_of(text, dt.date(2021, 5, 4), monkeypatch, module=locate, DISTRICT_NOT_A_FAR_CITY=True)
    assert evs and evs[0].admin1 == "Riau"
    evs = events_of(text, dt.date(2021, 5, 4), monkeypatch, module=locate, DISTRICT_NOT_A_FAR_CITY=False)
    assert evs and evs[0].admin1 == "North Sumatra"  # the city of 117,000 of that name


def test_a_grievance_place_in_the_country_the_text_tells_is_kept():
    # the gathering's own village is unknown to the gazetteer: the grievance's town of the same
    # country is the best place left (the first version dropped it)
    text = ("On 11 March 2023, dairy farmers from a cooperative in Kenya protested in Kanjuiri village "
            "against a new levy in Ol Kalou.")
    evs = events_of(text, WHEN)
    assert evs and evs[0].country == "Kenya" and evs[0].location == "Ol Kalou"


def test_a_country_named_in_the_grievance_is_no_village_of_its_name():
    # "Ukrainian" outside the grievance tells Ukraine; "Russia" inside it is a country, not a
    # Ukrainian village that has the name among its others
    text = ("On 20 February 2022, about eighty people met in a square in Verona in support of Ukrainians, "
            "denouncing a war waged by Russia. A Ukrainian women's group joined them.")
    evs = events_of(text, dt.date(2022, 2, 21))
    assert evs and evs[0].country == "Italy" and evs[0].location == "Verona"
