"""Which gazetteer candidate a place mention means, given the article's context."""

from __future__ import annotations

import copy
import math
from collections import Counter
from dataclasses import dataclass, field

from sitrep.geo.names import ascii_fold
from sitrep.model import Place


@dataclass
class GeoContext:
    """What the article tells us about where it is: countries, provinces, resolved points."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)
    points: list[tuple[float, float]] = field(default_factory=list)
    # the folded name each point was read from (NAMESAKE_OWN_POINT_EXCLUDED), where known
    point_names: list[str] = field(default_factory=list)

    def other_points(self, surface: str) -> list[tuple[float, float]]:
        """The resolved points but those read from this very name: a mention's own first
        reading is no evidence for itself between its namesakes."""
        if not NAMESAKE_OWN_POINT_EXCLUDED or len(self.point_names) != len(self.points):
            return self.points
        own = ascii_fold(surface).replace("-", " ")
        return [p for p, n in zip(self.points, self.point_names) if n != own]

    def focus(self) -> set[str]:
        if not self.countries:
            return set()
        top = self.countries.most_common(1)[0][1]
        return {iso for iso, n in self.countries.items() if n >= top * 0.5}


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _spelt(name: str) -> tuple[str, str]:
    """A name as compared: folded with hyphens as spaces, and its words run together where
    each has three letters or more ("petion ville" and "petionville"; not "wa de")."""
    folded = ascii_fold(name).replace("-", " ")
    parts = folded.split()
    return folded, "".join(parts) if all(len(p) >= 3 for p in parts) else folded


def is_exact(place: Place, surface: str) -> bool:
    """Is `surface` one of the place's names, but for case, accents, hyphens and spaces
    ("Petion Ville" is Pétionville, "Hlaingthaya" Hlaing Thaya run together)?"""
    want, want_joined = _spelt(surface)
    names = getattr(place, "matched_names", None) or {place.name}
    return any(f == want or j == want_joined for f, j in map(_spelt, names))


_FEATURE_PRIOR = {"admin1": 0.9, "country": 0.6}
# "in [a commune], Ouest": Haiti's department is named "Ouest", Cameroon's region "West" with
# "Ouest" among its other names; between provinces otherwise alike, the one the text calls by
# its own name is meant (a tie had gone to the first candidate read)
PROVINCE_OWN_NAME = True
PROVINCE_OWN_NAME_BONUS = 0.05
# A prior for the countries this tool is mostly used on: those the team's supplement covers.
CONFLICT_PRIOR = 0.35
# A prior for an entry of the team's supplement (a conflict town GeoNames lacks or misplaces)
SUPPLEMENT_PRIOR = 0.55
# switch: where the text names no country, a city of SUPPLEMENT_YIELDS_POP or more of exactly the
# written name comes before a supplement entry of that name in another country
SUPPLEMENT_YIELDS_TO_CITY = True
SUPPLEMENT_YIELDS_POP = 100_000
# switch (session 37, places2): where the text names no country, cities of CONFLICT_YIELDS_POP or more
# of exactly the written name in two or more countries are chosen among by population alone (the
# conflict prior is withheld from them; other candidates keep it)
CONFLICT_PRIOR_YIELDS_TO_SIZE = True
CONFLICT_YIELDS_POP = 100_000


# switch (session 38, lead): a city of WORLD_CITY_POP or more, exactly named, comes before namesakes
# under WORLD_CITY_RIVAL_POP in the countries in focus (the focus of foreign forces' nationality)
WORLD_CITY_OVER_NAMESAKE = True
WORLD_CITY_POP = 1_000_000
WORLD_CITY_RIVAL_POP = 100_000
# switch (session 43, places8): ... but only a city called by its own name, where a namesake in focus
# is ("a settlement (Bethlehem, West Bank)": Belem of Brazil, 1.5 M, has "Bethlehem" among its
# other names and had won over the West Bank's town of that very name)
WORLD_CITY_BY_OWN_NAME = 1
# switch (session 43, places8): between namesakes of one country both read exactly, a place whose own
# name is the written one comes before a place that has it only among its other names ("Sheno", a
# town of Oromia, had gone to Shone, 300 km off, which GeoNames also lists as "Sheno")
OWN_NAME_OVER_ALIAS = 1
OWN_NAME_BONUS = 0.06
# switch (session 47, places12): the nearness bonus of score_candidate counts only the points read
# from the text's other names, not the mention's own first reading (which gave every namesake
# within 100 km of it the same bonus, and so the first one read always won)
NAMESAKE_OWN_POINT_EXCLUDED = True
# switch (session 47, places12): between namesakes of one province (towns or villages read by the
# same name, scores within NAMESAKE_TIE), the one nearest the text's other resolved places is meant
# (by NAMESAKE_NEARER_KM or more), where another place of the text lies within NAMESAKE_REACH_KM
NEAREST_NAMESAKE = True
NAMESAKE_TIE = 0.25
NAMESAKE_NEARER_KM = 10.0
NAMESAKE_REACH_KM = 150.0


def score_candidate(place: Place, surface: str, context: GeoContext, hint: str = "",
                    conflict_countries: frozenset[str] = frozenset()) -> float:
    """A plausibility score: population, exact spelling, country and province in focus."""
    score = math.log10((place.population or 0) + 10) / 7.0  # 0.14 .. ~1
    if place.iso in conflict_countries:
        score += CONFLICT_PRIOR
    source = getattr(place, "source", "")
    if source == "supplement":
        score += SUPPLEMENT_PRIOR
    score += _FEATURE_PRIOR.get("admin1" if getattr(place, "subregion", False) else place.feature, 0.0)
    if is_exact(place, surface):
        score += 0.35
    focus = context.focus()
    if place.iso in focus:
        score += 1.6
    elif context.countries.get(place.iso):
        score += 0.6
    elif focus:
        score -= 0.4
    code = getattr(place, "admin1_code", "")
    if code and context.admin1.get(code):
        score += 0.8
    points = context.other_points(surface)
    if place.latitude is not None and points:
        near = min(distance_km((place.latitude, place.longitude), p) for p in points)
        if near < 100:
            score += 0.6
        elif near < 300:
            score += 0.3
    if hint:
        if hint == place.feature or (hint == "region" and place.feature == "admin1"):
            score += 0.8
        elif hint in ("town", "village") and place.feature == "town":
            score += 0.5
        elif hint in ("town", "village") and place.feature == "admin1":
            score -= 0.6  # "Mandaue City" is the city, not the province-level unit of its name
        elif hint not in ("area",) and place.feature in ("town", "admin1", "country") and hint not in (
                "town", "village", "district", "subdistrict", "region"):
            score -= 0.3
    return score


def resolve(candidates: list[Place], surface: str, context: GeoContext, hint: str = "",
            conflict_countries: frozenset[str] = frozenset()) -> Place | None:
    """The best candidate for one mention (None if there are none); sets its score and margin."""
    if not candidates:
        return None
    scores = [score_candidate(p, surface, context, hint, conflict_countries) for p in candidates]
    if PROVINCE_OWN_NAME:
        provinces = [i for i, p in enumerate(candidates) if p.feature == "admin1" and is_exact(p, surface)]
        own = [i for i in provinces if _spelt(candidates[i].name)[0] == _spelt(surface)[0]]
        if own and len(own) < len(provinces):  # only between provinces of that name
            for i in own:
                scores[i] += PROVINCE_OWN_NAME_BONUS
    if OWN_NAME_OVER_ALIAS:
        # only among the namesakes of one country, and never past a place of another country
        exact = [i for i, p in enumerate(candidates) if p.feature in ("town", "village") and is_exact(p, surface)]
        own = [i for i in exact if _spelt(candidates[i].name)[0] == _spelt(surface)[0]]
        before = list(scores)
        for i in own:
            iso = candidates[i].iso
            if any(candidates[j].iso == iso and j not in own for j in exact):
                ceiling = min((before[j] for j, p in enumerate(candidates) if p.iso != iso and before[j] > before[i]),
                              default=None)
                scores[i] += OWN_NAME_BONUS
                if ceiling is not None:
                    scores[i] = min(scores[i], ceiling - 1e-6)
    if SUPPLEMENT_YIELDS_TO_CITY and not context.countries:
        # "marched in Palma against mass tourism": with no country told, a city of 100,000 or more
        # spelt exactly so is meant before the team's supplement entry of that name abroad (a
        # district seat of Cabo Delgado), whose prior was written for texts about its conflict
        big = [i for i, p in enumerate(candidates) if getattr(p, "source", "") != "supplement"
               and (p.population or 0) >= SUPPLEMENT_YIELDS_POP and is_exact(p, surface)]
        if big:
            below = min(scores[b] for b in big) - 0.01
            cities = {candidates[b].iso for b in big}
            for i, p in enumerate(candidates):
                if getattr(p, "source", "") == "supplement" and p.iso not in cities:
                    scores[i] = min(scores[i], below)
    if CONFLICT_PRIOR_YIELDS_TO_SIZE and not context.countries and conflict_countries:
        # "in Hyderabad", no country told: cities of 100,000 or more spelt exactly so in two
        # countries are told apart by their size (India's, 7 M, before Sindh's, 1.9 M), not by the
        # prior for the countries the tool is mostly used on, which had outweighed any population
        big = [i for i, p in enumerate(candidates) if p.feature == "town" and getattr(p, "source", "") != "supplement"
               and (p.population or 0) >= CONFLICT_YIELDS_POP and is_exact(p, surface)]
        if len({candidates[i].iso for i in big}) > 1:
            for i in big:
                if candidates[i].iso in conflict_countries:
                    scores[i] -= CONFLICT_PRIOR
    if WORLD_CITY_OVER_NAMESAKE and context.countries:
        # "American warplanes struck sites near Damascus": a city of a million or more spelt exactly
        # so is meant before a small namesake in the countries the text leans to (Damascus,
        # Maryland), which only the nationality of the forces had put in focus
        focus = context.focus()
        world = [i for i, p in enumerate(candidates) if p.feature == "town" and p.iso not in focus
                 and (p.population or 0) >= WORLD_CITY_POP and is_exact(p, surface)]
        home = [i for i, p in enumerate(candidates) if p.iso in focus]
        if WORLD_CITY_BY_OWN_NAME and any(_spelt(candidates[i].name)[0] == _spelt(surface)[0] for i in home):
            world = [i for i in world if _spelt(candidates[i].name)[0] == _spelt(surface)[0]]
        if world and home and all(candidates[i].feature == "town" and (candidates[i].population or 0) < WORLD_CITY_RIVAL_POP
                                  for i in home):
            above = max(scores[i] for i in home) + 0.05
            for i in world:
                scores[i] = max(scores[i], above)
    if NEAREST_NAMESAKE and len(candidates) > 1:
        _nearest_namesake(candidates, scores, surface, context)
    scored = sorted(((scores[i], i, p) for i, p in enumerate(candidates)), key=lambda t: (-round(t[0], 6), t[1]))
    top = scored[0][2]
    best = copy.copy(top)  # the gazetteer caches its Places: never write on them
    best.score = scored[0][0]
    # how much better than the best candidate in another country: evidence for the country
    other = next((sc for sc, _, p in scored[1:] if p.iso != best.iso), None)
    best.margin = scored[0][0] - other if other is not None else 9.0  # type: ignore[attr-defined]
    return best



_NAMESAKE_FEATURES = ("town", "village", "city")


def _nearest_namesake(candidates: list[Place], scores: list[float], surface: str, context: GeoContext) -> None:
    """Among the best namesakes of one province, the one nearest the text's other places gets the
    best score of them ("[X] was shelled; [Y] nearby": of two villages named X in one province,
    the one beside Y)."""
    points = context.other_points(surface)
    if not points:
        return
    best = max(range(len(candidates)), key=lambda i: scores[i])
    top = candidates[best]
    if top.feature not in _NAMESAKE_FEATURES or top.latitude is None:
        return
    code = getattr(top, "admin1_code", "") or top.admin1

    def near(p: Place) -> float:
        return min(distance_km((p.latitude, p.longitude), q) for q in points)

    rivals = [i for i, p in enumerate(candidates) if i != best and p.iso == top.iso and p.latitude is not None
              and p.feature in _NAMESAKE_FEATURES and (getattr(p, "admin1_code", "") or p.admin1) == code
              and scores[best] - scores[i] <= NAMESAKE_TIE and is_exact(p, surface) == is_exact(top, surface)]
    if not rivals:
        return
    here = near(top)
    i = min(rivals, key=lambda k: near(candidates[k]))
    there = near(candidates[i])
    if there <= NAMESAKE_REACH_KM and there + NAMESAKE_NEARER_KM <= here and \
            distance_km((top.latitude, top.longitude), (candidates[i].latitude, candidates[i].longitude)) > NAMESAKE_NEARER_KM:
        scores[i] = scores[best] + 1e-4
