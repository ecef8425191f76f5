#!/usr/bin/env python3
"""Sanity check for the actor dictionary (src/sitrep/data/actors/*.yaml).

Run:  .venv/bin/python scripts/check_actors.py [DIR]   (tests/test_check_actors.py runs it)

Checks every *.yaml here: PyYAML safe_load, a list of entries with exactly the schema keys,
inter 1..8 consistent with kind, valid home/ISO2 codes, lowercase aliases, no overly generic
alias, and no alias shared by two different actors whose country scopes overlap
(countries: [] means "anywhere" and overlaps everything). Entries that share a name are one
actor split into scopes (e.g. national forms unscoped + abbreviations scoped); they must agree
on inter, home and kind. Prints counts; exits 1 on any error.
"""
import collections
import pathlib
import sys

import yaml

from sitrep.extract.actors import clan_aliases

KEYS = ["name", "inter", "home", "countries", "kind", "aliases", "context_aliases", "note"]
# keys an entry carries only where it needs them, anywhere among the schema keys: exact_case,
# descriptors; lineage, valid_from, valid_to (one actor's names by date: the AU mission in
# Somalia); branch_name, branch_local, branch_aliases (a group's local units named by place); session,
# split_from (entries under a loader switch, and the older entry a split-off group was folded into)
OPTIONAL = {"exact_case", "descriptors", "lineage", "valid_from", "valid_to", "branch_name", "branch_local",
            "branch_aliases", "session", "split_from", "clan_names", "clan_forms"}
# clan_names, clan_forms: a clan's spellings, from which the loader makes its aliases
# (data/actors/clan_forms.yml, sitrep.extract.actors.clan_aliases); checked as the aliases they make
KIND_INTER = {"state": 1, "rebel": 2, "militia": 3, "identity": 4, "rioters": 5,
              "protesters": 6, "civilians": 7, "external": 8, "unidentified": 3}
# Single words/abbreviations that must never be an alias on their own.
BANNED = {"state", "states", "group", "groups", "force", "forces", "is", "it", "us", "as", "at",
          "in", "on", "of", "the", "a", "an", "and", "or", "men", "man", "people", "unit", "units",
          "movement", "front", "party", "organization", "organisation", "militia", "militias",
          "fighters", "militants", "rebels", "government", "authorities", "official", "officials",
          "let", "fact", "ant", "fat", "fan", "tip", "core", "rota", "ice", "may", "march", "will"}
ISO2 = set(["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW"])


def main(folder):
    errors, warnings = [], []
    files = sorted(pathlib.Path(folder).glob("*.yaml"))
    if not files:
        print("no yaml files in", folder)
        return 1
    parsed = {}  # path -> its entries, or the YAML error (reported below)
    written = collections.defaultdict(set)  # alias -> names of the actors that write it out
    for path in files:
        try:
            parsed[path] = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            parsed[path] = exc
            continue
        for e in parsed[path] if isinstance(parsed[path], list) else []:
            if isinstance(e, dict) and isinstance(e.get("aliases"), list):
                for a in e["aliases"]:
                    written[a].add(e.get("name"))
    entries = []          # (file, index, entry)
    per_file = collections.OrderedDict()
    for path in files:
        data = parsed[path]
        if isinstance(data, yaml.YAMLError):
            errors.append(f"{path.name}: YAML error: {data}")
            continue
        if not isinstance(data, list):
            errors.append(f"{path.name}: top level must be a list")
            continue
        per_file[path.name] = data
        for i, e in enumerate(data):
            where = f"{path.name}[{i}]"
            if not isinstance(e, dict):
                errors.append(f"{where}: entry is not a mapping")
                continue
            where = f"{path.name}[{i}] {e.get('name')!r}"
            keys = [k for k in e.keys() if k not in OPTIONAL]
            if keys != KEYS:
                errors.append(f"{where}: keys {keys} != {KEYS} (optional among them: {sorted(OPTIONAL)})")
                if set(keys) != set(KEYS):
                    continue
            name, inter, home, kind = e["name"], e["inter"], e["home"], e["kind"]
            if not isinstance(name, str) or not name.strip() or name != name.strip():
                errors.append(f"{where}: bad name")
            templated = isinstance(name, str) and "{country}" in name
            if templated != (path.name == "generic.yaml"):
                errors.append(f"{where}: '{{country}}' names belong in generic.yaml only (and all of its names need it)")
            if isinstance(name, str) and "{" in name.replace("{country}", ""):
                errors.append(f"{where}: stray brace in name")
            if not isinstance(inter, int) or isinstance(inter, bool) or not 1 <= inter <= 8:
                errors.append(f"{where}: inter must be an int 1..8")
            if kind not in KIND_INTER:
                errors.append(f"{where}: unknown kind {kind!r}")
            elif inter != KIND_INTER[kind]:
                errors.append(f"{where}: kind {kind} expects inter {KIND_INTER[kind]}, got {inter}")
            if templated and home != "event":
                errors.append(f"{where}: templated actor must have home: event")
            if not templated and home == "event":
                errors.append(f"{where}: home: event only for templated actors")
            if home not in ("event", "any") and home not in ISO2:
                errors.append(f"{where}: bad home {home!r}")
            countries = e["countries"]
            if not isinstance(countries, list) or any(c not in ISO2 for c in countries):
                errors.append(f"{where}: countries must be a list of ISO2 codes: {countries!r}")
                countries = []
            if len(set(countries)) != len(countries):
                errors.append(f"{where}: duplicate country codes")
            if not isinstance(e["note"], str) or not e["note"].strip():
                errors.append(f"{where}: note must be a non-empty string")
            if "clan_names" in e:
                names, forms = e["clan_names"], e.get("clan_forms") or "full"
                if not isinstance(names, list) or not names or \
                        any(not isinstance(n, str) or n != n.lower().strip() or not n for n in names):
                    errors.append(f"{where}: clan_names must be a list of lowercase spellings")
                elif forms not in ("full", "from"):
                    errors.append(f"{where}: clan_forms must be 'full' or 'from'")
                elif isinstance(e["aliases"], list):
                    # as the loader does: an alias another actor writes out is not made for this one
                    own = set(e["aliases"])
                    e["aliases"] = e["aliases"] + [a for a in clan_aliases(names, forms) if a not in own
                                                   and not (written.get(a, set()) - {e["name"]})]
            for key in ("aliases", "context_aliases"):
                vals = e[key]
                if not isinstance(vals, list):
                    errors.append(f"{where}: {key} must be a list")
                    e[key] = []
                    continue
                if key == "aliases" and not vals:
                    errors.append(f"{where}: no aliases")
                seen = set()
                for a in vals:
                    if not isinstance(a, str) or not a:
                        errors.append(f"{where}: {key}: non-string/empty alias {a!r}")
                        continue
                    if a != a.lower():
                        errors.append(f"{where}: {key}: not lowercase: {a!r}")
                    if a != a.strip() or "  " in a:
                        errors.append(f"{where}: {key}: stray whitespace: {a!r}")
                    if not a.isascii() and any(ord(ch) > 0x24F for ch in a):
                        errors.append(f"{where}: {key}: non-Latin character in {a!r}")
                    if a in seen:
                        errors.append(f"{where}: {key}: duplicate {a!r}")
                    seen.add(a)
                    if key == "aliases" and a in BANNED:
                        errors.append(f"{where}: alias too generic: {a!r}")
            both = set(e["aliases"]) & set(e["context_aliases"])
            if both:
                warnings.append(f"{where}: in both aliases and context_aliases: {sorted(both)}")
            entries.append((path.name, i, e))

    # entries sharing a name = one actor: must agree on inter/home/kind
    by_name = collections.defaultdict(list)
    for f, i, e in entries:
        by_name[e["name"]].append((f, i, e))
    for name, group in by_name.items():
        sigs = {(e["inter"], e["home"], e["kind"]) for _, _, e in group}
        if len(sigs) > 1:
            errors.append(f"actor {name!r}: split entries disagree on inter/home/kind: {sorted(sigs)}")
        home = group[0][2]["home"]
        if group[0][2]["kind"] == "state" and home not in ("event", "any") and not any(
                not e["countries"] or home in e["countries"] for _, _, e in group):
            warnings.append(f"actor {name!r}: no entry covers its home country {home}")

    # alias collisions across different actors with overlapping country scopes
    occ = collections.defaultdict(list)  # alias -> [(name, countries or None, where)]
    for f, i, e in entries:
        scope = frozenset(e["countries"]) if e["countries"] else None
        for a in e["aliases"]:
            occ[a].append((e["name"], scope, f"{f}[{i}]", e.get("lineage") or None))
    for a, lst in sorted(occ.items()):
        for x in range(len(lst)):
            for y in range(x + 1, len(lst)):
                (n1, s1, w1, l1), (n2, s2, w2, l2) = lst[x], lst[y]
                overlap = s1 is None or s2 is None or bool(s1 & s2)
                if not overlap or (l1 and l1 == l2):  # one lineage: the event's date picks the name
                    continue
                # a generic actor ("... ({country})") is the fallback: a country's own actor takes
                # the alias in its countries first
                if ("{country}" in n1 and s2 is not None) or ("{country}" in n2 and s1 is not None):
                    continue
                if n1 == n2:
                    warnings.append(f"alias {a!r} repeated within actor {n1!r} ({w1}, {w2})")
                else:
                    where = "anywhere" if (s1 is None or s2 is None) else ",".join(sorted(s1 & s2))
                    errors.append(f"alias {a!r} under {n1!r} ({w1}) and {n2!r} ({w2}), overlapping in {where}")

    # report
    print(f"{'file':24} {'entries':>7} {'actors':>6} {'aliases':>7} {'context':>7}")
    tot_e = tot_a = tot_c = 0
    for fname, data in per_file.items():
        es = [e for f, _, e in entries if f == fname]
        na = sum(len(e["aliases"]) for e in es)
        nc = sum(len(e["context_aliases"]) for e in es)
        print(f"{fname:24} {len(es):7} {len({e['name'] for e in es}):6} {na:7} {nc:7}")
        tot_e, tot_a, tot_c = tot_e + len(es), tot_a + na, tot_c + nc
    print(f"{'TOTAL':24} {tot_e:7} {len(by_name):6} {tot_a:7} {tot_c:7}")
    print(f"distinct alias strings: {len(occ)}; "
          f"shared across disjoint scopes: {sum(1 for seen in occ.values() if len({n for n, _, _, _ in seen}) > 1)}")
    kinds = collections.Counter(group[0][2]["kind"] for group in by_name.values())
    print("actors by kind:", ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    for w in warnings:
        print("WARNING:", w)
    for err in errors:
        print("ERROR:", err)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1
                  else pathlib.Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "actors"))
