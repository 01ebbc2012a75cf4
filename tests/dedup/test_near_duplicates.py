from tasks.dedup.clusters import assign_clusters

from .frames import articles

WIRE = "\n\n".join(
    (
        (
            "Estonia's government approved a 1.2 billion euro plan on Tuesday to rebuild the rail link between "
            "Tallinn and Tartu, Prime Minister Kristen Michal said after a cabinet meeting."
        ),
        (
            "The project, first proposed in 2016, will double the line's capacity and cut the journey to 75 "
            "minutes by 2030, the Transport Ministry said in a statement."
        ),
        (
            '"This is the largest investment in our railways since independence," Michal told reporters, adding '
            "that work would start next spring."
        ),
        (
            "Critics in parliament said the costs had risen by a third since the last estimate, and the Audit "
            "Office has asked to review the contracts."
        ),
        ("Construction firms from Finland and Latvia are expected to bid for the first tenders, which open in March."),
    )
)

COPY = "\n\n".join(
    (
        (
            "TALLINN (Baltic News Service) — Estonia's government approved a 1.2 billion euro plan on Tuesday to "
            "rebuild the rail link between Tallinn and Tartu, Prime Minister Kristen Michal said following a "
            "cabinet meeting."
        ),
        (
            "The project, first proposed in 2016, will double the line's capacity and cut the journey to 75 "
            "minutes by 2030, the Transport Ministry said."
        ),
        (
            '"This is the largest investment in our railways since independence," Michal told reporters, adding '
            "that the work would start next spring."
        ),
        (
            "Critics in parliament said costs had risen by a third since the last estimate, and the Audit Office "
            "has asked to review the contracts."
        ),
    )
)

UPDATE = (
    WIRE.replace("75 minutes", "80 minutes") + "\n\nThis story has been updated with comments from the Audit Office."
)


def cluster_map(warehouse, *rows):
    result = assign_clusters(articles(*rows), warehouse)
    return result, result.clusters.set_index("article_id")["cluster_id"].to_dict()


def test_syndicated_copy_with_publisher_line_trim_and_edits_joins_the_original(warehouse):
    result, clusters = cluster_map(
        warehouse,
        {"article_id": "orig", "body": WIRE, "published_at": "2026-01-05T09:00Z"},
        {"article_id": "copy", "body": COPY, "published_at": "2026-01-05T09:30Z"},
    )
    assert clusters == {"orig": "orig", "copy": "orig"}
    [row] = result.duplicates.to_dict("records")
    assert row["article_id"] == "copy" and row["duplicate_of"] == "orig" and row["method"] == "near"
    assert 0.4 < row["similarity"] < 1.0


def test_update_with_one_changed_figure_is_a_copy(warehouse):
    _, clusters = cluster_map(warehouse, {"article_id": "orig", "body": WIRE}, {"article_id": "upd", "body": UPDATE})
    assert clusters["upd"] == "orig"


EARNINGS = "\n\n".join(
    (
        (
            "{company} reported third-quarter revenue of {revenue} million euros on Thursday, up {growth}% from a"
            " year earlier, beating analysts' forecasts."
        ),
        (
            "Net profit rose to {profit} million euros, or {eps} cents a share, the company said in a statement "
            "from its headquarters in {city}."
        ),
        ("Shares of {company} rose {move}% in early trading on the Nasdaq Baltic exchange."),
    )
)

WEATHER = "\n\n".join(
    (
        (
            "Tallinn will see cloudy skies on {day}, with highs near {high}C and lows around {low}C, the Estonian"
            " Weather Service said."
        ),
        (
            "Winds from the southwest will reach {wind} kilometres an hour along the coast, and light rain is "
            "possible in the evening."
        ),
        ("Temperatures will stay close to the seasonal average for the rest of the week."),
    )
)

MATCH = "\n\n".join(
    (
        ("{home} beat {away} {score} in the Premium Liiga on Saturday, extending their unbeaten run to seven matches."),
        ("{scorer} scored twice before half-time, and the visitors never recovered."),
        ("The win keeps {home} in third place, two points behind the leaders."),
    )
)


def test_templated_look_alikes_with_different_facts_are_not_copies(warehouse):
    _, clusters = cluster_map(
        warehouse,
        {
            "article_id": "e1",
            "body": EARNINGS.format(
                company="Amber Telecom", revenue=412, growth=6.1, profit=38, eps=21, city="Riga", move=3.2
            ),
        },
        {
            "article_id": "e2",
            "body": EARNINGS.format(
                company="Coastline Energy", revenue=958, growth=2.4, profit=71, eps=44, city="Vilnius", move=1.1
            ),
        },
        {"article_id": "w1", "body": WEATHER.format(day="Monday", high=4, low=-2, wind=35)},
        {"article_id": "w2", "body": WEATHER.format(day="Tuesday", high=6, low=-1, wind=20)},
        {
            "article_id": "m1",
            "body": MATCH.format(home="Flora Tallinn", away="Narva Trans", score="3-1", scorer="Rauno Sappinen"),
        },
        {
            "article_id": "m2",
            "body": MATCH.format(home="Levadia", away="Paide", score="2-0", scorer="Mark Anders Lepik"),
        },
    )
    assert len(set(clusters.values())) == 6


def test_fact_check_is_what_separates_the_weather_reports(warehouse):
    from tasks.dedup.settings import DedupSettings

    rows = (
        {"article_id": "w1", "body": WEATHER.format(day="Monday", high=4, low=-2, wind=35)},
        {"article_id": "w2", "body": WEATHER.format(day="Tuesday", high=6, low=-1, wind=20)},
    )
    blind = assign_clusters(articles(*rows), warehouse, DedupSettings(max_fact_conflict=1.0, min_containment=0.5))
    assert blind.clusters["cluster_id"].nunique() == 1
    checked = assign_clusters(articles(*rows), warehouse, DedupSettings(min_containment=0.5))
    assert checked.clusters["cluster_id"].nunique() == 2


def test_unrelated_articles_stay_apart(warehouse):
    _, clusters = cluster_map(
        warehouse,
        {"article_id": "rail", "body": WIRE},
        {"article_id": "weather", "body": WEATHER.format(day="Monday", high=4, low=-2, wind=35)},
    )
    assert clusters == {"rail": "rail", "weather": "weather"}
