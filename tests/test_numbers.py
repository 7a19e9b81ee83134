"""Unattributed numbers: figures found, non-claims skipped, attribution by sentence."""

from __future__ import annotations

import pytest

from hypecheck.facts.numbers import find_numbers
from hypecheck.read.load import read_text


@pytest.mark.parametrize(
    "sentence, figures",
    [
        ("Qwen reached 30M MAU and 700M+ downloads.", ["30M", "700M+"]),
        ("It plans a US$53 billion push and a 34.1% gain.", ["US$53 billion", "34.1%"]),
        ("Revenue grew at triple-digit rates for nine consecutive quarters.", ["triple-digit", "nine consecutive quarters"]),
        ("The network has 91 facilities across 29 regions.", ["91 facilities", "29 regions"]),
        ("Trials with 40,000 patients showed a 3x speed-up.", ["40,000 patients", "3x"]),
        ("It pledged more than 380 billion yuan.", ["380 billion yuan"]),
    ],
)
def test_claims_found(sentence, figures):
    assert [n.text.strip() for n in find_numbers(sentence)] == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "Qwen3.7-Max (May), a large language model built for agentic coding.",
        "HappyHorse 1.1 (June), a video generation model.",
        "By offering 4-bit and 8-bit quantized versions, anyone can run it.",
        "Monday, Jan 12, 2026 5:06 am ET.",
        "At Tokyo Game Show 2025 the booth stood out in December 2025.",
        "The Qwen 2.5-Max model and the Qwen 3 Max model were shown.",
        "It took five years and 10 months to build.",
    ],
)
def test_not_claims(sentence):
    assert find_numbers(sentence) == []


def figures(card):
    return {f["text"].strip(): f for f in card["unattributed_numbers"].metrics["figures"]}


def test_seed_001_nearly_every_figure_unattributed(seeds):
    m = seeds["001"]["unattributed_numbers"].metrics
    assert m["total"] >= 10
    assert m["unattributed"] >= 0.85 * m["total"]
    found = figures(seeds["001"])
    for text in ("30M", "700M+", "149%", "119 languages", "$1 trillion", "5,000 businesses", "34%"):
        assert found[text]["status"] == "unattributed", text


def test_seed_004_attributed_and_weak(seeds):
    found = figures(seeds["004"])
    assert found["91 facilities"]["status"] == "attributed" and found["91 facilities"]["source"] == "Reuters"
    assert found["$53 billion"]["status"] == "attributed" and found["$53 billion"]["source"] == "Tech Edition"
    assert found["52%"]["status"] == "attributed" and found["52%"]["source"] == "CNBC TV18"
    assert found["34.1%"]["status"] == "weakly_sourced" and found["34.1%"]["source_type"] == "social"
    assert found["40,000 patients"]["status"] == "weakly_sourced"


def test_seed_000_version_numbers_not_counted(seeds):
    texts = " ".join(figures(seeds["000"]))
    assert "3.7" not in texts and "1.1" not in texts and "1.0" not in texts
    assert "US$53 billion" in figures(seeds["000"])


def test_one_sentence_back_counts_as_attribution(score):
    card = score("Reuters reported the deal on Monday. The price was $4 billion. Later, the price rose to $5 billion.")
    found = figures(card)
    assert found["$4 billion"]["status"] == "attributed"
    assert found["$5 billion"]["status"] == "unattributed"


@pytest.mark.parametrize(
    "sentence",
    [
        "The council voted 7-2 on Tuesday to approve the plan.",
        "Covid-19 cases have fallen in the city.",
        "The iPhone 15 went on sale in September.",
        "Flight BA 117 landed safely at Heathrow.",
        "Call 020 7946 0958 for details about the event.",
        "About 1/3 of managers will leave.",
    ],
)
def test_identifiers_scores_and_phone_numbers_are_not_claims(sentence):
    assert find_numbers(sentence) == []


@pytest.mark.parametrize(
    "sentence, figure, kind",
    [
        ("The group lost £300m last year.", "£300m", "money"),
        ("It raised $45m from investors.", "$45m", "money"),
        ("Shares fell 10-15% in a week.", "10-15%", "percent"),
        ("Debt is 3.5 times earnings.", "3.5 times", "multiplier"),
    ],
)
def test_scales_ranges_and_multipliers(sentence, figure, kind):
    assert [(n.text, n.kind) for n in find_numbers(sentence)] == [(figure, kind)]


# ---- figures as a careful reader counts them (issue 12) ---------------------------------

@pytest.mark.parametrize(
    "sentence, figures",
    [
        # thousands grouped by a space, a no-break space or a thin space
        ("There were more than 2 000 cases last week.", ["2 000 cases"]),
        ("The library holds 20\u00a0000 books and 1\u2009500 maps.", ["20\u00a0000 books", "1\u2009500 maps"]),
        # a bare count where the verb says it is a level
        ("The death toll stood at 207.", ["207"]),
        ("The number of deaths rose to 1,200 on Friday.", ["1,200"]),
        ("Officials counted a total of 48.", ["48"]),
        # a count's span ends before a function word or a verb
        ("The new model is 40 as big as the old one.", ["40"]),
        ("It scored 0.83 for recall.", ["0.83"]),
        ("Of those, 1,703 reached 300 stars.", ["1,703", "300 stars"]),
        # a price per unit is a price, not a fraction
        ("At $200/month it is the dearest plan.", ["$200"]),
    ],
)
def test_figures_a_reader_counts(sentence, figures):
    assert [n.text for n in find_numbers(sentence)] == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 200 people died.",  # a year before a count: the count stays out (ambiguous)
        "Call 020 7946 0958 for tickets.",  # a phone number is no space-grouped figure
        "Prices rose to 2024 levels.",  # a year after "rose to"
        "It covers pages 1/3 of the report.",
    ],
)
def test_space_groups_and_levels_do_not_invent_figures(sentence):
    assert [n.text for n in find_numbers(sentence)] == []


def test_a_figure_repeated_with_the_same_value_is_one_claim(score):
    card = score(
        "Acme results\n\nAcme Corp had $53 billion in revenue, Reuters said. "
        "Analysts were surprised.\n\nIn summary: revenue of $53 billion, up 12%."
    )
    metrics = card["unattributed_numbers"].metrics
    assert metrics["mentions"] == 3 and metrics["total"] == 2, metrics
    dollars = [f for f in metrics["figures"] if f["text"] == "$53 billion"]
    assert [f["counted"] for f in dollars] == [True, False]
    assert metrics["attributed"] == 1  # the claim takes the best status of its mentions
    reasons = [e.reason for e in card["unattributed_numbers"].evidence if e.text == "$53 billion"]
    assert len(reasons) == 2 and "counted once" in reasons[1]


def test_the_writer_s_own_measurement_backs_the_figures_after_it(score):
    card = score(
        "Stars on GitHub\n\nMost advice comes from people with an audience, so I counted instead. "
        "That is 43,082 repos. Of those, 1,703 reached 300 stars.\n\n"
        "## What it means\n\nSome 64% of projects never reach 10 stars."
    )
    figures = {f["text"]: f for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["43,082 repos"]["status"] == "weakly_sourced" and figures["300 stars"]["status"] == "weakly_sourced"
    assert figures["64%"]["status"] == "unattributed"  # a heading ends the measurement's reach
    assert any("own measurement" in e.reason for e in card["sourcing"].evidence)


SURVEY_REPORT = (
    "State of the Widget Community 2026\n\nThank you to everyone who took part in this year's survey.\n\n"
    "## Who answered\n\n"
    "The number of answers grew to 9,354 this year. 90% of respondents said that they use widgets every week. "
    "Nearly 7% of people prefer another tool entirely.\n\n"
    "## Worries\n\nWhen asked about the future, 33% named complexity as their main worry.\n\n"
    "Other areas in need of work were debugging (40%) and speed (56%)."
)


def test_a_survey_reports_figures_rest_on_its_own_survey_where_it_says_so(score):
    """'90% of respondents said' rests on the writer's own survey, as a reader takes it; a figure
    with no such word near it stays unsourced, and the survey's mentions are no weak sources in
    the sourcing score (they back figures, not claims of who says so)."""
    card = score(SURVEY_REPORT)
    figures = {f["text"]: f["status"] for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["90%"] == figures["33%"] == "weakly_sourced"
    assert figures["9,354"] == "unattributed" and figures["40%"] == figures["56%"] == "unattributed"
    # "Nearly 7%" follows the respondents' sentence in its paragraph: carried over, as any source is.
    assert figures["7%"] == "weakly_sourced"
    reasons = [e.reason for e in card["sourcing"].evidence if e.tag == "self"]
    assert len(reasons) == 3 and all("own measurement (" in r for r in reasons), reasons
    assert card["sourcing"].metrics["self"] == 0 and card["sourcing"].metrics["weak_share"] == 1.0


def test_a_quoted_researcher_s_we_found_belongs_to_the_researcher(score):
    card = score('Ozone study\n\n"We found that 27 percent of the wheat was lost," said Colette Heald of MIT.')
    figure = card["unattributed_numbers"].metrics["figures"][0]
    assert figure["status"] == "attributed" and figure["source"] == "Colette Heald", figure


@pytest.mark.parametrize(
    "sentence, figures",
    [
        ("The team built eight agents and two run modes.", ["eight agents", "two run modes"]),
        ("Forty-five people died and six hundred men fled.", ["Forty-five people", "six hundred men"]),
        ("Eight new agents were seen by twelve people.", ["Eight new agents", "twelve people"]),
        # not counts: pointing back, guesses, time, "one", a multiplier
        ("The two companies merged, and these three firms followed.", []),
        ("Two or three people came, one of the best turnouts.", []),
        ("It took three years and four days.", []),
        ("He has three times the reach.", []),
        # orders of magnitude in words: a claim a reader could check
        ("Millions of pilgrims arrive each year.", ["Millions of pilgrims"]),
        ("Tens of thousands of people marched.", ["Tens of thousands of people"]),
        ("Hundreds of thousands of new jobs were lost.", ["Hundreds of thousands of new jobs"]),
        ("They tried thousands of times.", []),
        # a toll after a verb of harm, in digits
        ("A crane fell, killing 107 or more and wounding 238.", ["107", "238"]),
        ("Police arrested 12 in the raid.", ["12"]),
    ],
)
def test_counts_written_in_words(score, sentence, figures):
    card = score("Headline of the story\n\n" + sentence, name="words")
    assert [f["text"] for f in card["unattributed_numbers"].metrics["figures"]] == figures


def test_an_interviewees_figures_are_attributed_to_the_interviewee(score):
    interview = (
        "An interview with the editor of a small paper\n\n"
        "How many people write for you?\n\nWe have 15 writers and 20 freelancers at any time.\n\n"
        "How do you choose stories?\n\nWe vote on about 40 headlines a week.\n\n"
        "What comes next?\n\nA second paper, with 12 staff.\n"
    )
    figures = score(interview, name="interview")["unattributed_numbers"].metrics["figures"]
    assert {f["text"]: (f["status"], f["source"]) for f in figures} == {
        "15 writers": ("attributed", "the interviewee"), "20 freelancers": ("attributed", "the interviewee"),
        "40 headlines": ("attributed", "the interviewee"), "12 staff": ("attributed", "the interviewee"),
    }
    # The same questions and answers in an article that is not an interview: no one is speaking.
    plain = interview.replace("An interview with the editor of a small paper", "The editor of a small paper")
    assert {f["status"] for f in score(plain, name="plain")["unattributed_numbers"].metrics["figures"]} == {"unattributed"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a credit line sources the paragraph (or table) above it and its own line, nothing further
        ("Chip sales\n\nAcme sold 4 million chips in 2025. Rivals sold 2 million.\n\nSource: IDC\n\nPrices rose 5% later.",
         {"4 million": "IDC", "2 million": "IDC", "5%": None}),
        # a data note names a source for the article but ties no figure to it
        ("Town census\n\nAll figures in this article are from the U.S. Census Bureau.\n\nThe town grew by 4,000 residents. Incomes rose 3%.",
         {"4,000 residents": None, "3%": None}),
        # "the data is from last year" names no source
        ("Gold\n\nThe data is from last year, when gold rose 4%.", {"4%": None}),
    ],
)
def test_credit_lines_and_data_notes_source_figures(score, text, expected):
    figures = score(text, name="notes")["unattributed_numbers"].metrics["figures"]
    assert {f["text"]: f["source"] for f in figures} == expected


def test_a_figure_in_words_is_one_claim_whichever_pattern_reads_it(score):
    """"nine consecutive quarters" is read by the figures' phrase pattern; the counts-in-words
    reader must not add it again as a second claim."""
    card = score("Results\n\nRevenue grew for nine consecutive quarters, the company said.", name="nine")
    assert [f["text"] for f in card["unattributed_numbers"].metrics["figures"]] == ["nine consecutive quarters"]


def test_a_data_note_is_a_source_that_ties_no_figure(score):
    card = score("Gold\n\nUnless otherwise stated, prices come from Bloomberg.\n\nGold rose 4% and silver 2%.", name="note")
    assert [(s["name"], s["type"]) for s in card["sourcing"].metrics["sources"]] == [("Bloomberg", "outlet")]
    reasons = [e.reason for e in card["unattributed_numbers"].evidence]
    assert len(reasons) == 2 and all("in general" in r and "Bloomberg" in r for r in reasons)
    assert card["unattributed_numbers"].metrics["unattributed"] == 2


def test_the_number_word_prefilter_drops_no_count(analyzer, seeds):
    """Document.figures skips find_number_words for a sentence whose words hold none of the
    number words: on every sentence of the seeds, and on sentences written to tempt it, that
    skip never drops a count the full search finds."""
    from hypecheck.facts.number_words import WORDS, find_number_words

    texts = [seeds[k].sentence_text(i) for k in seeds for i in range(len(seeds[k].sentence_spans))]
    texts += ["FORTY-FIVE MEN FLED.", "Tens of thousands of people marched.", "twenty‑one people", "Eight's agents, six-member teams"]
    for text in texts:
        doc = analyzer.document(read_text("Headline\n\n" + text))
        for sentence in doc.sentences:
            if WORDS.isdisjoint(sentence.words):
                assert find_number_words(sentence.text) == [], sentence.text


@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("The number of answers grew to 9,354 this year.", "9,354"),
        ("They sold 300 their first week.", "300"),
        ("Prices fell for 12 every quarter.", "12"),
    ],
)
def test_a_count_does_not_run_into_a_pronoun_or_determiner(sentence, figure):
    assert [m.text for m in find_numbers(sentence)] == [figure]


def test_a_sourced_lead_in_carries_to_the_list_it_introduces(score):
    """'Experian surveyed Echo owners [link]. The top tasks included:' and then a list: a reader
    takes the list's figures from Experian. A lead-in that only links the company's own page does
    not make its list any less the company's word, and a list after a plain paragraph stays unsourced."""
    card = score(
        "# Voice assistants\n\nExperian released [a survey of Echo owners](https://www.experian.com/echo-survey) in September. "
        "The top tasks users have tried included:\n\n* Set a timer: 84.9%\n* Play a song: 82.4%\n\n"
        "Our own tally is different. We like these:\n\n* Read the news: 66.0%\n",
        markdown=True,
    )
    figures = {f["text"]: f for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["84.9%"]["status"] == figures["82.4%"]["status"] == "attributed"
    assert figures["84.9%"]["source"] == "experian.com"
    assert figures["66.0%"]["status"] == "unattributed"
    own = score(
        "# Acme launches Acme Search\n\nAcme today launched its search engine. Acme built it in a year.\n\n"
        "[Acme Search](https://acme.com/search) beats the giants in several key metrics:\n\n* Cost: about $0.40 a query\n",
        markdown=True,
    )
    assert own["unattributed_numbers"].metrics["figures"][0]["status"] != "attributed"


@pytest.mark.parametrize(
    "sentence, figures",
    [
        ("Go 1.5 is the first big step.", []),  # a version, though it opens the sentence
        ("Nearly 300 people came and 1.5 million watched.", ["300 people", "1.5 million"]),
        ("The default value of 100 means twice the heap.", ["100"]),  # "means" is a verb, no noun
        ("The parties for Go turning 10 seem a distant memory.", ["10"]),
    ],
)
def test_a_version_opening_a_sentence_and_a_verb_in_s_are_no_claims(sentence, figures):
    assert [m.text for m in find_numbers(sentence)] == figures


def test_our_recent_survey_is_the_writers_own_data(score):
    card = score("# Eleven years\n\nOne result from our recent survey is that 96% of users now adopted modules.")
    assert card["unattributed_numbers"].metrics["figures"][0]["status"] == "weakly_sourced"


@pytest.mark.parametrize(
    "sentence, figures",
    [
        # a count before a name runs through the name to its plural
        ("Won 5 Ballon d'Or awards and 4 European Golden Shoes.", ["5 Ballon d'Or awards", "4 European Golden Shoes"]),
        ("He employs 300 Apple engineers.", ["300 Apple engineers"]),
        # no plural: an address or a name, not a count
        ("He lives at 5 Main Street near Room 101 Annex.", []),
        # a table cell starts afresh: its capitalised first word is no name
        ("| Goals Scored | Scored 451 goals in 438 appearances. |", ["451 goals", "438 appearances"]),
    ],
)
def test_counts_before_names_and_in_table_cells(sentence, figures):
    assert [m.text for m in find_numbers(sentence)] == figures


def test_a_count_in_words_before_a_name_runs_to_its_plural():
    from hypecheck.facts.number_words import find_number_words

    found = find_number_words("Won four Champions League titles, three Club World Cups and the Main Street prize.")
    assert [m.text for m in found] == ["four Champions League titles", "three Club World Cups"]


def test_a_reference_lists_titles_are_not_claims(score):
    card = score(
        "# Ronaldo's record\n\nHe scored 136 goals for Portugal.\n\n## Key Citations\n\n"
        "- [Ronaldo at United: 5 best moments](https://www.elfutbolero.us/ronaldo-5-best)\n"
        "- [Real Madrid 6 x 0 Espanyol](https://www.youtube.com/watch?v=abc)\n",
        markdown=True,
    )
    assert [f["text"] for f in card["unattributed_numbers"].metrics["figures"]] == ["136 goals"]
    listed = [s for s in card["sourcing"].metrics["sources"] if s.get("via") == "source list"]
    assert len(listed) == 1 and listed[0]["items"] == 2
