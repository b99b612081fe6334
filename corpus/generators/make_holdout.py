"""Build the held-out test set (h01–h08) for rapportextrakt.

Run from the repository root:

    .venv/bin/python corpus/generators/make_holdout.py

Writes eight Swedish reports to corpus/holdout/reports/ and their hand-written
gold annotations to corpus/holdout/gold/<file>.gold.json. The documents were
written for this set only (new organisations, wording and layouts); the gold
was annotated by hand from the text and sits as literals beside each document.

Formats: h01 .txt UTF-8, h02 .txt cp1252/CRLF, h03/h04 born-digital .pdf
(fpdf2 + DejaVuSans), h05/h06 .docx (python-docx), h07 .odt and h08 .doc
(python-docx -> LibreOffice `soffice --headless --convert-to`).

Before writing anything the script checks the gold against the source text:
every title line, heading, entity text and figure `note` must occur in the
document (notes beginning with "tabell:" describe a table cell and are not
checked). Afterwards it reads every written file back (pypdfium2, python-docx,
soffice --convert-to txt) and checks headings and entities again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "corpus" / "holdout"
REPORTS = OUT / "reports"
GOLD = OUT / "gold"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

DOCS: list[dict] = []


def doc(**kw):
    DOCS.append(kw)


# =============================================================================
# h01 — .txt UTF-8 (LF), lägesrapport, numbered form questions, space-aligned
#       table with header "Mål / Utfall hittills", rows Kvinnor/Män/Summa
# =============================================================================
H01_TEXT = """LÄGESRAPPORT
Samordningsförbundet Ljusnandalen

Insats: Vägval 3.0
Insatsägare: Bollnäs kommun, arbetsmarknads- och integrationsförvaltningen
Redovisningsperiod: 1 juli – 31 december 2023
Kontaktperson: Maria Ekström, tfn 0278-251 40


1. Vad har insatsen gjort under perioden?

Hösten har präglats av att vi flyttat verksamheten från Gärdets gamla skola till nya lokaler på Långgatan 14, vilket tog betydligt mer tid än vi räknat med (flytten skedde vecka 38), men som samtidigt gjort det möjligt att ha öppet hus två eftermiddagar i veckan. Coacherna har haft drygt 320 enskilda samtal med deltagarna, och utöver det har vi kört tre omgångar av gruppkursen "Hitta din riktning" med sex till åtta deltagare i varje grupp. Samarbetet med Arbetsförmedlingen i Bollnäs och Söderhamn fungerar bättre än under våren, framför allt sedan vi fått en fast kontaktperson (Jonas Pålsson) som är med på trepartssamtalen varannan vecka.

I oktober ordnade vi tillsammans med Region Gävleborg en temadag om psykisk ohälsa och arbete, som samlade ett drygt tjugotal handläggare från kommunerna, Försäkringskassan och primärvården. Vi har också inlett ett samarbete med det sociala företaget Kooperativet Gröna Handen i Arbrå, där fem deltagare har haft arbetsträning under hösten.


2. Antal deltagare under perioden?

                       Mål    Utfall hittills
   Kvinnor              18         14
   Män                  22         19
   Summa                40         33

Siffrorna avser alla som skrivits in sedan starten den 1 februari 2023. Under perioden har 12 nya deltagare skrivits in, varav 7 kvinnor.


3. Hur många har avslutats och vad hände efter insatsen?

Elva deltagare har avslutats under hösten. Av dem har fyra fått anställning (varav en med lönestöd), tre har gått vidare till studier på Komvux eller Bollnäs folkhögskola och två får fortsatt stöd genom Försäkringskassans och Arbetsförmedlingens gemensamma kartläggning. Två personer har avbrutit av hälsoskäl. Sju av de elva har alltså gått till arbete eller studier, vilket är klart över målet på 45 procent.


4. Ligger kostnaderna i linje med budget?

Nej, inte helt. Upparbetat till och med den 31 december är 1 184 tkr av beviljade 2 450 tkr för hela insatsen. Vi bedömer att ca 150 000 kronor av årets budget för utbildning inte kommer att förbrukas, eftersom två planerade kurser har flyttats till våren 2024.


5. Vilka avvikelser finns i förhållande till ansökan?

Rekryteringen av män i åldern 18–29 år har gått långsammare än planerat, även om omkring hälften av de nya deltagarna är under 30. Från december samarbetar vi därför med Ungdomsmottagningen och med Ovanåkers kommuns KAA-team för att nå fler unga män. Personalen har under perioden motsvarat 2,5 tjänster i stället för planerade 3, eftersom en coach är föräldraledig sedan september.


6. Planerade aktiviteter kommande period

Under våren planerar vi fyra nya gruppomgångar, en arbetsgivarfrukost i mars och en gemensam utbildningsdag för personalen den 14 maj. Vi räknar med att skriva in 10–15 nya deltagare.


Ort och datum: Bollnäs den 19 januari 2024

Underskrift: Anna-Karin Lindqvist, ordförande i styrgruppen
"""

H01_GOLD = {
    "file": "h01_lagesrapport_vagval_ht2023.txt",
    "report_type": "lägesrapport",
    "project_name": "Vägval 3.0",
    "period": {"start": "2023-07-01", "end": "2023-12-31"},
    "report_date": "2024-01-19",
    "title_lines": [
        "LÄGESRAPPORT",
        "Samordningsförbundet Ljusnandalen",
        "Insats: Vägval 3.0",
        "Insatsägare: Bollnäs kommun, arbetsmarknads- och integrationsförvaltningen",
        "Redovisningsperiod: 1 juli – 31 december 2023",
        "Kontaktperson: Maria Ekström, tfn 0278-251 40",
    ],
    "headings": [
        "1. Vad har insatsen gjort under perioden?",
        "2. Antal deltagare under perioden?",
        "3. Hur många har avslutats och vad hände efter insatsen?",
        "4. Ligger kostnaderna i linje med budget?",
        "5. Vilka avvikelser finns i förhållande till ansökan?",
        "6. Planerade aktiviteter kommande period",
    ],
    "optional_headings": [
        "Ort och datum: Bollnäs den 19 januari 2024",
        "Underskrift: Anna-Karin Lindqvist, ordförande i styrgruppen",
        "Mål    Utfall hittills",
    ],
    "figures": [
        {"value": 2, "category": ["other"], "optional": True, "note": "två eftermiddagar i veckan"},
        {"value": 320, "approx": True, "category": "activities", "unit": "samtal", "note": "drygt 320 enskilda samtal"},
        {"value": 3, "category": "activities", "unit": "omgång", "note": "tre omgångar av gruppkursen"},
        {"value": 6, "value_max": 8, "category": ["participants", "attendance", "other"], "unit": "person", "note": "sex till åtta deltagare i varje grupp"},
        {"value": 20, "approx": True, "category": "attendance", "unit": "handläggare", "note": "ett drygt tjugotal handläggare"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "unit": "temadag", "note": "en temadag"},
        {"value": 5, "category": ["participants", "outcomes", "other"], "unit": "person", "note": "fem deltagare har haft arbetsträning"},
        {"value": 18, "category": "participants", "measure": "planned", "gender": "women", "note": "tabell: Kvinnor / Mål 18"},
        {"value": 22, "category": "participants", "measure": "planned", "gender": "men", "note": "tabell: Män / Mål 22"},
        {"value": 40, "category": "participants", "measure": "planned", "note": "tabell: Summa / Mål 40"},
        {"value": 14, "category": "participants", "measure": "actual", "gender": "women", "note": "tabell: Kvinnor / Utfall hittills 14"},
        {"value": 19, "category": "participants", "measure": "actual", "gender": "men", "note": "tabell: Män / Utfall hittills 19"},
        {"value": 33, "category": "participants", "measure": "actual", "note": "tabell: Summa / Utfall hittills 33"},
        {"value": 12, "category": "participants", "measure": "actual", "unit": "person", "note": "12 nya deltagare skrivits in"},
        {"value": 7, "category": "participants", "measure": "actual", "gender": "women", "note": "varav 7 kvinnor"},
        {"value": 11, "category": ["outcomes", "participants", "other"], "unit": "person", "note": "Elva deltagare har avslutats"},
        {"value": 4, "category": "outcomes", "unit": "person", "note": "fyra fått anställning"},
        {"value": 1, "category": "outcomes", "unit": "person", "note": "varav en med lönestöd"},
        {"value": 3, "category": "outcomes", "unit": "person", "note": "tre har gått vidare till studier"},
        {"value": 2, "category": "outcomes", "unit": "person", "note": "två får fortsatt stöd"},
        {"value": 2, "category": ["outcomes", "other"], "unit": "person", "note": "Två personer har avbrutit"},
        {"value": 7, "category": "outcomes", "unit": "person", "note": "Sju av de elva har alltså gått till arbete eller studier"},
        {"value": 11, "category": ["outcomes", "participants", "other"], "optional": True, "note": "de elva (repeat)"},
        {"value": 45, "category": "percent", "measure": "planned", "unit": "%", "note": "målet på 45 procent"},
        {"value": 1184000, "category": "money", "unit": "kr", "note": "1 184 tkr"},
        {"value": 2450000, "category": "money", "unit": "kr", "note": "2 450 tkr"},
        {"value": 150000, "approx": True, "category": "money", "unit": "kr", "note": "ca 150 000 kronor"},
        {"value": 2, "category": ["activities", "other"], "measure": "planned", "unit": "kurs", "note": "två planerade kurser"},
        {"value": 18, "value_max": 29, "category": ["other"], "optional": True, "unit": "år", "note": "18–29 år"},
        {"value": 30, "category": ["other"], "optional": True, "unit": "år", "note": "under 30"},
        {"value": 2.5, "category": "other", "unit": "tjänst", "note": "2,5 tjänster"},
        {"value": 3, "category": "other", "measure": "planned", "unit": "tjänst", "note": "planerade 3"},
        {"value": 4, "category": "activities", "measure": "planned", "unit": "gruppomgång", "note": "fyra nya gruppomgångar"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "note": "en arbetsgivarfrukost"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "note": "en gemensam utbildningsdag"},
        {"value": 10, "value_max": 15, "category": "participants", "measure": "planned", "unit": "person", "note": "10–15 nya deltagare"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Ljusnandalen", "label": "ORG"},
        {"text": "Bollnäs kommun", "label": "ORG"},
        {"text": "Maria Ekström", "label": "PER"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Arbetsförmedlingens", "normalized": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Bollnäs", "label": "LOC"},
        {"text": "Söderhamn", "label": "LOC"},
        {"text": "Arbrå", "label": "LOC"},
        {"text": "Jonas Pålsson", "label": "PER"},
        {"text": "Region Gävleborg", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Försäkringskassans", "normalized": "Försäkringskassan", "label": "ORG"},
        {"text": "Kooperativet Gröna Handen", "label": "ORG"},
        {"text": "Bollnäs folkhögskola", "label": "ORG"},
        {"text": "Ovanåkers kommuns KAA-team", "normalized": "Ovanåkers kommun", "label": "ORG"},
        {"text": "Anna-Karin Lindqvist", "label": "PER"},
        {"text": "Ovanåkers kommuns", "normalized": "Ovanåkers kommun", "label": "ORG", "optional": True},
        {"text": "arbetsmarknads- och integrationsförvaltningen", "label": "ORG", "optional": True},
        {"text": "Gärdets gamla skola", "label": ["LOC", "ORG"], "optional": True},
        {"text": "Långgatan", "label": "LOC", "optional": True},
        {"text": "Hitta din riktning", "label": "ORG", "optional": True},
        {"text": "Komvux", "label": "ORG", "optional": True},
        {"text": "Ungdomsmottagningen", "label": "ORG", "optional": True},
        {"text": "Vägval 3.0", "label": "ORG", "optional": True},
        {"text": "Vägval", "label": "ORG", "optional": True},
    ],
}
doc(id="h01", fmt="txt", text=H01_TEXT, encoding="utf-8", newline="\n", gold=H01_GOLD)


# =============================================================================
# h02 — .txt cp1252 (CRLF), styrelseprotokoll, "§ 31 …" headings, org.nr,
#       clock times, attendance list, decisions as "att …" lines
# =============================================================================
H02_TEXT = """PROTOKOLL
fört vid sammanträde med styrelsen för Samordningsförbundet Emådalen
Organisationsnummer 222000-2871

Datum: tisdagen den 23 september 2014, kl. 09.30–12.15
Plats: Kommunhuset i Mönsterås, sammanträdesrummet Timmernabben

Närvarande ledamöter
Ulla-Britt Karlsson (S), Oskarshamns kommun, ordförande
Håkan Nyberg (M), Landstinget i Kalmar län, vice ordförande
Petra Åhlén, Försäkringskassan
Mikael Strand, Arbetsförmedlingen
Gunnel Fäldt (C), Högsby kommun
Lars-Göran Ek (S), Mönsterås kommun

Övriga närvarande
Sofia Renée Larsson, förbundschef
Elin Borg, ekonom, § 34–35

§ 31 Mötets öppnande
Ordföranden hälsade alla välkomna och förklarade sammanträdet öppnat.

§ 32 Val av justerare
Gunnel Fäldt utsågs att jämte ordföranden justera dagens protokoll.

§ 33 Föregående protokoll
Protokollet från sammanträdet den 10 juni 2014 lades till handlingarna.

§ 34 Ekonomisk rapport januari–augusti
Elin Borg redovisade utfallet till och med augusti. Förbundets intäkter för 2014 uppgår till 6,8 mnkr, varav de statliga parterna står för hälften och kommunerna och landstinget för resten enligt den vanliga fördelningen. Hittills har 3 912 000 kronor förbrukats, vilket motsvarar 58 procent av årsbudgeten. Det egna kapitalet beräknas vid årets slut uppgå till omkring 1,1 mnkr, vilket är något under styrelsens tak om högst 20 % av årets intäkter.
Styrelsen beslutade
att godkänna den ekonomiska rapporten.

§ 35 Ansökan om fortsatt finansiering, Steg för steg
Insatsen Steg för steg (Oskarshamns kommun, socialförvaltningen) ansöker om 740 tkr för perioden 1 januari–31 december 2015. Under 2013 och 2014 har 46 deltagare varit inskrivna, 25 kvinnor och 21 män; av dem har 17 gått till arbete eller studier och ytterligare sex till annan insats. Förbundschefen föreslår att ansökan beviljas med 650 tkr, eftersom lokalkostnaden kan delas med Mönsterås kommuns arbetsmarknadsenhet.
Styrelsen beslutade
att bevilja Steg för steg 650 000 kronor för år 2015, samt
att insatsen ska lämna en lägesrapport senast den 31 augusti 2015.

§ 36 Rapport från insatserna
Förbundschefen informerade om läget i förbundets fyra pågående insatser. Unga in i Högsby har nu 19 inskrivna ungdomar, varav 8 kvinnor, och ordnade under sommaren en ferieskola tillsammans med Ölands folkhögskola som lockade ett 30-tal ungdomar. Verkstaden i Påskallavik, som drivs av det sociala kooperativet Kustverket ek. för., har tagit emot nio praktikanter sedan april.
Styrelsen beslutade
att lägga informationen till handlingarna.

§ 37 Övriga frågor
Petra Åhlén informerade om att Försäkringskassans nya lokala organisation gäller från den 1 november. Nästa sammanträde hålls torsdagen den 4 december kl. 13.00 i Högsby.

§ 38 Mötets avslutande
Ordföranden tackade för visat intresse och avslutade mötet kl. 12.15.


Vid protokollet

Sofia Renée Larsson


Justeras

Ulla-Britt Karlsson, ordförande          Gunnel Fäldt, justerare
"""

H02_GOLD = {
    "file": "h02_protokoll_styrelse_emadalen_2014.txt",
    "report_type": "protokoll",
    "project_name": None,
    "period": None,  # minutes cover no period: the meeting day is their report date (as a05, b03)
    "report_date": "2014-09-23",
    "title_lines": [
        "PROTOKOLL",
        "fört vid sammanträde med styrelsen för Samordningsförbundet Emådalen",
        "Organisationsnummer 222000-2871",
        "Datum: tisdagen den 23 september 2014, kl. 09.30–12.15",
        "Plats: Kommunhuset i Mönsterås, sammanträdesrummet Timmernabben",
    ],
    "headings": [
        "§ 31 Mötets öppnande",
        "§ 32 Val av justerare",
        "§ 33 Föregående protokoll",
        "§ 34 Ekonomisk rapport januari–augusti",
        "§ 35 Ansökan om fortsatt finansiering, Steg för steg",
        "§ 36 Rapport från insatserna",
        "§ 37 Övriga frågor",
        "§ 38 Mötets avslutande",
    ],
    "optional_headings": [
        "Närvarande ledamöter",
        "Övriga närvarande",
        "Styrelsen beslutade",
        "Vid protokollet",
        "Justeras",
    ],
    "figures": [
        {"value": 6800000, "category": "money", "unit": "kr", "note": "6,8 mnkr"},
        {"value": 3912000, "category": "money", "unit": "kr", "note": "3 912 000 kronor"},
        {"value": 58, "category": "percent", "unit": "%", "note": "58 procent"},
        {"value": 1100000, "approx": True, "category": "money", "unit": "kr", "note": "omkring 1,1 mnkr"},
        {"value": 20, "category": "percent", "unit": "%", "note": "högst 20 %"},
        {"value": 740000, "category": "money", "unit": "kr", "note": "740 tkr"},
        {"value": 46, "category": "participants", "measure": "actual", "unit": "person", "note": "46 deltagare varit inskrivna"},
        {"value": 25, "category": "participants", "measure": "actual", "gender": "women", "note": "25 kvinnor"},
        {"value": 21, "category": "participants", "measure": "actual", "gender": "men", "note": "21 män"},
        {"value": 17, "category": "outcomes", "unit": "person", "note": "17 gått till arbete eller studier"},
        {"value": 6, "category": "outcomes", "unit": "person", "note": "ytterligare sex till annan insats"},
        {"value": 650000, "category": "money", "unit": "kr", "note": "650 tkr"},
        {"value": 650000, "category": "money", "unit": "kr", "note": "650 000 kronor"},
        {"value": 4, "category": ["other", "activities", "organisations"], "optional": True, "unit": "insats", "note": "fyra pågående insatser"},
        {"value": 19, "category": "participants", "measure": "actual", "unit": "person", "note": "19 inskrivna ungdomar"},
        {"value": 8, "category": "participants", "measure": "actual", "gender": "women", "note": "varav 8 kvinnor"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "unit": "ferieskola", "note": "en ferieskola"},
        {"value": 30, "approx": True, "category": "attendance", "unit": "ungdom", "note": "ett 30-tal ungdomar"},
        {"value": 9, "category": ["participants", "other"], "unit": "praktikant", "note": "nio praktikanter"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Emådalen", "label": "ORG"},
        {"text": "Mönsterås", "label": "LOC"},
        {"text": "Ulla-Britt Karlsson", "label": "PER"},
        {"text": "Oskarshamns kommun", "label": "ORG"},
        {"text": "Håkan Nyberg", "label": "PER"},
        {"text": "Landstinget i Kalmar län", "label": "ORG"},
        {"text": "Petra Åhlén", "label": "PER"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Försäkringskassans", "normalized": "Försäkringskassan", "label": "ORG"},
        {"text": "Mikael Strand", "label": "PER"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Gunnel Fäldt", "label": "PER"},
        {"text": "Högsby kommun", "label": "ORG"},
        {"text": "Lars-Göran Ek", "label": "PER"},
        {"text": "Mönsterås kommun", "label": "ORG"},
        {"text": "Sofia Renée Larsson", "label": "PER"},
        {"text": "Elin Borg", "label": "PER"},
        {"text": "Mönsterås kommuns arbetsmarknadsenhet", "normalized": "Mönsterås kommun", "label": "ORG"},
        {"text": "Högsby", "label": "LOC"},
        {"text": "Ölands folkhögskola", "label": "ORG"},
        {"text": "Påskallavik", "label": "LOC"},
        {"text": "Kustverket ek. för.", "normalized": "Kustverket ek. för.", "label": "ORG"},
        {"text": "Kustverket", "label": "ORG", "optional": True},
        {"text": "Mönsterås kommuns", "normalized": "Mönsterås kommun", "label": "ORG", "optional": True},
        {"text": "Kommunhuset i Mönsterås", "label": ["LOC", "ORG"], "optional": True},
        {"text": "Timmernabben", "label": "LOC", "optional": True},
        {"text": "Kalmar län", "label": "LOC", "optional": True},
        {"text": "Steg för steg", "label": "ORG", "optional": True},
        {"text": "socialförvaltningen", "label": "ORG", "optional": True},
        {"text": "Unga in", "label": "ORG", "optional": True},
        {"text": "Verkstaden i Påskallavik", "label": "ORG", "optional": True},
        {"text": "Verkstaden", "label": "ORG", "optional": True},
    ],
}
doc(id="h02", fmt="txt", text=H02_TEXT, encoding="cp1252", newline="\r\n", gold=H02_GOLD)


# =============================================================================
# h03 — born-digital .pdf, slutrapport: running header on every page,
#       footer "Sida N av M", bold 12 pt headings, two ruled tables
#       (participants Kvinnor/Män/Summa × Mål/Faktiskt; status at exit)
# =============================================================================
H03_BLOCKS = [
    ("title", "SLUTRAPPORT"),
    ("title2", "Hälsa i arbete"),
    ("meta", "Projektperiod: september 2017 – augusti 2019"),
    ("meta", "Projektägare: Krokoms kommun i samverkan med Östersunds kommun och Bergs kommun"),
    ("meta", "Finansiär: Samordningsförbundet Storsjöbygden"),
    ("h1", "Sammanfattning"),
    ("p", "Hälsa i arbete (HIA) har under två år erbjudit arbetslivsinriktad rehabilitering till personer i Krokom, "
          "Östersund och Berg som under lång tid har haft ersättning från Försäkringskassan eller försörjningsstöd. "
          "Projektet har haft 67 deltagare, vilket är fler än de 60 vi räknade med i ansökan, och 30 av dem har gått "
          "vidare till arbete eller studier. Den viktigaste lärdomen är att ett nära samarbete med vårdcentralerna – "
          "något vi inte hade planerat för från början – gjorde det möjligt att komma igång tidigare med deltagare "
          "som annars hade blivit stående i väntan på medicinska underlag."),
    ("h1", "Bakgrund och syfte"),
    ("p", "I de tre kommunerna fanns 2016, enligt förbundets egen kartläggning, närmare 600 personer i arbetsför "
          "ålder som haft försörjningsstöd i mer än tre år. Många av dem har en kombination av psykisk ohälsa, "
          "smärtproblematik och bristande svenska, och har i flera fall slussats mellan myndigheterna utan att "
          "någon tagit ett samlat grepp. Syftet med HIA var att pröva ett arbetssätt där en arbetsterapeut från "
          "Region Jämtland Härjedalen och två arbetsmarknadskonsulenter från kommunerna arbetar i samma team, med "
          "en gemensam planering för varje deltagare."),
    ("h1", "Målgrupp och rekrytering"),
    ("p", "Målgruppen har varit kvinnor och män mellan 20 och 64 år som stått utanför arbetsmarknaden i minst två "
          "år. Rekryteringen skedde främst via socialtjänsten och Arbetsförmedlingen i Östersund; under det andra "
          "året kom också en växande andel via vårdcentralerna i Krokom och Föllinge. Väntetiden från anmälan "
          "till första samtal var i genomsnitt 12 dagar."),
    ("h1", "Genomförande"),
    ("p", "Varje deltagare fick en individuell plan inom de första fyra veckorna. Därefter varvades samtal, "
          "arbetsträning och hälsofrämjande aktiviteter, bland annat stavgång längs Storsjön en gång i veckan och "
          "en kurs i stresshantering som hölls sju gånger under projekttiden. Sammanlagt genomfördes omkring "
          "1 400 individuella möten och 58 så kallade trepartssamtal, där deltagaren, handläggaren på "
          "Försäkringskassan eller socialtjänsten och projektets personal gick igenom planeringen tillsammans."),
    ("p", "Arbetsträningsplatserna fanns till stor del hos Krokoms kommuns tekniska förvaltning och hos det sociala "
          "företaget Returverket i Östersund ekonomisk förening, som tog emot sammanlagt 23 deltagare."),
    ("h1", "Deltagare och resultat"),
    ("p", "Tabell 1 visar antalet deltagare jämfört med målet i ansökan. Andelen kvinnor blev betydligt högre än "
          "planerat, vilket vi tror hänger ihop med att vårdcentralerna remitterade fler kvinnor än män."),
    ("caption", "Tabell 1. Deltagare i HIA 2017–2019"),
    ("table", [["", "Kvinnor", "Män", "Summa"],
               ["Mål enligt ansökan", "30", "30", "60"],
               ["Faktiskt antal", "41", "26", "67"]], (58, 32, 32, 32)),
    ("p", "Medelåldern bland deltagarna var 44 år och drygt en tredjedel hade ett annat modersmål än svenska. "
          "Av de 67 deltagarna hade vid projektets slut 60 avslutats; övriga fördes över till den ordinarie "
          "verksamheten vid Krokoms kommuns arbetsmarknadsenhet. Tabell 2 visar vad som hände efter avslut."),
    ("caption", "Tabell 2. Status vid avslut"),
    ("table", [["Status vid avslut", "Antal", "Andel"],
               ["Arbete (även med lönestöd)", "19", "28 %"],
               ["Studier", "11", "16 %"],
               ["Annan insats eller myndighet", "21", "31 %"],
               ["Avbrott", "9", "13 %"],
               ["Överförda till ordinarie verksamhet", "7", "10 %"]], (86, 28, 28)),
    ("p", "Målet i ansökan var att 40 % skulle gå till arbete eller studier; utfallet blev 45 procent, räknat på "
          "samtliga inskrivna."),
    ("h1", "Samverkan"),
    ("p", "Styrgruppen har bestått av representanter för de tre kommunerna, Försäkringskassan, Arbetsförmedlingen "
          "och Region Jämtland Härjedalen och har träffats elva gånger. Under hösten 2018 anordnade projektet två "
          "seminarier om samordnad rehabilitering, där sammanlagt ca 90 personer från myndigheterna och vården "
          "deltog. Erfarenheterna har också presenterats på Finsams nationella konferens i Örebro i maj 2019, "
          "tillsammans med Lotta Öberg från Nationella rådet."),
    ("h1", "Ekonomi"),
    ("p", "Förbundet beviljade totalt 4 200 000 kronor för hela projekttiden. Utfallet blev 3,87 mnkr, det vill "
          "säga 92 procent av budgeten. Den största posten var personal (cirka 3,1 mnkr); resten gick till lokaler, "
          "resor och deltagarnas friskvårdsaktiviteter. Krokoms kommun har därutöver bidragit med lokaler till ett "
          "värde av ungefär 180 tkr."),
    ("h1", "Slutsatser och implementering"),
    ("p", "Från och med den 1 september 2019 ingår arbetssättet i den ordinarie verksamheten i Krokom och "
          "Östersund, där en arbetsterapeut och en konsulent finansieras gemensamt av kommunerna och regionen. "
          "Bergs kommun har valt att avvakta till 2020. Vi vill särskilt tacka deltagarna, som under två år har "
          "delat med sig av sina erfarenheter, och personalen på Brunflo vårdcentral, som var först med att se "
          "möjligheterna."),
    ("sig", "Östersund den 15 oktober 2019"),
    ("sig", "Karin Sjöberg, projektledare"),
]

H03_GOLD = {
    "file": "h03_slutrapport_halsa_i_arbete_2019.pdf",
    "report_type": "slutrapport",
    "project_name": "Hälsa i arbete",
    "period": {"start": "2017-09-01", "end": "2019-08-31"},
    "report_date": "2019-10-15",
    "title_lines": [
        "SLUTRAPPORT",
        "Hälsa i arbete",
        "Projektperiod: september 2017 – augusti 2019",
        "Projektägare: Krokoms kommun i samverkan med Östersunds kommun och Bergs kommun",
        "Finansiär: Samordningsförbundet Storsjöbygden",
    ],
    "headings": [
        "Sammanfattning",
        "Bakgrund och syfte",
        "Målgrupp och rekrytering",
        "Genomförande",
        "Deltagare och resultat",
        "Samverkan",
        "Ekonomi",
        "Slutsatser och implementering",
    ],
    "optional_headings": [
        "Tabell 1. Deltagare i HIA 2017–2019",
        "Tabell 2. Status vid avslut",
    ],
    "figures": [
        {"value": 2, "category": ["other"], "optional": True, "unit": "år", "note": "har under två år erbjudit"},
        {"value": 67, "category": "participants", "measure": "actual", "unit": "person", "note": "Projektet har haft 67 deltagare"},
        {"value": 60, "category": "participants", "measure": "planned", "unit": "person", "note": "de 60 vi räknade med i ansökan"},
        {"value": 30, "category": "outcomes", "unit": "person", "note": "30 av dem har gått vidare till arbete eller studier"},
        {"value": 3, "category": ["organisations", "other"], "optional": True, "note": "I de tre kommunerna fanns"},
        {"value": 600, "approx": True, "category": "other", "unit": "person", "note": "närmare 600 personer"},
        {"value": 3, "category": ["other"], "optional": True, "unit": "år", "note": "mer än tre år"},
        {"value": 2, "category": ["other"], "optional": True, "unit": "arbetsmarknadskonsulent", "note": "två arbetsmarknadskonsulenter"},
        {"value": 20, "value_max": 64, "category": ["other"], "optional": True, "unit": "år", "note": "mellan 20 och 64 år"},
        {"value": 2, "category": ["other"], "optional": True, "unit": "år", "note": "minst två år"},
        {"value": 12, "category": "other", "unit": "dag", "note": "i genomsnitt 12 dagar"},
        {"value": 4, "category": ["other"], "optional": True, "unit": "vecka", "note": "de första fyra veckorna"},
        {"value": 7, "category": "activities", "unit": "kurstillfälle", "note": "hölls sju gånger"},
        {"value": 1400, "approx": True, "category": "activities", "unit": "möte", "note": "omkring 1 400 individuella möten"},
        {"value": 58, "category": "activities", "unit": "trepartssamtal", "note": "58 så kallade trepartssamtal"},
        {"value": 23, "category": ["participants", "outcomes", "other"], "unit": "person", "note": "tog emot sammanlagt 23 deltagare"},
        {"value": 30, "category": "participants", "measure": "planned", "gender": "women", "note": "tabell: Mål enligt ansökan / Kvinnor 30"},
        {"value": 30, "category": "participants", "measure": "planned", "gender": "men", "note": "tabell: Mål enligt ansökan / Män 30"},
        {"value": 60, "category": "participants", "measure": "planned", "note": "tabell: Mål enligt ansökan / Summa 60"},
        {"value": 41, "category": "participants", "measure": "actual", "gender": "women", "note": "tabell: Faktiskt antal / Kvinnor 41"},
        {"value": 26, "category": "participants", "measure": "actual", "gender": "men", "note": "tabell: Faktiskt antal / Män 26"},
        {"value": 67, "category": "participants", "measure": "actual", "note": "tabell: Faktiskt antal / Summa 67"},
        {"value": 44, "category": ["other"], "optional": True, "unit": "år", "note": "Medelåldern bland deltagarna var 44 år"},
        {"value": 67, "category": "participants", "measure": "actual", "optional": True, "note": "Av de 67 deltagarna (repeat)"},
        {"value": 60, "category": ["outcomes", "participants", "other"], "unit": "person", "note": "60 avslutats"},
        {"value": 19, "category": "outcomes", "unit": "person", "note": "tabell: Arbete (även med lönestöd) / Antal 19"},
        {"value": 28, "category": "percent", "unit": "%", "note": "tabell: Arbete / Andel 28 %"},
        {"value": 11, "category": "outcomes", "unit": "person", "note": "tabell: Studier / Antal 11"},
        {"value": 16, "category": "percent", "unit": "%", "note": "tabell: Studier / Andel 16 %"},
        {"value": 21, "category": "outcomes", "unit": "person", "note": "tabell: Annan insats eller myndighet / Antal 21"},
        {"value": 31, "category": "percent", "unit": "%", "note": "tabell: Annan insats / Andel 31 %"},
        {"value": 9, "category": ["outcomes", "other"], "unit": "person", "note": "tabell: Avbrott / Antal 9"},
        {"value": 13, "category": "percent", "unit": "%", "note": "tabell: Avbrott / Andel 13 %"},
        {"value": 7, "category": ["outcomes", "other"], "unit": "person", "note": "tabell: Överförda till ordinarie verksamhet / Antal 7"},
        {"value": 10, "category": "percent", "unit": "%", "note": "tabell: Överförda / Andel 10 %"},
        {"value": 40, "category": "percent", "measure": "planned", "unit": "%", "note": "Målet i ansökan var att 40 %"},
        {"value": 45, "category": "percent", "measure": "actual", "unit": "%", "note": "utfallet blev 45 procent"},
        {"value": 3, "category": ["organisations", "other"], "optional": True, "note": "de tre kommunerna"},
        {"value": 11, "category": "activities", "unit": "möte", "note": "träffats elva gånger"},
        {"value": 2, "category": "activities", "unit": "seminarium", "note": "två seminarier om samordnad rehabilitering"},
        {"value": 90, "approx": True, "category": "attendance", "unit": "person", "note": "ca 90 personer"},
        {"value": 4200000, "category": "money", "unit": "kr", "note": "4 200 000 kronor"},
        {"value": 3870000, "category": "money", "unit": "kr", "note": "3,87 mnkr"},
        {"value": 92, "category": "percent", "unit": "%", "note": "92 procent av budgeten"},
        {"value": 3100000, "approx": True, "category": "money", "unit": "kr", "note": "cirka 3,1 mnkr"},
        {"value": 180000, "approx": True, "category": "money", "unit": "kr", "note": "ungefär 180 tkr"},
        {"value": 2, "category": ["other"], "optional": True, "unit": "år", "note": "som under två år har delat"},
    ],
    "entities": [
        {"text": "Krokoms kommun", "label": "ORG"},
        {"text": "Östersunds kommun", "label": "ORG"},
        {"text": "Bergs kommun", "label": "ORG"},
        {"text": "Samordningsförbundet Storsjöbygden", "label": "ORG"},
        {"text": "Krokom", "label": "LOC"},
        {"text": "Östersund", "label": "LOC"},
        {"text": "Berg", "label": "LOC"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Region Jämtland Härjedalen", "label": "ORG"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Föllinge", "label": "LOC"},
        {"text": "Storsjön", "label": "LOC"},
        {"text": "Krokoms kommuns tekniska förvaltning", "normalized": "Krokoms kommun", "label": "ORG"},
        {"text": "Returverket i Östersund ekonomisk förening", "label": "ORG"},
        {"text": "Krokoms kommuns arbetsmarknadsenhet", "normalized": "Krokoms kommun", "label": "ORG"},
        {"text": "Örebro", "label": "LOC"},
        {"text": "Lotta Öberg", "label": "PER"},
        {"text": "Nationella rådet", "label": "ORG"},
        {"text": "Brunflo vårdcentral", "label": "ORG"},
        {"text": "Karin Sjöberg", "label": "PER"},
        {"text": "Krokoms kommuns", "normalized": "Krokoms kommun", "label": "ORG", "optional": True},
        {"text": "Returverket", "label": "ORG", "optional": True},
        {"text": "Hälsa i arbete", "label": "ORG", "optional": True},
        {"text": "HIA", "label": "ORG", "optional": True},
        {"text": "Finsams", "normalized": "Finsam", "label": "ORG", "optional": True},
        {"text": "Brunflo", "label": "LOC", "optional": True},
    ],
}
doc(id="h03", fmt="pdf", blocks=H03_BLOCKS, gold=H03_GOLD, style="header_footer",
    running_header="Slutrapport HIA  |  Samordningsförbundet Storsjöbygden")


# =============================================================================
# h04 — born-digital .pdf, verksamhetsberättelse: no header/footer, headings
#       only distinguished by larger bold type (15 pt / 12 pt vs 10 pt body),
#       several project summaries under level-2 headings
# =============================================================================
H04_BLOCKS = [
    ("title", "Verksamhetsberättelse 2012"),
    ("title2", "Samordningsförbundet Ringsjöbygden"),
    ("meta", "Eslöv · Höör · Hörby"),
    ("meta", "Fastställd av styrelsen 2013-02-28"),
    ("h1", "Ordföranden har ordet"),
    ("p", "2012 blev året då förbundet på allvar gick från planering till genomförande. När jag ser tillbaka är det "
          "framför allt mötena med deltagarna som jag minns – som den unga kvinnan från Hörby som efter nästan tre år "
          "hemma nu arbetar deltid på ett café i Höör. Samtidigt vet vi att behoven är större än vad vi med våra "
          "resurser kan möta, och att det arbete som kommunerna, regionen och de statliga myndigheterna gör "
          "tillsammans behöver bli mer långsiktigt."),
    ("p", "Bertil Håkansson, ordförande"),
    ("h1", "Förbundet i korthet"),
    ("p", "Samordningsförbundet Ringsjöbygden bildades 2009 av Eslövs, Höörs och Hörby kommuner, Region Skåne, "
          "Försäkringskassan och Arbetsförmedlingen. Förbundet hade 2012 en budget på 5 400 tkr, där staten (genom "
          "Försäkringskassan och Arbetsförmedlingen) står för 50 procent, Region Skåne för 25 procent och kommunerna "
          "tillsammans för 25 procent. Under året har fyra insatser finansierats och sammanlagt 212 personer har "
          "tagit del av dem, varav 118 kvinnor och 94 män."),
    ("h1", "Styrelse och kansli"),
    ("p", "Styrelsen har under året bestått av en ledamot och en ersättare från varje medlem. Ordförande har varit "
          "Bertil Håkansson (Höörs kommun) och vice ordförande Annelie Dufvenberg-Roos (Region Skåne). Styrelsen har "
          "haft sju protokollförda sammanträden och en heldagskonferens på Skäralids vandrarhem i september. Kansliet "
          "har bestått av förbundschefen Kristoffer Ljunggren på heltid och en ekonom på 40 %, köpt från Eslövs kommun."),
    ("h1", "Insatser under året"),
    ("p", "Nedan beskrivs kortfattat de fyra insatser som förbundet har finansierat under 2012."),
    ("h2", "Jobbspåret"),
    ("p", "Jobbspåret är en ettårig förberedande insats för unga vuxna 18–29 år i Eslöv, som drivs av kommunens "
          "arbetsmarknadsavdelning tillsammans med Arbetsförmedlingen. Under året har 64 unga deltagit (mål: 50), "
          "varav 27 kvinnor. Av de 41 som har avslutats har 16 fått anställning och nio gått vidare till studier, "
          "flera av dem till Folkhögskolan i Hörby. Förbundets bidrag var 1,6 mnkr."),
    ("h2", "Mötesplats Ringsjö"),
    ("p", "Mötesplats Ringsjö i Höör är en öppen verksamhet utan inskrivning, där personer med psykisk "
          "funktionsnedsättning kan delta i vardagliga aktiviteter och på sikt pröva arbetsträning. Verksamheten har "
          "varit öppen tre dagar i veckan och haft i genomsnitt 15–20 besökare per dag. Ett tjugotal besökare har under "
          "året fått en individuell planering tillsammans med handläggare från Försäkringskassan, och fem har gått "
          "vidare till arbetsträning hos det sociala arbetskooperativet Fiket på Torget i Höör. Förbundets kostnad "
          "var 920 000 kr."),
    ("h2", "Språkcafé och arbetsmarknadskunskap"),
    ("p", "Insatsen startade först i augusti och har därför bara pågått en termin. Studieförbundet Vuxenskolan har, på "
          "uppdrag av förbundet och i samarbete med SFI i Hörby, hållit två kurser om tio veckor vardera i "
          "arbetsmarknadskunskap för nyanlända. Kurserna har haft 31 deltagare, 12 kvinnor och 19 män. Därtill har "
          "språkcaféet på biblioteket haft öppet varje torsdag med närmare 40 besökare per tillfälle. Kostnaden för "
          "förbundet uppgick till 214 500 kronor."),
    ("h2", "Resursteam Hörby"),
    ("p", "Resursteamet består av en socialsekreterare, en arbetsförmedlare och en sjukgymnast från Region Skånes "
          "vårdcentral i Hörby, som tillsammans gör kartläggningar av personer med oklar arbetsförmåga. Teamet har under "
          "året gjort 57 kartläggningar (planerat: 70). Att det blev färre än beräknat beror bland annat på att "
          "arbetsförmedlaren var tjänstledig i tre månader. Resultaten är ändå goda: omkring hälften av de kartlagda har "
          "fått en tydlig plan framåt, och elva personer har fått sjukpenning eller aktivitetsersättning beviljad efter "
          "teamets utredning. Förbundet har bidragit med 1 250 tkr."),
    ("h1", "Ekonomi"),
    ("p", "Förbundets intäkter 2012 var 5 400 tkr och kostnaderna 5 129 tkr, vilket ger ett överskott på 271 tkr. Av "
          "kostnaderna gick 3 985 tkr – drygt 77 procent – direkt till insatserna; resten avser kansli, styrelse, "
          "revision och utvärdering. Det egna kapitalet vid årets slut var 1 832 tkr. Revisionen har skötts av Sonja "
          "Wikström, auktoriserad revisor vid KPMG i Malmö."),
    ("h1", "Blick framåt"),
    ("p", "Inför 2013 har styrelsen beslutat att förlänga Jobbspåret och Resursteam Hörby och att utreda om Mötesplats "
          "Ringsjö kan bli en del av Höörs kommuns ordinarie verksamhet. Vi räknar också med att kunna starta en ny "
          "insats för unga med aktivitetsersättning tillsammans med Lunds universitet, som står för följeforskningen."),
]

H04_GOLD = {
    "file": "h04_verksamhetsberattelse_ringsjobygden_2012.pdf",
    "report_type": "verksamhetsberättelse",
    "project_name": None,
    "period": {"start": "2012-01-01", "end": "2012-12-31"},
    "report_date": "2013-02-28",
    "title_lines": [
        "Verksamhetsberättelse 2012",
        "Samordningsförbundet Ringsjöbygden",
        "Eslöv · Höör · Hörby",
        "Fastställd av styrelsen 2013-02-28",
    ],
    "headings": [
        "Ordföranden har ordet",
        "Förbundet i korthet",
        "Styrelse och kansli",
        "Insatser under året",
        "Jobbspåret",
        "Mötesplats Ringsjö",
        "Språkcafé och arbetsmarknadskunskap",
        "Resursteam Hörby",
        "Ekonomi",
        "Blick framåt",
    ],
    "optional_headings": [],
    "figures": [
        {"value": 3, "approx": True, "category": ["other"], "optional": True, "unit": "år", "note": "nästan tre år"},
        {"value": 5400000, "category": "money", "unit": "kr", "note": "en budget på 5 400 tkr"},
        {"value": 50, "category": "percent", "unit": "%", "note": "50 procent"},
        {"value": 25, "category": "percent", "unit": "%", "note": "Region Skåne för 25 procent"},
        {"value": 25, "category": "percent", "unit": "%", "note": "tillsammans för 25 procent"},
        {"value": 4, "category": ["other", "activities"], "unit": "insats", "note": "fyra insatser finansierats"},
        {"value": 212, "category": "participants", "measure": "actual", "unit": "person", "note": "sammanlagt 212 personer har tagit del av dem"},
        {"value": 118, "category": "participants", "measure": "actual", "gender": "women", "note": "varav 118 kvinnor"},
        {"value": 94, "category": "participants", "measure": "actual", "gender": "men", "note": "94 män"},
        {"value": 7, "category": "activities", "unit": "sammanträde", "note": "sju protokollförda sammanträden"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "unit": "konferens", "note": "en heldagskonferens"},
        {"value": 40, "category": "percent", "unit": "%", "note": "en ekonom på 40 %"},
        {"value": 4, "category": ["other", "activities"], "optional": True, "note": "de fyra insatser (repeat)"},
        {"value": 18, "value_max": 29, "category": ["other"], "optional": True, "unit": "år", "note": "18–29 år"},
        {"value": 64, "category": "participants", "measure": "actual", "unit": "person", "note": "64 unga deltagit"},
        {"value": 50, "category": "participants", "measure": "planned", "unit": "person", "note": "(mål: 50)"},
        {"value": 27, "category": "participants", "measure": "actual", "gender": "women", "note": "varav 27 kvinnor"},
        {"value": 41, "category": ["outcomes", "participants", "other"], "unit": "person", "note": "de 41 som har avslutats"},
        {"value": 16, "category": "outcomes", "unit": "person", "note": "16 fått anställning"},
        {"value": 9, "category": "outcomes", "unit": "person", "note": "nio gått vidare till studier"},
        {"value": 1600000, "category": "money", "unit": "kr", "note": "1,6 mnkr"},
        {"value": 3, "category": ["other"], "optional": True, "unit": "dag", "note": "tre dagar i veckan"},
        {"value": 15, "value_max": 20, "category": "attendance", "unit": "besökare", "note": "15–20 besökare per dag"},
        {"value": 20, "approx": True, "category": ["participants", "other"], "unit": "besökare", "note": "Ett tjugotal besökare"},
        {"value": 5, "category": ["outcomes", "participants"], "unit": "person", "note": "fem har gått vidare till arbetsträning"},
        {"value": 920000, "category": "money", "unit": "kr", "note": "920 000 kr"},
        {"value": 2, "category": "activities", "unit": "kurs", "note": "två kurser"},
        {"value": 10, "category": ["other"], "optional": True, "unit": "vecka", "note": "tio veckor"},
        {"value": 31, "category": "participants", "measure": "actual", "unit": "person", "note": "31 deltagare"},
        {"value": 12, "category": "participants", "measure": "actual", "gender": "women", "note": "12 kvinnor"},
        {"value": 19, "category": "participants", "measure": "actual", "gender": "men", "note": "19 män"},
        {"value": 40, "approx": True, "category": "attendance", "unit": "besökare", "note": "närmare 40 besökare per tillfälle"},
        {"value": 214500, "category": "money", "unit": "kr", "note": "214 500 kronor"},
        {"value": 57, "category": "activities", "measure": "actual", "unit": "kartläggning", "note": "57 kartläggningar"},
        {"value": 70, "category": "activities", "measure": "planned", "unit": "kartläggning", "note": "(planerat: 70)"},
        {"value": 3, "category": ["other"], "optional": True, "unit": "månad", "note": "tre månader"},
        {"value": 11, "category": "outcomes", "unit": "person", "note": "elva personer har fått sjukpenning eller aktivitetsersättning"},
        {"value": 1250000, "category": "money", "unit": "kr", "note": "1 250 tkr"},
        {"value": 5400000, "category": "money", "optional": True, "unit": "kr", "note": "intäkter 2012 var 5 400 tkr (repeat)"},
        {"value": 5129000, "category": "money", "unit": "kr", "note": "5 129 tkr"},
        {"value": 271000, "category": "money", "unit": "kr", "note": "271 tkr"},
        {"value": 3985000, "category": "money", "unit": "kr", "note": "3 985 tkr"},
        {"value": 77, "approx": True, "category": "percent", "unit": "%", "note": "drygt 77 procent"},
        {"value": 1832000, "category": "money", "unit": "kr", "note": "1 832 tkr"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Ringsjöbygden", "label": "ORG"},
        {"text": "Eslöv", "label": "LOC"},
        {"text": "Höör", "label": "LOC"},
        {"text": "Hörby", "label": "LOC"},
        {"text": "Bertil Håkansson", "label": "PER"},
        {"text": "Region Skåne", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Höörs kommun", "label": "ORG"},
        {"text": "Annelie Dufvenberg-Roos", "label": "PER"},
        {"text": "Skäralids vandrarhem", "label": ["ORG", "LOC"]},
        {"text": "Kristoffer Ljunggren", "label": "PER"},
        {"text": "Eslövs kommun", "label": "ORG"},
        {"text": "Folkhögskolan i Hörby", "label": "ORG"},
        {"text": "Fiket på Torget", "label": "ORG"},
        {"text": "Studieförbundet Vuxenskolan", "label": "ORG"},
        {"text": "Region Skånes", "normalized": "Region Skåne", "label": "ORG"},
        {"text": "Sonja Wikström", "label": "PER"},
        {"text": "KPMG", "label": "ORG"},
        {"text": "Malmö", "label": "LOC"},
        {"text": "Höörs kommuns", "normalized": "Höörs kommun", "label": "ORG"},
        {"text": "Lunds universitet", "label": "ORG"},
        {"text": "Eslövs", "normalized": "Eslöv", "label": ["LOC", "ORG"], "optional": True},
        {"text": "Höörs", "normalized": "Höör", "label": ["LOC", "ORG"], "optional": True},
        {"text": "Hörby kommuner", "label": "ORG", "optional": True},
        {"text": "Skäralid", "label": "LOC", "optional": True},
        {"text": "Jobbspåret", "label": "ORG", "optional": True},
        {"text": "Mötesplats Ringsjö", "label": "ORG", "optional": True},
        {"text": "Ringsjö", "label": "LOC", "optional": True},
        {"text": "Resursteam Hörby", "label": "ORG", "optional": True},
        {"text": "SFI", "label": "ORG", "optional": True},
        {"text": "Vuxenskolan", "label": "ORG", "optional": True},
    ],
}
doc(id="h04", fmt="pdf", blocks=H04_BLOCKS, gold=H04_GOLD, style="big_bold")


# =============================================================================
# h05 — .docx, delrapport: Title + Heading 1/2 styles, metadata lines,
#       Word table (Table Grid) of participants with an indented "varav" row
# =============================================================================
H05_BLOCKS = [
    ("title", "Delrapport 2"),
    ("meta", "Projektets namn: Bygglaget"),
    ("meta", "Period: januari–juni 2022"),
    ("meta", "Projektägare: Hagfors kommun, Arbetsmarknad och integration"),
    ("meta", "Rapporten lämnas till: Samordningsförbundet Klarälvdalen"),
    ("meta", "Datum: 26 augusti 2022"),
    ("h1", "Sammanfattning av perioden"),
    ("p", "Bygglaget har nu varit igång i ett och ett halvt år. Första halvåret 2022 har varit det hittills bästa när "
          "det gäller både inflöde och resultat, men vi har också fått kämpa med att hitta handledare eftersom "
          "byggföretagen haft ont om folk under högsäsongen."),
    ("h1", "Verksamheten"),
    ("h2", "Rekrytering"),
    ("p", "Under perioden har 17 personer skrivits in, vilket är tre fler än budgeterat för halvåret. Merparten (13 av "
          "17) har kommit via Arbetsförmedlingen i Hagfors, resten via socialtjänsten i Munkfors och Torsby. Vi har "
          "haft informationsträffar på Arbetsförmedlingen varannan vecka och deltog på en rekryteringsmässa i "
          "Karlstad den 22 mars."),
    ("h2", "Arbetsträning och utbildning"),
    ("p", "Deltagarna arbetstränar i projektets egen verkstad i Ekshärad och ute på byggarbetsplatser. Under våren har "
          "åtta deltagare gått den grundläggande kursen i säkerhet på byggarbetsplats (bland annat ID06 och "
          "fallskydd), och sex har tagit truckkort A+B genom Klarälvdalens folkhögskola. Två deltagare har påbörjat "
          "yrkesutbildning till träarbetare via Vuxenutbildningen i Hagfors."),
    ("h2", "Samarbete med företag"),
    ("p", "Antalet företag som tar emot praktikanter har ökat från 9 till 14, däribland Hagfors Bygg & Montage AB, "
          "Byggkompaniet i Torsby och det sociala företaget Snickarboa i Munkfors. Med fem av dem har vi skrivit "
          "avsiktsförklaringar om att erbjuda anställning till deltagare som fullföljer. Sveriges Byggindustrier "
          "(BI) region Värmland hjälper oss att nå fler arbetsgivare."),
    ("h1", "Deltagare"),
    ("p", "Tabellen visar deltagare sedan projektstarten den 1 januari 2021 fram till den 30 juni 2022."),
    ("table", [["Antal personer", "Kvinnor", "Män", "Totalt"],
               ["Planerat antal enligt ansökan", "8", "32", "40"],
               ["Inskrivna t.o.m. 30 juni 2022", "6", "29", "35"],
               ["– varav inskrivna under perioden", "2", "15", "17"],
               ["Aktiva vid periodens slut", "3", "14", "17"]]),
    ("p", "Andelen kvinnor är fortsatt låg (17 procent av de inskrivna), trots riktade informationsinsatser via "
          "Kvinnojouren och SFI."),
    ("h1", "Resultat för avslutade deltagare"),
    ("p", "Sedan start har 18 deltagare avslutats. Sju har fått anställning, varav fyra inom bygg och en på ett "
          "sågverk, tre har börjat studera och två har startat eget företag (enskild firma). Fyra har gått till annan "
          "insats och två har avbrutit. Det betyder att 12 av de 18 avslutade, alltså två tredjedelar, har fått egen "
          "försörjning eller påbörjat studier."),
    ("h1", "Ekonomi"),
    ("p", "Beviljad budget för hela projektperioden (2021–2023) är 5,2 mnkr, varav 1 780 000 kr för 2022. Till och med "
          "juni har 812 tkr förbrukats av årets budget, vilket motsvarar 46 %. Hagfors kommun bidrar därutöver med en "
          "handledare på 50 procent."),
    ("h1", "Risker och avvikelser"),
    ("p", "Den största risken är fortsatt bristen på handledare. En av våra två handledare slutar den 30 september och "
          "rekrytering pågår. Vi har också sett att deltagare med långt till Ekshärad – i vissa fall 6–7 mil enkel "
          "resa – har svårt att delta fem dagar i veckan; därför provar vi från hösten ett distansupplägg för "
          "teoridelen."),
    ("h1", "Nästa period"),
    ("p", "Under hösten planerar vi att skriva in ytterligare 12–14 deltagare, hålla en arbetsgivarträff tillsammans med "
          "Företagarna i Hagfors och genomföra två nya omgångar av säkerhetskursen."),
    ("p", "Stina Mårtensson, projektledare, tfn 0563-187 00"),
]

H05_GOLD = {
    "file": "h05_delrapport_bygglaget_vt2022.docx",
    "report_type": "delrapport",
    "project_name": "Bygglaget",
    "period": {"start": "2022-01-01", "end": "2022-06-30"},
    "report_date": "2022-08-26",
    "title_lines": [
        "Delrapport 2",
        "Projektets namn: Bygglaget",
        "Period: januari–juni 2022",
        "Projektägare: Hagfors kommun, Arbetsmarknad och integration",
        "Rapporten lämnas till: Samordningsförbundet Klarälvdalen",
        "Datum: 26 augusti 2022",
    ],
    "headings": [
        "Sammanfattning av perioden",
        "Verksamheten",
        "Rekrytering",
        "Arbetsträning och utbildning",
        "Samarbete med företag",
        "Deltagare",
        "Resultat för avslutade deltagare",
        "Ekonomi",
        "Risker och avvikelser",
        "Nästa period",
    ],
    "optional_headings": [],
    "figures": [
        {"value": 1.5, "category": ["other"], "optional": True, "unit": "år", "note": "ett och ett halvt år"},
        {"value": 17, "category": "participants", "measure": "actual", "unit": "person", "note": "17 personer skrivits in"},
        {"value": 3, "category": ["other", "participants"], "optional": True, "note": "tre fler än budgeterat"},
        {"value": 13, "category": ["participants", "other"], "unit": "person", "note": "(13 av 17)"},
        {"value": 17, "category": ["participants", "other"], "optional": True, "note": "13 av 17 (repeat)"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "unit": "mässa", "note": "en rekryteringsmässa"},
        {"value": 8, "category": ["participants", "outcomes", "other"], "unit": "person", "note": "åtta deltagare gått den grundläggande kursen"},
        {"value": 6, "category": ["participants", "outcomes", "other"], "unit": "person", "note": "sex har tagit truckkort"},
        {"value": 2, "category": ["outcomes", "participants", "other"], "unit": "person", "note": "Två deltagare har påbörjat yrkesutbildning"},
        {"value": 9, "category": "organisations", "unit": "företag", "note": "från 9 till 14"},
        {"value": 14, "category": "organisations", "unit": "företag", "note": "från 9 till 14"},
        {"value": 5, "category": "organisations", "unit": "företag", "note": "Med fem av dem"},
        {"value": 8, "category": "participants", "measure": "planned", "gender": "women", "note": "tabell: Planerat antal / Kvinnor 8"},
        {"value": 32, "category": "participants", "measure": "planned", "gender": "men", "note": "tabell: Planerat antal / Män 32"},
        {"value": 40, "category": "participants", "measure": "planned", "note": "tabell: Planerat antal / Totalt 40"},
        {"value": 6, "category": "participants", "measure": "actual", "gender": "women", "note": "tabell: Inskrivna t.o.m. / Kvinnor 6"},
        {"value": 29, "category": "participants", "measure": "actual", "gender": "men", "note": "tabell: Inskrivna t.o.m. / Män 29"},
        {"value": 35, "category": "participants", "measure": "actual", "note": "tabell: Inskrivna t.o.m. / Totalt 35"},
        {"value": 2, "category": "participants", "measure": "actual", "gender": "women", "note": "tabell: varav under perioden / Kvinnor 2"},
        {"value": 15, "category": "participants", "measure": "actual", "gender": "men", "note": "tabell: varav under perioden / Män 15"},
        {"value": 17, "category": "participants", "measure": "actual", "note": "tabell: varav under perioden / Totalt 17"},
        {"value": 3, "category": "participants", "measure": "actual", "gender": "women", "note": "tabell: Aktiva / Kvinnor 3"},
        {"value": 14, "category": "participants", "measure": "actual", "gender": "men", "note": "tabell: Aktiva / Män 14"},
        {"value": 17, "category": "participants", "measure": "actual", "note": "tabell: Aktiva / Totalt 17"},
        {"value": 17, "category": "percent", "unit": "%", "note": "17 procent av de inskrivna"},
        {"value": 18, "category": ["outcomes", "participants", "other"], "unit": "person", "note": "18 deltagare avslutats"},
        {"value": 7, "category": "outcomes", "unit": "person", "note": "Sju har fått anställning"},
        {"value": 4, "category": "outcomes", "unit": "person", "note": "varav fyra inom bygg"},
        {"value": 1, "category": "outcomes", "unit": "person", "note": "en på ett sågverk"},
        {"value": 3, "category": "outcomes", "unit": "person", "note": "tre har börjat studera"},
        {"value": 2, "category": "outcomes", "unit": "person", "note": "två har startat eget företag"},
        {"value": 4, "category": "outcomes", "unit": "person", "note": "Fyra har gått till annan insats"},
        {"value": 2, "category": ["outcomes", "other"], "unit": "person", "note": "två har avbrutit"},
        {"value": 12, "category": "outcomes", "unit": "person", "note": "12 av de 18 avslutade"},
        {"value": 18, "category": ["outcomes", "participants", "other"], "optional": True, "note": "de 18 avslutade (repeat)"},
        {"value": 5200000, "category": "money", "unit": "kr", "note": "5,2 mnkr"},
        {"value": 1780000, "category": "money", "unit": "kr", "note": "1 780 000 kr"},
        {"value": 812000, "category": "money", "unit": "kr", "note": "812 tkr"},
        {"value": 46, "category": "percent", "unit": "%", "note": "motsvarar 46 %"},
        {"value": 50, "category": "percent", "unit": "%", "note": "handledare på 50 procent"},
        {"value": 2, "category": ["other"], "optional": True, "unit": "handledare", "note": "En av våra två handledare"},
        {"value": 6, "value_max": 7, "category": ["other"], "optional": True, "unit": "mil", "note": "6–7 mil enkel resa"},
        {"value": 5, "category": ["other"], "optional": True, "unit": "dag", "note": "fem dagar i veckan"},
        {"value": 12, "value_max": 14, "category": "participants", "measure": "planned", "unit": "person", "note": "ytterligare 12–14 deltagare"},
        {"value": 1, "category": ["activities", "other"], "optional": True, "unit": "arbetsgivarträff", "note": "en arbetsgivarträff"},
        {"value": 2, "category": "activities", "measure": "planned", "unit": "omgång", "note": "två nya omgångar av säkerhetskursen"},
    ],
    "entities": [
        {"text": "Hagfors kommun", "label": "ORG"},
        {"text": "Samordningsförbundet Klarälvdalen", "label": "ORG"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Hagfors", "label": "LOC"},
        {"text": "Munkfors", "label": "LOC"},
        {"text": "Torsby", "label": "LOC"},
        {"text": "Karlstad", "label": "LOC"},
        {"text": "Ekshärad", "label": "LOC"},
        {"text": "Klarälvdalens folkhögskola", "label": "ORG"},
        {"text": "Hagfors Bygg & Montage AB", "label": "ORG"},
        {"text": "Byggkompaniet i Torsby", "label": "ORG"},
        {"text": "Snickarboa", "label": "ORG"},
        {"text": "Sveriges Byggindustrier", "label": "ORG"},
        {"text": "Värmland", "label": "LOC"},
        {"text": "Företagarna", "label": "ORG"},
        {"text": "Stina Mårtensson", "label": "PER"},
        {"text": "Arbetsmarknad och integration", "label": "ORG", "optional": True},
        {"text": "Bygglaget", "label": "ORG", "optional": True},
        {"text": "Vuxenutbildningen", "label": "ORG", "optional": True},
        {"text": "Vuxenutbildningen i Hagfors", "label": "ORG", "optional": True},
        {"text": "BI", "label": "ORG", "optional": True},
        {"text": "Kvinnojouren", "label": "ORG", "optional": True},
        {"text": "SFI", "label": "ORG", "optional": True},
        {"text": "ID06", "label": "ORG", "optional": True},
        {"text": "Företagarna i Hagfors", "label": "ORG", "optional": True},
    ],
}
doc(id="h05", fmt="docx", blocks=H05_BLOCKS, gold=H05_GOLD, style="heading_styles")


# =============================================================================
# h06 — .docx, ansökan: headings are bold Normal paragraphs only (no Heading
#       styles), form fields "Label: value", List Bullet lists, signature line
# =============================================================================
H06_BLOCKS = [
    ("title", "Ansökan om medel från Samordningsförbundet Tornedalen"),
    ("meta", "Sökande organisation: Haparanda stad, Utbildnings- och arbetsmarknadsförvaltningen"),
    ("meta", "Organisationsnummer: 212000-2783"),
    ("meta", "Projektets namn: Gränslöst arbete"),
    ("meta", "Projektperiod: 2025-08-01 – 2027-07-31"),
    ("meta", "Sökt belopp: 2 860 000 kronor"),
    ("meta", "Kontaktperson: Aino Keskitalo, tfn 0922-150 00"),
    ("h1", "Bakgrund och behov"),
    ("p", "Haparanda, Övertorneå och Pajala har tillsammans drygt 19 000 invånare, och den öppna arbetslösheten bland "
          "utrikes födda är mer än dubbelt så hög som bland inrikes födda. Samtidigt har arbetsgivarna på båda sidor om "
          "gränsen – inte minst i Torneå, där flera industriföretag söker personal – svårt att rekrytera. I Haparanda "
          "stad hade 312 hushåll försörjningsstöd i december 2024, och för omkring 40 procent av dem var arbetslöshet "
          "huvudskälet."),
    ("h1", "Syfte och mål"),
    ("p", "Syftet är att fler personer som står långt från arbetsmarknaden ska få ett arbete i gränsregionen, i Sverige "
          "eller i Finland. Projektets mål är att"),
    ("bullets", [
        "minst 75 personer deltar under projekttiden, varav minst 35 kvinnor,",
        "30 procent av deltagarna har arbete eller studerar sex månader efter avslut,",
        "ytterligare 20 % har gått vidare till annan insats hos Arbetsförmedlingen, Försäkringskassan eller Region Norrbotten,",
        "ett nätverk med minst 25 arbetsgivare på båda sidor om gränsen har byggts upp.",
    ]),
    ("h1", "Målgrupp"),
    ("p", "Kvinnor och män 20–64 år, folkbokförda i någon av de tre kommunerna, som har försörjningsstöd, aktivitetsstöd "
          "eller sjukersättning på deltid. Vi räknar med att ungefär två tredjedelar kommer att vara utrikes födda och "
          "att en stor del saknar gymnasieutbildning."),
    ("h1", "Hur ska insatsen genomföras?"),
    ("p", "Insatsen bygger på tre spår som deltagaren kan röra sig mellan:"),
    ("bullets", [
        "Kartläggning och vägledning (4–6 veckor) med arbetsterapeut och studie- och yrkesvägledare.",
        "Språk och yrkesfinska: korta kurser i samarbete med Tornedalens folkhögskola i Övertorneå, där deltagarna läser finska och svenska för arbetslivet.",
        "Jobbmatchning mot arbetsgivare i Haparanda och Torneå, med stöd av EURES-rådgivare och Gränstjänsten Haparanda-Tornio.",
    ]),
    ("p", "Under projekttiden planerar vi att genomföra 6 kursomgångar med 10–12 platser vardera och två "
          "arbetsgivardagar per år."),
    ("h1", "Samverkanspartner"),
    ("bullets", [
        "Övertorneå kommun och Pajala kommun (deltar i styrgruppen och bidrar med lokaler)",
        "Arbetsförmedlingen, lokalkontoret i Haparanda",
        "Försäkringskassan, lokalt försäkringscenter i Luleå",
        "Region Norrbotten, Haparanda hälsocentral",
        "Företagarna i Haparanda",
        "Kooperativet Nya Hemslöjden i Pajala, ett socialt företag med arbetsträningsplatser för ca 8 personer",
    ]),
    ("h1", "Budget"),
    ("p", "Vi söker 2 860 000 kronor för hela perioden, fördelat på 1 390 tkr för det första projektåret och 1 470 tkr "
          "för det andra. Personalkostnaderna (en projektledare på heltid, två jobbcoacher och en arbetsterapeut på "
          "50 %) utgör ungefär 80 procent av budgeten. Haparanda stad medfinansierar med lokaler och administration "
          "motsvarande ca 320 000 kronor."),
    ("h1", "Implementering efter projekttiden"),
    ("p", "Om resultaten blir de vi hoppas på är avsikten att arbetssättet ska ingå i den ordinarie verksamheten vid "
          "Haparanda stads arbetsmarknadsenhet från hösten 2027. Erfarenheterna kommer att följas upp av en extern "
          "utvärderare, och vi har inlett samtal med Luleå tekniska universitet om detta."),
    ("sig", "Haparanda den 3 mars 2025"),
    ("sig", "Per-Erik Vaara, förvaltningschef"),
]

H06_GOLD = {
    "file": "h06_ansokan_granslost_arbete_2025.docx",
    "report_type": "ansökan",
    "project_name": "Gränslöst arbete",
    "period": {"start": "2025-08-01", "end": "2027-07-31"},
    "report_date": "2025-03-03",
    "title_lines": [
        "Ansökan om medel från Samordningsförbundet Tornedalen",
        "Sökande organisation: Haparanda stad, Utbildnings- och arbetsmarknadsförvaltningen",
        "Organisationsnummer: 212000-2783",
        "Projektets namn: Gränslöst arbete",
        "Projektperiod: 2025-08-01 – 2027-07-31",
        "Sökt belopp: 2 860 000 kronor",
        "Kontaktperson: Aino Keskitalo, tfn 0922-150 00",
    ],
    "headings": [
        "Bakgrund och behov",
        "Syfte och mål",
        "Målgrupp",
        "Hur ska insatsen genomföras?",
        "Samverkanspartner",
        "Budget",
        "Implementering efter projekttiden",
    ],
    "optional_headings": [],
    "figures": [
        {"value": 2860000, "category": "money", "unit": "kr", "note": "Sökt belopp: 2 860 000 kronor"},
        {"value": 19000, "approx": True, "category": "other", "unit": "invånare", "note": "drygt 19 000 invånare"},
        {"value": 312, "category": "other", "unit": "hushåll", "note": "312 hushåll"},
        {"value": 40, "approx": True, "category": "percent", "unit": "%", "note": "omkring 40 procent"},
        {"value": 75, "category": "participants", "measure": "planned", "unit": "person", "note": "minst 75 personer deltar"},
        {"value": 35, "category": "participants", "measure": "planned", "gender": "women", "note": "varav minst 35 kvinnor"},
        {"value": 30, "category": "percent", "measure": "planned", "unit": "%", "note": "30 procent av deltagarna"},
        {"value": 6, "category": ["other"], "optional": True, "unit": "månad", "note": "sex månader efter avslut"},
        {"value": 20, "category": "percent", "measure": "planned", "unit": "%", "note": "ytterligare 20 %"},
        {"value": 25, "category": "organisations", "measure": "planned", "unit": "arbetsgivare", "note": "minst 25 arbetsgivare"},
        {"value": 20, "value_max": 64, "category": ["other"], "optional": True, "unit": "år", "note": "20–64 år"},
        {"value": 3, "category": ["organisations", "other"], "optional": True, "note": "de tre kommunerna"},
        {"value": 3, "category": ["other"], "optional": True, "unit": "spår", "note": "tre spår"},
        {"value": 4, "value_max": 6, "category": ["other"], "optional": True, "unit": "vecka", "note": "(4–6 veckor)"},
        {"value": 6, "category": "activities", "measure": "planned", "unit": "kursomgång", "note": "6 kursomgångar"},
        {"value": 10, "value_max": 12, "category": ["participants", "other"], "measure": "planned", "unit": "plats", "note": "10–12 platser vardera"},
        {"value": 2, "category": "activities", "measure": "planned", "unit": "arbetsgivardag", "note": "två arbetsgivardagar per år"},
        {"value": 8, "approx": True, "category": ["other", "participants"], "unit": "person", "note": "ca 8 personer"},
        {"value": 2860000, "category": "money", "optional": True, "unit": "kr", "note": "Vi söker 2 860 000 kronor (repeat)"},
        {"value": 1390000, "category": "money", "unit": "kr", "note": "1 390 tkr"},
        {"value": 1470000, "category": "money", "unit": "kr", "note": "1 470 tkr"},
        {"value": 2, "category": ["other"], "optional": True, "unit": "jobbcoach", "note": "två jobbcoacher"},
        {"value": 50, "category": "percent", "unit": "%", "note": "arbetsterapeut på 50 %"},
        {"value": 80, "approx": True, "category": "percent", "unit": "%", "note": "ungefär 80 procent"},
        {"value": 320000, "approx": True, "category": "money", "unit": "kr", "note": "ca 320 000 kronor"},
    ],
    "entities": [
        {"text": "Samordningsförbundet Tornedalen", "label": "ORG"},
        {"text": "Haparanda stad", "label": "ORG"},
        {"text": "Aino Keskitalo", "label": "PER"},
        {"text": "Haparanda", "label": "LOC"},
        {"text": "Övertorneå", "label": "LOC"},
        {"text": "Pajala", "label": "LOC"},
        {"text": "Torneå", "label": "LOC"},
        {"text": "Sverige", "label": "LOC"},
        {"text": "Finland", "label": "LOC"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Region Norrbotten", "label": "ORG"},
        {"text": "Tornedalens folkhögskola", "label": "ORG"},
        {"text": "Övertorneå kommun", "label": "ORG"},
        {"text": "Pajala kommun", "label": "ORG"},
        {"text": "Luleå", "label": "LOC"},
        {"text": "Haparanda hälsocentral", "label": "ORG"},
        {"text": "Företagarna i Haparanda", "label": "ORG"},
        {"text": "Kooperativet Nya Hemslöjden", "label": "ORG"},
        {"text": "Haparanda stads arbetsmarknadsenhet", "normalized": "Haparanda stad", "label": "ORG"},
        {"text": "Luleå tekniska universitet", "label": "ORG"},
        {"text": "Per-Erik Vaara", "label": "PER"},
        {"text": "Haparanda stads", "normalized": "Haparanda stad", "label": "ORG", "optional": True},
        {"text": "Utbildnings- och arbetsmarknadsförvaltningen", "label": "ORG", "optional": True},
        {"text": "Gränslöst arbete", "label": "ORG", "optional": True},
        {"text": "EURES", "label": "ORG", "optional": True},
        {"text": "Gränstjänsten Haparanda-Tornio", "label": "ORG", "optional": True},
        {"text": "Gränstjänsten", "label": "ORG", "optional": True},
        {"text": "Tornio", "label": "LOC", "optional": True},
        {"text": "Företagarna", "label": "ORG", "optional": True},
    ],
}
doc(id="h06", fmt="docx", blocks=H06_BLOCKS, gold=H06_GOLD, style="bold_only")


# =============================================================================
# h07 — .odt (python-docx -> LibreOffice), utvärdering: Heading 1/2, a
#       goal-attainment table (Indikator / Mål / Utfall / Bedömning) with
#       percent cells, quotation, recommendations as bullets
# =============================================================================
H07_BLOCKS = [
    ("title", "Utvärdering av Motivationslyftet"),
    ("meta", "Slutlig utvärderingsrapport"),
    ("meta", "Utvärderingsbyrån Lind & Åström AB på uppdrag av Samordningsförbundet Bergslagsporten"),
    ("meta", "Period: mars 2015 – december 2016"),
    ("h1", "Sammanfattning"),
    ("p", "Motivationslyftet har varit en uppskattad insats som nått fler deltagare än planerat, men som inte fullt ut "
          "har levt upp till målet om övergång till arbete eller studier. Vår bedömning är ändå att insatsen har fyllt "
          "ett tomrum i norra länsdelen, där det tidigare saknats ett samlat stöd för personer som varken är aktuella "
          "hos Arbetsförmedlingen eller har sjukpenning."),
    ("h1", "Uppdrag och metod"),
    ("p", "Utvärderingen har genomförts mellan maj 2015 och januari 2017 av Helena Lind och Göran Åström. Underlaget "
          "består av 24 intervjuer med deltagare (14 kvinnor och 10 män), sex gruppintervjuer med personal och "
          "handläggare, en enkät till samtliga deltagare vid in- och utskrivning samt projektets egen statistik. "
          "Enkäten vid utskrivning besvarades av 38 personer, vilket ger en svarsfrekvens på 73 procent."),
    ("h1", "Om insatsen"),
    ("p", "Motivationslyftet drevs av Lindesbergs kommun tillsammans med Region Örebro län, Försäkringskassan och "
          "Arbetsförmedlingen, med Nora, Hällefors och Ljusnarsberg som samverkande kommuner. Insatsen erbjöd under "
          "12–16 veckor en kombination av gruppverksamhet (tre förmiddagar i veckan), fysisk aktivitet och "
          "individuella samtal med en av projektets två motivationscoacher. Verksamheten var förlagd till Kulturhuset "
          "i Lindesberg och under 2016 även till Fellingsbro folkhögskolas filial i Hällefors."),
    ("h1", "Resultat"),
    ("h2", "Måluppfyllelse"),
    ("p", "Tabellen sammanfattar de mål som anges i projektplanen och utfallet enligt projektets slutstatistik per den "
          "31 december 2016."),
    ("table", [["Indikator", "Mål", "Utfall", "Bedömning"],
               ["Antal deltagare", "40", "52", "Uppnått"],
               ["varav kvinnor", "20", "33", "Uppnått"],
               ["Andel till arbete eller studier", "35 %", "27 %", "Ej uppnått"],
               ["Andel med förbättrad självskattad hälsa", "50 %", "68 %", "Uppnått"]]),
    ("p", "Av de 52 deltagarna har 14 gått till arbete eller studier: nio till arbete (varav tre med lönestöd) och fem "
          "till studier, de flesta på Komvux. Ytterligare 21 har övergått till annan insats, främst arbetslivsinriktad "
          "rehabilitering genom Försäkringskassan, medan 11 har avslutats utan känd fortsättning och 6 var fortfarande "
          "inskrivna när projektet upphörde."),
    ("h2", "Deltagarnas upplevelser"),
    ("p", "I intervjuerna beskriver nästan alla deltagare gruppen som den viktigaste delen. ”Det var första gången på "
          "flera år som jag hade en anledning att gå upp på morgonen”, som en kvinna i 50-årsåldern uttryckte det. "
          "Flera av de yngre deltagarna – ungefär var tredje var under 30 år – efterfrågade däremot mer individuellt "
          "stöd och kortare väntan på praktikplats. I enkäten svarade 31 av 38 att de helt eller delvis instämde i att "
          "de fått bättre framtidstro."),
    ("h2", "Samverkan mellan parterna"),
    ("p", "Styrgruppen, med representanter för de fyra kommunerna, regionen och de två statliga myndigheterna, har "
          "sammanträtt regelbundet – sammanlagt 14 gånger under projekttiden. Samverkan på handläggarnivå har "
          "fungerat sämre. Under 2016 saknades kontaktperson från Arbetsförmedlingen i Lindesberg i flera månader "
          "efter omorganisationen, något som enligt projektledaren Chloé Bergqvist fördröjde övergången till arbete "
          "för ett tiotal deltagare."),
    ("h1", "Kostnader och samhällsekonomi"),
    ("p", "Insatsen har kostat 3 460 000 kronor, vilket ger en kostnad per deltagare på omkring 66 500 kronor. Vi har, "
          "med den modell som Nationella rådet tagit fram (Samhällsekonomisk kalkyl, version 2.3), uppskattat att "
          "insatsen betalar sig på knappt fem år om hälften av dem som gått vidare till arbete behåller det."),
    ("h1", "Slutsatser och rekommendationer"),
    ("p", "Vi rekommenderar förbundet att"),
    ("bullets", [
        "behålla gruppverksamheten men korta väntetiden till praktik,",
        "knyta en arbetsförmedlare till insatsen på minst 50 procent,",
        "följa upp deltagarna 6 och 12 månader efter avslut för att kunna mäta varaktiga effekter.",
    ]),
    ("sig", "Örebro den 20 februari 2017"),
    ("sig", "Helena Lind och Göran Åström"),
]

H07_GOLD = {
    "file": "h07_utvardering_motivationslyftet_2017.odt",
    "report_type": "utvärdering",
    "project_name": "Motivationslyftet",
    "period": {"start": "2015-03-01", "end": "2016-12-31"},
    "report_date": "2017-02-20",
    "title_lines": [
        "Utvärdering av Motivationslyftet",
        "Slutlig utvärderingsrapport",
        "Utvärderingsbyrån Lind & Åström AB på uppdrag av Samordningsförbundet Bergslagsporten",
        "Period: mars 2015 – december 2016",
    ],
    "headings": [
        "Sammanfattning",
        "Uppdrag och metod",
        "Om insatsen",
        "Resultat",
        "Måluppfyllelse",
        "Deltagarnas upplevelser",
        "Samverkan mellan parterna",
        "Kostnader och samhällsekonomi",
        "Slutsatser och rekommendationer",
    ],
    "optional_headings": [],
    "figures": [
        {"value": 24, "category": "activities", "unit": "intervju", "note": "24 intervjuer med deltagare"},
        {"value": 14, "category": ["other", "activities", "participants"], "gender": "women", "unit": "person", "note": "(14 kvinnor och 10 män)"},
        {"value": 10, "category": ["other", "activities", "participants"], "gender": "men", "unit": "person", "note": "(14 kvinnor och 10 män)"},
        {"value": 6, "category": "activities", "unit": "gruppintervju", "note": "sex gruppintervjuer"},
        {"value": 38, "category": ["other", "attendance"], "unit": "person", "note": "besvarades av 38 personer"},
        {"value": 73, "category": "percent", "unit": "%", "note": "svarsfrekvens på 73 procent"},
        {"value": 12, "value_max": 16, "category": ["other"], "optional": True, "unit": "vecka", "note": "12–16 veckor"},
        {"value": 3, "category": ["other"], "optional": True, "unit": "förmiddag", "note": "tre förmiddagar i veckan"},
        {"value": 2, "category": ["other"], "optional": True, "unit": "motivationscoach", "note": "två motivationscoacher"},
        {"value": 40, "category": "participants", "measure": "planned", "note": "tabell: Antal deltagare / Mål 40"},
        {"value": 52, "category": "participants", "measure": "actual", "note": "tabell: Antal deltagare / Utfall 52"},
        {"value": 20, "category": "participants", "measure": "planned", "gender": "women", "note": "tabell: varav kvinnor / Mål 20"},
        {"value": 33, "category": "participants", "measure": "actual", "gender": "women", "note": "tabell: varav kvinnor / Utfall 33"},
        {"value": 35, "category": "percent", "measure": "planned", "unit": "%", "note": "tabell: Andel till arbete eller studier / Mål 35 %"},
        {"value": 27, "category": "percent", "measure": "actual", "unit": "%", "note": "tabell: Andel till arbete eller studier / Utfall 27 %"},
        {"value": 50, "category": "percent", "measure": "planned", "unit": "%", "note": "tabell: Andel med förbättrad hälsa / Mål 50 %"},
        {"value": 68, "category": "percent", "measure": "actual", "unit": "%", "note": "tabell: Andel med förbättrad hälsa / Utfall 68 %"},
        {"value": 52, "category": "participants", "measure": "actual", "optional": True, "note": "Av de 52 deltagarna (repeat)"},
        {"value": 14, "category": "outcomes", "unit": "person", "note": "14 gått till arbete eller studier"},
        {"value": 9, "category": "outcomes", "unit": "person", "note": "nio till arbete"},
        {"value": 3, "category": "outcomes", "unit": "person", "note": "varav tre med lönestöd"},
        {"value": 5, "category": "outcomes", "unit": "person", "note": "fem till studier"},
        {"value": 21, "category": "outcomes", "unit": "person", "note": "Ytterligare 21 har övergått till annan insats"},
        {"value": 11, "category": ["outcomes", "other"], "unit": "person", "note": "11 har avslutats utan känd fortsättning"},
        {"value": 6, "category": ["participants", "other"], "unit": "person", "note": "6 var fortfarande inskrivna"},
        {"value": 50, "approx": True, "category": ["other"], "optional": True, "unit": "år", "note": "i 50-årsåldern"},
        {"value": 30, "category": ["other"], "optional": True, "unit": "år", "note": "under 30 år"},
        {"value": 31, "category": "other", "unit": "person", "note": "svarade 31 av 38"},
        {"value": 38, "category": ["other"], "optional": True, "note": "31 av 38 (repeat)"},
        {"value": 4, "category": ["organisations", "other"], "optional": True, "note": "de fyra kommunerna"},
        {"value": 2, "category": ["organisations", "other"], "optional": True, "note": "de två statliga myndigheterna"},
        {"value": 14, "category": "activities", "unit": "sammanträde", "note": "sammanlagt 14 gånger"},
        {"value": 10, "approx": True, "category": ["participants", "outcomes", "other"], "unit": "person", "note": "ett tiotal deltagare"},
        {"value": 3460000, "category": "money", "unit": "kr", "note": "3 460 000 kronor"},
        {"value": 66500, "approx": True, "category": "money", "unit": "kr", "note": "omkring 66 500 kronor"},
        {"value": 5, "approx": True, "category": "other", "unit": "år", "note": "knappt fem år"},
        {"value": 50, "category": "percent", "measure": "planned", "unit": "%", "note": "minst 50 procent"},
        {"value": 6, "category": ["other"], "optional": True, "unit": "månad", "note": "6 och 12 månader"},
        {"value": 12, "category": ["other"], "optional": True, "unit": "månad", "note": "6 och 12 månader"},
    ],
    "entities": [
        {"text": "Utvärderingsbyrån Lind & Åström AB", "label": "ORG"},
        {"text": "Samordningsförbundet Bergslagsporten", "label": "ORG"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Helena Lind", "label": "PER"},
        {"text": "Göran Åström", "label": "PER"},
        {"text": "Lindesbergs kommun", "label": "ORG"},
        {"text": "Region Örebro län", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "Nora", "label": "LOC"},
        {"text": "Hällefors", "label": "LOC"},
        {"text": "Ljusnarsberg", "label": "LOC"},
        {"text": "Lindesberg", "label": "LOC"},
        {"text": "Fellingsbro folkhögskolas", "normalized": "Fellingsbro folkhögskola", "label": "ORG"},
        {"text": "Chloé Bergqvist", "label": "PER"},
        {"text": "Nationella rådet", "label": "ORG"},
        {"text": "Örebro", "label": "LOC"},
        {"text": "Motivationslyftet", "label": "ORG", "optional": True},
        {"text": "Kulturhuset i Lindesberg", "label": ["ORG", "LOC"], "optional": True},
        {"text": "Kulturhuset", "label": ["ORG", "LOC"], "optional": True},
        {"text": "Komvux", "label": "ORG", "optional": True},
        {"text": "Fellingsbro", "label": "LOC", "optional": True},
        {"text": "Lind & Åström AB", "label": "ORG", "optional": True},
        {"text": "Samhällsekonomisk kalkyl", "label": "ORG", "optional": True},
    ],
}
doc(id="h07", fmt="odt", blocks=H07_BLOCKS, gold=H07_GOLD, style="heading_styles")


# =============================================================================
# h08 — .doc (python-docx -> LibreOffice Word 97), projektbeskrivning:
#       metadata in a two-column fact table at the top, Heading 1 sections,
#       no report date
# =============================================================================
H08_BLOCKS = [
    ("title", "Projektbeskrivning"),
    ("meta", "IPS Ätradalen – individanpassat stöd till arbete"),
    ("facts", [["Insats:", "IPS Ätradalen"],
               ["Projektägare:", "Falkenbergs kommun, socialförvaltningen, i samverkan med Region Halland"],
               ["Period:", "2011-09-01 till 2013-08-31"],
               ["Budget:", "2,4 mnkr (varav 600 tkr medfinansiering)"],
               ["Kontakt:", "Rickard Öhrn, 0346-88 60 00"]]),
    ("h1", "Bakgrund"),
    ("p", "Inom psykiatrin och socialpsykiatrin i Falkenberg och Varberg finns många personer som vill arbeta men som "
          "fastnat i långa kedjor av förberedande insatser. Erfarenheter från bland annat Malmö och från den nationella "
          "satsningen på IPS visar att det går att nå betydligt bättre resultat genom att söka arbete direkt, med stöd "
          "på arbetsplatsen. Samordningsförbundet Ätradalen har därför valt att finansiera en tvåårig "
          "försöksverksamhet enligt IPS-modellen."),
    ("h1", "Syfte"),
    ("p", "Syftet är att personer med psykisk funktionsnedsättning ska få och behålla ett arbete på den öppna "
          "arbetsmarknaden, och att arbetssättet efter projekttiden ska kunna bli en del av den ordinarie "
          "verksamheten i båda kommunerna."),
    ("h1", "Målgrupp och omfattning"),
    ("p", "Insatsen riktar sig till personer 18–65 år som har kontakt med Region Hallands psykiatriska öppenvård i "
          "Falkenberg eller med kommunens socialpsykiatri. Under projekttiden ska minst 45 personer erbjudas IPS-stöd, "
          "fördelat på cirka 20 det första året och 25 det andra. Varje IPS-handledare har högst 20 deltagare åt "
          "gången. Målet är att 40 % av deltagarna ska ha en anställning eller ha påbörjat en utbildning inom 18 "
          "månader."),
    ("h1", "Arbetsmetod"),
    ("p", "IPS bygger på åtta principer, bland annat att alla som vill arbeta ska få stöd, att jobbsökandet börjar inom "
          "en månad och att stödet inte ska vara tidsbegränsat. Två IPS-handledare anställs på heltid och arbetar "
          "integrerat med behandlingsteamen. Metodtroheten mäts två gånger per år med IPS Fidelity Scale (25 "
          "punkter), och vi siktar på att nå minst 100 poäng vid den andra mätningen."),
    ("h1", "Organisation"),
    ("p", "Projektet leds av en styrgrupp med chefer från Falkenbergs och Varbergs kommuner, Region Halland, "
          "Arbetsförmedlingen och Försäkringskassan. En referensgrupp med representanter från RSMH och föreningen "
          "Attention Halland ger synpunkter på arbetet. Projektet samverkar också med Falkenbergs Arbetsintegrerande "
          "Kooperativ (FAIK), som kan erbjuda en del deltagare en första anställning. Verksamhetsansvarig är "
          "Rickard Öhrn på socialförvaltningen."),
    ("h1", "Förväntade effekter"),
    ("p", "Förbundet beräknar att varje deltagare som får ett arbete på minst 50 procent minskar samhällets kostnader "
          "med omkring 150 000 kronor per år. Om målet nås, det vill säga att ett 18-tal deltagare får arbete eller "
          "börjar studera, är projektets kostnad på 2,4 mnkr alltså återbetald redan under det första året efter "
          "projekttiden."),
]

H08_GOLD = {
    "file": "h08_projektbeskrivning_ips_atradalen_2011.doc",
    "report_type": "projektbeskrivning",
    "project_name": "IPS Ätradalen",
    "period": {"start": "2011-09-01", "end": "2013-08-31"},
    "report_date": None,
    "title_lines": [
        "Projektbeskrivning",
        "IPS Ätradalen – individanpassat stöd till arbete",
    ],
    "headings": [
        "Bakgrund",
        "Syfte",
        "Målgrupp och omfattning",
        "Arbetsmetod",
        "Organisation",
        "Förväntade effekter",
    ],
    "optional_headings": [],
    "figures": [
        {"value": 2400000, "category": "money", "unit": "kr", "note": "tabell: Budget: 2,4 mnkr"},
        {"value": 600000, "category": "money", "unit": "kr", "note": "tabell: varav 600 tkr medfinansiering"},
        {"value": 18, "value_max": 65, "category": ["other"], "optional": True, "unit": "år", "note": "18–65 år"},
        {"value": 45, "category": "participants", "measure": "planned", "unit": "person", "note": "minst 45 personer erbjudas IPS-stöd"},
        {"value": 20, "approx": True, "category": "participants", "measure": "planned", "unit": "person", "note": "cirka 20 det första året"},
        {"value": 25, "category": "participants", "measure": "planned", "unit": "person", "note": "25 det andra"},
        {"value": 20, "category": ["other", "participants"], "unit": "person", "note": "högst 20 deltagare åt gången"},
        {"value": 40, "category": "percent", "measure": "planned", "unit": "%", "note": "40 % av deltagarna"},
        {"value": 18, "category": ["other"], "optional": True, "unit": "månad", "note": "inom 18 månader"},
        {"value": 8, "category": ["other"], "optional": True, "unit": "princip", "note": "åtta principer"},
        {"value": 2, "category": ["other"], "optional": True, "unit": "handledare", "note": "Två IPS-handledare"},
        {"value": 2, "category": ["activities", "other"], "optional": True, "unit": "mätning", "note": "två gånger per år"},
        {"value": 25, "category": ["other"], "optional": True, "unit": "punkt", "note": "(25 punkter)"},
        {"value": 100, "category": "other", "measure": "planned", "unit": "poäng", "note": "minst 100 poäng"},
        {"value": 50, "category": "percent", "unit": "%", "note": "minst 50 procent"},
        {"value": 150000, "approx": True, "category": "money", "unit": "kr", "note": "omkring 150 000 kronor per år"},
        {"value": 18, "approx": True, "category": "outcomes", "measure": "planned", "unit": "person", "note": "ett 18-tal deltagare får arbete"},
        {"value": 2400000, "category": "money", "optional": True, "unit": "kr", "note": "kostnad på 2,4 mnkr (repeat)"},
    ],
    "entities": [
        {"text": "Falkenbergs kommun", "label": "ORG"},
        {"text": "Region Halland", "label": "ORG"},
        {"text": "Rickard Öhrn", "label": "PER"},
        {"text": "Falkenberg", "label": "LOC"},
        {"text": "Varberg", "label": "LOC"},
        {"text": "Malmö", "label": "LOC"},
        {"text": "Samordningsförbundet Ätradalen", "label": "ORG"},
        {"text": "Region Hallands psykiatriska öppenvård", "normalized": "Region Halland", "label": "ORG"},
        {"text": "Arbetsförmedlingen", "label": "ORG"},
        {"text": "Försäkringskassan", "label": "ORG"},
        {"text": "RSMH", "label": "ORG"},
        {"text": "Attention Halland", "label": "ORG"},
        {"text": "Falkenbergs Arbetsintegrerande Kooperativ", "label": "ORG"},
        {"text": "Region Hallands", "normalized": "Region Halland", "label": "ORG", "optional": True},
        {"text": "FAIK", "label": "ORG", "optional": True},
        {"text": "IPS Ätradalen", "label": "ORG", "optional": True},
        {"text": "IPS", "label": "ORG", "optional": True},
        {"text": "IPS Fidelity Scale", "label": "ORG", "optional": True},
        {"text": "socialförvaltningen", "label": "ORG", "optional": True},
        {"text": "Falkenbergs", "normalized": "Falkenberg", "label": ["LOC", "ORG"], "optional": True},
        {"text": "Varbergs kommuner", "label": "ORG", "optional": True},
        {"text": "Halland", "label": "LOC", "optional": True},
        {"text": "Ätradalen", "label": "LOC", "optional": True},
    ],
}
doc(id="h08", fmt="doc", blocks=H08_BLOCKS, gold=H08_GOLD, style="heading_styles")


# =============================================================================
# rendering
# =============================================================================
# File-level creation dates (document properties), set near the time each
# document would plausibly have been written, so that no tool default (python-
# docx's 2013 template date, fpdf2's "now") leaks into the files. h08 has no
# report date in its text; its file date is deliberately not the gold date.
import datetime as _dt

CREATED = {
    "h03": _dt.datetime(2019, 10, 14, 9, 12, tzinfo=_dt.timezone.utc),
    "h04": _dt.datetime(2013, 2, 20, 14, 3, tzinfo=_dt.timezone.utc),
    "h05": _dt.datetime(2022, 8, 24, 10, 40),
    "h06": _dt.datetime(2025, 2, 27, 13, 5),
    "h07": _dt.datetime(2017, 2, 16, 8, 30),
    "h08": _dt.datetime(2011, 6, 9, 11, 0),
}
LO_PROFILE = Path(tempfile.gettempdir()) / f"lo_h_{os.getpid()}"

def block_strings(blocks):
    for b in blocks:
        kind, payload = b[0], b[1]
        if kind in ("table", "facts"):
            for row in payload:
                yield " ".join(c for c in row if c)
        elif kind == "bullets":
            yield from payload
        else:
            yield payload


def source_text(d) -> str:
    if d["fmt"] == "txt":
        return d["text"]
    return "\n".join(block_strings(d["blocks"]))


def write_txt(d, path: Path) -> None:
    data = d["text"].replace("\n", d["newline"]).encode(d["encoding"])
    path.write_bytes(data)


def write_pdf(d, path: Path) -> None:
    from fpdf import FPDF

    style = d["style"]

    class PDF(FPDF):
        def header(self):
            if style != "header_footer":
                return
            self.set_font("DejaVu", "", 8)
            self.set_text_color(105, 105, 105)
            self.cell(0, 5, d["running_header"], align="R", new_x="LMARGIN", new_y="NEXT")
            y = self.get_y() + 1
            self.set_draw_color(140, 140, 140)
            self.line(self.l_margin, y, self.w - self.r_margin, y)
            self.set_text_color(0, 0, 0)
            self.set_y(y + 6)

        def footer(self):
            if style != "header_footer":
                return
            self.set_y(-16)
            self.set_font("DejaVu", "", 8.5)
            self.cell(0, 8, f"Sida {self.page_no()} av {{nb}}", align="C")

    pdf = PDF(format="A4")
    pdf.alias_nb_pages()
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_B)
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_title(d["gold"]["title_lines"][0])
    pdf.set_creation_date(CREATED[d["id"]])
    pdf.add_page()

    if style == "header_footer":
        sizes = {"title": ("B", 18), "title2": ("B", 14), "meta": ("", 10), "h1": ("B", 12), "h2": ("B", 11),
                 "p": ("", 10.5), "caption": ("", 9.5), "sig": ("", 10.5), "table": ("", 10)}
    else:  # big_bold: headings are only larger bold text
        sizes = {"title": ("B", 20), "title2": ("", 14), "meta": ("", 10), "h1": ("B", 15), "h2": ("B", 12),
                 "p": ("", 10), "caption": ("", 9), "sig": ("", 10), "table": ("", 10)}

    for b in d["blocks"]:
        kind, payload = b[0], b[1]
        st, sz = sizes.get(kind, ("", 10))
        lh = sz * 0.5
        if kind in ("h1", "h2"):
            if pdf.get_y() > pdf.page_break_trigger - 30:
                pdf.add_page()
            pdf.ln(4 if kind == "h1" else 2)
            pdf.set_font("DejaVu", st, sz)
            pdf.multi_cell(0, lh + 1, payload, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "table":
            widths = b[2]
            pdf.set_font("DejaVu", "", sz)
            aligns = ["LEFT"] + ["RIGHT"] * (len(widths) - 1)
            with pdf.table(col_widths=widths, width=sum(widths), align="LEFT", text_align=aligns,
                           line_height=6.5, first_row_as_headings=True, borders_layout="ALL") as t:
                for row in payload:
                    r = t.row()
                    for c in row:
                        r.cell(c)
            pdf.ln(3)
        elif kind in ("title", "title2"):
            pdf.set_font("DejaVu", st, sz)
            pdf.multi_cell(0, lh + 1.5, payload, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "meta":
            pdf.set_font("DejaVu", st, sz)
            pdf.multi_cell(0, lh + 0.5, payload, new_x="LMARGIN", new_y="NEXT")
        elif kind == "caption":
            pdf.ln(1)
            pdf.set_font("DejaVu", st, sz)
            pdf.multi_cell(0, lh + 0.5, payload, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "sig":
            pdf.ln(3)
            pdf.set_font("DejaVu", st, sz)
            pdf.multi_cell(0, lh + 0.5, payload, new_x="LMARGIN", new_y="NEXT")
        else:  # p
            pdf.set_font("DejaVu", st, sz)
            pdf.multi_cell(0, lh + 0.4, payload, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
    pdf.output(str(path))


def build_docx(d, path: Path) -> None:
    import docx
    from docx.shared import Pt

    style = d["style"]
    document = docx.Document()
    props = document.core_properties
    props.title = d["gold"]["title_lines"][0]
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.created = CREATED[d["id"]]
    props.modified = CREATED[d["id"]]
    props.revision = 1

    def bold_para(text, size=None):
        p = document.add_paragraph()
        run = p.add_run(text)
        run.bold = True
        if size:
            run.font.size = Pt(size)
        return p

    def add_table(rows, header=True):
        t = document.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, val in enumerate(row):
                cell = t.cell(i, j)
                cell.text = ""
                run = cell.paragraphs[0].add_run(val)
                if (header and i == 0) or (not header and j == 0):
                    run.bold = True
        document.add_paragraph()

    for b in d["blocks"]:
        kind, payload = b[0], b[1]
        if kind == "title":
            if style == "bold_only":
                bold_para(payload, 14)
            else:
                document.add_heading(payload, 0)
        elif kind in ("h1", "h2"):
            if style == "bold_only":
                bold_para(payload)
            else:
                document.add_heading(payload, 1 if kind == "h1" else 2)
        elif kind == "bullets":
            for item in payload:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            add_table(payload, header=True)
        elif kind == "facts":
            add_table(payload, header=False)
        else:  # meta, p, sig
            document.add_paragraph(payload)
    document.save(str(path))


def soffice_convert(src: Path, target: str, outdir: Path) -> Path:
    cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{LO_PROFILE}",
           "--convert-to", target, "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    out = outdir / (src.stem + "." + target.split(":")[0])
    if not out.exists():
        sys.exit(f"soffice did not produce {out}")
    return out


# =============================================================================
# checks
# =============================================================================
def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def check_gold_against_source(d) -> list[str]:
    g = d["gold"]
    src = norm(source_text(d))
    errs = []
    for key in ("title_lines", "headings", "optional_headings"):
        for h in g.get(key, []):
            if norm(h) not in src:
                errs.append(f"{key}: {h!r}")
    for e in g["entities"]:
        if norm(e["text"]) not in src:
            errs.append(f"entity: {e['text']!r}")
    for f in g["figures"]:
        note = f.get("note", "")
        if not note or note.startswith("tabell:"):
            continue
        note = re.sub(r"\s*\((repeat|heading)\)$", "", note)
        if norm(note) not in src:
            errs.append(f"figure note: {note!r}")
        if "value" not in f or "category" not in f:
            errs.append(f"figure without value/category: {f}")
    if g["project_name"] and norm(g["project_name"]) not in src:
        errs.append(f"project_name: {g['project_name']!r}")
    return errs


def read_back(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        enc = "cp1252" if path.name.startswith("h02") else "utf-8"
        return path.read_bytes().decode(enc)
    if suffix == ".pdf":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    if suffix == ".docx":
        import docx
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for t in document.tables:
            for row in t.rows:
                parts.append(" ".join(c.text for c in row.cells))
        return "\n".join(parts)
    with tempfile.TemporaryDirectory() as tmp:
        out = soffice_convert(path, "txt:Text (encoded):UTF8", Path(tmp))
        return out.read_text(encoding="utf-8-sig")


def check_output(d, path: Path) -> list[str]:
    g = d["gold"]
    text = read_back(path)
    lines = {norm(l) for l in text.splitlines()}
    flat = norm(text)
    errs = []
    for h in g["headings"]:
        if norm(h) not in lines:
            errs.append(f"heading not on its own line in output: {h!r}")
    for e in g["entities"]:
        if norm(e["text"]) not in flat:
            errs.append(f"entity missing in output: {e['text']!r}")
    for f in g["figures"]:
        note = re.sub(r"\s*\((repeat|heading)\)$", "", f.get("note", ""))
        if note and not note.startswith("tabell:") and norm(note) not in flat:
            errs.append(f"figure note missing in output: {note!r}")
    return errs


# =============================================================================
# main
# =============================================================================
def main() -> None:
    problems = []
    for d in DOCS:
        for e in check_gold_against_source(d):
            problems.append(f"{d['id']}: {e}")
    if problems:
        sys.exit("gold does not match source text:\n  " + "\n  ".join(problems))

    REPORTS.mkdir(parents=True, exist_ok=True)
    GOLD.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="holdout_") as tmp:
        tmp = Path(tmp)
        for d in DOCS:
            name = d["gold"]["file"]
            target = REPORTS / name
            if d["fmt"] == "txt":
                write_txt(d, target)
            elif d["fmt"] == "pdf":
                write_pdf(d, target)
            elif d["fmt"] == "docx":
                build_docx(d, target)
            else:  # odt / doc via LibreOffice
                src = tmp / (Path(name).stem + ".docx")
                build_docx(d, src)
                conv = soffice_convert(src, d["fmt"], tmp)
                shutil.move(str(conv), target)
            gold_path = GOLD / f"{name}.gold.json"
            gold_path.write_text(json.dumps(d["gold"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}  +  {gold_path.relative_to(ROOT)}")

    for d in DOCS:
        path = REPORTS / d["gold"]["file"]
        for e in check_output(d, path):
            problems.append(f"{d['id']}: {e}")
        json.loads((GOLD / f"{path.name}.gold.json").read_text(encoding="utf-8"))
    shutil.rmtree(LO_PROFILE, ignore_errors=True)
    if problems:
        sys.exit("read-back problems:\n  " + "\n  ".join(problems))
    print(f"{len(DOCS)} documents written and read back OK")


if __name__ == "__main__":
    main()
