# ruff: noqa: E501
"""a05 – styrelseprotokoll with §-numbered items, Windows-1252."""

FILE = "a05_protokoll_styrelse_sodra_dalarna_2020.txt"
FORMAT = "txt"
TXT_OPTS = {"encoding": "cp1252"}

TEXT = """PROTOKOLL
Styrelsemöte, Samordningsförbundet Södra Dalarna (org.nr 802456-7890)

Datum: 2020-02-20
Tid: kl. 13.00-15.30
Plats: Kommunhuset, Borlänge

Närvarande ledamöter:
Kerstin Dahlgren, ordförande, Borlänge kommun
Per-Olof Bäckström, vice ordförande, Region Dalarna
Lina Forsberg, Arbetsförmedlingen
Tomas Westin, Försäkringskassan
Helena Skoog, Gagnefs kommun

Övriga närvarande:
Johan Ek, förbundschef (sekreterare)
Fatima Al-Hassan, projektledare, § 14

§ 9 Mötets öppnande

Ordföranden hälsade välkommen och förklarade mötet öppnat.

§ 10 Val av justerare

Styrelsen beslutade att utse Tomas Westin att jämte ordföranden justera dagens protokoll.

§ 11 Godkännande av dagordning

Dagordningen godkändes med tillägget att en information om lokalfrågan tas upp under övriga frågor.

§ 12 Verksamhetsberättelse och årsredovisning för verksamhetsåret 2019

Förbundschefen föredrog verksamhetsberättelsen för verksamhetsåret 2019. Under året finansierade förbundet sju insatser, varav fyra individinriktade. Totalt deltog 212 personer i de individinriktade insatserna, 118 kvinnor och 94 män. Av dem som avslutat en insats har 61 gått vidare till arbete eller studier. Förbundets intäkter uppgick till 6,4 mkr och det egna kapitalet vid årets slut till 1 870 000 kr, vilket motsvarar 29 procent av intäkterna.

Beslut: Styrelsen godkänner verksamhetsberättelsen och årsredovisningen för 2019 och överlämnar dem till revisorerna.

§ 13 Ekonomisk rapport

Förbundschefen redovisade utfallet till och med januari. Kostnaderna ligger i linje med budget.

Beslut: Styrelsen lägger rapporten till handlingarna.

§ 14 Lägesrapport Arbetsintegrering Dalarna

Fatima Al-Hassan informerade om insatsen Arbetsintegrering Dalarna, som drivs av Arbetsmarknadsenheten i Borlänge tillsammans med Dalarnas folkhögskola i Gagnef. Insatsen har i dag 18 inskrivna deltagare, varav 11 kvinnor. Målet är 30 deltagare vid årets slut. Ett 25-tal arbetsgivare har kontaktats och tre av dem har tagit emot praktikanter.

Beslut: Styrelsen tackar för informationen.

§ 15 Ansökan om medel, Kooperativet Bryggan

Kooperativet Bryggan ekonomisk förening har ansökt om 450 tkr för att under 2020 utveckla arbetsträningsplatser i sin café- och cateringverksamhet för 8-10 personer.

Beslut: Styrelsen beviljar 450 000 kronor för perioden 2020-04-01 – 2020-12-31, under förutsättning att Gagnefs kommun medfinansierar med motsvarande belopp.

§ 16 Övriga frågor

Förbundschefen informerade om att hyresavtalet för kansliets lokaler på Stationsgatan löper ut vid halvårsskiftet. Ett förslag tas fram till nästa möte.

§ 17 Nästa möte

Nästa styrelsemöte hålls den 23 april kl. 09.00 i Gagnef.

§ 18 Mötets avslutande

Ordföranden tackade för visat intresse och avslutade mötet.

Vid protokollet

Johan Ek

Justeras

Kerstin Dahlgren, ordförande          Tomas Westin, justerare
"""

GOLD = {
    "file": FILE,
    "report_type": "protokoll",
    "project_name": None,
    "period": None,  # minutes cover no period; the meeting day is the report date
    "report_date": "2020-02-20",
    "title_lines": [
        "PROTOKOLL",
        "Styrelsemöte, Samordningsförbundet Södra Dalarna (org.nr 802456-7890)",
        "Datum: 2020-02-20",
        "Tid: kl. 13.00-15.30",
        "Plats: Kommunhuset, Borlänge",
    ],
    "headings": [
        "§ 9 Mötets öppnande",
        "§ 10 Val av justerare",
        "§ 11 Godkännande av dagordning",
        "§ 12 Verksamhetsberättelse och årsredovisning för verksamhetsåret 2019",
        "§ 13 Ekonomisk rapport",
        "§ 14 Lägesrapport Arbetsintegrering Dalarna",
        "§ 15 Ansökan om medel, Kooperativet Bryggan",
        "§ 16 Övriga frågor",
        "§ 17 Nästa möte",
        "§ 18 Mötets avslutande",
    ],
    "optional_headings": [
        "Närvarande ledamöter:",
        "Övriga närvarande:",
        "Vid protokollet",
        "Justeras",
    ],
    "figures": [
        {"value": 7, "category": ["activities", "other"], "unit": "insats", "note": "finansierade förbundet sju insatser"},
        {"value": 4, "category": ["activities", "other"], "unit": "insats", "note": "varav fyra individinriktade"},
        {"value": 212, "category": "participants", "measure": "actual", "note": "Totalt deltog 212 personer"},
        {"value": 118, "category": "participants", "measure": "actual", "gender": "women", "note": "118 kvinnor"},
        {"value": 94, "category": "participants", "measure": "actual", "gender": "men", "note": "94 män"},
        {"value": 61, "category": "outcomes", "unit": "person", "note": "61 gått vidare till arbete eller studier"},
        {"value": 6400000, "category": "money", "unit": "kr", "note": "6,4 mkr"},
        {"value": 1870000, "category": "money", "unit": "kr", "note": "1 870 000 kr"},
        {"value": 29, "category": "percent", "unit": "%", "note": "29 procent"},
        {"value": 18, "category": "participants", "measure": "actual", "note": "18 inskrivna deltagare"},
        {"value": 11, "category": "participants", "measure": "actual", "gender": "women", "note": "varav 11 kvinnor"},
        {"value": 30, "category": "participants", "measure": "planned", "note": "Målet är 30 deltagare"},
        {"value": 25, "approx": True, "category": "organisations", "unit": "arbetsgivare", "note": "Ett 25-tal arbetsgivare"},
        {"value": 3, "category": "organisations", "unit": "arbetsgivare", "note": "tre av dem har tagit emot praktikanter"},
        {"value": 450000, "category": "money", "unit": "kr", "note": "450 tkr"},
        {"value": 8, "value_max": 10, "category": ["participants", "other"], "measure": "planned", "unit": "person", "note": "för 8-10 personer"},
        {"value": 450000, "category": "money", "unit": "kr", "note": "450 000 kronor"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Södra Dalarna", "label": "ORG"},
        {"text": "Borlänge", "label": "LOC"},
        {"text": "Kerstin Dahlgren", "label": "PER"},
        {"text": "Borlänge kommun", "label": "ORG"},
        {"text": "Per-Olof Bäckström", "label": "PER"},
        {"text": "Region Dalarna", "label": "ORG"},
        {"text": "Lina Forsberg", "label": "PER"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Tomas Westin", "label": "PER"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Helena Skoog", "label": "PER"},
        {"text": "Gagnefs kommun", "label": "ORG"},
        {"text": "Johan Ek", "label": "PER"},
        {"text": "Fatima Al-Hassan", "label": "PER"},
        {"text": "Arbetsintegrering Dalarna", "label": "ORG", "optional": True},
        {"text": "Arbetsmarknadsenheten i Borlänge", "label": "ORG"},
        {"text": "Dalarnas folkhögskola", "label": "ORG"},
        {"text": "Gagnef", "label": "LOC"},
        {"text": "Kooperativet Bryggan", "label": "ORG"},
        {"text": "Kooperativet Bryggan ekonomisk förening", "label": "ORG"},
        {"text": "Stationsgatan", "label": "LOC", "optional": True},
        {"text": "Kommunhuset", "label": ["LOC", "ORG"], "optional": True},
        {"text": "Dalarna", "label": "LOC", "optional": True},
    ],
    "audit": [],
}
