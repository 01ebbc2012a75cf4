"""A seeded corpus of syndicated news: originals, their copies, and templated look-alikes that are not copies.

Copies are what wires and aggregators produce: a new headline, a publisher line or byline, a trimmed
ending, 2-5% of the words edited; some are the same page scraped twice, some are re-published updates
with one figure changed and a sentence added. Templated look-alikes (earnings, match results, weather,
market reports) share most of their words with each other but report different facts. `story_id` is
the truth: articles are copies of each other exactly when they share it.
"""

from __future__ import annotations

import functools
import json
import random
import string
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

import pandas as pd

FIRST = (
    "Anna Mart Kaja Jaan Liis Peeter Maria Andrus Kristiina Toomas Olena Mykola Ieva Janis Rasa Tomas Ingrid Lars "
    "Helga Sven Pierre Claire Marco Giulia Ahmed Fatima Kenji Yuki Priya Rahul Carlos Lucia David Sarah James Emma "
    "Oliver Sofia Daniel Hannah Miguel Elena Viktor Irina Jonas Greta Hugo Alice Mateusz Zofia"
).split()
LAST = (
    "Tamm Saar Kallas Karis Ozols Berzins Kazlauskas Petraitis Lindqvist Nieminen Virtanen Schmidt Weber Dubois "
    "Moreau Rossi Bianchi Khan Haddad Tanaka Sato Sharma Gupta Garcia Lopez Novak Kowalski Nowak Smith Johnson Brown "
    "Miller Davis Wilson Taylor Clarke Evans Walsh Murphy Kelly Horvat Popescu Ionescu Jensen Hansen Larsen Olsen "
    "Bauer Fischer Wagner Keller Meyer Hoffmann Koch Richter Klein Wolf Neumann"
).split()
PLACES = (
    "Tallinn Riga Vilnius Helsinki Stockholm Oslo Copenhagen Berlin Hamburg Munich Warsaw Krakow Prague Vienna "
    "Budapest Paris Lyon Madrid Barcelona Lisbon Rome Milan Brussels Amsterdam Rotterdam Dublin London Manchester "
    "Edinburgh Kyiv Lviv Odesa Tartu Narva Parnu Kaunas Klaipeda Daugavpils Turku Tampere Gothenburg Malmo Geneva "
    "Zurich Athens Sofia Bucharest Zagreb Ljubljana Bratislava Toronto Chicago Boston Denver Seattle Austin Tokyo "
    "Osaka Seoul Mumbai Delhi Nairobi Lagos Cairo Istanbul Ankara"
).split()
ORGS = (
    "Nordic Rail|Baltic Shipping Group|the European Commission|the Finance Ministry|Eesti Energia|Latvenergo|"
    "Ignitis|the Bank of Finland|the central bank|the port authority|the city council|the Health Ministry|"
    "Northwind Logistics|Amber Telecom|Helix Pharmaceuticals|Granite Construction|the teachers' union|"
    "the farmers' association|the Interior Ministry|the national broadcaster|Polar Airlines|Riverside Hospital|"
    "the University of Tartu|the stock exchange|the competition authority|the Defence Ministry|Coastline Energy|"
    "Meridian Bank|the Environment Agency|the transport regulator|Aurora Foods|Vector Robotics"
).split("|")
PUBLISHERS = (
    "Reuters|Associated Press|AFP|Baltic News Service|ERR News|LSM|LRT|Yle|The Local|Nordic Daily|"
    "Morning Ledger|Evening Courier|City Gazette|Coastal Times|Metro Wire|Capital Post"
).split("|")
ROLES = (
    "Prime Minister|Finance Minister|chief executive|spokeswoman|spokesman|Mayor|economist|analyst|professor|"
    "union leader|police chief|chairman|director|Health Minister|Energy Minister|senior lawyer"
).split("|")
NOUNS = (
    "plan budget project proposal deal contract strike investigation report decision agreement reform tender "
    "programme pipeline railway bridge hospital school election vote inquiry merger shortage price tax grant "
    "subsidy factory warehouse harbour airport network policy law regulation audit forecast deficit loan bond"
).split()
ADJ = (
    "new controversial long-awaited ambitious costly modest delayed disputed regional national major key "
    "unexpected revised temporary permanent first second final planned emergency"
).split()
VERBS_PAST = (
    "approved rejected delayed announced criticised defended unveiled postponed backed opposed launched "
    "cancelled expanded reviewed signed extended questioned welcomed"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()

SENTENCES = (
    "{org} {verb} the {adj} {noun} on {day}, {person}, the {role}, said.",
    "The {noun} is expected to cost about {money} and take {small} years to complete.",
    '"We have waited for this {noun} for a long time," {person} told reporters in {place}.',
    "Critics say the {noun} will hit households in {place} hardest, with prices up {pct}% since {month}.",
    "{person} said talks with {org} would continue next week.",
    "According to {org}, {big} people in {place} were affected by the {noun}.",
    "The {role} {person} {verb} the {noun}, calling it a {adj} step.",
    "Officials in {place} said the {adj} {noun} would be reviewed by {month}.",
    "Last year {org} reported a loss of {money}, its {adj} since {year}.",
    "Opposition lawmakers {verb} the {noun} and demanded an {noun2} into {org}.",
    "The {noun} was first proposed in {year} but stalled after a dispute over funding.",
    "{person}, who has led {org} since {year}, did not respond to a request for comment.",
    "Residents of {place} gathered outside the offices of {org} on {day} evening.",
    "A survey by {org} found that {pct}% of respondents supported the {noun}.",
    "The {adj} {noun2} will be discussed at a meeting in {place} on {month} {date}.",
    "Police said {small} people were detained after protests in {place}.",
    "{org} shares fell {pct}% after the announcement, before recovering slightly.",
    "Under the {noun}, about {big} jobs could be created in {place} and {place2} by {year2}.",
    '"This is not the end of the story," said {person}, a {role} at {org}.',
    "The {noun} still needs the approval of parliament, where a vote is due in {month}.",
    "Similar plans in {place2} were {verb} in {year} after a {adj} {noun2}.",
    "{person} warned that delays could add {money} to the final bill.",
    "The {role} is due to visit {place} on {day} to meet {person}.",
    "Since {month}, {org} has received more than {big} complaints about the {noun}.",
)

EARNINGS = (
    "{company} reported {quarter} revenue of {r1} million euros, {updown} {p1}% from a year earlier.",
    "Net profit was {r2} million euros, or {eps} cents a share, the company said on {day}.",
    "Analysts polled by {agency} had expected revenue of {r3} million euros.",
    "Shares of {company} {risefall} {p2}% to {price} euros in early trading in {place}.",
)
MATCH = (
    "{team1} beat {team2} {s1}-{s2} in the {league} on {day}.",
    "{player} scored twice for {team1}, and {player2} added a goal in the {minute}th minute.",
    "The win lifts {team1} to {rank} place with {pts} points, {gap} behind the leaders.",
    "{team2} host {team3} next {day2}.",
)
WEATHER = (
    "{place} will see {sky} skies on {day}, with highs near {t1}C and lows around {t2}C.",
    "Winds from the {dir} will reach {w} kilometres an hour, the weather service said.",
    "Rain is {likely} on {day2}, with up to {mm} millimetres expected in the {area} parts of {place}.",
    "Temperatures will {trend} towards the weekend, reaching {t3}C by {day3}.",
)
MARKET = (
    "The {index} index closed {updown} {p1}% at {level} points on {day}, led by {sector} stocks.",
    "{company} gained {p2}% after reporting {adj} quarterly results, while {company2} slipped {p3}%.",
    "Trading volume was {vol} million shares, {cmp} the 30-day average.",
    "The euro traded at {fx} dollars, and Brent crude was at {oil} dollars a barrel.",
)
TEMPLATES = (EARNINGS, MATCH, WEATHER, MARKET)
COMPANIES = [
    f"{a} {b}"
    for a in (
        "Nordic",
        "Baltic",
        "Amber",
        "Polar",
        "Granite",
        "Helix",
        "Vector",
        "Aurora",
        "Meridian",
        "Coastline",
        "Northwind",
        "Riverside",
    )
    for b in ("Holdings", "Group", "Industries", "Energy", "Foods", "Telecom")
]
TEAMS = [f"{p} {s}" for p in PLACES[:40] for s in ("FC", "United")]
INDEXES = ("OMX Tallinn", "OMX Riga", "OMX Vilnius", "OMX Helsinki 25", "DAX", "CAC 40", "FTSE 100", "Stoxx 600")

SYNONYMS = {
    "said": "says",
    "told": "said to",
    "about": "around",
    "expected": "set",
    "demanded": "called for",
    "complete": "finish",
    "first": "initially",
    "hardest": "the most",
    "continue": "resume",
    "people": "residents",
    "reviewed": "examined",
    "support": "backing",
    "cost": "require",
    "recovering": "rebounding",
    "warned": "cautioned",
    "meeting": "session",
    "due": "scheduled",
    "received": "had",
    "more": "over",
    "stalled": "stopped",
}
FILLERS = ("also", "now", "still", "then", "however", "reportedly")
START = datetime(2026, 1, 1, tzinfo=UTC)


def syndication_corpus(n: int, seed: int = 0, templated_share: float = 0.15) -> pd.DataFrame:
    """n articles: article_id, title, body, publisher, published_at, ingested_at, word_count, story_id, kind.

    kind is original, copy (edited syndicated copy), rescrape (the same text again), update (one figure
    changed, a sentence added) or templated (a look-alike that is a story of its own).
    """
    rng = random.Random(seed)
    rows: list[dict] = []
    story = 0
    last_templated: dict = {}
    while len(rows) < n:
        story += 1
        published = START + timedelta(minutes=rng.randrange(60 * 24 * 90))
        if rng.random() < templated_share:
            rows.append(_row(rng, story, "templated", _templated(rng, last_templated), published))
            continue
        paragraphs = _story(rng)
        rows.append(_row(rng, story, "original", "\n\n".join(paragraphs), published))
        for _ in range(rng.choices((0, 1, 2, 3, 4), (35, 25, 18, 12, 10))[0]):
            kind = rng.choices(("copy", "rescrape", "update"), (80, 10, 10))[0]
            body = {"copy": _copy, "rescrape": lambda r, p: "\n\n".join(p), "update": _update}[kind](rng, paragraphs)
            rows.append(_row(rng, story, kind, body, published + timedelta(minutes=rng.randrange(1, 600))))
    frame = pd.DataFrame(rows[:n])
    frame.insert(0, "article_id", [f"a{i:07d}" for i in range(len(frame))])
    frame["ingested_at"] = [START + timedelta(days=120, seconds=i) for i in range(len(frame))]
    frame["word_count"] = frame["body"].str.split().str.len().astype("int32")
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    frame["ingested_at"] = pd.to_datetime(frame["ingested_at"], utc=True)
    return frame


def _row(rng: random.Random, story: int, kind: str, body: str, published: datetime) -> dict:
    org = rng.choice(ORGS).removeprefix("the ").capitalize()
    title = f"{org} {rng.choice(VERBS_PAST)} {rng.choice(NOUNS)} in {rng.choice(PLACES)}"
    return {
        "title": title,
        "body": body,
        "publisher": rng.choice(PUBLISHERS),
        "published_at": published,
        "story_id": story,
        "kind": kind,
    }


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


SLOTS = {
    "org": lambda r: r.choice(ORGS),
    "verb": lambda r: r.choice(VERBS_PAST),
    "adj": lambda r: r.choice(ADJ),
    "noun": lambda r: r.choice(NOUNS),
    "noun2": lambda r: r.choice(NOUNS),
    "person": _person,
    "player": _person,
    "player2": _person,
    "role": lambda r: r.choice(ROLES),
    "day": lambda r: r.choice(DAYS),
    "day2": lambda r: r.choice(DAYS),
    "day3": lambda r: r.choice(DAYS),
    "place": lambda r: r.choice(PLACES),
    "place2": lambda r: r.choice(PLACES),
    "month": lambda r: r.choice(MONTHS),
    "date": lambda r: r.randint(1, 28),
    "money": lambda r: f"{r.randint(2, 950)} million euros",
    "small": lambda r: r.randint(2, 12),
    "big": lambda r: f"{r.randint(1, 90) * 1000 + r.randint(0, 999):,}",
    "pct": lambda r: round(r.uniform(0.5, 40), 1),
    "year": lambda r: r.randint(1995, 2024),
    "year2": lambda r: r.randint(2027, 2040),
    "company": lambda r: r.choice(COMPANIES),
    "company2": lambda r: r.choice(COMPANIES),
    "quarter": lambda r: r.choice(("first-quarter", "second-quarter", "third-quarter", "fourth-quarter")),
    "r1": lambda r: r.randint(20, 900),
    "r2": lambda r: r.randint(1, 90),
    "r3": lambda r: r.randint(20, 900),
    "eps": lambda r: r.randint(1, 99),
    "updown": lambda r: r.choice(("up", "down")),
    "risefall": lambda r: r.choice(("rose", "fell")),
    "p1": lambda r: round(r.uniform(0.1, 15), 1),
    "p2": lambda r: round(r.uniform(0.1, 15), 1),
    "p3": lambda r: round(r.uniform(0.1, 9), 1),
    "price": lambda r: round(r.uniform(1, 120), 2),
    "agency": lambda r: r.choice(("Reuters", "Bloomberg", "LSEG", "FactSet")),
    "team1": lambda r: r.choice(TEAMS),
    "team2": lambda r: r.choice(TEAMS),
    "team3": lambda r: r.choice(TEAMS),
    "s1": lambda r: r.randint(1, 5),
    "s2": lambda r: r.randint(0, 4),
    "league": lambda r: r.choice(("Premium Liiga", "Virsliga", "A Lyga", "Veikkausliiga")),
    "minute": lambda r: r.randint(2, 90),
    "rank": lambda r: r.choice(("first", "second", "third", "fourth", "fifth")),
    "pts": lambda r: r.randint(3, 70),
    "gap": lambda r: r.choice(("one point", "two points", "three points")),
    "sky": lambda r: r.choice(("clear", "cloudy", "grey", "sunny", "overcast")),
    "t1": lambda r: r.randint(-15, 30),
    "t2": lambda r: r.randint(-25, 15),
    "t3": lambda r: r.randint(-20, 30),
    "w": lambda r: r.randint(5, 70),
    "dir": lambda r: r.choice(("north", "south", "east", "west", "northwest", "southwest")),
    "likely": lambda r: r.choice(("likely", "possible", "expected")),
    "mm": lambda r: r.randint(1, 40),
    "area": lambda r: r.choice(("northern", "southern", "eastern", "western", "coastal")),
    "trend": lambda r: r.choice(("rise", "fall", "stay steady")),
    "index": lambda r: r.choice(INDEXES),
    "level": lambda r: f"{r.randint(500, 9000):,}.{r.randint(10, 99)}",
    "sector": lambda r: r.choice(("bank", "energy", "retail", "technology", "shipping")),
    "vol": lambda r: round(r.uniform(0.2, 40), 1),
    "cmp": lambda r: r.choice(("above", "below", "in line with")),
    "fx": lambda r: round(r.uniform(1.02, 1.2), 4),
    "oil": lambda r: round(r.uniform(60, 95), 2),
}


SERIES_SLOTS = frozenset(
    "place index league quarter agency sky dir area likely trend cmp updown risefall rank gap sector".split()
)
"""What a report shares with the previous one of its series; the rest (names, days, figures) is new."""


@functools.cache
def _slots(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(template) if name))


def _fill(rng: random.Random, template: str, values: dict | None = None) -> str:
    """A template with every slot filled from the pools (a slot used twice gets the same value)."""
    values = values if values is not None else {}
    for name in _slots(template):
        if name not in values:
            values[name] = SLOTS[name](rng)
    return template.format(**values)


def _story(rng: random.Random) -> list[str]:
    """An original article: three to five paragraphs of one to three sentences."""
    sentences = rng.sample(SENTENCES, rng.randint(5, 9))
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(_fill(rng, s) for s in sentences[i : i + size]))
        i += size
    return paragraphs


def _templated(rng: random.Random, last: dict) -> str:
    """A templated report; half of them continue the previous one's series (the same city's weather on
    another day, the same index in another session, the same league's next match): the hardest look-alikes."""
    if last and rng.random() < 0.5:
        template = last["template"]
        values = {k: v for k, v in last["values"].items() if k in SERIES_SLOTS}
    else:
        template, values = rng.choice(TEMPLATES), {}
    text = "\n\n".join(_fill(rng, sentence, values) for sentence in template)
    last.update(template=template, values=values)
    return text


def _copy(rng: random.Random, paragraphs: list[str]) -> str:
    """Syndicated copy: trimmed ending, edited words, and a publisher line or byline."""
    kept = list(paragraphs)
    if len(kept) > 2 and rng.random() < 0.5:
        kept = kept[: len(kept) - 1]
    words = "\n\n".join(kept).split(" ")
    edited = _edit_words(rng, words, rng.uniform(0.02, 0.05))
    body = " ".join(edited)
    publisher = rng.choice(PUBLISHERS)
    line = rng.choice(
        (
            f"{rng.choice(PLACES).upper()} ({publisher}) — ",
            f"By {rng.choice(FIRST)} {rng.choice(LAST)}, {publisher}\n\n",
            "",
        )
    )
    footer = rng.choice(
        (
            "",
            "",
            f"\n\n(Reporting by {_person(rng)}; editing by {_person(rng)})",
            f"\n\n© 2026 {publisher}. All rights reserved.",
        )
    )
    return line + body + footer


def _edit_words(rng: random.Random, words: list[str], rate: float) -> list[str]:
    """Edits about `rate` of the words: synonyms, dropped and inserted words."""
    out = []
    for word in words:
        if rng.random() >= rate:
            out.append(word)
            continue
        action = rng.random()
        bare = word.strip('.,"')
        if action < 0.5 and bare in SYNONYMS:
            out.append(word.replace(bare, SYNONYMS[bare]))
        elif action < 0.75:
            out.append(word if "\n" in word else "")
        else:
            out.extend((rng.choice(FILLERS), word))
    return [w for w in out if w]


def _update(rng: random.Random, paragraphs: list[str]) -> str:
    """A re-published update: one figure changed and a new closing sentence."""
    words = "\n\n".join(paragraphs).split(" ")
    figures = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
    if figures:
        i = rng.choice(figures)
        words[i] = "".join(str((int(c) + 1) % 10) if c.isdigit() else c for c in words[i])
    return " ".join(words) + "\n\n" + _fill(rng, "This story has been updated with a statement from {org}.")


SECTIONS = ("WORLD", "BUSINESS", "POLITICS", "SPORT", "MARKETS", "EUROPE", "LOCAL NEWS", "WEATHER")
WIDGETS = (
    "Share on Facebook",
    "Share this article",
    "Advertisement",
    "Sign up for our morning newsletter",
    "Subscribe for unlimited access",
    "Follow us on X and Instagram",
    "Read more: {title}",
    "Related: {title}",
    "Photo: {person}/{publisher}",
)
NOTICES = (
    "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
    "Your browser is out of date. Please update it to read this site.",
    "© 2026 {publisher}. All rights reserved.",
    "Comments are closed for this article.",
)


def scraped_page(rng: random.Random, row) -> str:
    """The article as a scraper sees it: section kicker, headline, byline and date, widgets between paragraphs,
    notices at the end (each in some pages only, as outlets differ)."""
    fill = {"title": row.title, "person": _person(rng), "publisher": row.publisher}
    head = [rng.choice(SECTIONS)] if rng.random() < 0.5 else []
    head.append(row.title)
    if rng.random() < 0.6:
        head.append(f"By {_person(rng)} | {row.published_at:%d %B %Y, %H:%M}")
    lines = []
    for paragraph in row.body.split("\n\n"):
        lines.append(paragraph)
        if rng.random() < 0.25:
            lines.append(rng.choice(WIDGETS).format(**fill))
    tail = [n.format(**fill) for n in NOTICES if rng.random() < 0.3]
    return "\n\n".join(head + lines + tail)


def html_page(rng: random.Random, row) -> str:
    """The article as an HTML page: navigation, headline, paragraphs in <article>, widgets and a footer."""
    nav = "".join(f"<li><a href='/{s.lower()}'>{s.title()}</a></li>" for s in SECTIONS)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in row.body.split("\n\n"))
    aside = escape(rng.choice(WIDGETS).format(title=row.title, person=_person(rng), publisher=row.publisher))
    return (
        f"<!doctype html><html><head><title>{escape(row.title)} | {escape(row.publisher)}</title>"
        f"<meta property='article:published_time' content='{row.published_at.isoformat()}'></head><body>"
        f"<nav><ul>{nav}</ul></nav><article><h1>{escape(row.title)}</h1>"
        f"<p class='byline'>By {escape(_person(rng))}</p>{paragraphs}<aside>{aside}</aside></article>"
        f"<footer><p>{escape(NOTICES[0])}</p><p>© 2026 {escape(row.publisher)}</p></footer></body></html>"
    )


def write_inputs(
    frame: pd.DataFrame, folder: Path, seed: int = 0, lines_per_file: int = 1000, page_share: float = 0.02
) -> list[str]:
    """Write the corpus as pipeline input: JSONL files of scraped records, plus `page_share` of the articles as
    .txt pages and as many as .html pages. Returns the kind of file each article went to, in corpus order."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    kinds, records = [], []
    for i, row in enumerate(frame.itertuples(index=False)):
        draw = rng.random()
        if draw < page_share:
            (folder / f"page_{i:07d}.txt").write_text(scraped_page(rng, row), encoding="utf-8")
            kinds.append("txt")
        elif draw < 2 * page_share:
            (folder / f"page_{i:07d}.html").write_text(html_page(rng, row), encoding="utf-8")
            kinds.append("html")
        else:
            record = {
                "id": row.article_id,
                "url": f"https://news.example/{row.article_id}",
                "title": row.title,
                "text": scraped_page(rng, row),
                "published": row.published_at.isoformat(),
                "publisher": row.publisher,
            }
            records.append(json.dumps(record, ensure_ascii=False))
            kinds.append("jsonl")
    for start in range(0, len(records), lines_per_file):
        chunk = records[start : start + lines_per_file]
        (folder / f"records_{start // lines_per_file:05d}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return kinds


def corpus_inputs(size: int, inputs: Path, seed: int) -> tuple[pd.DataFrame, dict]:
    """A seeded corpus written as input files into `inputs`, and what they hold (input_mb, words of article text)."""
    corpus = syndication_corpus(size, seed=seed)
    kinds = write_inputs(corpus, inputs, seed=seed)
    files = list(inputs.iterdir())
    facts = {
        "articles": size,
        "files": len(files),
        "input_mb": sum(p.stat().st_size for p in files) / 2**20,
        "words": int(corpus["word_count"].sum()),
        "articles_by_format": {kind: kinds.count(kind) for kind in sorted(set(kinds))},
        "copies": int(corpus["kind"].isin(["copy", "rescrape", "update"]).sum()),
    }
    return corpus, facts
