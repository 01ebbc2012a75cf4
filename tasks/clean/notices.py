"""Notices a page shows around the article: region blocks, paywalls, cookie and browser banners, comment widgets, ads.

Each pattern is a general phrase of its kind in the languages the pipeline reads, checked only on short lines.
"""

from __future__ import annotations

import re

from tasks.clean.lines import word_count
from tasks.text.literals import any_of

_I = re.IGNORECASE

REGION = re.compile(
    r"\b(?:not|isn[’']t|is not|currently not) (?:available|accessible) (?:in|for|from) (?:your|this) "
    r"(?:region|country|location|area|territory)|\bunavailable in your (?:region|country|location)"
    r"|\bgeo-?(?:blocked|restricted)\b|\bin Ihrem Land nicht verfügbar|\bnicht in Ihrer Region"
    r"|\bn[’']est pas disponible dans votre (?:pays|région)|\bpole (?:teie|sinu) (?:riigis|piirkonnas) saadaval"
    r"|\bнедоступ\w* в вашем (?:регионе|стране)|\bnepasiekiamas jūsų|\bnav pieejams jūsu|\bei ole saatavilla"
    r"|\bno está disponible en tu (?:país|región)",
    _I,
)
PAYWALL = re.compile(
    r"\b(?:subscribe|subscription|become a (?:member|subscriber))\b.{0,60}\b(?:to (?:read|continue|access|unlock)|"
    r"for (?:full|unlimited) access)|\b(?:continue|keep) reading\b.{0,40}\b(?:subscri|sign in|log in|register)"
    r"|\bfree (?:articles?|stories) (?:left|remaining)|\byou have reached your (?:free )?(?:article )?limit"
    r"|\balready (?:a )?(?:subscriber|member)\b|\b(?:article|story|content) is (?:only )?(?:available )?"
    r"(?:for|to) (?:subscribers|members|premium)|\bunlock (?:this|the full|unlimited)\b|\bsubscribers only\b"
    r"|\bsign in to (?:read|continue)|\bto read the (?:full|rest of the|whole) (?:article|story)"
    r"|\bnur für Abonnenten|\bAbo abschließen|\bréservé aux abonnés|\bjätkamiseks telli|\btellijatele\b"
    r"|\bтолько для подписчиков",
    _I,
)
_COOKIE_WORD = re.compile(
    r"\bcookies?\b|küpsis|sīkdatn|slapuk|eväste|\bfile\w* cookie|ciasteczk|\bkakor\b|\bcookie-", _I
)
_CONSENT_WORD = re.compile(
    r"\b(?:accept|consent|agree|privacy|settings|preferences|manage|personali[sz]|partners|tracking|we use|"
    r"our site|this (?:site|website)|nõus|kasutame|akzeptier|zustimm|verwenden|accepter|utilisons|"
    r"используем|согласи|izmanto|naudoja|käytämme|używamy|använder|usamos)",
    _I,
)
_BROWSER_WORD = re.compile(
    r"\b(?:web ?)?browser\w*|\bbrauser\w*|\bnavigateur\w*|\bбраузер\w*|\bpārlūk\w*|\bnaršykl\w*|\bselain\w*"
    r"|\bprzeglądar\w*|\bwebbläsar\w*|\bnavegador\w*|\bjavascript\b|\bveebilehitseja\w*",
    _I,
)
_BROWSER_ADVICE = re.compile(
    r"\b(?:update|upgrade|outdated|out of date|old(?:er)?|versio\w*|support\w*|enable|disabled?|turn on|switch|"
    r"download|install|uuen\w*|vanem\w*|toeta\w*|laadi\w*|kasutate|aktualisier\w*|veraltet\w*|"
    r"mettre à jour|обнов\w*|устар\w*|päivit\w*|zaktualizuj\w*|aegun\w*)\b",
    _I,
)
_COMMENTS = re.compile(
    r"\bcomments?\b|\bkommentaar\w*|\bkommentar\w*|\bcommentaires?\b|\bкомментар\w*|\bkomentār\w*|\bkomentar\w*"
    r"|\bkommentt\w*|\b(?:join|start) the (?:conversation|discussion)|\bleave a (?:comment|reply)",
    _I,
)
_ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|reklaam|anzeige|werbung|publicité|реклама|"
    r"reklāma|reklama|mainos|annons|publicidad)(?: ?[-–:] ?(?:story|article) continues below)?$",
    _I,
)

# One pass over the line for the stems every notice pattern needs; most lines of an article have none of them.
_STEMS = any_of(
    "availab|accessib|geo|verfügbar|disponible|saadaval|недоступ|subscri|abonn|member|reading|read the|unlock|"
    "tellij|подпис|limit|cookie|küpsis|sīkdat|slapuk|eväste|ciastecz|kakor|browser|brauser|navigat|браузер|"
    "pārlūk|naršykl|selain|przeglądar|webbläsar|navegador|javascript|comment|kommentaar|kommentar|коммент|"
    "komentār|komentar|kommentt|conversation|discussion|reply|advert|sponsor|reklaam|anzeige|werbung|publicité|"
    "реклам|reklam|mainos|annons|publicidad|pieejam|pasiekiam|saatavilla|veebilehitseja".split("|")
)
_SHORT = 12
_NOTICE = 60
_BROWSER = 30
"""An upgrade or enable-JavaScript notice is a sentence or two; a longer line that names a browser is prose. It
asks the reader to act on the browser: a line that only addresses the reader ("your browser") is product copy."""


def notice_reason(text: str) -> str | None:
    """The kind of page notice this line is, if it is one."""
    count = word_count(text)
    if count > _NOTICE or not _STEMS.search(text.lower()):
        return None
    if REGION.search(text):
        return "region_notice"
    if count <= 40 and PAYWALL.search(text):
        return "paywall"
    if _COOKIE_WORD.search(text) and (count <= 6 or _CONSENT_WORD.search(text)):
        return "cookie_notice"
    if count <= _BROWSER and _BROWSER_WORD.search(text) and _BROWSER_ADVICE.search(text):
        return "browser_notice"
    if count <= _SHORT and _COMMENTS.search(text) and not text.endswith("."):
        return "comments_widget"
    if count <= 6 and _ADVERTISEMENT.match(text):
        return "advertisement"
    return None
