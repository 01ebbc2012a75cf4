"""A news page as a crawler fetches it: the article inside everything else a news site serves around it.

What makes extraction cost what it costs is the page, not the article: real news pages are about 120 KB of HTML and
600 elements (menus, share buttons, ad slots, teaser lists, footers, scripts) around an article of some 600 words.
The shape here follows what the development set's 121 real pages measure (median 119 KB, 634 elements, 99 links,
11 scripts, 22 paragraphs, 94 divs, 48 list items, 8 images, 22 KB gzipped; articles of median 3,800 characters,
38% under 2,500 and 1% under 600), varied per outlet and per page. Nothing of those pages' text is used: every word
comes from the seeded story generator of `benchmarks/corpus.py`.
"""

from __future__ import annotations

import base64
import json
import math
import random
from html import escape

from benchmarks.corpus import NOUNS, PLACES, SECTIONS, _person, _story

ARTICLE_CHARS = 3_800
"""Median length of an article's text; lengths are log-normal around it (a third under 2,500, a few briefs)."""
ARTICLE_SPREAD = 1.0
SHORTEST, LONGEST = 300, 30_000


def article_paragraphs(rng: random.Random, first: list[str]) -> list[str]:
    """`first` carried on with more of the story until the article reaches a length drawn for it."""
    target = min(LONGEST, max(SHORTEST, round(rng.lognormvariate(math.log(ARTICLE_CHARS), ARTICLE_SPREAD))))
    paragraphs, size = [], 0
    for paragraph in first:
        paragraphs.append(paragraph)
        size += len(paragraph)
    while size < target:
        for paragraph in _story(rng):
            paragraphs.append(paragraph)
            size += len(paragraph)
    return paragraphs


def _wrapped(rng: random.Random, html: str) -> str:
    """`html` inside the layout wrappers real sites nest their blocks in (container, row, column, ...)."""
    depth = rng.randint(2, 5)
    names = rng.sample(("container", "row", "col", "inner", "block", "region", "grid", "cell"), depth)
    return "".join(f"<div class='{name}'>" for name in names) + html + "</div>" * depth


def _link(rng: random.Random, text: str, outlet: str, cls: str = "") -> str:
    attribute = f" class='{cls}'" if cls else ""
    return f"<a href='https://{outlet}/{rng.choice(NOUNS)}/{rng.randrange(10**7)}'{attribute}>{escape(text)}</a>"


def _headline(rng: random.Random) -> str:
    return f"{rng.choice(NOUNS).capitalize()} {rng.choice(('in', 'for', 'after', 'over'))} {rng.choice(PLACES)}"


def _icon(rng: random.Random) -> str:
    path = " ".join(f"L{rng.randint(0, 24)} {rng.randint(0, 24)}" for _ in range(6))
    return f"<svg viewBox='0 0 24 24' aria-hidden='true'><path d='M0 0 {path}Z'></path></svg>"


def _placeholder(rng: random.Random, low: int, high: int) -> str:
    return "data:image/webp;base64," + base64.b64encode(rng.randbytes(rng.randint(low, high))).decode()


def _head(rng: random.Random, row, outlet: str, url: str, author: str) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": row.title,
        "datePublished": row.published_at.isoformat(),
        "author": {"@type": "Person", "name": author},
        "publisher": {"@type": "Organization", "name": row.publisher},
        "mainEntityOfPage": url,
    }
    styles = "".join(
        f".c{rng.getrandbits(24):06x}{{margin:{rng.randint(0, 40)}px;color:#{rng.getrandbits(24):06x}}}"
        for _ in range(rng.randint(150, 500))
    )
    scripts = "".join(
        f"<script>window.__cfg{n}={json.dumps({'id': rng.randbytes(rng.randint(100, 600)).hex()})};</script>"
        f"<script src='https://cdn.{outlet}/js/{rng.getrandbits(40):010x}.js' async></script>"
        for n in range(rng.randint(3, 7))
    )
    state = {
        "page": {"type": "article", "section": rng.choice(SECTIONS).lower(), "url": url},
        "teasers": [
            {
                "headline": _headline(rng),
                "url": f"https://{outlet}/{rng.choice(NOUNS)}/{rng.randrange(10**7)}",
                "image": {
                    "src": f"https://cdn.{outlet}/img/{rng.getrandbits(48):012x}.jpg",
                    "width": 640,
                    "height": 360,
                },
                "section": rng.choice(SECTIONS).lower(),
                "byline": _person(rng),
            }
            for _ in range(rng.randint(60, 160))
        ],
    }
    return (
        f"<head><meta charset='utf-8'><title>{escape(row.title)} | {escape(row.publisher)}</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<link rel='canonical' href='{url}'>"
        f"<meta property='og:site_name' content='{escape(row.publisher)}'>"
        f"<meta property='og:title' content='{escape(row.title)}'><meta property='og:type' content='article'>"
        f"<meta property='og:url' content='{url}'><meta name='twitter:card' content='summary_large_image'>"
        f"<meta property='article:published_time' content='{row.published_at.isoformat()}'>"
        f"<meta name='author' content='{escape(author)}'>"
        + "".join(f"<link rel='preload' href='https://cdn.{outlet}/f/{n}.woff2' as='font'>" for n in range(4))
        + f"<script type='application/ld+json'>{json.dumps(ld)}</script><style>{styles}</style>{scripts}"
        f"<script id='__STATE__' type='application/json'>{json.dumps(state)}</script></head>"
    )


def _masthead(rng: random.Random, row, outlet: str) -> str:
    menu = "".join(
        f"<li class='menu-item'>{_link(rng, section.title(), outlet)}<ul class='sub-menu'>"
        + "".join(f"<li>{_link(rng, rng.choice(PLACES), outlet)}</li>" for _ in range(rng.randint(2, 5)))
        + "</ul></li>"
        for section in SECTIONS
    )
    ticker = "".join(f"<li>{_link(rng, _headline(rng), outlet)}</li>" for _ in range(rng.randint(3, 6)))
    return (
        "<a class='skip' href='#main'>Skip to content</a>"
        "<div class='promo-bar'><div class='promo'><a href='/subscribe'>Subscribe</a></div></div>"
        f"<header class='site-header'><div class='wrap'><a class='logo' href='/'>{escape(row.publisher)}</a>"
        f"<button class='menu-toggle' aria-label='Menu'>{_icon(rng)}</button>"
        f"<nav class='primary'><ul class='menu'>{menu}</ul></nav>"
        f"<div class='search'><form action='/search'><input type='search' name='q'><button>Search</button></form>"
        f"</div></div><div class='ticker'><span>Latest</span><ul>{ticker}</ul></div></header>"
    )


def _inline_related(rng: random.Random, outlet: str) -> str:
    items = "".join(f"<li>{_link(rng, _headline(rng), outlet)}</li>" for _ in range(rng.randint(2, 4)))
    return f"<aside class='related-inline'><div class='box'><h3>Read also</h3><ul>{items}</ul></div></aside>"


def _ad_slot(rng: random.Random) -> str:
    return (
        f"<div class='ad-slot' data-slot='{rng.getrandbits(32):08x}' data-sizes='300x250,728x90'>"
        "<span class='ad-label'>Advertisement</span><div class='ad-frame'></div></div>"
    )


def _body(rng: random.Random, paragraphs: list[str], outlet: str) -> str:
    """The article's paragraphs with what sits between them: links in the text, subheadings, ad slots, an inline
    teaser box, now and then a pull quote."""
    parts = []
    for n, paragraph in enumerate(paragraphs):
        text = escape(paragraph)
        words = text.split(" ")
        if len(words) > 8 and rng.random() < 0.3:
            at = rng.randrange(len(words) - 2)
            words[at] = f"<a href='https://{outlet}/topic/{rng.randrange(10**5)}'>{words[at]}</a>"
            text = " ".join(words)
        parts.append(f"<p>{text}</p>")
        if n and n % rng.randint(4, 7) == 0:
            parts.append(_ad_slot(rng) if rng.random() < 0.6 else _inline_related(rng, outlet))
        if n and n % 9 == 0:
            parts.append(f"<h2>{escape(_headline(rng))}</h2>")
    return "".join(parts)


def _article(rng: random.Random, row, outlet: str, paragraphs: list[str], author: str) -> str:
    crumbs = "".join(f"<li>{_link(rng, s.title(), outlet)}</li>" for s in rng.sample(SECTIONS, 2))
    share = "".join(
        f"<li><a class='share-{name}' href='https://{name}.example/share'>{_icon(rng)}<span>{name}</span></a></li>"
        for name in ("facebook", "x", "linkedin", "whatsapp", "email")
    )
    tags = "".join(f"<li>{_link(rng, rng.choice(NOUNS), outlet, 'tag')}</li>" for _ in range(rng.randint(3, 7)))
    return (
        f"<nav class='breadcrumbs'><ol>{crumbs}</ol></nav><article class='story'>"
        f"<header><h1>{escape(row.title)}</h1><div class='meta'><span class='byline'>By "
        f"{_link(rng, author, outlet, 'author')}</span> <time datetime='{row.published_at.isoformat()}'>"
        f"{row.published_at:%d %B %Y, %H:%M}</time></div><ul class='share'>{share}</ul></header>"
        f"<figure><img src='{_placeholder(rng, 400, 1500)}' alt='' loading='lazy' width='1200' height='675'>"
        f"<figcaption>{escape(rng.choice(PLACES))}. Photo: {escape(_person(rng))}</figcaption></figure>"
        f"<div class='story-body'>{_wrapped(rng, _body(rng, paragraphs, outlet))}</div>"
        f"<footer><ul class='tags'>{tags}</ul><div class='author-box'><img src='{_placeholder(rng, 200, 600)}' "
        f"alt=''><p>{escape(author)} is a reporter based in {escape(rng.choice(PLACES))}.</p></div>"
        "<form class='newsletter'><label>Get the morning briefing</label><input type='email'>"
        "<button>Sign up</button></form></footer></article>"
    )


def _rail(rng: random.Random, outlet: str) -> str:
    def teasers(title: str, count: int) -> str:
        items = "".join(
            f"<li><div class='teaser'><div class='media'><img src='{_placeholder(rng, 150, 500)}' alt=''></div>"
            f"<div class='teaser-text'><div class='kicker'>{rng.choice(SECTIONS).title()}</div>"
            f"{_link(rng, _headline(rng), outlet)}<span class='ago'>{rng.randint(1, 59)} min</span></div></div></li>"
            for _ in range(count)
        )
        return _wrapped(rng, f"<section class='rail-box'><h2>{title}</h2><ol>{items}</ol></section>")

    most_read, latest = teasers("Most read", rng.randint(5, 10)), teasers("Latest", rng.randint(4, 8))
    return f"<aside class='rail'>{most_read}{latest}</aside>"


def _footer(rng: random.Random, row, outlet: str) -> str:
    columns = "".join(
        "<div class='col'><div class='col-title'><h4>"
        + escape(section.title())
        + "</h4></div><ul>"
        + "".join(f"<li>{_link(rng, rng.choice(PLACES), outlet)}</li>" for _ in range(rng.randint(4, 9)))
        + "</ul></div>"
        for section in rng.sample(SECTIONS, rng.randint(3, 5))
    )
    social = "".join(f"<div class='social-item'><a href='https://social.example/{n}'>{n}</a></div>" for n in range(4))
    tracking = rng.randbytes(rng.randint(1_000, 6_000)).hex()
    return (
        f"<footer class='site-footer'>{_wrapped(rng, columns)}<div class='social'>{social}</div>"
        f"<p class='copyright'>© 2026 {escape(row.publisher)}. All rights reserved.</p></footer>"
        "<div id='consent' style='display: none'><p>We use cookies to improve your experience.</p>"
        "<button>Accept</button></div>"
        f"<script>window.__tracking='{tracking}';</script>"
    )


def news_page(rng: random.Random, row, outlet: str, url: str) -> str:
    """The page of `row` (title, body, publisher, published_at) on `outlet`, its article lengthened to a news
    article's length."""
    author = _person(rng)
    paragraphs = article_paragraphs(rng, row.body.split("\n\n"))
    return (
        f"<!doctype html><html lang='en'>{_head(rng, row, outlet, url, author)}<body class='article-page'>"
        f"{_masthead(rng, row, outlet)}<main id='main'>{_article(rng, row, outlet, paragraphs, author)}"
        f"{_rail(rng, outlet)}</main>{_footer(rng, row, outlet)}</body></html>"
    )
