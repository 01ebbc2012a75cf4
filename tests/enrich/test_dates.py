from datetime import date

import pytest

from tasks.enrich.dates import date_mentions

PUBLISHED = date(2022, 1, 14)  # a Friday


@pytest.mark.parametrize(
    ("text", "expression", "day", "granularity"),
    [
        ("Kallas spoke to ERR on Dec. 5.", "Dec. 5", date(2021, 12, 5), "day"),
        ("The council convenes on 12 January.", "12 January", date(2022, 1, 12), "day"),
        ("Officials met on Wednesday in Brussels.", "on Wednesday", date(2022, 1, 12), "day"),
        ("Ministers will meet again on Monday.", "on Monday", date(2022, 1, 17), "day"),
        ("A meeting is scheduled in mid-February.", "in mid-February", date(2022, 2, 1), "month"),
        ("Russia annexed Crimea in 2014.", "2014", date(2014, 1, 1), "year"),
        ("Prices rose last year.", "last year", date(2021, 1, 1), "year"),
        ("They agreed in early December.", "in early December", date(2021, 12, 1), "month"),
        ("It happened on December 5, 2021.", "December 5, 2021", date(2021, 12, 5), "day"),
        ("Filed 2022-01-12 in Tallinn.", "2022-01-12", date(2022, 1, 12), "day"),
        ("Two weeks ago the talks failed.", "Two weeks ago", date(2021, 12, 27), "week"),
        ("Next Friday the vote is held.", "Next Friday", date(2022, 1, 21), "day"),
        ("The law passed yesterday.", "yesterday", date(2022, 1, 13), "day"),
        ("Sales fell in May 2021.", "May 2021", date(2021, 5, 1), "month"),
    ],
)
def test_resolved_against_publication_day(text, expression, day, granularity):
    found = date_mentions(text, PUBLISHED)
    assert [(d.text, d.date, d.granularity, d.resolved) for d in found] == [(expression, day, granularity, True)]
    assert text[found[0].start : found[0].end] == expression


def test_relative_dates_without_anchor_stay_unresolved_absolute_ones_resolve():
    found = {d.text: d for d in date_mentions("On Wednesday, as in 2014 and on Dec. 5, 2020, and last year.", None)}
    assert found["On Wednesday"].date is None and not found["On Wednesday"].resolved
    assert found["last year"].date is None and not found["last year"].resolved
    assert found["2014"].date == date(2014, 1, 1) and found["2014"].resolved
    assert found["Dec. 5, 2020"].date == date(2020, 12, 5)


def test_numbers_money_and_impossible_days_are_not_dates():
    assert date_mentions("Over 1,000 troops, $2014 in aid, 2014.5 points and 30 February.", PUBLISHED) == []


def test_a_day_beyond_the_calendar_stays_unresolved():
    text = "They meet next week and met last year, tomorrow or two weeks ago."
    latest = {m.text: m.date for m in date_mentions(text, date.max)}
    earliest = {m.text: m.date for m in date_mentions(text, date.min)}
    assert latest["next week"] is None and latest["tomorrow"] is None and latest["last year"] == date(9998, 1, 1)
    assert earliest["last year"] is None and earliest["two weeks ago"] is None and earliest["next week"]
