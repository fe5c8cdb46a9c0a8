"""Generate src/sitrep/data/actors-states.yaml: one actor entry per state.

Names and ISO3 codes come from pycountry (a build-time dependency, see
requirements-build.txt); the short forms, demonyms and capitals-as-actors in
CURATED below are ours. The generated file is loaded before the hand-written
actors.yaml, so an entry there with the same name replaces the generated one.

    /work/venv/bin/python scripts/build_actors.py
"""
from __future__ import annotations

from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src/sitrep/data/actors-states.yaml"

# canonical name (as news writes it) -> ISO3, for states whose pycountry name is not the usual one
RENAME = {
    "RUS": "Russia", "PRK": "North Korea", "KOR": "South Korea", "IRN": "Iran", "SYR": "Syria",
    "VEN": "Venezuela", "BOL": "Bolivia", "TZA": "Tanzania", "VNM": "Vietnam", "LAO": "Laos",
    "MDA": "Moldova", "TWN": "Taiwan", "PSE": "Palestine", "GBR": "United Kingdom", "USA": "United States",
    "CZE": "Czech Republic", "FSM": "Micronesia", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "TUR": "Turkey", "CIV": "Ivory Coast", "BRN": "Brunei",
    "VAT": "Vatican", "MKD": "North Macedonia", "CPV": "Cape Verde", "SWZ": "Eswatini",
}

# ISO3 -> (extra aliases, demonyms); capitals listed here name the state as an actor ("Moscow said")
CURATED = {
    "RUS": (["Russian Federation", "Moscow", "the Kremlin", "Kremlin"], ["Russian"]),
    "UKR": (["Kyiv", "Kiev"], ["Ukrainian"]),
    "USA": (["United States of America", "U.S.", "US", "U.S.A.", "USA", "America", "Washington",
             "the White House"], ["American", "U.S."]),
    "GBR": (["Britain", "Great Britain", "UK", "U.K.", "London"], ["British", "UK", "U.K."]),
    "PRK": (["N. Korea", "DPRK", "Pyongyang", "Democratic People's Republic of Korea"],
            ["North Korean", "N. Korean"]),
    "KOR": (["S. Korea", "Seoul", "Republic of Korea", "ROK"], ["South Korean", "S. Korean"]),
    "CHN": (["Beijing", "People's Republic of China", "PRC"], ["Chinese"]),
    "IRN": (["Tehran", "Islamic Republic of Iran"], ["Iranian"]),
    "FRA": (["Paris", "the Elysee", "Elysee Palace"], ["French"]),
    "DEU": (["Berlin"], ["German"]),
    "POL": (["Warsaw"], ["Polish"]),
    "JPN": (["Tokyo"], ["Japanese"]),
    "IND": (["New Delhi"], ["Indian"]),
    "TUR": (["Turkiye", "Türkiye", "Ankara"], ["Turkish"]),
    "BLR": (["Minsk"], ["Belarusian", "Belarussian"]),
    "ISR": (["Jerusalem"], ["Israeli"]),
    "SYR": (["Damascus"], ["Syrian"]),
    "HUN": (["Budapest"], ["Hungarian"]),
    "NLD": (["Holland", "The Hague"], ["Dutch"]),
    "ITA": (["Rome"], ["Italian"]),
    "ESP": (["Madrid"], ["Spanish"]),
    "CAN": (["Ottawa"], ["Canadian"]),
    "AUS": (["Canberra"], ["Australian"]),
    "TWN": (["Taipei", "Republic of China"], ["Taiwanese"]),
    "GEO": (["Tbilisi"], ["Georgian"]),
    "MDA": (["Chisinau"], ["Moldovan"]),
    "CZE": (["Czechia", "Prague"], ["Czech"]),
    "SVK": ([], ["Slovak"]), "ROU": (["Bucharest"], ["Romanian"]), "BGR": ([], ["Bulgarian"]),
    "LTU": (["Vilnius"], ["Lithuanian"]), "LVA": (["Riga"], ["Latvian"]), "EST": (["Tallinn"], ["Estonian"]),
    "FIN": (["Helsinki"], ["Finnish"]), "SWE": (["Stockholm"], ["Swedish"]), "NOR": (["Oslo"], ["Norwegian"]),
    "DNK": (["Copenhagen"], ["Danish"]), "BEL": (["Brussels"], ["Belgian"]), "AUT": (["Vienna"], ["Austrian"]),
    "CHE": (["Bern"], ["Swiss"]), "GRC": (["Athens"], ["Greek"]), "PRT": (["Lisbon"], ["Portuguese"]),
    "IRL": (["Dublin"], ["Irish"]), "SRB": (["Belgrade"], ["Serbian"]), "HRV": ([], ["Croatian"]),
    "KAZ": (["Astana"], ["Kazakh", "Kazakhstani"]), "ARM": (["Yerevan"], ["Armenian"]),
    "AZE": (["Baku"], ["Azerbaijani"]), "SAU": (["Riyadh"], ["Saudi"]), "ARE": (["UAE", "Abu Dhabi"], ["Emirati"]),
    "QAT": (["Doha"], ["Qatari"]), "EGY": (["Cairo"], ["Egyptian"]), "IRQ": (["Baghdad"], ["Iraqi"]),
    "AFG": (["Kabul"], ["Afghan"]), "PAK": (["Islamabad"], ["Pakistani"]), "BRA": (["Brasilia"], ["Brazilian"]),
    "ZAF": (["Pretoria"], ["South African"]), "MEX": ([], ["Mexican"]), "VNM": (["Hanoi"], ["Vietnamese"]),
    "KWT": ([], ["Kuwaiti"]), "JOR": (["Amman"], ["Jordanian"]), "LBN": (["Beirut"], ["Lebanese"]),
    "YEM": ([], ["Yemeni"]), "LBY": (["Tripoli"], ["Libyan"]), "PSE": (["Palestinian territories"], ["Palestinian"]),
    "SVN": ([], ["Slovenian"]), "ISL": ([], ["Icelandic"]), "LUX": ([], ["Luxembourgish"]),
    "NZL": ([], ["New Zealand"]), "ARG": ([], ["Argentine", "Argentinian"]), "CHL": ([], ["Chilean"]),
    "IDN": (["Jakarta"], ["Indonesian"]), "PHL": (["Manila"], ["Filipino", "Philippine"]),
    "THA": (["Bangkok"], ["Thai"]), "MYS": ([], ["Malaysian"]), "SGP": ([], ["Singaporean"]),
    "NGA": ([], ["Nigerian"]), "ETH": ([], ["Ethiopian"]), "KEN": ([], ["Kenyan"]),
    "CUB": (["Havana"], ["Cuban"]), "VEN": (["Caracas"], ["Venezuelan"]), "MNG": ([], ["Mongolian"]),
    "UZB": ([], ["Uzbek"]), "TJK": ([], ["Tajik"]), "KGZ": ([], ["Kyrgyz"]), "TKM": ([], ["Turkmen"]),
    "MNE": ([], ["Montenegrin"]), "ALB": ([], ["Albanian"]), "BIH": ([], ["Bosnian"]), "MKD": ([], ["Macedonian"]),
    "CYP": ([], ["Cypriot"]), "MLT": ([], ["Maltese"]), "VAT": (["Holy See", "Vatican City"], []),
    "SLV": ([], ["Salvadoran"]), "PER": ([], ["Peruvian"]), "OMN": ([], ["Omani"]), "COL": ([], ["Colombian"]),
    "ZWE": ([], ["Zimbabwean"]), "TUN": ([], ["Tunisian"]), "MAR": ([], ["Moroccan"]), "DZA": ([], ["Algerian"]),
    "SDN": ([], ["Sudanese"]), "SOM": ([], ["Somali"]), "GHA": ([], ["Ghanaian"]), "UGA": ([], ["Ugandan"]),
    "BGD": ([], ["Bangladeshi"]), "LKA": ([], ["Sri Lankan"]), "NPL": ([], ["Nepalese", "Nepali"]),
    "MMR": ([], ["Burmese", "Myanmar"]), "KHM": ([], ["Cambodian"]), "ECU": ([], ["Ecuadorian"]),
    "URY": ([], ["Uruguayan"]), "PRY": ([], ["Paraguayan"]), "GTM": ([], ["Guatemalan"]), "HND": ([], ["Honduran"]),
    "NIC": ([], ["Nicaraguan"]), "PAN": ([], ["Panamanian"]), "CRI": ([], ["Costa Rican"]), "JAM": ([], ["Jamaican"]),
    "HTI": ([], ["Haitian"]), "DOM": ([], ["Dominican"]), "SEN": ([], ["Senegalese"]), "MLI": ([], ["Malian"]),
    "NER": ([], ["Nigerien"]), "TCD": ([], ["Chadian"]), "CMR": ([], ["Cameroonian"]), "COD": ([], ["Congolese"]),
    "AGO": ([], ["Angolan"]), "MOZ": ([], ["Mozambican"]), "ZMB": ([], ["Zambian"]), "RWA": ([], ["Rwandan"]),
    "TZA": ([], ["Tanzanian"]), "ERI": ([], ["Eritrean"]), "BHR": ([], ["Bahraini"]),
}


def main() -> None:
    entries = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        name = RENAME.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        aliases = []
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n and n != name and n not in aliases:
                aliases.append(n)
        extra, demonyms = CURATED.get(c.alpha_3, ([], []))
        aliases += [a for a in extra if a not in aliases]
        e = {"name": name, "type": "GPE", "code": c.alpha_3}
        if aliases:
            e["aliases"] = aliases
        if demonyms:
            e["demonyms"] = demonyms
        e["help"] = f"the state {name} (ISO 3166-1 {c.alpha_3}); generated from pycountry"
        entries.append(e)
    head = ("# GENERATED by scripts/build_actors.py from pycountry (ISO 3166-1) plus the curated short forms,\n"
            "# demonyms and capitals-as-actors in that script. Do not edit: change the script and re-run it.\n"
            "# Entries in actors.yaml with the same name replace these.\n")
    OUT.write_text(head + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=120))
    print(f"{OUT}: {len(entries)} states")


if __name__ == "__main__":
    main()
