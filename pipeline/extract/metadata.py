"""Metadata: what a report is — title, report type, project, the period it covers, when it was written.

The sections are read as one text, each heading a line of its own, so it does not matter
whether the sectioner made the title lines headings or left them in the text before the
first heading. The *title zone* is the run of short lines at the top, up to the first
paragraph, form question or common section heading (`rules/metadata.yml`).

- period: a field labelled as the report's period (`Tidsperiod`, `Rapportperiod`, `Period` …,
  `rules/dates.yml`), else an unlabelled period among the title lines (`2016-03-01 – 2017-12-31`,
  `Verksamhetsberättelse 2013`), else the project's period (`Projektperiod`, `Projekttid`,
  `Ansökt period` …). Minutes (`protokoll`) have no period.
- report_date: a labelled date (`Datum:`, also with the date on the next line, `Upprättad`,
  `Rapporten fastställd av styrgruppen …`), else a dated signature or dateline
  (`Östersund den 28 februari 2018`), else a day ending a title line outside any field
  (a dated cover, `Protokoll fört vid styrelsens sammanträde 2019-05-12`).
- report_type: the first title line naming a type (`rules/report_types.yml`), else the file's
  title property, else `projektbeskrivning` for a project summary (a period among the title
  lines and sections such as `Organisation/resurser`, `Målgrupp och mål`).
- project_name: a labelled field (`Insatsens namn:`, `Projektnamn:`, `Projekt:`), else the name
  after the type in a title line (`Utvärdering av UVA – Unga vuxna i arbete`), else the title
  line that names the project: the one the body calls `projektet X` or mentions, or the one
  right above the period. A lower-case subtitle after a dash is not part of the name
  (`Hälsosteget – hälsa och arbete i Storsjöbygden` → `Hälsosteget`). Reports about an
  organisation (verksamhetsberättelse, årsredovisning, protokoll) name a project only in a label.
- title: the line naming the report type, joined to the project's name when it lacks it
  (`Lägesrapport – Nyttiga affärer 2.0`); without such a line the first title line, joined to
  the project's name when that is another line (`Socialt företagande – Rådgivare inom den sociala
  ekonomin`); without title lines the file's title property unless it is junk
  (`Microsoft Word - x.doc`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pipeline import rules
from pipeline.extract import dates
from pipeline.extract.lookahead import with_first_chars
from pipeline.model import Metadata, Section

_SPACE = re.compile(r"[ \t]+")
RULES = "metadata.yml"
TYPES = "report_types.yml"
REPORT_TYPES = (
    "lägesrapport",
    "slutrapport",
    "delrapport",
    "verksamhetsberättelse",
    "årsredovisning",
    "ansökan",
    "projektbeskrivning",
    "utvärdering",
    "protokoll",
)


@dataclass(frozen=True)
class _Rules:
    types: tuple[tuple[str, re.Pattern[str]], ...]
    any_type: re.Pattern[str] | None  # every type word at once
    max_words_before: int
    summary_type: str
    summary_min: int
    summary_headings: frozenset[str]
    project_label: re.Pattern[str]
    mention: re.Pattern[str]
    dashes: tuple[str, ...]
    type_to_name: re.Pattern[str]
    name_prefix: re.Pattern[str]
    organisation_types: frozenset[str]
    no_period_types: frozenset[str]
    not_name: tuple[re.Pattern[str], ...]
    max_lines: int
    paragraph_words: int
    junk_titles: tuple[re.Pattern[str], ...]
    numbered: re.Pattern[str]
    field: re.Pattern[str]
    joined_field: re.Pattern[str]
    joined_field_in_line: bool  # `joined_field` matches only within a line (`dates.line_local`)


def _check_type(name: str, key: str, value: str) -> str:
    if value not in REPORT_TYPES:
        raise rules.RulesError(f"rules/{name}: '{key}' names {value!r}, which is not one of {', '.join(REPORT_TYPES)}")
    return value


@cache
def _rules() -> _Rules:
    kinds = rules.load_yaml(TYPES)
    type_map = rules.require(kinds, TYPES, "types", dict)
    types = []
    words: list[re.Pattern[str]] = []
    for kind, kind_words in type_map.items():
        _check_type(TYPES, "types", kind)
        patterns = rules.compile_patterns({kind: kind_words}, TYPES, kind)
        types += [(kind, re.compile(r"(?<![\w])(?:" + p.pattern + r")", re.IGNORECASE)) for p in patterns]
        words += patterns
    # one search finds where the earliest type word starts; a word's own groups would renumber the others'
    any_type = None
    if all(p.groups == 0 for p in words):
        any_type = with_first_chars(
            re.compile(r"(?<![\w])(?:" + "|".join("(?:" + p.pattern + ")" for p in words) + r")", re.IGNORECASE)
        )
    summary = rules.require(kinds, TYPES, "summary", dict)
    summary_type = _check_type(TYPES, "summary.type", rules.require(summary, TYPES, "type", str))

    data = rules.load_yaml(RULES)
    labels = rules.string_list(data, RULES, "project_labels")
    colon_labels = rules.string_list(data, RULES, "project_labels_colon")
    rules.compile_patterns(data, RULES, "project_labels")
    rules.compile_patterns(data, RULES, "project_labels_colon")
    bracket = r"(?:[ \t]*\([^()\n]{0,80}\)|[ \t]+som[ \t][^:\n\d]{0,50})?"
    project_label = re.compile(
        r"^[ \t]*(?:(?:" + "|".join(labels) + r")(?![\w])" + bracket + r"[ \t]*(?:[:\t]|$)"
        r"|(?:" + "|".join(colon_labels) + r")(?![\w])" + bracket + r"[ \t]*:)"
        r"[ \t]*(?P<value>[^\n]*)$",
        re.IGNORECASE,
    )
    mention_words = rules.string_list(data, RULES, "project_mention_words")
    zone = rules.require(data, RULES, "title_zone", dict)
    # a capitalised label inside a line: fields that reading joined onto one line. The blanks before it
    # are found from their first one, then the look-behind checks the character before that: a pattern
    # that begins with a blank lets `re` skip straight to the next blank.
    joined_field = re.compile(
        r"[ \t](?<=\S.)[ \t]*(?=(?=(?-i:[A-ZÅÄÖ]))(?:(?:"
        + "|".join([*labels, *colon_labels, *dates.label_words()])
        + r")(?![\w])"
        + bracket
        + r"|[\w-]+)[ \t]*:[ \t])",
        re.IGNORECASE,
    )
    return _Rules(
        types=tuple(types),
        any_type=any_type,
        max_words_before=rules.require(kinds, TYPES, "max_words_before", int),
        summary_type=summary_type,
        summary_min=rules.require(summary, TYPES, "min_headings", int),
        summary_headings=frozenset(h.lower() for h in rules.string_list(summary, TYPES, "headings")),
        project_label=project_label,
        mention=with_first_chars(
            re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, mention_words)) + r")[ \t]+", re.IGNORECASE)
        ),
        dashes=tuple(rules.require(data, RULES, "subtitle_dashes", list)),
        type_to_name=re.compile(
            r"(?:" + "|".join(p.pattern for p in rules.compile_patterns(data, RULES, "type_to_name")) + r")",
            re.IGNORECASE,
        ),
        name_prefix=re.compile(
            r"(?:" + "|".join(p.pattern for p in rules.compile_patterns(data, RULES, "name_prefixes")) + r")",
            re.IGNORECASE,
        ),
        organisation_types=frozenset(
            _check_type(RULES, "organisation_types", t) for t in rules.string_list(data, RULES, "organisation_types")
        ),
        no_period_types=frozenset(
            _check_type(RULES, "no_period_types", t) for t in rules.string_list(data, RULES, "no_period_types")
        ),
        not_name=tuple(rules.compile_patterns(data, RULES, "not_name_lines")),
        max_lines=rules.require(zone, RULES, "max_lines", int),
        paragraph_words=rules.require(zone, RULES, "paragraph_words", int),
        junk_titles=tuple(rules.compile_patterns(data, RULES, "junk_titles")),
        numbered=re.compile(r"^(?:\d+(?:\.\d+)*\.?|§[ \t]*\d+)[ \t]+\S"),
        field=re.compile(r"^[^\s:]+(?:[ \t]+[^\s:]+){0,3}[ \t]*(?:\([^()\n]*\))?[ \t]*:"),
        joined_field=joined_field,
        joined_field_in_line=dates.line_local(joined_field),
    )


# --------------------------------------------------------------------------- the document as lines


@dataclass
class _Line:
    text: str  # stripped
    start: int  # offsets of the stripped text in the document text
    end: int


_COLON_BLANK = re.compile(r":[ \t]")  # how every match of `joined_field` ends its look-ahead


def _document(sections: Sequence[Section]) -> str:
    parts = []
    for section in sections:
        if section.heading and section.heading.strip():
            parts.append(section.heading.strip())
        if section.text:
            parts.append(section.text)
    return _split_joined_fields("\n".join(parts))


def _split_joined_fields(text: str) -> str:
    """`text` with each field that reading joined onto the line before it on a line of its own."""
    r = _rules()
    if not r.joined_field_in_line:
        return r.joined_field.sub("\n", text)
    # a match within a line needs a colon and a blank after it on that line, and few lines hold one: only
    # those are read, instead of trying the pattern at every blank of the text
    out = []
    done = 0  # the text up to here is in `out`
    for colon in _COLON_BLANK.finditer(text):
        if colon.start() < done:  # on a line already read
            continue
        start = text.rfind("\n", 0, colon.start()) + 1
        end = text.find("\n", colon.end())
        end = len(text) if end < 0 else end
        out += [text[done:start], r.joined_field.sub("\n", text[start:end])]
        done = end
    out.append(text[done:])
    return "".join(out)


def _lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(_Line(stripped, start, start + len(stripped)))
        offset += len(raw) + 1
    return lines


def _heading_parts(line: str) -> list[str]:
    r = _rules()
    line = r.numbered.sub(lambda m: m.group(0)[-1], line).strip().rstrip(":").strip().lower()
    return [p.strip() for p in re.split(r"/|,|\boch\b|&", line) if p.strip()]


def _is_section_heading(line: str) -> bool:
    r = _rules()
    if r.numbered.match(line):
        return True
    parts = _heading_parts(line)
    return bool(parts) and all(part in r.summary_headings for part in parts)


def _is_label_line(line: str) -> bool:
    return bool(_rules().field.match(line))


def _is_known_label(line: str) -> bool:
    """A field label of the rules standing alone, its value on the next line (`Insatsens namn:`, `Datum:`)."""
    return bool(_rules().project_label.match(line)) or dates.is_label_line(line)


def _title_zone(lines: list[_Line]) -> list[_Line]:
    r = _rules()
    zone: list[_Line] = []
    for line in lines:
        words = len(line.text.split())
        if words >= r.paragraph_words:
            break
        if line.text.endswith(("?", ":")) and not _is_known_label(line.text):
            break
        if line.text.endswith(".") and words > 6:
            break
        if zone and _is_section_heading(line.text):
            break
        zone.append(line)
        if len(zone) >= r.max_lines:
            break
    return zone


# --------------------------------------------------------------------------- fields


def _type_in(line: str) -> tuple[str, re.Match[str]] | None:
    """The report type a title line names, and where."""
    r = _rules()
    if line.endswith(("?", ":")):
        return None
    if r.any_type is not None:
        first = r.any_type.search(line)
        if first is None or len(line[: first.start()].split()) > r.max_words_before:
            return None  # a later word stands after as many words or more
        # of the words starting there, the first in the rules, as the search below picks it
        for kind, pattern in r.types:
            match = pattern.match(line, first.start())
            if match is not None:
                return kind, match
    best: tuple[str, re.Match[str]] | None = None
    for kind, pattern in r.types:
        match = pattern.search(line)
        if match is None or len(line[: match.start()].split()) > r.max_words_before:
            continue
        if best is None or match.start() < best[1].start():
            best = (kind, match)
    return best


def _report_type(zone: list[_Line], properties: dict[str, str]) -> tuple[str | None, _Line | None]:
    for line in zone:
        found = _type_in(line.text)
        if found:
            return found[0], line
    title = _clean_property(properties.get("title"))
    if title:
        found = _type_in(title)
        if found:
            return found[0], None
    return None, None


def _clean_property(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    if any(p.search(value) for p in _rules().junk_titles):
        return None
    return value


def _strip_subtitle(name: str) -> str:
    """`Hälsosteget – hälsa och arbete` → `Hälsosteget`; a part after the dash that starts with a capital stays."""
    for dash in _rules().dashes:
        head, sep, tail = name.partition(dash)
        if sep and head.strip() and tail.strip() and tail.strip()[0].islower():
            return head.strip()
    return name


def _clean_name(value: str) -> str | None:
    value = value.strip().strip("\"'«»”“‘’").strip()
    value = value.rstrip(".;,").strip()
    if not value or not any(c.isalpha() for c in value):
        return None
    if value.isupper() and any(len(word) > 4 for word in value.split()):
        value = value[0] + value[1:].lower()  # "JOBBSTEGET" → "Jobbsteget"; an acronym such as "UVA" stays
    return _strip_subtitle(value)


def _labelled_project(lines: list[_Line]) -> str | None:
    r = _rules()
    for index, line in enumerate(lines):
        match = r.project_label.match(line.text)
        if match is None:
            continue
        value = match.group("value").strip()
        if not value and index + 1 < len(lines) and not _is_label_line(lines[index + 1].text):
            value = lines[index + 1].text
        name = _clean_name(value)
        if name:
            return name
    return None


def _name_after_type(line: str, match: re.Match[str]) -> str | None:
    """`Utvärdering av UVA – Unga vuxna i arbete` → `UVA – Unga vuxna i arbete`."""
    r = _rules()
    end = match.end()
    while end < len(line) and (line[end].isalnum() or line[end] in "-"):
        end += 1  # the rest of the word: "Slutrapporten", "Delrapport-1"
    link = r.type_to_name.match(line, end)
    if link is None and match.start() == 0:
        link = _SPACE.match(line, end)
    if link is None:
        return None
    rest = line[link.end() :]
    prefix = r.name_prefix.match(rest)
    if prefix:
        rest = rest[prefix.end() :]
    rest = rest.strip()
    if not rest or not (rest[0].isupper() or rest[0] in "\"'«”“") or any(p.search(rest) for p in r.not_name):
        return None
    if dates.find(rest):
        return None
    return _clean_name(rest)


def _candidate_names(zone: list[_Line], type_line: _Line | None, found: list[dates.Found]) -> list[tuple[str, _Line]]:
    r = _rules()
    out = []
    for line in zone:
        text = line.text
        if line is type_line or _type_in(text) or _is_label_line(text):
            continue
        if any(p.search(text) for p in r.not_name):
            continue
        inside = [f for f in found if line.start <= f.char_start < line.end]
        if inside:
            # a name with its period on the same line: "Jobbverkstan Bergslagen 2024-01-01 – 2024-12-31"
            if inside[-1].char_end < line.end - 1 or not inside[0].is_range:
                continue
            text = text[: inside[0].char_start - line.start].rstrip(" ,–-:")
            if not text:
                continue
        if len(text.split()) > 10 or not text[0].isupper():
            continue
        name = _clean_name(text)
        if name:
            out.append((name, line))
    return out


def _zone_project(
    zone: list[_Line], type_line: _Line | None, found: list[dates.Found], period_line: _Line | None, body: str
) -> str | None:
    candidates = _candidate_names(zone, type_line, found)
    if not candidates:
        return None
    r = _rules()
    lowered = body.lower()
    scored = []
    for order, (name, line) in enumerate(candidates):
        score = 0
        key = name.lower()
        if key in lowered:
            score += 1
            for match in r.mention.finditer(body):
                if lowered.startswith(key, match.end()):
                    score += 2
                    break
        index = zone.index(line)
        if period_line is not None and (
            line is period_line or (index + 1 < len(zone) and zone[index + 1] is period_line)
        ):
            score += 1
        scored.append((score, order, name))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return scored[0][2]


class _Fields:
    """The field each date of the document text stands in (`dates.context`), read when first asked for: most
    dates are passed over on cheaper grounds before their field could matter."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[tuple[int, int, bool], str | None] = {}

    def __call__(self, item: dates.Found) -> str | None:
        # the field depends on nothing but where the date stands and whether it is a period, so the same
        # date read with and without the report period is looked at once
        key = (item.char_start, item.char_end, item.is_range)
        if key not in self.known:
            self.known[key] = dates.context(self.text, item)
        return self.known[key]


def _first(found: list[dates.Found], field: _Fields, wanted: str, single: bool) -> dates.Found | None:
    for item in found:
        if item.start is None or single != (not item.is_range):
            continue
        if field(item) == wanted:
            return item
    return None


def _period(
    text: str, zone: list[_Line], report_type: str | None, field: _Fields
) -> tuple[tuple[str, str] | None, _Line | None]:
    found = dates.find(text)
    labelled = _first(found, field, "report_period", single=False)
    if labelled is not None:
        return (labelled.start, labelled.end), None
    if report_type not in _rules().no_period_types:
        for line in zone:
            for item in found:
                inside = line.start <= item.char_start < line.end
                if inside and item.explicit and item.is_range and field(item) is None:
                    return (item.start, item.end), line
    project = _first(found, field, "project_period", single=False)
    if project is not None:
        return (project.start, project.end), None
    return None, None


def _report_date(text: str, zone: list[_Line], period: dates.Period | None, field: _Fields) -> str | None:
    found = dates.find(text, period)
    for wanted in ("report_date", "signature"):
        item = _first(found, field, wanted, single=True)
        if item is not None:
            return item.start
    # a day that ends a title line, outside any field, dates the report: a cover dated "2019-05-12",
    # "Protokoll fört vid styrelsens sammanträde 2019-05-12"
    for line in zone:
        for item in found:
            if not line.start <= item.char_start < line.end:
                continue
            if (
                item.explicit
                and not item.is_range
                and item.char_end == line.end
                and ":" not in text[line.start : item.char_start]
                and field(item) is None
            ):
                return item.start
    return None


def _summary(sections: Sequence[Section], zone: list[_Line], has_period: bool) -> bool:
    r = _rules()
    if not has_period:
        return False
    headings = [s.heading for s in sections if s.heading] + [line.text for line in zone]
    hits = {h.strip().lower() for h in headings if _is_section_heading(h) and not r.numbered.match(h)}
    return len(hits) >= r.summary_min


def _display(line: str) -> str:
    """A title line as a person would write it: `LÄGESRAPPORT` → `Lägesrapport`."""
    line = " ".join(line.split())
    if line.isupper() and len(line) > 3:
        return line[0] + line[1:].lower()
    return line


def _title(
    zone: list[_Line], type_line: _Line | None, project: str | None, found: list[dates.Found], props: dict[str, str]
) -> str | None:
    plain = [
        line
        for line in zone
        if not _is_label_line(line.text) and not any(line.start <= f.char_start < line.end for f in found)
    ]
    if type_line is not None:
        title = _display(type_line.text)
        if project and project.lower() not in title.lower():
            return f"{title} – {project}"
        if not project and len(title.split()) <= 2:
            after = [line for line in zone if line.start > type_line.start][:1]
            if after and after[0] in plain and not any(c.isdigit() for c in after[0].text):
                return f"{title} – {_display(after[0].text)}"
        return title
    if plain:
        title = _display(plain[0].text)
        if project and project.lower() not in title.lower():
            return f"{title} – {project}"
        return title
    title = _clean_property(props.get("title"))
    if title:
        return title
    return project


def extract(sections: Sequence[Section], properties: dict[str, str]) -> Metadata:
    """What the report is: title, type, project, period, report date."""
    text = _document(sections)
    lines = _lines(text)
    zone = _title_zone(lines)
    report_type, type_line = _report_type(zone, properties)
    field = _Fields(text)
    period, period_line = _period(text, zone, report_type, field)
    if report_type is None and _summary(sections, zone, period_line is not None):
        report_type = _rules().summary_type
    as_dates = None
    if period is not None:
        as_dates = dates.report_period(Metadata(period_start=period[0], period_end=period[1]))
    report_date = _report_date(text, zone, as_dates, field)

    project = _labelled_project(lines)
    found_in_zone = dates.find(text[: zone[-1].end]) if zone else []
    if project is None and report_type not in _rules().organisation_types:
        if type_line is not None:
            match = _type_in(type_line.text)
            if match:
                project = _name_after_type(type_line.text, match[1])
        if project is None:
            body = text[zone[-1].end :] if zone else text
            project = _zone_project(zone, type_line, found_in_zone, period_line, body)
    title = _title(zone, type_line, project, found_in_zone, properties)
    return Metadata(
        title=title,
        report_type=report_type,
        project_name=project,
        period_start=None if period is None else period[0],
        period_end=None if period is None else period[1],
        report_date=report_date,
    )
