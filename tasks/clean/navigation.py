"""Site navigation, footers and related-article teasers: menus, breadcrumbs, tag lists, 'Read more' links."""

from __future__ import annotations

import re

from tasks.clean.lines import word_count

_I = re.IGNORECASE

_MENU_ITEM = (
    r"home|news|menu|search|skip to (?:main )?content|skip to navigation|sign in|log ?in|log ?out|register|"
    r"my account|subscribe|newsletters?|back to top|next article|previous article|next|previous|print|"
    r"listen(?: to (?:this|the) (?:article|story))?|close|open in app|scroll to continue|loading\W*|more|"
    r"show more|load more|see more|most read|most popular|trending|top stories|latest news|latest|"
    r"key events|show key events only|pinned post|live|watch live|refresh|privacy(?: policy| notice)?|"
    r"terms(?: of (?:use|service))?|terms and conditions|cookie (?:policy|settings)|contact(?: us)?|about(?: us)?|"
    r"advertise(?: with us)?|careers|imprint|impressum|sitemap|accessibility|help|faq|rss|archive|"
    r"avaleht|uudised|otsi|suche|startseite|accueil|rechercher|главная|поиск"
)
_MENU = re.compile(rf"^(?:{_MENU_ITEM})$", _I)
_LIST_SEPARATORS = re.compile(r"\s*(?:\||·|•|›|»|>|/|–|—)\s*")
_LABELLED_LIST = re.compile(
    r"^(?:tags|topics|keywords|filed under|categories|teemad|märksõnad|themen|schlagworte|sujets|mots-clés|"
    r"темы|теги|tēmas|temos|aiheet|tematy|ämnen|temas)\s*:",
    _I,
)
RELATED_LEAD = re.compile(
    r"^\W*(?:read more|read also|also read|read next|see also|related|related (?:articles?|stories|coverage|content|"
    r"news|topics|reading)|more on this (?:story|topic)|more (?:from|stories|news|in)|more about|you (?:may|might) "
    r"also (?:like|be interested in)|recommended(?: for you)?|what to read next|don[’']t miss|editor[’']s picks|"
    r"loe (?:ka|lisaks|veel)|seotud|lesen sie auch|mehr zum thema|weitere artikel|lire aussi|à lire aussi|"
    r"читайте также|по теме|lasiet arī|skaitykite taip pat|lue myös|czytaj (?:także|też)|läs också|lea también|"
    r"te puede interesar)\b",
    _I,
)


def is_navigation(text: str) -> bool:
    """A menu entry, a breadcrumb or footer link row, or a labelled list of tags."""
    if word_count(text) > 40 or text.endswith((".", "!", "?")):
        return False
    if _MENU.match(text) or _LABELLED_LIST.match(text):
        return True
    items = [item for item in _LIST_SEPARATORS.split(text) if item]
    return len(items) >= 3 and all(word_count(item) <= 4 for item in items)


def is_related_lead(text: str) -> bool:
    """A 'Read more' style line: a teaser itself, or the heading of a list of teasers."""
    return word_count(text) <= 30 and bool(RELATED_LEAD.match(text))
