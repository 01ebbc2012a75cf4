import yake

from tasks.enrich.keyphrases import keyphrases
from tasks.enrich.language import detect_language, detect_languages_of
from tasks.enrich.tone import tone_of
from tasks.settings import Settings


def test_tone_is_positive_minus_negative_words_per_hundred_words():
    assert tone_of("This is a great and wonderful day for everyone here.").tone > 0
    assert tone_of("The terrible attack killed many and caused fear.").tone < 0
    assert tone_of("The committee met on Tuesday in the capital.").tone == 0


def test_polarity_is_vader_compound():
    assert 0 < tone_of("We are very happy with this excellent result!").polarity <= 1
    assert -1 <= tone_of("This is a horrible, disgusting failure.").polarity < 0
    assert tone_of("") == (None, None)


def test_tone_stays_linear_on_long_texts():
    text = "The talks were good but the outcome was bad. " * 400
    assert -1 <= tone_of(text).polarity <= 1


def test_keyphrases_are_those_of_the_yake_package():
    text = (
        "NATO foreign ministers met in Brussels to discuss Russian troop movements near Ukraine. "
        "The NATO foreign ministers agreed that Russian troop movements threaten European security. "
        "Ukraine asked NATO for more support, and the ministers promised support."
    )
    found = keyphrases(text)
    reference = [phrase for phrase, _ in yake.KeywordExtractor(lan="en", n=3, top=10).extract_keywords(text)]
    assert found[0] == reference[0] == "Russian troop movements"
    assert set(found) == set(reference)


def test_keyphrases_of_empty_text():
    assert keyphrases("") == []


def test_language_among_allowed_languages():
    languages = Settings().languages
    assert detect_language("The prime minister spoke to reporters in the capital on Monday.", languages) == "en"
    assert detect_language("Hea lugeja, näeme et kasutate vanemat brauseri versiooni.", languages) == "et"
    assert detect_language("Der Bundeskanzler sprach am Montag mit Journalisten in Berlin.", languages) == "de"
    assert detect_language("123 --", languages) is None


def test_languages_of_many_texts_with_repeats_and_blanks():
    notice = "Follow us on Twitter and never miss an update from our newsroom"
    estonian = "Hea lugeja, näeme et kasutate vanemat brauseri versiooni"
    texts = [notice, estonian, "", None, notice, "12 --"]
    assert detect_languages_of(texts, Settings().languages) == ["en", "et", None, None, "en", None]
