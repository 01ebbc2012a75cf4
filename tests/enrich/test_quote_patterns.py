"""Quotation patterns of news writing: each text must give one quote with this text, speaker and cue."""

from __future__ import annotations

import pytest

from tasks.enrich.mentions import article_mentions
from tasks.enrich.model import ner_pipeline
from tasks.enrich.quotes import article_quotes
from tasks.settings import Settings

LEAD = "Prime Minister Kaja Kallas met John Smith in Tallinn on Monday."

CASES = [
    # (body, quote text, speaker as written, speaker's canonical name, cue)
    (
        f'{LEAD}\n\n"We will not give in to pressure," Kallas said.',
        "We will not give in to pressure",
        "Kallas",
        "Kaja Kallas",
        "said",
    ),
    (
        f'{LEAD}\n\n"We will not give in to pressure," said Kallas.',
        "We will not give in to pressure",
        "Kallas",
        "Kaja Kallas",
        "said",
    ),
    (
        f'{LEAD}\n\nKallas said: "We will not give in to pressure."',
        "We will not give in to pressure.",
        "Kallas",
        "Kaja Kallas",
        "said",
    ),
    (
        'Kaja Kallas arrived late.\n\nShe said: "We will not give in to pressure."',
        "We will not give in to pressure.",
        "She",
        "Kaja Kallas",
        "said",
    ),
    (
        f"{LEAD}\n\n“We will not give in to pressure,” she said.",
        "We will not give in to pressure",
        "she",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"We are ready to talk," she said, "but not at any price."',
        "We are ready to talk, but not at any price.",
        "she",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\n“We are ready to talk,” Kallas said, “but not at any price.”",
        "We are ready to talk, but not at any price.",
        "Kallas",
        "Kaja Kallas",
        "said",
    ),
    (
        "NATO chief Jens Stoltenberg spoke in Brussels.\n\n"
        '"The alliance stays united," said Stoltenberg, adding that more troops would come.',
        "The alliance stays united",
        "Stoltenberg",
        "Jens Stoltenberg",
        "said",
    ),
    (
        f'{LEAD}\n\nSmith told Reuters: "The talks went well and we expect more."',
        "The talks went well and we expect more.",
        "Smith",
        "John Smith",
        "told",
    ),
    (
        f'{LEAD}\n\nAccording to Smith, "the talks went well and we expect more."',
        "the talks went well and we expect more.",
        "Smith",
        "John Smith",
        "according to",
    ),
    (
        f'{LEAD}\n\n"The talks went well and we expect more," according to Smith.',
        "The talks went well and we expect more",
        "Smith",
        "John Smith",
        "according to",
    ),
    (
        f'{LEAD}\n\n"We don\'t want a war that nobody can win," Smith said.',
        "We don't want a war that nobody can win",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\nA 12" pipe burst in the port. "This is a disaster for the harbour," Smith said.',
        "This is a disaster for the harbour",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"Will the alliance hold together?" asked Smith.',
        "Will the alliance hold together?",
        "Smith",
        "John Smith",
        "asked",
    ),
    (
        f'{LEAD}\n\n"We will never surrender our freedom!" he shouted.',
        "We will never surrender our freedom!",
        "he",
        "John Smith",
        "shouted",
    ),
    (
        f'{LEAD}\n\n"The sanctions must stay in place," he told reporters.',
        "The sanctions must stay in place",
        "he",
        "John Smith",
        "told",
    ),
    (
        f'{LEAD}\n\n"The sanctions must stay in place," Smith added.',
        "The sanctions must stay in place",
        "Smith",
        "John Smith",
        "added",
    ),
    (
        f'{LEAD}\n\n"The sanctions must stay in place," Smith wrote on Twitter.',
        "The sanctions must stay in place",
        "Smith",
        "John Smith",
        "wrote",
    ),
    (
        f'{LEAD}\n\n"The sanctions must stay in place," Smith continued.',
        "The sanctions must stay in place",
        "Smith",
        "John Smith",
        "continued",
    ),
    (
        f'{LEAD}\n\n"The sanctions must stay in place," he went on.',
        "The sanctions must stay in place",
        "he",
        "John Smith",
        "went on",
    ),
    (
        f'{LEAD}\n\n"The sanctions must stay in place," the prime minister said.',
        "The sanctions must stay in place",
        "the prime minister",
        "Kaja Kallas",
        "said",
    ),
    (
        "US President Joe Biden spoke on Friday.\n\n"
        '"America stands with its allies in Europe," President Joe Biden said.',
        "America stands with its allies in Europe",
        "President Joe Biden",
        "Joe Biden",
        "said",
    ),
    (
        '"The alliance will defend every inch of its territory," said NATO Secretary General Jens Stoltenberg.',
        "The alliance will defend every inch of its territory",
        "NATO Secretary General Jens Stoltenberg",
        "Jens Stoltenberg",
        "said",
    ),
    (
        f'{LEAD}\n\nSmith said that "the plan is dead and buried".',
        "the plan is dead and buried",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\nSmith said the plan would fail. "Nobody believes in it any more."',
        "Nobody believes in it any more.",
        "Smith",
        "John Smith",
        None,
    ),
    (
        f'{LEAD}\n\n"We are worried about the border," Smith said.\n\n"Nobody believes the promises any more."',
        "Nobody believes the promises any more.",
        "Smith",
        "John Smith",
        None,
    ),
    (
        f'{LEAD}\n\n"This is the first part of a long statement. It goes on.\n\n'
        '"And this is the second part of it," Smith said.',
        "This is the first part of a long statement. It goes on. And this is the second part of it",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        'In a statement, the Kremlin said: "Russia will respond to any provocation."',
        "Russia will respond to any provocation.",
        "Kremlin",
        "Kremlin",
        "said",
    ),
    (
        f'{LEAD}\n\n"We will look at every option," Smith said in a statement on Tuesday.',
        "We will look at every option",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"We will look at every option," Smith, a former diplomat, said.',
        "We will look at every option",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\n‘We will defend every inch of our coastline,’ the prime minister said.",
        "We will defend every inch of our coastline",
        "the prime minister",
        "Kaja Kallas",
        "said",
    ),
    (
        f"{LEAD}\n\nSmith told the BBC: ‘Nobody in this town wants a long war.’",
        "Nobody in this town wants a long war.",
        "Smith",
        "John Smith",
        "told",
    ),
    (
        f"{LEAD}\n\n‘The harbour is open again,’ Kallas said, ‘but the ferries will not run before May.’",
        "The harbour is open again, but the ferries will not run before May.",
        "Kallas",
        "Kaja Kallas",
        "said",
    ),
    (
        f"{LEAD}\n\n‘We don’t accept the ministers’ plan for ’90s-style cuts,’ said Smith.",
        "We don’t accept the ministers’ plan for ’90s-style cuts",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\n‘Rock ’n’ roll kept this club alive for years,’ Smith said.",
        "Rock ’n’ roll kept this club alive for years",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\n‘The mayor told us “wait until spring” and then did nothing,’ Smith said.",
        "The mayor told us “wait until spring” and then did nothing",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\n‘The first ships left the port at dawn.\n\n‘The last ones will be gone by night,’ Smith said.",
        "The first ships left the port at dawn. The last ones will be gone by night",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\nFans of rock ‘em sock ‘em robots queued. “We waited all night for nothing,” Smith said.",
        "We waited all night for nothing",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"The harbour stays open," Smith said. "The ferries will run again in May."',
        "The harbour stays open The ferries will run again in May.",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"The harbour stays open," said Sen. John Smith. "The ferries will run again in May."',
        "The harbour stays open The ferries will run again in May.",
        "Sen. John Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"The harbour stays open all winter," John F. Smith said.',
        "The harbour stays open all winter",
        "John F. Smith",
        "John F. Smith",
        "said",
    ),
    (
        f'{LEAD}\n\nSmith said: "We are ready to talk, but this must be reciprocal,."',
        "We are ready to talk, but this must be reciprocal",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"The harbour stays open all winter," Smith, the mayor of Tartu, a city in the south, said.',
        "The harbour stays open all winter",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\nSmith, speaking to reporters in Tallinn on Monday, said: "The harbour stays open all winter."',
        "The harbour stays open all winter.",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\n"The harbour stays open all winter," Smith notes.',
        "The harbour stays open all winter",
        "Smith",
        "John Smith",
        "notes",
    ),
    (
        f'{LEAD}\n\n"The harbour stays open all winter," Smith fumed.',
        "The harbour stays open all winter",
        "Smith",
        "John Smith",
        "fumed",
    ),
    (
        f'{LEAD}\n\nSmith said: "The harbour stays open all winter." She added that the ferries were late.',
        "The harbour stays open all winter.",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f'{LEAD}\n\nSmith criticised the plan on Monday, saying: "Nobody in this town believes in it."',
        "Nobody in this town believes in it.",
        "Smith",
        "John Smith",
        None,
    ),
    (
        f'{LEAD}\n\nThe plan did not convince the economist John Smith: "Nobody in this town believes in it."',
        "Nobody in this town believes in it.",
        "John Smith",
        "John Smith",
        None,
    ),
    (
        f"{LEAD}\n\n“Nobody in this town believes in the plan.” ― John Smith",
        "Nobody in this town believes in the plan.",
        "John Smith",
        "John Smith",
        None,
    ),
    (
        f'{LEAD}\n\nAsked about the ferries, "Not yet," Smith said.',
        "Not yet",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\n„Die Grenze bleibt für alle offen“, Kallas said.",
        "Die Grenze bleibt für alle offen",
        "Kallas",
        "Kaja Kallas",
        "said",
    ),
    (
        f"{LEAD}\n\n„The border stays open for everyone”, Kallas said.",
        "The border stays open for everyone",
        "Kallas",
        "Kaja Kallas",
        "said",
    ),
    (
        f"{LEAD}\n\n«The border stays open for everyone», Smith said.",
        "The border stays open for everyone",
        "Smith",
        "John Smith",
        "said",
    ),
    (
        f"{LEAD}\n\n»The border stays open for everyone«, Smith said.",
        "The border stays open for everyone",
        "Smith",
        "John Smith",
        "said",
    ),
]


def _quotes(body: str):
    doc = ner_pipeline(Settings().spacy_model)(body)
    mentions = article_mentions(body, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    return body, article_quotes(body, mentions)


@pytest.mark.parametrize(("body", "text", "speaker", "name", "cue"), CASES, ids=[c[1][:30] for c in CASES])
def test_quote_pattern(body, text, speaker, name, cue):
    body, quotes = _quotes(body)
    assert [q.text for q in quotes][-1:] == [text]
    quote = quotes[-1]
    assert quote.speaker is not None and quote.speaker.casefold().endswith(speaker.casefold())
    assert quote.speaker_mention is not None and quote.speaker_mention.name == name
    assert quote.cue == cue
    if "\n" not in body[quote.start : quote.end] and (quote.cue or "\0") not in body[quote.start : quote.end]:
        assert body[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "body",
    [
        'The so-called "special operation" has lasted a year.',
        "He warned of a “real risk” of escalation.",
        "The 6'2\" forward said nothing. Rock 'n' roll isn't dead, it's the band's best year.",
        'Smith told the news show "Morning Report" on Friday that talks had stalled.',
        "Kallas’ government cut the ’90s-era budget. Rock ’n’ roll isn’t dead, the band’s singer said.",
        "The 5’ 11” goalkeeper and his 6' 2\" deputy missed training on Friday.",
        "Critics called the tax a ‘real risk’ for small firms.",
        "Fans of rock ‘em sock ‘em robots queued outside the shop.",
        'Smith said so on Sunday on ETV\'s "Morning Report."',
        "Her first film, “Summer Rain in Tartu.”, opens on Friday.",
        'HARBOUR NEWS—"The Harbour Cafe to Close at the End of May," by Anna Berg: a short notice.',
        '<tweet tweet-id="6735720144"><tweet/>.',
        'The form has two boxes, "Yes," or "No," according to the ministry.',
        '<tweet tweet-author="@harbour" tweet-date="May 4, 2021">The ferries run again from May<tweet/>.',
    ],
)
def test_scare_quotes_titles_markup_apostrophes_and_inch_marks_are_not_quotes(body):
    assert _quotes(body)[1] == []


def test_two_speakers_in_a_row_keep_their_own_quotes():
    _, quotes = _quotes(
        "Anna Berg and John Smith disagreed.\n\n"
        '"We will appeal the ruling," said Berg. "We accept the ruling," said Smith.'
    )
    assert [(q.text, q.speaker_mention.name) for q in quotes] == [
        ("We will appeal the ruling", "Anna Berg"),
        ("We accept the ruling", "John Smith"),
    ]
