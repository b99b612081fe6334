"""Generate the b01-b12 test documents in legacy and scanned formats, with hand-written gold.

Run from the repository root:

    .venv/bin/python corpus/generators/make_legacy.py

Writes documents to corpus/reports/ and gold files to corpus/gold/<file>.gold.json.
Needs LibreOffice (`soffice`) for .doc/.rtf/.odt conversion, python-docx, odfpy and Pillow,
and the DejaVu fonts for the scanned PDFs.

Every document is written as a list of blocks in this file; the gold for it is written by
hand next to it (never derived from pipeline output). At the end the script runs a
consistency check: every figure note, entity text and heading in the gold must occur in the
document's source text, so a typo in either shows up at once.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "corpus" / "reports"
GOLD = ROOT / "corpus" / "gold"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def F(value, category, **kw):
    """One gold figure (a hand-written literal)."""
    d = {"value": value}
    if "approx" in kw:
        d["approx"] = kw.pop("approx")
    d["category"] = category
    for k in ("measure", "gender", "unit", "value_max", "optional", "note"):
        if k in kw:
            d[k] = kw.pop(k)
    assert not kw, kw
    return d


def E(text, label, normalized=None, optional=False):
    d = {"text": text}
    if normalized:
        d["normalized"] = normalized
    d["label"] = label
    if optional:
        d["optional"] = True
    return d


P = "participants"
OTHER = "other"

# ---------------------------------------------------------------------------
# Documents. Block kinds: title, line (top metadata line), h1, h2, p, table, pagebreak
# ---------------------------------------------------------------------------

DOCS: list[dict] = []

# ---------------------------------------------------------------- b01 (.doc)
DOCS.append({
    "file": "b01_slutrapport_steget_vidare_2018.doc",
    "make": "doc",
    "blocks": [
        ("title", "Slutrapport"),
        ("line", "Projektnamn: Steget vidare"),
        ("line", "Rapportperiod: 2016-01-01 – 2018-06-30"),
        ("line", "Samordningsförbundet Storsjöbygden"),
        ("h1", "Sammanfattning"),
        ("p", "Steget vidare har sedan januari 2016 erbjudit samordnat stöd till unga vuxna i Östersund och "
              "Krokom som varken arbetar eller studerar. Projektet har drivits av Östersunds kommun i samverkan "
              "med Arbetsförmedlingen, Försäkringskassan och Region Jämtland Härjedalen och har finansierats av "
              "Samordningsförbundet Storsjöbygden. Totalt har 46 personer deltagit, vilket är fler än de 40 som "
              "planerades."),
        ("h1", "Bakgrund"),
        ("p", "Under 2015 stod drygt 600 unga vuxna i länet utan arbete eller studier, enligt "
              "Arbetsförmedlingens statistik. Många av dem hade kontakt med flera myndigheter samtidigt men "
              "saknade en sammanhållen planering. Förstudien som genomfördes hösten 2015 visade att ungefär "
              "35 procent av de inskrivna hade ofullständiga gymnasiebetyg."),
        ("h1", "Målgrupp och mål"),
        ("p", "Målgruppen var unga vuxna 18–29 år med behov av samordnade insatser från minst två av parterna. "
              "Målet var 40 deltagare, varav 20 kvinnor och 20 män. Minst 40 procent av deltagarna skulle efter "
              "avslutad insats ha gått vidare till arbete eller studier."),
        ("h1", "Genomförande"),
        ("p", "Varje deltagare fick en personlig coach och en gemensam handlingsplan med handläggare från "
              "Arbetsförmedlingen och Försäkringskassan. Coacherna genomförde ett 60-tal trepartssamtal under "
              "projekttiden. Deltagarna erbjöds också gruppaktiviteter två förmiddagar i veckan, bland annat "
              "friskvård, samhällsorientering och digital kompetens."),
        ("h2", "Studiebesök och arbetsplatsträffar"),
        ("p", "Under projekttiden gjordes 12 studiebesök hos arbetsgivare i Östersund och Krokom. Tre "
              "arbetsplatsträffar ordnades tillsammans med Kooperativet Gröna Gårdar, där ett 30-tal deltagare "
              "och handledare deltog. Fem företag har tagit emot deltagare för praktik."),
        ("h2", "Samverkan med folkhögskolan"),
        ("p", "Birka folkhögskola erbjöd en förberedande kurs i grupper om 8–12 personer. Kursen startade två "
              "gånger, vt 2017 och ht 2017, och 14 personer var anmälda till den första omgången."),
        ("h1", "Deltagare"),
        ("p", "Tabellen visar planerat och faktiskt antal deltagare under hela projekttiden."),
        ("table", [["", "Planerat", "Utfall"],
                   ["Kvinnor", "20", "19"],
                   ["Män", "20", "27"],
                   ["Totalt", "40", "46"]]),
        ("p", "Andelen män blev högre än planerat, främst för att Arbetsförmedlingen anvisade fler unga män "
              "under 2017."),
        ("h1", "Resultat"),
        ("p", "Av de 46 deltagarna har 17 gått vidare till arbete och 9 har börjat studera, de flesta vid Birka "
              "folkhögskola eller Komvux i Östersund. Ytterligare 6 deltagare har gått vidare till annan insats, "
              "till exempel arbetsträning inom Krokoms kommun. Det innebär att knappt 70 procent av deltagarna "
              "har gått vidare till arbete, studier eller annan insats, vilket överträffar målet. Fyra deltagare "
              "avbröt av hälsoskäl."),
        ("h1", "Ekonomi"),
        ("p", "Samordningsförbundet beviljade totalt 3 MSEK för hela projekttiden. Utfallet blev 2 760 tkr, "
              "vilket motsvarar 92 % av budgeten. Den största kostnaden var lön för två coacher på heltid. "
              "Överskottet på 240 000 kronor återbetalas till förbundet."),
        ("h1", "Lärdomar och fortsättning"),
        ("p", "Den viktigaste lärdomen är att gemensamma handlingsplaner kortar tiden till egen försörjning. "
              "Från och med 2018-07-01 ingår arbetssättet i Östersunds kommuns ordinarie verksamhet. "
              "Kontaktperson är projektledare Anna-Karin Fjällström, tel. 063-14 30 00."),
        ("p", "Datum: 2018-09-14"),
    ],
    "gold": {
        "report_type": "slutrapport",
        "project_name": "Steget vidare",
        "period": {"start": "2016-01-01", "end": "2018-06-30"},
        "report_date": "2018-09-14",
        "title_lines": ["Slutrapport", "Projektnamn: Steget vidare", "Rapportperiod: 2016-01-01 – 2018-06-30",
                        "Samordningsförbundet Storsjöbygden"],
        "headings": ["Sammanfattning", "Bakgrund", "Målgrupp och mål", "Genomförande",
                     "Studiebesök och arbetsplatsträffar", "Samverkan med folkhögskolan", "Deltagare", "Resultat",
                     "Ekonomi", "Lärdomar och fortsättning"],
        "optional_headings": ["Datum: 2018-09-14"],
        "figures": [
            F(46, P, measure="actual", note="Totalt har 46 personer deltagit"),
            F(40, P, measure="planned", note="fler än de 40 som planerades"),
            F(600, OTHER, approx=True, unit="person", note="drygt 600 unga vuxna i länet utan arbete"),
            F(35, "percent", approx=True, unit="%", note="ungefär 35 procent"),
            F(18, OTHER, value_max=29, optional=True, note="unga vuxna 18–29 år"),
            F(2, ["organisations", OTHER], approx=True, optional=True, note="minst två av parterna"),
            F(40, P, measure="planned", note="Målet var 40 deltagare"),
            F(20, P, measure="planned", gender="women", note="varav 20 kvinnor"),
            F(20, P, measure="planned", gender="men", note="och 20 män"),
            F(40, "percent", approx=True, unit="%", note="Minst 40 procent"),
            F(60, "activities", approx=True, unit="trepartssamtal", note="ett 60-tal trepartssamtal"),
            F(2, [OTHER, "activities"], optional=True, note="två förmiddagar i veckan"),
            F(12, "activities", unit="studiebesök", note="12 studiebesök"),
            F(3, "activities", unit="arbetsplatsträff", note="Tre arbetsplatsträffar"),
            F(30, "attendance", approx=True, unit="person", note="ett 30-tal deltagare och handledare deltog"),
            F(5, "organisations", unit="företag", note="Fem företag"),
            F(8, [P, "attendance", OTHER], value_max=12, optional=True, note="i grupper om 8–12 personer"),
            F(2, ["activities", OTHER], optional=True, note="Kursen startade två gånger"),
            F(14, "registrations", unit="person", note="14 personer var anmälda"),
            F(20, P, measure="planned", gender="women", note="tabell: Kvinnor/Planerat"),
            F(19, P, measure="actual", gender="women", note="tabell: Kvinnor/Utfall"),
            F(20, P, measure="planned", gender="men", note="tabell: Män/Planerat"),
            F(27, P, measure="actual", gender="men", note="tabell: Män/Utfall"),
            F(40, P, measure="planned", note="tabell: Totalt/Planerat"),
            F(46, P, measure="actual", note="tabell: Totalt/Utfall"),
            F(46, P, note="Av de 46 deltagarna"),
            F(17, "outcomes", unit="person", note="17 gått vidare till arbete"),
            F(9, "outcomes", unit="person", note="9 har börjat studera"),
            F(6, "outcomes", unit="person", note="Ytterligare 6 deltagare har gått vidare till annan insats"),
            F(70, "percent", approx=True, unit="%", note="knappt 70 procent"),
            F(4, ["outcomes", OTHER], unit="person", note="Fyra deltagare avbröt"),
            F(3000000, "money", unit="kr", note="3 MSEK"),
            F(2760000, "money", unit="kr", note="2 760 tkr"),
            F(92, "percent", unit="%", note="92 %"),
            F(2, OTHER, optional=True, note="två coacher på heltid"),
            F(240000, "money", unit="kr", note="240 000 kronor"),
        ],
        "entities": [
            E("Samordningsförbundet Storsjöbygden", "ORG"),
            E("Östersund", "LOC"),
            E("Krokom", "LOC"),
            E("Östersunds kommun", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Region Jämtland Härjedalen", "ORG"),
            E("Arbetsförmedlingens", "ORG", normalized="Arbetsförmedlingen"),
            E("Kooperativet Gröna Gårdar", "ORG"),
            E("Birka folkhögskola", "ORG"),
            E("Krokoms kommun", "ORG"),
            E("Östersunds kommuns", "ORG", normalized="Östersunds kommun"),
            E("Anna-Karin Fjällström", "PER"),
            E("Komvux", "ORG", optional=True),
            E("Samordningsförbundet", "ORG", optional=True),
            E("Steget vidare", "ORG", optional=True),
        ],
        "audit": ["actual_exceeds_planned"],
    },
})

# ---------------------------------------------------------------- b02 (.doc)
DOCS.append({
    "file": "b02_lagesrapport_jobbvagen_2021.doc",
    "make": "doc",
    "blocks": [
        ("title", "Lägesrapport"),
        ("line", "Skickas till Samordningsförbundet Piteå älvdal varje halvår"),
        ("line", "Insatsens namn: Jobbvägen 2.0"),
        ("line", "Rapportperiod: 2020-12-01 – 2021-05-31"),
        ("line", "Projektägare: Piteå kommun, Arbetsmarknadsenheten"),
        ("h1", "1. Aktiviteter under perioden"),
        ("p", "Under vt 2021 har verksamheten till stor del bedrivits digitalt på grund av pandemin. Tre "
              "workshops om arbetsmarknadens krav har genomförts, och varje workshop samlade 10–15 personer. "
              "Projektets två jobbcoacher har haft ett 80-tal individuella samtal med deltagarna. Den 20 maj "
              "anordnades en jobbmässa utomhus vid Acusticum i Piteå där 45 personer var anmälda och ett 30-tal "
              "deltog. Mässan startade kl. 13.00 och åtta arbetsgivare fanns på plats."),
        ("h1", "2. Deltagare"),
        ("p", "Sedan projektstart har vi haft 12 deltagare varav 7 kvinnor. Planerat antal för hela "
              "projekttiden är 30 deltagare. Under perioden har fyra nya deltagare skrivits in, samtliga "
              "anvisade från Arbetsförmedlingen. Rekryteringen har gått långsammare än planerat eftersom "
              "Försäkringskassan inte har kunnat delta i de gemensamma kartläggningsmötena."),
        ("h1", "3. Resultat för deltagarna"),
        ("p", "Två deltagare har fått anställning med lönestöd och en har börjat studera på Komvux. Ytterligare "
              "tre deltagare har påbörjat arbetsträning hos det sociala kooperativet Kaffestugan i Öjebyn."),
        ("h1", "4. Avvikelser från ansökan"),
        ("p", "Enligt ansökan skulle 15 deltagare ha skrivits in före sommaren 2021. Vi ligger därför efter plan. "
              "Orsaken är främst att Arbetsförmedlingen under första halvåret 2021 har minskat antalet "
              "anvisningar till externa aktörer. Rapporten har stämts av med styrgruppen den 9/6 2021."),
        ("h1", "5. Ekonomi"),
        ("p", "Beviljad budget för 2021 är 1,2 mkr. Till och med den 31 maj har 480 tkr förbrukats, det vill "
              "säga 40 %. Lönekostnaderna är lägre än budgeterat eftersom en av coacherna var föräldraledig "
              "under två månader."),
        ("h1", "6. Planerade aktiviteter hösten 2021"),
        ("p", "Under hösten 2021 planerar vi fyra gruppträffar per månad och en gemensam studieresa till Luleå. "
              "Vi räknar med att skriva in ytterligare 8–10 deltagare."),
        ("p", "Datum: 09.06.2021"),
        ("p", "Underskrift: Maja Lindqvist, projektledare, tel. 0911-69 60 00"),
    ],
    "gold": {
        "report_type": "lägesrapport",
        "project_name": "Jobbvägen 2.0",
        "period": {"start": "2020-12-01", "end": "2021-05-31"},
        "report_date": "2021-06-09",
        "title_lines": ["Lägesrapport", "Skickas till Samordningsförbundet Piteå älvdal varje halvår",
                        "Insatsens namn: Jobbvägen 2.0", "Rapportperiod: 2020-12-01 – 2021-05-31",
                        "Projektägare: Piteå kommun, Arbetsmarknadsenheten"],
        "headings": ["1. Aktiviteter under perioden", "2. Deltagare", "3. Resultat för deltagarna",
                     "4. Avvikelser från ansökan", "5. Ekonomi", "6. Planerade aktiviteter hösten 2021"],
        "optional_headings": ["Datum: 09.06.2021"],
        "figures": [
            F(3, "activities", unit="workshop", note="Tre workshops"),
            F(10, "attendance", value_max=15, unit="person", note="samlade 10–15 personer"),
            F(2, OTHER, optional=True, note="Projektets två jobbcoacher"),
            F(80, "activities", approx=True, unit="samtal", note="ett 80-tal individuella samtal"),
            F(45, "registrations", unit="person", note="45 personer var anmälda"),
            F(30, "attendance", approx=True, unit="person", note="ett 30-tal deltog"),
            F(8, "organisations", unit="arbetsgivare", note="åtta arbetsgivare fanns på plats"),
            F(12, P, note="har vi haft 12 deltagare"),
            F(7, P, gender="women", note="varav 7 kvinnor"),
            F(30, P, measure="planned", note="Planerat antal för hela projekttiden är 30 deltagare"),
            F(4, P, note="fyra nya deltagare skrivits in"),
            F(2, "outcomes", unit="person", note="Två deltagare har fått anställning"),
            F(1, "outcomes", unit="person", note="en har börjat studera"),
            F(3, "outcomes", unit="person", note="tre deltagare har påbörjat arbetsträning"),
            F(15, P, measure="planned", note="skulle 15 deltagare ha skrivits in"),
            F(1200000, "money", unit="kr", note="1,2 mkr"),
            F(480000, "money", unit="kr", note="480 tkr"),
            F(40, "percent", unit="%", note="40 %"),
            F(2, OTHER, optional=True, note="under två månader"),
            F(4, "activities", unit="gruppträff", note="fyra gruppträffar per månad"),
            F(1, ["activities", OTHER], optional=True, note="en gemensam studieresa"),
            F(8, P, value_max=10, note="ytterligare 8–10 deltagare"),
        ],
        "entities": [
            E("Samordningsförbundet Piteå älvdal", "ORG"),
            E("Piteå kommun", "ORG"),
            E("Arbetsmarknadsenheten", "ORG", optional=True),
            E("Acusticum", ["LOC", "ORG"]),
            E("Piteå", "LOC"),
            E("Arbetsförmedlingen", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Komvux", "ORG", optional=True),
            E("Kaffestugan", "ORG"),
            E("Öjebyn", "LOC"),
            E("Luleå", "LOC"),
            E("Maja Lindqvist", "PER"),
            E("Jobbvägen 2.0", "ORG", optional=True),
        ],
        "audit": [],
    },
})

# ---------------------------------------------------------------- b03 (.doc) protokoll
DOCS.append({
    "file": "b03_protokoll_styrelse_dalalven_2015.doc",
    "make": "doc",
    "blocks": [
        ("title", "Protokoll"),
        ("line", "Styrelsemöte i Samordningsförbundet Dalälven"),
        ("line", "Org.nr 222000-2642"),
        ("line", "Datum: 2015-03-26"),
        ("line", "Tid: kl. 13.00–15.25"),
        ("line", "Plats: Stadshuset i Avesta"),
        ("h1", "Närvarande"),
        ("p", "Ledamöter: Göran Åkesson, ordförande (Avesta kommun), Hélène Berg (Försäkringskassan), "
              "Stig Wärnberg (Arbetsförmedlingen), Margareta Lööf (Landstinget Dalarna) och Jonas Tjärnström "
              "(Hedemora kommun). Övriga: Per-Olof Öhman, förbundschef, och Lena Björk, sekreterare."),
        ("h1", "§ 1 Mötets öppnande"),
        ("p", "Ordföranden hälsade alla välkomna och förklarade mötet öppnat."),
        ("h1", "§ 2 Val av justerare"),
        ("p", "Till att jämte ordföranden justera dagens protokoll valdes Hélène Berg."),
        ("h1", "§ 3 Godkännande av dagordning"),
        ("p", "Dagordningen godkändes med tillägg av en punkt under övriga frågor."),
        ("h1", "§ 4 Föregående protokoll"),
        ("p", "Protokollet från sammanträdet 2015-02-12, § 1–14, lades till handlingarna."),
        ("h1", "§ 5 Ekonomisk rapport"),
        ("p", "Förbundschefen redovisade det ekonomiska läget. Förbundets egna kapital uppgick vid årsskiftet "
              "till 1 150 tkr, vilket motsvarar 18 procent av årets intäkter. Styrelsen har som riktlinje att "
              "det egna kapitalet inte ska överstiga 20 %."),
        ("p", "Beslut: Styrelsen godkänner den ekonomiska rapporten."),
        ("h1", "§ 6 Ansökan om medel – Mötesplats Hedemora"),
        ("p", "Hedemora kommun har ansökt om 450 tkr för insatsen Mötesplats Hedemora under 2015–2016. "
              "Insatsen ska drivas tillsammans med Landstinget Dalarna och arbetskooperativet Verkstan i "
              "Hedemora ekonomisk förening."),
        ("p", "Beslut: Styrelsen beviljar 450 000 kronor, fördelat med 225 000 kronor per år. Medlen betalas "
              "ut kvartalsvis."),
        ("h1", "§ 7 Förlängning av insatsen Aktiv vardag"),
        ("p", "Insatsen Aktiv vardag har begärt förlängning med sex månader till 2015-12-31 och ett tillskott "
              "om 180 000 kronor. Förbundschefen föredrog ärendet."),
        ("p", "Beslut: Styrelsen beviljar förlängningen men med 150 000 kr, då en del av kostnaderna kan "
              "täckas av Arbetsförmedlingen."),
        ("h1", "§ 8 Övriga frågor"),
        ("p", "Per-Olof Öhman informerade om den nationella Finsamkonferensen i Göteborg 14–15 april 2015. "
              "Fyra personer från styrelse och kansli anmäls. Nästa möte hålls 2015-05-07 kl. 09.00 i Säter."),
        ("h1", "§ 9 Mötets avslutande"),
        ("p", "Ordföranden tackade de närvarande och förklarade mötet avslutat."),
        ("h1", "Justering"),
        ("p", "Vid protokollet: Lena Björk. Justeras: Göran Åkesson, ordförande, och Hélène Berg."),
    ],
    "gold": {
        "report_type": "protokoll",
        "project_name": None,
        "period": None,
        "report_date": "2015-03-26",
        "title_lines": ["Protokoll", "Styrelsemöte i Samordningsförbundet Dalälven", "Org.nr 222000-2642",
                        "Datum: 2015-03-26", "Tid: kl. 13.00–15.25", "Plats: Stadshuset i Avesta"],
        "headings": ["Närvarande", "§ 1 Mötets öppnande", "§ 2 Val av justerare", "§ 3 Godkännande av dagordning",
                     "§ 4 Föregående protokoll", "§ 5 Ekonomisk rapport",
                     "§ 6 Ansökan om medel – Mötesplats Hedemora", "§ 7 Förlängning av insatsen Aktiv vardag",
                     "§ 8 Övriga frågor", "§ 9 Mötets avslutande", "Justering"],
        "optional_headings": ["Ledamöter:", "Övriga:", "Beslut:"],
        "figures": [
            F(1150000, "money", unit="kr", note="1 150 tkr"),
            F(18, "percent", unit="%", note="18 procent"),
            F(20, "percent", unit="%", note="20 %"),
            F(450000, "money", unit="kr", note="450 tkr"),
            F(450000, "money", unit="kr", note="450 000 kronor"),
            F(225000, "money", unit="kr", note="225 000 kronor per år"),
            F(6, OTHER, optional=True, note="sex månader"),
            F(180000, "money", unit="kr", note="180 000 kronor"),
            F(150000, "money", unit="kr", note="150 000 kr"),
            F(4, "registrations", unit="person", note="Fyra personer från styrelse och kansli anmäls"),
            F(1, OTHER, optional=True, note="en punkt under övriga frågor"),
        ],
        "entities": [
            E("Samordningsförbundet Dalälven", "ORG"),
            E("Stadshuset", ["LOC", "ORG"], optional=True),
            E("Avesta", "LOC"),
            E("Göran Åkesson", "PER"),
            E("Avesta kommun", "ORG"),
            E("Hélène Berg", "PER"),
            E("Försäkringskassan", "ORG"),
            E("Stig Wärnberg", "PER"),
            E("Arbetsförmedlingen", "ORG"),
            E("Margareta Lööf", "PER"),
            E("Landstinget Dalarna", "ORG"),
            E("Jonas Tjärnström", "PER"),
            E("Hedemora kommun", "ORG"),
            E("Per-Olof Öhman", "PER"),
            E("Lena Björk", "PER"),
            E("Mötesplats Hedemora", "ORG", optional=True),
            E("Hedemora", "LOC", optional=True),
            E("Verkstan i Hedemora ekonomisk förening", "ORG"),
            E("Aktiv vardag", "ORG", optional=True),
            E("Finsamkonferensen", "ORG", optional=True),
            E("Göteborg", "LOC"),
            E("Dalarna", "LOC", optional=True),
            E("Säter", "LOC"),
        ],
        "audit": ["no_participants"],
    },
})

# ---------------------------------------------------------------- b04 (.rtf via docx)
DOCS.append({
    "file": "b04_delrapport_kraftsamling_2012.rtf",
    "make": "rtf",
    "blocks": [
        ("title", "Delrapport 1"),
        ("line", "Projektnamn: Kraftsamling"),
        ("line", "Period: 1 september 2011 – 29 februari 2012"),
        ("line", "Projektägare: Bollnäs kommun"),
        ("h1", "Inledning"),
        ("p", "Kraftsamling startade i september 2011 och är ett treårigt projekt för personer i Bollnäs och "
              "Ovanåker som har haft sjukpenning eller aktivitetsersättning under lång tid. Projektet finansieras "
              "av Samordningsförbundet Ljusnan med 2,4 mkr och drivs av Bollnäs kommun tillsammans med "
              "Försäkringskassan, Arbetsförmedlingen och Landstinget Gävleborg."),
        ("h1", "Deltagare"),
        ("p", "Fram till den 29 februari har 18 personer skrivits in i projektet. Målet för den första perioden "
              "var 24 deltagare. Tabellen nedan visar fördelningen på kvinnor och män."),
        ("table", [["", "Planerat", "Utfall"],
                   ["Kvinnor", "12", "9"],
                   ["Män", "12", "8"],
                   ["Totalt", "24", "18"]]),
        ("p", "Medelåldern bland deltagarna är 44 år."),
        ("h1", "Aktiviteter"),
        ("p", "Under perioden har deltagarna erbjudits fysisk aktivitet två gånger i veckan och kurser i "
              "stresshantering. Sex kurstillfällen i stresshantering har genomförts, med i genomsnitt åtta "
              "deltagare per tillfälle. En informationsträff för arbetsgivare i Edsbyn lockade 35 personer."),
        ("h1", "Samverkan"),
        ("p", "Styrgruppen har haft fyra möten under perioden. Projektet har också knutit kontakt med Bollnäs "
              "folkhögskola och med två sociala företag i Ovanåker, bland dem Växthuset i Alfta ekonomisk "
              "förening."),
        ("h1", "Ekonomi"),
        ("p", "Under perioden har 612 000 kronor förbrukats av årets budget på 800 tkr, vilket är 76,5 %."),
        ("h1", "Nästa period"),
        ("p", "Under våren 2012 ska ytterligare 6 deltagare skrivas in. Vi kommer också att starta en grupp "
              "för deltagare som vill pröva arbetsträning, med plats för 8 personer."),
        ("p", "Bollnäs den 20 mars 2012"),
        ("p", "Ingrid Hälleberg, projektledare"),
    ],
    "gold": {
        "report_type": "delrapport",
        "project_name": "Kraftsamling",
        "period": {"start": "2011-09-01", "end": "2012-02-29"},
        "report_date": "2012-03-20",
        "title_lines": ["Delrapport 1", "Projektnamn: Kraftsamling", "Period: 1 september 2011 – 29 februari 2012",
                        "Projektägare: Bollnäs kommun"],
        "headings": ["Inledning", "Deltagare", "Aktiviteter", "Samverkan", "Ekonomi", "Nästa period"],
        "figures": [
            F(2400000, "money", unit="kr", note="2,4 mkr"),
            F(18, P, note="har 18 personer skrivits in"),
            F(24, P, measure="planned", note="Målet för den första perioden var 24 deltagare"),
            F(12, P, measure="planned", gender="women", note="tabell: Kvinnor/Planerat"),
            F(9, P, measure="actual", gender="women", note="tabell: Kvinnor/Utfall"),
            F(12, P, measure="planned", gender="men", note="tabell: Män/Planerat"),
            F(8, P, measure="actual", gender="men", note="tabell: Män/Utfall"),
            F(24, P, measure="planned", note="tabell: Totalt/Planerat"),
            F(18, P, measure="actual", note="tabell: Totalt/Utfall"),
            F(44, OTHER, optional=True, note="Medelåldern bland deltagarna är 44 år"),
            F(2, [OTHER, "activities"], optional=True, note="två gånger i veckan"),
            F(6, "activities", unit="kurstillfälle", note="Sex kurstillfällen"),
            F(8, ["attendance", OTHER], optional=True, note="i genomsnitt åtta deltagare per tillfälle"),
            F(1, ["activities", OTHER], optional=True, note="En informationsträff för arbetsgivare"),
            F(35, "attendance", unit="person", note="lockade 35 personer"),
            F(4, "activities", unit="möte", note="fyra möten"),
            F(2, "organisations", unit="företag", note="två sociala företag"),
            F(612000, "money", unit="kr", note="612 000 kronor"),
            F(800000, "money", unit="kr", note="800 tkr"),
            F(76.5, "percent", unit="%", note="76,5 %"),
            F(6, P, note="ytterligare 6 deltagare skrivas in"),
            F(8, [P, OTHER], optional=True, note="med plats för 8 personer"),
        ],
        "entities": [
            E("Bollnäs kommun", "ORG"),
            E("Bollnäs", "LOC"),
            E("Ovanåker", "LOC"),
            E("Samordningsförbundet Ljusnan", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Landstinget Gävleborg", "ORG"),
            E("Edsbyn", "LOC"),
            E("Bollnäs folkhögskola", "ORG"),
            E("Växthuset i Alfta ekonomisk förening", "ORG"),
            E("Alfta", "LOC", optional=True),
            E("Ingrid Hälleberg", "PER"),
            E("Kraftsamling", "ORG", optional=True),
        ],
        "audit": ["total_mismatch"],
    },
})

# ---------------------------------------------------------------- b05 (hand-written .rtf)
DOCS.append({
    "file": "b05_ansokan_sprakbron_2023.rtf",
    "make": "rtf_hand",
    "blocks": [
        ("title", "Ansökan om finansiering"),
        ("line", "Till Samordningsförbundet Göinge"),
        ("line", "Insatsens namn: Språkbron"),
        ("line", "Sökande: Hässleholms kommun, Arbetsmarknadsavdelningen"),
        ("line", "Organisationsnummer: 212000-0985"),
        ("line", "Ansökt period: 2024-01-01 – 2025-12-31"),
        ("line", "Datum: 2023-10-02"),
        ("h1", "Bakgrund och behov"),
        ("p", "I Hässleholm och Osby finns omkring 300 utrikes födda kvinnor som varken arbetar eller studerar "
              "och som saknar ersättning från Arbetsförmedlingen eller Försäkringskassan. Enligt kommunens "
              "statistik för 2022 har 62 procent av dem bott i Sverige i mer än fem år."),
        ("h1", "Syfte och mål"),
        ("p", "Planerat antal deltagare är 40, varav minst 30 kvinnor. Målet är att 50 % av deltagarna ska ha "
              "gått vidare till arbete, studier eller annan insats efter avslutat deltagande, och att minst 25 % "
              "ska ha påbörjat studier i svenska."),
        ("h1", "Målgrupp"),
        ("p", "Utrikes födda kvinnor och män 20–64 år i Hässleholm och Osby som behöver stöd i svenska språket "
              "för att närma sig arbetsmarknaden."),
        ("h1", "Aktiviteter"),
        ("p", "Språkpraktik i grupper om 8–10 personer tre dagar i veckan, individuell vägledning, två "
              "studiebesök per termin på arbetsplatser samt en introduktionskurs tillsammans med Önnestads "
              "folkhögskola. Varje deltagare erbjuds minst 20 timmar vägledning."),
        ("h1", "Samverkanspartner"),
        ("p", "Arbetsförmedlingen, Försäkringskassan, Region Skåne, Osby kommun, Önnestads folkhögskola och "
              "det sociala företaget Kvinnokraft i Göinge ekonomisk förening. Fem lokala arbetsgivare har lämnat "
              "avsiktsförklaringar."),
        ("h1", "Budget"),
        ("p", "Sökt belopp från samordningsförbundet är 1 850 000 kronor för hela perioden, varav 910 tkr år 1 "
              "och 940 tkr år 2. Hässleholms kommun bidrar med lokaler och 0,5 mkr i medfinansiering. "
              "Lönekostnaderna utgör 78 % av budgeten."),
        ("h1", "Uppföljning"),
        ("p", "Lägesrapporter lämnas två gånger per år, senast 31 augusti och 28 februari. Insatsen utvärderas "
              "av Högskolan Kristianstad."),
        ("h1", "Kontaktperson"),
        ("p", "Aïsha Diallo, enhetschef, tel. 0451-26 70 00"),
    ],
    "gold": {
        "report_type": "ansökan",
        "project_name": "Språkbron",
        "period": {"start": "2024-01-01", "end": "2025-12-31"},
        "report_date": "2023-10-02",
        "title_lines": ["Ansökan om finansiering", "Till Samordningsförbundet Göinge", "Insatsens namn: Språkbron",
                        "Sökande: Hässleholms kommun, Arbetsmarknadsavdelningen",
                        "Organisationsnummer: 212000-0985", "Ansökt period: 2024-01-01 – 2025-12-31",
                        "Datum: 2023-10-02"],
        "headings": ["Bakgrund och behov", "Syfte och mål", "Målgrupp", "Aktiviteter", "Samverkanspartner",
                     "Budget", "Uppföljning", "Kontaktperson"],
        "figures": [
            F(300, OTHER, approx=True, unit="person", note="omkring 300 utrikes födda kvinnor"),
            F(62, "percent", unit="%", note="62 procent"),
            F(5, OTHER, optional=True, note="mer än fem år"),
            F(40, P, measure="planned", note="Planerat antal deltagare är 40"),
            F(30, P, approx=True, measure="planned", gender="women", note="varav minst 30 kvinnor"),
            F(50, "percent", unit="%", note="50 % av deltagarna"),
            F(25, "percent", approx=True, unit="%", note="minst 25 %"),
            F(20, OTHER, value_max=64, optional=True, note="20–64 år"),
            F(8, [P, "attendance", OTHER], value_max=10, optional=True, note="i grupper om 8–10 personer"),
            F(3, OTHER, optional=True, note="tre dagar i veckan"),
            F(2, "activities", unit="studiebesök", note="två studiebesök per termin"),
            F(1, ["activities", OTHER], optional=True, note="en introduktionskurs"),
            F(20, OTHER, approx=True, optional=True, note="minst 20 timmar vägledning"),
            F(5, "organisations", unit="arbetsgivare", note="Fem lokala arbetsgivare"),
            F(1850000, "money", unit="kr", note="1 850 000 kronor"),
            F(910000, "money", unit="kr", note="910 tkr"),
            F(940000, "money", unit="kr", note="940 tkr"),
            F(500000, "money", unit="kr", note="0,5 mkr"),
            F(78, "percent", unit="%", note="78 %"),
            F(2, OTHER, optional=True, note="två gånger per år"),
        ],
        "entities": [
            E("Samordningsförbundet Göinge", "ORG"),
            E("Hässleholms kommun", "ORG"),
            E("Arbetsmarknadsavdelningen", "ORG", optional=True),
            E("Hässleholm", "LOC"),
            E("Osby", "LOC"),
            E("Arbetsförmedlingen", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Sverige", "LOC"),
            E("Önnestads folkhögskola", "ORG"),
            E("Region Skåne", "ORG"),
            E("Osby kommun", "ORG"),
            E("Kvinnokraft i Göinge ekonomisk förening", "ORG"),
            E("Högskolan Kristianstad", "ORG"),
            E("Aïsha Diallo", "PER"),
            E("Göinge", "LOC", optional=True),
            E("Språkbron", "ORG", optional=True),
        ],
        "audit": [],
    },
})

# ---------------------------------------------------------------- b06 (.odt with odfpy)
DOCS.append({
    "file": "b06_utvardering_arbetsro_2016.odt",
    "make": "odt_odfpy",
    "blocks": [
        ("title", "Extern utvärdering av projektet Arbetsro"),
        ("line", "Projektnamn: Arbetsro"),
        ("line", "Utvärderingsperiod: 2014-08-01 – 2016-05-31"),
        ("line", "Upprättad 2016-06-20"),
        ("h1", "1 Inledning"),
        ("h2", "1.1 Uppdraget"),
        ("p", "Samordningsförbundet Klarälvdalen gav i december 2015 Norrskens utvärdering AB i uppdrag att "
              "utvärdera projektet Arbetsro, som har drivits av Arvika kommun i samverkan med Eda kommun, "
              "Arbetsförmedlingen och Försäkringskassan. Uppdraget omfattade 120 timmar och kostade "
              "95 000 kronor."),
        ("h2", "1.2 Metod"),
        ("p", "Utvärderingen bygger på 22 intervjuer med deltagare, handläggare och chefer, en enkät till "
              "deltagarna samt projektets egen dokumentation. Enkäten skickades till samtliga 58 deltagare och "
              "besvarades av 35, vilket ger en svarsfrekvens på 60 procent."),
        ("h1", "2 Resultat"),
        ("h2", "2.1 Deltagare"),
        ("p", "Projektet planerade för 60 deltagare och nådde 58, jämnt fördelat mellan kvinnor och män."),
        ("table", [["", "Planerat", "Utfall"],
                   ["Kvinnor", "30", "29"],
                   ["Män", "30", "29"],
                   ["Totalt", "60", "58"]]),
        ("p", "Medianåldern var 41 år och 14 deltagare hade varit sjukskrivna i mer än tre år när de skrevs in."),
        ("h2", "2.2 Deltagarnas utfall"),
        ("p", "Vid avslut hade 15 deltagare gått vidare till arbete, varav 6 med lönestöd, och 7 hade börjat "
              "studera. Ytterligare 11 deltagare hade gått vidare till fortsatt rehabilitering inom Landstinget "
              "i Värmland. Sammantaget gick knappt 57 procent vidare till arbete, studier eller annan insats."),
        ("h2", "2.3 Samverkan mellan parterna"),
        ("p", "Parterna har träffats i styrgruppen elva gånger. De intervjuade handläggarna beskriver att "
              "samverkan blev mer konkret efter att Försäkringskassans handläggare började arbeta på plats i "
              "Arvika en dag i veckan. Tre av fyra parter anser att arbetssättet bör leva vidare."),
        ("h1", "3 Slutsatser och rekommendationer"),
        ("p", "Utvärderingen visar att Arbetsro i stort sett har nått sina mål för antalet deltagare och för "
              "andelen som gått vidare. Vi rekommenderar att arbetssättet införs i Arvika kommuns ordinarie "
              "verksamhet och att Eda kommun bidrar med en halvtidstjänst. Kostnaden per deltagare uppgick till "
              "cirka 41 000 kronor."),
        ("p", "Karin Sjöö och Mårten Ödlund, Norrskens utvärdering AB"),
    ],
    "gold": {
        "report_type": "utvärdering",
        "project_name": "Arbetsro",
        "period": {"start": "2014-08-01", "end": "2016-05-31"},
        "report_date": "2016-06-20",
        "title_lines": ["Extern utvärdering av projektet Arbetsro", "Projektnamn: Arbetsro",
                        "Utvärderingsperiod: 2014-08-01 – 2016-05-31", "Upprättad 2016-06-20"],
        "headings": ["1 Inledning", "1.1 Uppdraget", "1.2 Metod", "2 Resultat", "2.1 Deltagare",
                     "2.2 Deltagarnas utfall", "2.3 Samverkan mellan parterna", "3 Slutsatser och rekommendationer"],
        "figures": [
            F(120, OTHER, unit="timme", note="120 timmar"),
            F(95000, "money", unit="kr", note="95 000 kronor"),
            F(22, "activities", unit="intervju", note="22 intervjuer"),
            F(58, P, note="samtliga 58 deltagare"),
            F(35, OTHER, unit="person", note="besvarades av 35"),
            F(60, "percent", unit="%", note="60 procent"),
            F(60, P, measure="planned", note="planerade för 60 deltagare"),
            F(58, P, measure="actual", note="nådde 58"),
            F(30, P, measure="planned", gender="women", note="tabell: Kvinnor/Planerat"),
            F(29, P, measure="actual", gender="women", note="tabell: Kvinnor/Utfall"),
            F(30, P, measure="planned", gender="men", note="tabell: Män/Planerat"),
            F(29, P, measure="actual", gender="men", note="tabell: Män/Utfall"),
            F(60, P, measure="planned", note="tabell: Totalt/Planerat"),
            F(58, P, measure="actual", note="tabell: Totalt/Utfall"),
            F(41, OTHER, optional=True, note="Medianåldern var 41 år"),
            F(14, [OTHER, P], unit="person", note="14 deltagare hade varit sjukskrivna"),
            F(3, OTHER, optional=True, note="mer än tre år"),
            F(15, "outcomes", unit="person", note="15 deltagare gått vidare till arbete"),
            F(6, "outcomes", unit="person", note="varav 6 med lönestöd"),
            F(7, "outcomes", unit="person", note="7 hade börjat studera"),
            F(11, "outcomes", unit="person", note="Ytterligare 11 deltagare"),
            F(57, "percent", approx=True, unit="%", note="knappt 57 procent"),
            F(11, "activities", unit="möte", note="styrgruppen elva gånger"),
            F(1, OTHER, optional=True, note="en dag i veckan"),
            F(3, "organisations", note="Tre av fyra parter"),
            F(4, "organisations", optional=True, note="Tre av fyra parter"),
            F(41000, "money", approx=True, unit="kr", note="cirka 41 000 kronor"),
        ],
        "entities": [
            E("Samordningsförbundet Klarälvdalen", "ORG"),
            E("Norrskens utvärdering AB", "ORG"),
            E("Arvika kommun", "ORG"),
            E("Eda kommun", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Landstinget i Värmland", "ORG"),
            E("Försäkringskassans", "ORG", normalized="Försäkringskassan"),
            E("Arvika", "LOC"),
            E("Arvika kommuns", "ORG", normalized="Arvika kommun"),
            E("Karin Sjöö", "PER"),
            E("Mårten Ödlund", "PER"),
            E("Arbetsro", "ORG", optional=True),
            E("Värmland", "LOC", optional=True),
        ],
        "audit": [],
    },
})

# ---------------------------------------------------------------- b07 (.odt via docx)
DOCS.append({
    "file": "b07_projektbeskrivning_unga_pa_vag_2010.odt",
    "make": "odt",
    "blocks": [
        ("title", "Projektbeskrivning"),
        ("line", "Unga på väg"),
        ("line", "2010-03-01 – 2011-12-31"),
        ("h1", "Organisation och resurser"),
        ("p", "Projektet ägs av Skellefteå kommun, Arbetsmarknadsförvaltningen, och bemannas med en "
              "projektledare på 100 % och två arbetskonsulenter på vardera 75 %. Verksamheten har lokaler på "
              "Kanalgatan i Skellefteå."),
        ("h1", "Målgrupp och mål"),
        ("p", "Målgruppen är ungdomar 16–24 år med aktivitetsersättning eller som riskerar att hamna där. Under "
              "projekttiden ska 35 ungdomar delta, varav ett 15-tal unga kvinnor. Minst 12 deltagare ska ha gått "
              "vidare till arbete eller studier vid projektets slut."),
        ("h1", "Arbetssätt"),
        ("p", "Varje ungdom får en arbetskonsulent som följer personen genom hela insatsen. Arbetet sker i tre "
              "steg: kartläggning, praktik och matchning. Projektet samarbetar med Medlefors folkhögskola, "
              "Försäkringskassan, Arbetsförmedlingen och Västerbottens läns landsting. Omkring tio arbetsgivare "
              "har anmält intresse för att ta emot praktikanter."),
        ("h1", "Finansiering"),
        ("table", [["Finansiär", "Belopp (kr)"],
                   ["Samordningsförbundet Skelleftebygden", "1 400 000"],
                   ["Skellefteå kommun", "350 000"],
                   ["Totalt", "1 750 000"]]),
        ("h1", "Förväntade resultat"),
        ("p", "Vi räknar med att kostnaden per deltagare blir ca 50 000 kronor och att tiden med "
              "aktivitetsersättning blir kortare för de ungdomar som deltar. Erfarenheterna ska spridas vid två "
              "seminarier under 2011."),
    ],
    "gold": {
        "report_type": "projektbeskrivning",
        "project_name": "Unga på väg",
        "period": {"start": "2010-03-01", "end": "2011-12-31"},
        "report_date": None,
        "title_lines": ["Projektbeskrivning", "Unga på väg", "2010-03-01 – 2011-12-31"],
        "headings": ["Organisation och resurser", "Målgrupp och mål", "Arbetssätt", "Finansiering",
                     "Förväntade resultat"],
        "figures": [
            F(1, OTHER, optional=True, note="en projektledare"),
            F(100, "percent", unit="%", note="projektledare på 100 %"),
            F(2, OTHER, optional=True, note="två arbetskonsulenter"),
            F(75, "percent", unit="%", note="vardera 75 %"),
            F(16, OTHER, value_max=24, optional=True, note="ungdomar 16–24 år"),
            F(35, P, measure="planned", note="ska 35 ungdomar delta"),
            F(15, P, approx=True, measure="planned", gender="women", note="ett 15-tal unga kvinnor"),
            F(12, "outcomes", approx=True, unit="person", note="Minst 12 deltagare ska ha gått vidare"),
            F(3, OTHER, optional=True, note="tre steg"),
            F(10, "organisations", approx=True, unit="arbetsgivare", note="Omkring tio arbetsgivare"),
            F(1400000, "money", unit="kr", note="tabell: Samordningsförbundet Skelleftebygden"),
            F(350000, "money", unit="kr", note="tabell: Skellefteå kommun"),
            F(1750000, "money", unit="kr", note="tabell: Totalt"),
            F(50000, "money", approx=True, unit="kr", note="ca 50 000 kronor"),
            F(2, "activities", unit="seminarium", note="två seminarier"),
        ],
        "entities": [
            E("Skellefteå kommun", "ORG"),
            E("Arbetsmarknadsförvaltningen", "ORG", optional=True),
            E("Kanalgatan", "LOC", optional=True),
            E("Skellefteå", "LOC"),
            E("Medlefors folkhögskola", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Västerbottens läns landsting", "ORG"),
            E("Samordningsförbundet Skelleftebygden", "ORG"),
            E("Unga på väg", "ORG", optional=True),
        ],
        "audit": [],
    },
})

# ---------------------------------------------------------------- b08 (scanned PDF)
DOCS.append({
    "file": "b08_lagesrapport_oppen_ingang_2019_scan.pdf",
    "make": "scan",
    "scan": {"rotate": 0.0, "noise": 0},
    "blocks": [
        ("title", "Lägesrapport"),
        ("line", "Samordningsförbundet Höga Kusten"),
        ("line", "Insatsens namn: Öppen ingång"),
        ("line", "Rapportperiod: 1 januari–30 juni 2019"),
        ("line", "Datum: 2019-08-26"),
        ("h1", "Aktiviteter under första halvåret 2019"),
        ("p", "Öppen ingång är en gemensam mottagning för Härnösands kommun, Arbetsförmedlingen, "
              "Försäkringskassan och Region Västernorrland. Mottagningen har varit öppen två dagar i veckan "
              "hos Förvaltningen för arbete och lärande i Härnösand. Under perioden har vi haft 146 besök och "
              "genomfört 38 kartläggningssamtal. Två informationsträffar för vårdcentraler i Härnösand och "
              "Kramfors lockade totalt 55 personer."),
        ("h1", "Deltagare"),
        ("p", "Målet för 2019 är 25 deltagare, varav 13 kvinnor och 12 män. Hittills har 19 deltagare skrivits "
              "in, 11 kvinnor och 8 män."),
        ("h1", "Resultat"),
        ("p", "Fem deltagare har gått vidare till arbete och två har börjat studera vid Härnösands "
              "folkhögskola. Åsa Öberg på Försäkringskassan konstaterar att väntetiderna har blivit kortare."),
        ("h1", "Ekonomi"),
        ("p", "Budgeten för 2019 är 850 tkr. Under första halvåret förbrukades 402 000 kronor, ungefär "
              "47 procent."),
        ("p", "Kontakt: Björn Ödmark, samordnare, tel. 0611-34 80 00"),
    ],
    "gold": {
        "report_type": "lägesrapport",
        "project_name": "Öppen ingång",
        "period": {"start": "2019-01-01", "end": "2019-06-30"},
        "report_date": "2019-08-26",
        "title_lines": ["Lägesrapport", "Samordningsförbundet Höga Kusten", "Insatsens namn: Öppen ingång",
                        "Rapportperiod: 1 januari–30 juni 2019", "Datum: 2019-08-26"],
        "headings": ["Aktiviteter under första halvåret 2019", "Deltagare", "Resultat", "Ekonomi"],
        "optional_headings": ["Kontakt: Björn Ödmark, samordnare, tel. 0611-34 80 00"],
        "figures": [
            F(2, [OTHER, "activities"], optional=True, note="två dagar i veckan"),
            F(146, ["activities", "attendance", OTHER], unit="besök", note="146 besök"),
            F(38, "activities", unit="kartläggningssamtal", note="38 kartläggningssamtal"),
            F(2, "activities", unit="informationsträff", note="Två informationsträffar"),
            F(55, "attendance", unit="person", note="lockade totalt 55 personer"),
            F(25, P, measure="planned", note="Målet för 2019 är 25 deltagare"),
            F(13, P, measure="planned", gender="women", note="varav 13 kvinnor"),
            F(12, P, measure="planned", gender="men", note="och 12 män"),
            F(19, P, note="Hittills har 19 deltagare skrivits in"),
            F(11, P, gender="women", note="11 kvinnor"),
            F(8, P, gender="men", note="8 män"),
            F(5, "outcomes", unit="person", note="Fem deltagare har gått vidare till arbete"),
            F(2, "outcomes", unit="person", note="två har börjat studera"),
            F(850000, "money", unit="kr", note="850 tkr"),
            F(402000, "money", unit="kr", note="402 000 kronor"),
            F(47, "percent", approx=True, unit="%", note="ungefär 47 procent"),
        ],
        "entities": [
            E("Samordningsförbundet Höga Kusten", "ORG"),
            E("Härnösands kommun", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Region Västernorrland", "ORG"),
            E("Förvaltningen för arbete och lärande", "ORG"),
            E("Härnösand", "LOC"),
            E("Kramfors", "LOC"),
            E("Härnösands folkhögskola", "ORG"),
            E("Åsa Öberg", "PER"),
            E("Björn Ödmark", "PER"),
            E("Öppen ingång", "ORG", optional=True),
        ],
        "audit": [],
    },
})

# ---------------------------------------------------------------- b09 (scanned PDF, 2 pages, skew + noise)
DOCS.append({
    "file": "b09_slutrapport_halsosteget_2014_scan.pdf",
    "make": "scan",
    "scan": {"rotate": 0.4, "noise": 2500, "footer": "Sida {page} av {pages}"},
    "blocks": [
        ("title", "Slutrapport"),
        ("line", "Projektnamn: Hälsosteget"),
        ("line", "Rapportperiod: 2012-09-01 – 2014-08-31"),
        ("line", "Datum: 2014-10-15"),
        ("h1", "Sammanfattning"),
        ("p", "Hälsosteget har under två år erbjudit hälsofrämjande aktiviteter och arbetsträning för "
              "långtidssjukskrivna i Västervik och Hultsfred. Projektet ägdes av Västerviks kommun och "
              "genomfördes tillsammans med Försäkringskassan, Arbetsförmedlingen och Landstinget i Kalmar län. "
              "Projektet finansierades av Samordningsförbundet Östra Småland."),
        ("h1", "Deltagare"),
        ("p", "Planerat antal deltagare var 30, varav 18 kvinnor och 12 män. Faktiskt antal: 31, varav 20 kvinnor "
              "och 11 män. Fler kvinnor än väntat anvisades från vårdcentralerna i Västervik."),
        ("h1", "Resultat för deltagarna"),
        ("p", "Nio deltagare har gått vidare till arbete, varav tre med lönestöd. Fyra har börjat studera och "
              "sex har gått vidare till annan insats. Sammanlagt har 61 procent av deltagarna fått en ny "
              "sysselsättning."),
        ("pagebreak", ""),
        ("h1", "Aktiviteter"),
        ("p", "Vi har genomfört 24 träffar i stresshantering och ett 40-tal gemensamma promenader. Hösten 2013 "
              "gjorde gruppen tolv studiebesök hos arbetsgivare i Västervik. Åtta företag har tagit emot "
              "deltagare för arbetsträning."),
        ("h1", "Ekonomi"),
        ("p", "Projektet beviljades 1 650 tkr. Utfallet blev 1 590 000 kronor. Resterande 60 000 kronor "
              "återbetalas till förbundet."),
        ("h1", "Fortsättning"),
        ("p", "Från hösten 2014 ingår hälsoträffarna i Västerviks kommuns ordinarie verksamhet. Ansvarig är "
              "Göran Ärlemalm på Socialförvaltningen."),
    ],
    "gold": {
        "report_type": "slutrapport",
        "project_name": "Hälsosteget",
        "period": {"start": "2012-09-01", "end": "2014-08-31"},
        "report_date": "2014-10-15",
        "title_lines": ["Slutrapport", "Projektnamn: Hälsosteget", "Rapportperiod: 2012-09-01 – 2014-08-31",
                        "Datum: 2014-10-15"],
        "headings": ["Sammanfattning", "Deltagare", "Resultat för deltagarna", "Aktiviteter", "Ekonomi",
                     "Fortsättning"],
        "figures": [
            F(2, OTHER, optional=True, note="under två år"),
            F(30, P, measure="planned", note="Planerat antal deltagare var 30"),
            F(18, P, measure="planned", gender="women", note="varav 18 kvinnor"),
            F(12, P, measure="planned", gender="men", note="och 12 män"),
            F(31, P, measure="actual", note="Faktiskt antal: 31"),
            F(20, P, measure="actual", gender="women", note="varav 20 kvinnor"),
            F(11, P, measure="actual", gender="men", note="och 11 män"),
            F(9, "outcomes", unit="person", note="Nio deltagare har gått vidare till arbete"),
            F(3, "outcomes", unit="person", note="varav tre med lönestöd"),
            F(4, "outcomes", unit="person", note="Fyra har börjat studera"),
            F(6, "outcomes", unit="person", note="sex har gått vidare till annan insats"),
            F(61, "percent", unit="%", note="61 procent"),
            F(24, "activities", unit="träff", note="24 träffar i stresshantering"),
            F(40, "activities", approx=True, unit="promenad", note="ett 40-tal gemensamma promenader"),
            F(12, "activities", unit="studiebesök", note="tolv studiebesök"),
            F(8, "organisations", unit="företag", note="Åtta företag"),
            F(1650000, "money", unit="kr", note="1 650 tkr"),
            F(1590000, "money", unit="kr", note="1 590 000 kronor"),
            F(60000, "money", unit="kr", note="60 000 kronor"),
        ],
        "entities": [
            E("Västervik", "LOC"),
            E("Hultsfred", "LOC"),
            E("Västerviks kommun", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Landstinget i Kalmar län", "ORG"),
            E("Samordningsförbundet Östra Småland", "ORG"),
            E("Västerviks kommuns", "ORG", normalized="Västerviks kommun"),
            E("Göran Ärlemalm", "PER"),
            E("Socialförvaltningen", "ORG", optional=True),
            E("Kalmar län", "LOC", optional=True),
            E("Småland", "LOC", optional=True),
            E("Hälsosteget", "ORG", optional=True),
        ],
        "audit": ["actual_exceeds_planned"],
    },
})

# ---------------------------------------------------------------- b10 (scanned PDF)
DOCS.append({
    "file": "b10_projektbeskrivning_jobbverkstan_2024_scan.pdf",
    "make": "scan",
    "scan": {"rotate": 0.0, "noise": 600},
    "blocks": [
        ("title", "Arbetsintegrering"),
        ("line", "Jobbverkstan Bergslagen"),
        ("line", "2024-01-01 – 2024-12-31"),
        ("h1", "Organisation/resurser"),
        ("p", "Jobbverkstan Bergslagen drivs av Lindesbergs kommun och finansieras av Samordningsförbundet "
              "Norra Örebro län med 720 tkr under 2024. Två arbetsledare och en studie- och yrkesvägledare på "
              "50 procent är knutna till verkstaden."),
        ("h1", "Målgrupp och mål"),
        ("p", "Målgruppen är personer 18–64 år i Lindesberg, Nora och Hällefors som har försörjningsstöd. "
              "Målet är 20 deltagare under året, varav 10 kvinnor. Minst 30 procent ska gå vidare till arbete "
              "eller studier."),
        ("h1", "Arbetssätt"),
        ("p", "Deltagarna reparerar möbler och cyklar i verkstadens lokaler på Järnvägsgatan. Samarbete sker "
              "med Kooperativet Återbruket i Nora och med Fellingsbro folkhögskola. Fyra företag i Hällefors "
              "har erbjudit praktikplatser. Under våren hålls tre öppna hus för allmänheten."),
        ("p", "Kontaktperson: Sören Källström, tel. 0581-810 00"),
    ],
    "gold": {
        "report_type": "projektbeskrivning",
        "project_name": "Jobbverkstan Bergslagen",
        "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "report_date": None,
        "title_lines": ["Arbetsintegrering", "Jobbverkstan Bergslagen", "2024-01-01 – 2024-12-31"],
        "headings": ["Organisation/resurser", "Målgrupp och mål", "Arbetssätt"],
        "optional_headings": ["Kontaktperson: Sören Källström, tel. 0581-810 00"],
        "figures": [
            F(720000, "money", unit="kr", note="720 tkr"),
            F(2, OTHER, optional=True, note="Två arbetsledare"),
            F(50, "percent", unit="%", note="50 procent"),
            F(18, OTHER, value_max=64, optional=True, note="personer 18–64 år"),
            F(20, P, measure="planned", note="Målet är 20 deltagare"),
            F(10, P, measure="planned", gender="women", note="varav 10 kvinnor"),
            F(30, "percent", approx=True, unit="%", note="Minst 30 procent"),
            F(4, "organisations", unit="företag", note="Fyra företag"),
            F(3, "activities", unit="öppet hus", note="tre öppna hus"),
        ],
        "entities": [
            E("Jobbverkstan Bergslagen", "ORG"),
            E("Lindesbergs kommun", "ORG"),
            E("Samordningsförbundet Norra Örebro län", "ORG"),
            E("Lindesberg", "LOC"),
            E("Nora", "LOC"),
            E("Hällefors", "LOC"),
            E("Järnvägsgatan", "LOC", optional=True),
            E("Kooperativet Återbruket", "ORG"),
            E("Fellingsbro folkhögskola", "ORG"),
            E("Sören Källström", "PER"),
            E("Bergslagen", "LOC", optional=True),
        ],
        "audit": [],
    },
})

# ---------------------------------------------------------------- b11 (.docx, transposed tables + monthly table)
MONTHS = [
    ["Månad", "Gruppträffar", "Enskilda samtal", "Studiebesök"],
    ["Januari", "4", "12", "1"],
    ["Februari", "6", "15", "1"],
    ["Mars", "7", "18", "2"],
    ["April", "5", "14", "1"],
    ["Maj", "6", "17", "3"],
    ["Juni", "3", "11", "2"],
    ["Totalt", "31", "87", "10"],
]
_UNITS = {1: "gruppträff", 2: "samtal", 3: "studiebesök"}
_MONTH_FIGS = [F(int(row[c]), "activities", unit=_UNITS[c], note=f"tabell: {row[0]}/{MONTHS[0][c]}")
               for row in MONTHS[1:] for c in (1, 2, 3)]

DOCS.append({
    "file": "b11_lagesrapport_nya_spar_2022.docx",
    "make": "docx",
    "blocks": [
        ("title", "Lägesrapport"),
        ("line", "Insatsens namn: Nya spår"),
        ("line", "Rapportperiod: 2022-01-01 – 2022-06-30"),
        ("line", "Datum: 2022-08-15"),
        ("h1", "Verksamheten under perioden"),
        ("p", "Nya spår erbjuder individuellt stöd och gruppverksamhet för personer med psykisk ohälsa i "
              "Enköping och Håbo. Insatsen finansieras av Samordningsförbundet Enköping-Håbo och drivs av "
              "Enköpings kommun tillsammans med Region Uppsala och Arbetsförmedlingen. Under första halvåret "
              "2022 har verksamheten åter kunnat bedrivas på plats. Totalt har 128 aktiviteter genomförts, se "
              "tabellen nedan."),
        ("h1", "Deltagare under perioden"),
        ("table", [["", "Kvinnor", "Män", "Totalt"],
                   ["Planerat", "10", "10", "20"],
                   ["Utfall", "14", "9", "23"]]),
        ("h1", "Deltagare sedan start"),
        ("table", [["", "Kvinnor", "Män", "Totalt"],
                   ["Planerat", "25", "25", "50"],
                   ["Utfall", "24", "19", "43"]]),
        ("p", "Sedan projektstart den 1 mars 2021 har 43 personer deltagit, vilket är något färre än de 50 som "
              "planerats."),
        ("h1", "Aktiviteter per månad"),
        ("table", MONTHS),
        ("h1", "Resultat"),
        ("p", "Under perioden har 6 deltagare gått vidare till arbete och 4 har börjat studera. Ytterligare "
              "3 deltagare har fått beslut om sjukersättning och avslutats. 2 deltagare har påbörjat praktik hos "
              "Håbo kommun."),
        ("h1", "Avvikelser"),
        ("p", "Andelen män är lägre än planerat. Vi har därför tillsammans med Arbetsförmedlingen i Enköping "
              "genomfört riktad information på Komvux och hos Friskis & Svettis, där ett 20-tal män deltog."),
        ("h1", "Kommande period"),
        ("p", "Under hösten 2022 planeras en ny grupp i Bålsta med plats för 8–12 personer. Budgeten för 2022 "
              "är 1 340 tkr och hittills har 610 tkr förbrukats (45,5 %)."),
        ("p", "Rapporten är skriven av projektledaren Linnéa Ståhlberg."),
    ],
    "gold": {
        "report_type": "lägesrapport",
        "project_name": "Nya spår",
        "period": {"start": "2022-01-01", "end": "2022-06-30"},
        "report_date": "2022-08-15",
        "title_lines": ["Lägesrapport", "Insatsens namn: Nya spår", "Rapportperiod: 2022-01-01 – 2022-06-30",
                        "Datum: 2022-08-15"],
        "headings": ["Verksamheten under perioden", "Deltagare under perioden", "Deltagare sedan start",
                     "Aktiviteter per månad", "Resultat", "Avvikelser", "Kommande period"],
        "figures": [
            F(128, "activities", unit="aktivitet", note="Totalt har 128 aktiviteter genomförts"),
            F(10, P, measure="planned", gender="women", note="tabell 1: Planerat/Kvinnor"),
            F(10, P, measure="planned", gender="men", note="tabell 1: Planerat/Män"),
            F(20, P, measure="planned", note="tabell 1: Planerat/Totalt"),
            F(14, P, measure="actual", gender="women", note="tabell 1: Utfall/Kvinnor"),
            F(9, P, measure="actual", gender="men", note="tabell 1: Utfall/Män"),
            F(23, P, measure="actual", note="tabell 1: Utfall/Totalt"),
            F(25, P, measure="planned", gender="women", note="tabell 2: Planerat/Kvinnor"),
            F(25, P, measure="planned", gender="men", note="tabell 2: Planerat/Män"),
            F(50, P, measure="planned", note="tabell 2: Planerat/Totalt"),
            F(24, P, measure="actual", gender="women", note="tabell 2: Utfall/Kvinnor"),
            F(19, P, measure="actual", gender="men", note="tabell 2: Utfall/Män"),
            F(43, P, measure="actual", note="tabell 2: Utfall/Totalt"),
            F(43, P, measure="actual", note="har 43 personer deltagit"),
            F(50, P, measure="planned", note="de 50 som planerats"),
            *_MONTH_FIGS,
            F(6, "outcomes", unit="person", note="6 deltagare gått vidare till arbete"),
            F(4, "outcomes", unit="person", note="4 har börjat studera"),
            F(3, "outcomes", unit="person", note="3 deltagare har fått beslut om sjukersättning"),
            F(2, "outcomes", unit="person", note="2 deltagare har påbörjat praktik"),
            F(20, "attendance", approx=True, unit="man", note="ett 20-tal män deltog"),
            F(8, [P, OTHER, "attendance"], value_max=12, note="med plats för 8–12 personer"),
            F(1340000, "money", unit="kr", note="1 340 tkr"),
            F(610000, "money", unit="kr", note="610 tkr"),
            F(45.5, "percent", unit="%", note="45,5 %"),
        ],
        "entities": [
            E("Enköping", "LOC"),
            E("Håbo", "LOC"),
            E("Samordningsförbundet Enköping-Håbo", "ORG"),
            E("Enköpings kommun", "ORG"),
            E("Region Uppsala", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Håbo kommun", "ORG"),
            E("Komvux", "ORG", optional=True),
            E("Friskis & Svettis", "ORG"),
            E("Bålsta", "LOC"),
            E("Linnéa Ståhlberg", "PER"),
            E("Nya spår", "ORG", optional=True),
        ],
        "audit": ["actual_exceeds_planned"],
    },
})

# ---------------------------------------------------------------- b12 (.docx verksamhetsberättelse)
DOCS.append({
    "file": "b12_verksamhetsberattelse_alv_och_vanern_2020.docx",
    "make": "docx",
    "blocks": [
        ("title", "Verksamhetsberättelse 2020"),
        ("line", "Samordningsförbundet Älv och Vänern"),
        ("line", "Org.nr 222000-3145"),
        ("h1", "Förbundets uppdrag"),
        ("p", "Samordningsförbundet Älv och Vänern bildades 2008. Förbundet har sex medlemmar: Trollhättans stad, "
              "Vänersborgs kommun, Lilla Edets kommun, Västra Götalandsregionen, Arbetsförmedlingen och "
              "Försäkringskassan. Förbundet finansierar insatser för personer i arbetsför ålder som behöver "
              "samordnat stöd för att kunna arbeta."),
        ("h1", "Året i korthet"),
        ("p", "År 2020 präglades av pandemin. Flera insatser ställde om till digitala träffar och "
              "telefonkontakt. Under året finansierade förbundet fyra insatser med sammanlagt 412 deltagare, "
              "varav 236 kvinnor och 181 män. Förbundets tre processledare höll ett 50-tal möten med parterna."),
        ("h1", "Insatser under 2020"),
        ("h2", "Steg för steg"),
        ("p", "Steg för steg är en förrehabiliterande insats i Trollhättan som drivs av Trollhättans stad. Under "
              "året deltog 148 personer, 84 kvinnor och 64 män. 37 deltagare gick vidare till arbete eller "
              "studier och 22 till annan insats. Insatsen beviljades 2,1 mkr."),
        ("h2", "Hälsolotsen"),
        ("p", "Hälsolotsen ger stöd till sjukskrivna i Vänersborg för att förebygga långa sjukskrivningar. "
              "96 personer deltog, varav 61 kvinnor. Lotsarna genomförde cirka 700 samtal, och 41 procent av "
              "deltagarna återgick helt eller delvis i arbete. Beviljat belopp: 1 450 tkr."),
        ("h2", "Aktivitetshuset Arena"),
        ("p", "Aktivitetshuset Arena i Lilla Edet erbjuder daglig sysselsättning och arbetsträning. Huset drivs "
              "tillsammans med det sociala kooperativet Edets Återbruk ekonomisk förening. 53 personer deltog, "
              "varav 22 kvinnor och 31 män. Tre föreläsningar om psykisk hälsa lockade sammanlagt ett hundratal "
              "besökare. Beviljat belopp: 980 000 kronor."),
        ("h2", "Unga vuxna i Väst"),
        ("p", "Insatsen startade i september 2020 och riktar sig till unga vuxna i alla tre kommunerna. Under "
              "hösten skrevs 115 deltagare in. Planerat antal för 2021 är 150 deltagare. Beviljat belopp: "
              "600 tkr."),
        ("h1", "Ekonomi"),
        ("p", "Förbundets intäkter 2020 uppgick till 6,4 mkr. Av dessa kom 50 % från staten via "
              "Försäkringskassan och Arbetsförmedlingen, 25 % från Västra Götalandsregionen och 25 % från "
              "kommunerna. Kostnaderna blev 5 980 tkr, varav 850 tkr för kansli och administration, och årets "
              "resultat blev 420 tkr."),
        ("h1", "Styrelse och kansli"),
        ("p", "Styrelsen har haft sju sammanträden under året. Ordförande har varit Ulla-Britt Ekström "
              "(Lilla Edets kommun) och vice ordförande Tomás Ibáñez (Västra Götalandsregionen). Förbundschef "
              "är Jenny Wåhlin."),
        ("p", "Fastställd av styrelsen 2021-02-25"),
    ],
    "gold": {
        "report_type": "verksamhetsberättelse",
        "project_name": None,
        "period": {"start": "2020-01-01", "end": "2020-12-31"},
        "report_date": "2021-02-25",
        "title_lines": ["Verksamhetsberättelse 2020", "Samordningsförbundet Älv och Vänern", "Org.nr 222000-3145"],
        "headings": ["Förbundets uppdrag", "Året i korthet", "Insatser under 2020", "Steg för steg", "Hälsolotsen",
                     "Aktivitetshuset Arena", "Unga vuxna i Väst", "Ekonomi", "Styrelse och kansli"],
        "figures": [
            F(6, "organisations", unit="medlem", note="sex medlemmar"),
            F(4, ["other", "activities"], unit="insats", note="fyra insatser"),
            F(412, P, note="sammanlagt 412 deltagare"),
            F(236, P, gender="women", note="varav 236 kvinnor"),
            F(181, P, gender="men", note="och 181 män"),
            F(3, OTHER, optional=True, note="tre processledare"),
            F(50, "activities", approx=True, unit="möte", note="ett 50-tal möten"),
            F(148, P, note="deltog 148 personer"),
            F(84, P, gender="women", note="84 kvinnor"),
            F(64, P, gender="men", note="64 män"),
            F(37, "outcomes", unit="person", note="37 deltagare gick vidare"),
            F(22, "outcomes", unit="person", note="22 till annan insats"),
            F(2100000, "money", unit="kr", note="2,1 mkr"),
            F(96, P, note="96 personer deltog"),
            F(61, P, gender="women", note="varav 61 kvinnor"),
            F(700, "activities", approx=True, unit="samtal", note="cirka 700 samtal"),
            F(41, "percent", unit="%", note="41 procent"),
            F(1450000, "money", unit="kr", note="1 450 tkr"),
            F(53, P, note="53 personer deltog"),
            F(22, P, gender="women", note="varav 22 kvinnor"),
            F(31, P, gender="men", note="och 31 män"),
            F(3, "activities", unit="föreläsning", note="Tre föreläsningar"),
            F(100, "attendance", approx=True, unit="besökare", note="ett hundratal besökare"),
            F(980000, "money", unit="kr", note="980 000 kronor"),
            F(3, OTHER, optional=True, note="alla tre kommunerna"),
            F(115, P, note="skrevs 115 deltagare in"),
            F(150, P, measure="planned", note="Planerat antal för 2021 är 150 deltagare"),
            F(600000, "money", unit="kr", note="600 tkr"),
            F(6400000, "money", unit="kr", note="6,4 mkr"),
            F(50, "percent", unit="%", note="50 %"),
            F(25, "percent", unit="%", note="25 % från Västra Götalandsregionen"),
            F(25, "percent", unit="%", note="25 % från kommunerna"),
            F(5980000, "money", unit="kr", note="5 980 tkr"),
            F(850000, "money", unit="kr", note="850 tkr"),
            F(420000, "money", unit="kr", note="420 tkr"),
            F(7, "activities", unit="sammanträde", note="sju sammanträden"),
        ],
        "entities": [
            E("Samordningsförbundet Älv och Vänern", "ORG"),
            E("Trollhättans stad", "ORG"),
            E("Vänersborgs kommun", "ORG"),
            E("Lilla Edets kommun", "ORG"),
            E("Västra Götalandsregionen", "ORG"),
            E("Arbetsförmedlingen", "ORG"),
            E("Försäkringskassan", "ORG"),
            E("Trollhättan", "LOC"),
            E("Vänersborg", "LOC"),
            E("Lilla Edet", "LOC"),
            E("Edets Återbruk ekonomisk förening", "ORG"),
            E("Ulla-Britt Ekström", "PER"),
            E("Tomás Ibáñez", "PER"),
            E("Jenny Wåhlin", "PER"),
            E("Steg för steg", "ORG", optional=True),
            E("Hälsolotsen", "ORG", optional=True),
            E("Aktivitetshuset Arena", "ORG", optional=True),
            E("Unga vuxna i Väst", "ORG", optional=True),
        ],
        "audit": ["total_mismatch"],
    },
})


# ---------------------------------------------------------------------------
# Renderers
# ---------------------------------------------------------------------------

def build_docx(blocks, path: Path, created: str | None = None) -> None:
    import datetime

    import docx
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.title = blocks[0][1]
    cp.author = ""
    cp.last_modified_by = ""
    cp.comments = ""
    if created:
        when = datetime.datetime.fromisoformat(created + "T10:00:00")
        cp.created = when
        cp.modified = when
        cp.last_printed = when
    for kind, content in blocks:
        if kind == "title":
            d.add_paragraph(content, style="Title")
        elif kind == "line":
            para = d.add_paragraph()
            if ": " in content:
                label, rest = content.split(": ", 1)
                para.add_run(label + ": ").bold = True
                para.add_run(rest)
            else:
                para.add_run(content).bold = True
        elif kind == "h1":
            d.add_heading(content, level=1)
        elif kind == "h2":
            d.add_heading(content, level=2)
        elif kind == "p":
            d.add_paragraph(content)
        elif kind == "table":
            t = d.add_table(rows=len(content), cols=len(content[0]))
            t.style = "Table Grid"
            for r, row in enumerate(content):
                for c, val in enumerate(row):
                    cell = t.cell(r, c)
                    cell.text = val
                    if r == 0 or c == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            d.add_paragraph()
        elif kind == "pagebreak":
            d.add_page_break()
        else:
            raise ValueError(kind)
    for s in ("Normal",):
        d.styles[s].font.size = Pt(11)
    d.save(str(path))


def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    profile = Path(tempfile.gettempdir()) / f"lo_profile_legacy_{os.getpid()}"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
           "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    ext = fmt.split(":")[0]
    out = outdir / (src.stem + "." + ext)
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not produce {out}")
    return out


def rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode("cp1252")
                out.append(f"\\'{b[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}?")
    return "".join(out)


def build_rtf_by_hand(blocks, path: Path) -> None:
    parts = [r"{\rtf1\ansi\ansicpg1252\deff0", r"{\fonttbl{\f0\fswiss Arial;}}",
             r"{\info{\title " + rtf_escape(blocks[0][1]) + "}}", r"\f0\fs22", ""]
    for kind, content in blocks:
        if kind == "title":
            parts.append(r"{\b\fs32 " + rtf_escape(content) + r"}\par")
        elif kind == "line":
            parts.append(rtf_escape(content) + r"\par")
        elif kind in ("h1", "h2"):
            parts.append(r"\par")
            parts.append(r"{\b " + rtf_escape(content) + r"}\par")
        elif kind == "p":
            parts.append(rtf_escape(content) + r"\par")
        else:
            raise ValueError(kind)
    parts.append("}")
    path.write_bytes(("\r\n".join(parts) + "\r\n").encode("ascii"))


def build_odt_odfpy(blocks, path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H
    from odf.text import P as TP

    doc = OpenDocumentText()
    doc.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text=blocks[0][1]))
    title = Style(name="Title", family="paragraph")
    title.addElement(TextProperties(fontsize="20pt", fontweight="bold"))
    title.addElement(ParagraphProperties(marginbottom="0.3cm"))
    h1 = Style(name="Heading 1", displayname="Heading 1", family="paragraph", defaultoutlinelevel="1")
    h1.addElement(TextProperties(fontsize="15pt", fontweight="bold"))
    h1.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
    h2 = Style(name="Heading 2", displayname="Heading 2", family="paragraph", defaultoutlinelevel="2")
    h2.addElement(TextProperties(fontsize="12.5pt", fontweight="bold", fontstyle="italic"))
    h2.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.15cm"))
    body = Style(name="Text body", displayname="Text body", family="paragraph")
    body.addElement(ParagraphProperties(marginbottom="0.2cm"))
    for s in (title, h1, h2, body):
        doc.styles.addElement(s)
    cellstyle = Style(name="Cell", family="table-cell")
    cellstyle.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    colstyle = Style(name="Col", family="table-column")
    colstyle.addElement(TableColumnProperties(columnwidth="4cm"))
    bold = Style(name="BoldCell", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    for s in (cellstyle, colstyle, bold):
        doc.automaticstyles.addElement(s)

    for kind, content in blocks:
        if kind == "title":
            doc.text.addElement(TP(stylename=title, text=content))
        elif kind == "line":
            doc.text.addElement(TP(stylename=body, text=content))
        elif kind == "h1":
            doc.text.addElement(H(outlinelevel=1, stylename=h1, text=content))
        elif kind == "h2":
            doc.text.addElement(H(outlinelevel=2, stylename=h2, text=content))
        elif kind == "p":
            doc.text.addElement(TP(stylename=body, text=content))
        elif kind == "table":
            t = Table(name="Deltagare")
            t.addElement(TableColumn(numbercolumnsrepeated=len(content[0]), stylename=colstyle))
            for r, row in enumerate(content):
                tr = TableRow()
                for c, val in enumerate(row):
                    tc = TableCell(stylename=cellstyle, valuetype="string")
                    tc.addElement(TP(stylename=bold if (r == 0 or c == 0) else body, text=val))
                    tr.addElement(tc)
                t.addElement(tr)
            doc.text.addElement(t)
        else:
            raise ValueError(kind)
    doc.save(str(path))


def build_scan(blocks, path: Path, rotate: float = 0.0, noise: int = 0, footer: str | None = None,
               seed: int = 7) -> None:
    from PIL import Image, ImageDraw, ImageFont

    W, H = 2480, 3508
    margin_x, margin_top, margin_bottom = 230, 260, 300
    fonts = {
        "title": ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 68),
        "line": ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 44),
        "h1": ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 52),
        "h2": ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 46),
        "p": ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 44),
    }
    footer_font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 36)

    def wrap(text, font, width):
        words, lines, cur = text.split(" "), [], ""
        for w in words:
            cand = (cur + " " + w).strip()
            if font.getlength(cand) <= width:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
        return lines

    # lay out into pages: list of list of (font_key, line, extra_space_before)
    pages, cur, y = [], [], margin_top
    usable = W - 2 * margin_x
    for kind, content in blocks:
        if kind == "pagebreak":
            pages.append(cur)
            cur, y = [], margin_top
            continue
        font = fonts[kind]
        size = font.size
        before = {"title": 0, "line": 4, "h1": 60, "h2": 40, "p": 18}[kind]
        lines = wrap(content, font, usable)
        need = before + len(lines) * int(size * 1.45)
        if y + need > H - margin_bottom:
            pages.append(cur)
            cur, y = [], margin_top
        y += before
        for ln in lines:
            cur.append((kind, ln, y))
            y += int(size * 1.45)
        if kind == "title":
            y += 30
    pages.append(cur)

    rng = random.Random(seed)
    images = []
    for n, page in enumerate(pages, 1):
        img = Image.new("L", (W, H), 255)
        dr = ImageDraw.Draw(img)
        for kind, ln, yy in page:
            dr.text((margin_x, yy), ln, font=fonts[kind], fill=0)
        if footer:
            txt = footer.format(page=n, pages=len(pages))
            tw = footer_font.getlength(txt)
            dr.text(((W - tw) / 2, H - 200), txt, font=footer_font, fill=0)
        if noise:
            px = img.load()
            for _ in range(noise):
                x, yy = rng.randrange(W), rng.randrange(H)
                px[x, yy] = rng.choice((0, 60, 120))
                if rng.random() < 0.3 and x + 1 < W:
                    px[x + 1, yy] = 90
        if rotate:
            img = img.rotate(rotate + (0.15 * (n - 1)), resample=Image.BICUBIC, expand=False, fillcolor=255)
        images.append(img)
    images[0].save(str(path), "PDF", save_all=True, append_images=images[1:], resolution=300.0)


# ---------------------------------------------------------------------------
# Self-check of gold against the source text (not against any pipeline output)
# ---------------------------------------------------------------------------

def source_text(blocks) -> str:
    parts = []
    for kind, content in blocks:
        if kind == "table":
            parts.extend(" | ".join(r) for r in content)
        elif kind != "pagebreak":
            parts.append(content)
    return "\n".join(parts)


def check_gold(doc) -> list[str]:
    problems = []
    text = source_text(doc["blocks"])
    g = doc["gold"]
    heads = [c for k, c in doc["blocks"] if k in ("h1", "h2")]
    if heads != g["headings"]:
        problems.append(f"headings differ: {heads} vs {g['headings']}")
    tl = [c for k, c in doc["blocks"] if k in ("title", "line")]
    if tl != g["title_lines"]:
        problems.append(f"title_lines differ: {tl}")
    for f in g["figures"]:
        note = f.get("note", "")
        if note.startswith("tabell"):
            continue
        if note not in text:
            problems.append(f"figure note not in text: {note!r}")
    seen = set()
    for e in g["entities"]:
        key = (e["text"], json.dumps(e["label"]))
        if key in seen:
            problems.append(f"duplicate entity {key}")
        seen.add(key)
        if e["text"] not in text:
            problems.append(f"entity not in text: {e['text']!r}")
    return problems


# ---------------------------------------------------------------------------

def doc_date(doc) -> str | None:
    """Creation date for the file metadata: the report date, else the period start."""
    g = doc["gold"]
    return g.get("report_date") or (g.get("period") or {}).get("start")


def main() -> int:
    REPORTS.mkdir(parents=True, exist_ok=True)
    GOLD.mkdir(parents=True, exist_ok=True)
    bad = False
    for doc in DOCS:
        probs = check_gold(doc)
        for p in probs:
            print(f"{doc['file']}: {p}", file=sys.stderr)
        bad = bad or bool(probs)
    if bad:
        return 1

    with tempfile.TemporaryDirectory(prefix="make_legacy_") as tmp:
        tmp = Path(tmp)
        for doc in DOCS:
            target = REPORTS / doc["file"]
            stem = Path(doc["file"]).stem
            make = doc["make"]
            if make in ("doc", "rtf", "odt"):
                src = tmp / f"{stem}.docx"
                build_docx(doc["blocks"], src, doc_date(doc))
                fmt = {"doc": "doc:MS Word 97", "rtf": "rtf", "odt": "odt"}[make]
                out = soffice_convert(src, fmt, tmp)
                shutil.move(str(out), target)
            elif make == "docx":
                build_docx(doc["blocks"], target, doc_date(doc))
            elif make == "rtf_hand":
                build_rtf_by_hand(doc["blocks"], target)
            elif make == "odt_odfpy":
                build_odt_odfpy(doc["blocks"], target)
            elif make == "scan":
                build_scan(doc["blocks"], target, **doc.get("scan", {}))
            else:
                raise ValueError(make)
            gold = {"file": doc["file"], **doc["gold"]}
            (GOLD / f"{doc['file']}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
