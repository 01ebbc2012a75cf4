from tasks.dedup.boilerplate import paragraph_hash, publisher_boilerplate

FOOTER = "© 2026 Coastal Times. All rights reserved."
PITCH = "Sign up for our morning newsletter."


def story(i: int) -> list[str]:
    return [f"The council met for the {i}th time.", f"Item {i} was approved.", FOOTER]


def test_footer_repeated_across_a_publishers_articles_is_learned():
    learned = publisher_boilerplate({"Coastal Times": [story(i) for i in range(6)]})
    assert learned == {"Coastal Times": frozenset({paragraph_hash(FOOTER)})}


def test_hash_ignores_spacing_and_punctuation():
    assert paragraph_hash("© 2026  Coastal Times — all rights reserved") == paragraph_hash(FOOTER)


def test_pull_quote_repeated_inside_one_article_is_not_boilerplate():
    quote = '"We will not back down," she said.'
    learned = publisher_boilerplate({"Gazette": [[quote, "Body.", quote], ["Other."], ["More."]]})
    assert learned["Gazette"] == frozenset()


def test_rare_paragraph_of_a_large_publisher_is_not_boilerplate():
    articles = [story(i)[:2] + ([PITCH] if i < 5 else []) for i in range(40)]
    assert publisher_boilerplate({"Wire": articles})["Wire"] == frozenset()


def test_publishers_are_learned_apart():
    learned = publisher_boilerplate({"A": [story(i) for i in range(4)], "B": [[FOOTER], ["x"], ["y"], ["z"]]})
    assert paragraph_hash(FOOTER) in learned["A"] and learned["B"] == frozenset()
