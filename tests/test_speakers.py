"""Speakers' names that are names (issue 12): the nonsense names a first version showed to
students, each held by a sentence in the register where it was found, and the common news
attributions (appositives, public bodies, surnames, titles) that must be read."""

from __future__ import annotations

import pytest

from hypecheck.facts.attributions import NAMED_TYPES, find_attributions, subject_company
from hypecheck.read.load import read_text


def attributions(analyzer, text):
    doc = analyzer.document(read_text("Headline of the story\n\n" + text))
    return [(a.type, a.name) for a in find_attributions(doc, analyzer.lexicons)]


@pytest.mark.parametrize(
    "text, not_a_source",
    [
        ("From reports of multiple shooters to claims about the hotel, the story keeps changing.", "From"),
        ("Others worry that the outbreak will spread to Europe.", "Others"),
        ("Dr. Tom Conroy, the founder of Sick Holiday, has sent a chilling warning about the plague.", "Sick Holiday, has sent a chilling"),
        ("Closing remarks were made by the dean before the vote. Closing remarks said little.", "Closing"),
        ("Training the model took weeks. Training remarks were few; training notes were many.", "Training"),
        ("You'll note that the figures changed overnight.", "You'll"),
        ("Take notes as the experts speak among themselves.", "Take"),
        ("Buyers expect more growth next year, when new factories open.", "Buyers"),
        ("Voters say the council failed them.", "Voters"),
        # title case is no verb and no cue: a heading, a table's label
        ("Earnings Per Share (EPS): $27.57 over the trailing twelve months.", "Share"),
        ("Recent Earnings Report 1: revenue beat the estimates again.", "Recent Earnings"),
        ("Comparative Analysis (Actual vs. Estimates): Detailed estimates are not available.", "Detailed"),
    ],
)
def test_words_that_start_a_sentence_are_not_names(analyzer, text, not_a_source):
    named = [name for kind, name in attributions(analyzer, text) if kind in NAMED_TYPES]
    assert not_a_source not in named


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title kept whole, not cut at its hyphen
        ("Director-General Tedros Adhanom Ghebreyesus said the risk was high.", ("person", "Tedros Adhanom Ghebreyesus")),
        # an organisation's role is a named source
        ("The World Health Organisation chief also said vaccines work.", ("person", "World Health Organisation chief")),
        # a public body as the subject, at the start or at the end of the sentence
        ("The health ministry said in a statement that 40 people had died.", ("organisation", "The health ministry")),
        ("The death toll rose to 207, the ministry said.", ("organisation", "the ministry")),
        ("Police said the road would stay closed until Monday.", ("organisation", "Police")),
        # an appositive after a role
        ("The regional fire chief, Jane Roe, said the blaze was contained.", ("person", "Jane Roe")),
        # an outlet named inside a noun phrase after "according to"
        ("According to a BBC analysis, the number of cases doubled.", ("outlet", "BBC")),
        # tweets and @handles are social media
        ("Laura Loomer tweeted that the hotel lied about the date.", ("social", "Laura Loomer")),
        ('The agency quoted the post: "@FBI note that the check-in date was wrong."', ("social", "FBI")),
        # "Others" is a vague source, not an organisation called Others
        ("Others worry that the outbreak will spread to Europe.", ("vague", "Others")),
        # initials stay in the name; a place's abbreviation does not become one
        ("John F. Kennedy said so in 1961.", ("person", "John F. Kennedy")),
        ("City Clerk L. J. Kreger said the rolls were padded.", ("person", "L. J. Kreger")),
        ("The U.S. Army said it would leave.", ("organisation", "Army")),
        # an abbreviation's full stop before the verb is no sentence end
        ("Acme Corp. said profits rose.", ("organisation", "Acme Corp")),
        # an author-year citation
        ("As Vaswani et al. (2017) showed, attention is enough.", ("research", "Vaswani et al")),
        # a study named by who made it or where
        ("The best case is a Netherlands study of care across 37 general practices.", ("research", "Netherlands study")),
        ("An MIT analysis found 40% fewer crashes.", ("research", "MIT analysis")),
        # one word after "said": an acronym, a known outlet, or a speaker after a quotation
        ('"Six shells hit the posts near the border", said KCNA.', ("organisation", "KCNA")),
        ("The talks had failed, said Reuters.", ("outlet", "Reuters")),
    ],
)
def test_common_news_attributions_are_read(analyzer, text, expected):
    assert expected in attributions(analyzer, text)


def test_a_lone_name_after_a_quotation_is_the_speaker(analyzer):
    assert "Park" in [name for _, name in attributions(analyzer, '"We will not yield," said Park.')]


@pytest.mark.parametrize("text", ["He arrived late, said Monday that rain was due.", "The talks, officials said Tuesday, had failed."])
def test_a_lone_day_after_said_is_no_speaker(analyzer, text):
    assert not any(name in ("Monday", "Tuesday") for _, name in attributions(analyzer, text))


def test_a_surname_continues_the_person_named_before(analyzer):
    text = (
        "Dr. Tom Conroy, the founder of a travel clinic, said the risk was real. "
        "Conroy warned that the disease could spread. Conroy also said masks help."
    )
    found = attributions(analyzer, text)
    assert found.count(("person", "Tom Conroy")) == 3, found
    assert not any(kind == "organisation" for kind, _ in found), found


def test_a_pronoun_continues_the_person_named_before(analyzer):
    text = "The regional fire chief, Jane Roe, said the blaze was contained. She said 300 homes were saved."
    assert attributions(analyzer, text).count(("person", "Jane Roe")) == 2


@pytest.mark.parametrize(
    "noun_not_verb",
    [
        "Dr. Tom Conroy has sent a chilling warning about the plague to his patients.",
        "A stark warning came from the coast guard on Monday.",
    ],
)
def test_an_ing_form_after_an_adjective_is_a_noun(analyzer, noun_not_verb):
    assert not any(kind == "organisation" for kind, _ in attributions(analyzer, noun_not_verb))


@pytest.mark.parametrize("verb", ["continued", "added", "went on"])
def test_a_quoted_figure_is_attributed_by_the_speaker_after_the_quote(score, verb):
    card = score(f'Headline\n\nDr. Tom Conroy, who runs a travel clinic, said the risk is real. "It is 100 percent likely to spread," Conroy {verb}, citing the outbreak.')
    figure = card["unattributed_numbers"].metrics["figures"][0]
    assert figure["status"] == "attributed" and figure["source"] == "Tom Conroy", figure


def test_continued_outside_a_quote_is_no_attribution(analyzer):
    assert attributions(analyzer, "Acme continued to grow in 2024 and added 300 staff.") == []


# ---- the subject company and one notion of independence ---------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # a scientist quoted four times is not a company
        "Colette Heald led the study. Heald said ozone hurts crops. Heald said wheat suffers most. Heald said more work is needed.",
        # a boy named in a wire story, with one passing "the company"
        "Ahmed Mohamed built a clock. Mohamed was arrested. Mohamed said the company that made the case sold it to him.",
        # a month
        "In September the council met. September brought rain. September ended with a vote.",
    ],
)
def test_no_subject_company_where_the_article_is_not_about_one(analyzer, text):
    assert subject_company(analyzer.document(read_text(text)), analyzer.lexicons) == ""


@pytest.mark.parametrize(
    "text, company",
    [
        ("Acme Corp shipped a chip. Acme said sales doubled.", "acme"),
        ("Microsoft shares rose. Microsoft said its cloud grew.", "microsoft"),
        ("Groq makes chips. Groq said revenue rose. Its CEO spoke to investors.", "groq"),
        ("Drill 1.0 Released\n\nWe embarked on the Drill project in 2012. We wanted speed; our users wanted SQL. Drill now ships. We thank our community for helping us.", "drill"),
    ],
)
def test_the_subject_company_needs_company_news(analyzer, text, company):
    assert subject_company(analyzer.document(read_text(text)), analyzer.lexicons) == company


def test_the_company_s_executives_are_self_in_sourcing_and_in_the_pitfalls(score):
    text = (
        "Acme Corp launches a chip\n\n"
        "Acme Corp launched a chip on Monday. CEO Jane Roe said sales doubled to $4 billion. "
        "Reuters reported that rivals were slower."
    )
    card = score(text)
    sources = {s["name"]: s["type"] for s in card["sourcing"].metrics["sources"]}
    assert sources.get("Jane Roe") == "self" and sources.get("Reuters") == "outlet", sources
    figure = next(f for f in card["unattributed_numbers"].metrics["figures"] if f["text"].startswith("$4"))
    assert figure["status"] == "weakly_sourced" and figure["source_type"] == "self", figure


def test_an_executive_outside_a_company_article_stays_a_person(score):
    card = score("Council budget\n\nThe council met on Monday. Chief executive Jane Roe said the budget was balanced.")
    sources = {s["name"]: s["type"] for s in card["sourcing"].metrics["sources"]}
    assert sources.get("Jane Roe") == "person", sources


def test_the_company_says_is_a_weak_source_not_no_source(score):
    says = score("Acme Corp news\n\nAcme Corp makes chips. The company says its chip is the fastest. Acme shares rose.")
    none = score("Acme Corp news\n\nAcme Corp makes chips. Its chip is the fastest. Acme shares rose.")
    assert says["sourcing"].score < none["sourcing"].score == 100


@pytest.mark.parametrize(
    "text, vague",
    [
        ("Research shows that aggressive early treatment slows kidney damage.", "Research"),
        ("Recent clinical trials suggest that combining the drugs helps.", "clinical trials"),
        ("The drug is cost-effective, with studies showing longer lives.", "studies"),
        ("The evidence suggests the outbreak began in March.", "evidence"),
    ],
)
def test_an_unnamed_document_as_evidence_is_vague(analyzer, text, vague):
    assert ("vague", vague) in attributions(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "The research team showed the prototype to visitors.",  # no verb of evidence after it
        "Trials begin in March at three hospitals.",
    ],
)
def test_documents_not_used_as_evidence_are_no_source(analyzer, text):
    assert not [k for k, _ in attributions(analyzer, text) if k == "vague"]


def test_a_company_s_own_news_site_named_in_words_is_self_in_a_story_about_it(analyzer):
    about_alibaba = (
        "Alibaba Group expands its cloud. Alibaba shares rose. "
        "Investment rose sharply, as detailed in a report from Alizila."
    )
    assert ("self", "Alizila") in attributions(analyzer, about_alibaba)
    about_others = "Tencent Holdings grew. Tencent shares rose. Rivals spent more, as detailed in a report from Alizila."
    assert ("outlet", "Alizila") in attributions(analyzer, about_others)


@pytest.mark.parametrize(
    "text, not_a_source",
    [
        # the object of a preposition is not the subject of the verb after it
        ("Bring the notes you took as you listened to the Hendersons speak among themselves.", "Hendersons"),
        ("But the models reveal this more starkly than Searle imagined.", "Searle"),
        # a plural acronym is a class of things, not a name
        ("But LLMs reveal this more starkly than anyone expected.", "LLMs"),
        ("Many SMEs say the rules are too strict.", "SMEs"),
        # an identifier in inline code speaks for nobody
        ("When a tool returns, it hands off to the next agent via `AgentNameTarget` in the loop.", "AgentNameTarget"),
        ("The `GPTResearcher` expects a socket for its output.", "GPTResearcher"),
    ],
)
def test_objects_acronyms_and_code_are_not_speakers(analyzer, text, not_a_source):
    doc = analyzer.document(read_text("Headline of the story\n\n" + text, markdown=True))
    assert not_a_source not in [a.name for a in find_attributions(doc, analyzer.lexicons)]


def test_it_is_the_company_only_in_an_article_about_one(analyzer):
    essay = "This isn't a bug to be fixed; it reveals the underlying mechanism of the model."
    assert not [kind for kind, _ in attributions(analyzer, essay) if kind == "self"]
    company = (
        "Acme Corp reported revenue of $3 billion, and its shares rose. The company said demand was strong. "
        "Acme Corp plans new plants, and it said hiring would continue."
    )
    assert ("self", "Acme") in attributions(analyzer, company)


@pytest.mark.parametrize(
    "text, name",
    [
        ("LLMs use the transformer architecture, introduced by Vaswani et al. (2017), for every layer.", "Vaswani et al"),
        ("The effect fades with distance (Smith, 2019), as later surveys confirmed.", "Smith"),
        ("Bender and Koller (2020) argue that form alone carries no meaning.", "Bender and Koller"),
    ],
)
def test_author_year_citations_are_research_sources(analyzer, text, name):
    assert ("research", name) in attributions(analyzer, text)


def test_a_question_cites_no_vague_source(analyzer):
    assert not [kind for kind, _ in attributions(analyzer, "How many people write for you at the paper?") if kind == "vague"]
    assert any(kind == "vague" for kind, _ in attributions(analyzer, "Many people write that the paper is failing."))


def test_title_case_rules_leave_real_attributions_alone(analyzer):
    assert ("outlet", "Reuters") in attributions(analyzer, "Per Reuters, the deal closed on Monday.")
    assert ("outlet", "Reuters") in attributions(analyzer, "The deal closed on Monday, per Reuters.")
    assert any(kind in ("official", "organisation") for kind, _ in attributions(analyzer, "POLICE SAY THE SUSPECT FLED ON FOOT."))


def test_a_vague_phrase_is_one_source_and_a_research_report_is_a_noun(analyzer):
    found = attributions(analyzer, "It costs less, though some users note limits in customization.")
    assert [a for a in found if a[0] == "vague"] == [("vague", "some users")]
    assert not [a for a in attributions(analyzer, "Finally, write a final research report.") if a[0] == "vague"]
    assert ("vague", "Research") in attributions(analyzer, "Research shows that the effect fades.")


def test_the_cue_word_gate_drops_no_cued_source(analyzer):
    """_candidates tries the cue pattern only in sentences whose words hold a cue word: on every
    sentence of bench/validity's articles and on tempting texts, no sentence the gate skips holds
    a cue the pattern would find."""
    from pathlib import Path

    from hypecheck.facts.attributions import _CUED, CUE_WORDS

    folder = Path(__file__).resolve().parent.parent / "bench" / "validity" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
    texts += ["ACCORDING TO REUTERS, sales rose.", "Per Reuters, sales rose.", "Sales rose (via Bloomberg).", "Data from IDC shows it."]
    checked = 0
    for text in texts:
        for sentence in analyzer.document(read_text(text, markdown=True)).sentences:
            if CUE_WORDS.isdisjoint(sentence.words):
                assert _CUED.search(sentence.text) is None, sentence.text
                checked += 1
    assert checked > 1000


def test_a_title_with_its_year_is_no_author_citation(analyzer):
    found = attributions(analyzer, "Ronaldo won the UEFA European Championship (2016) with Portugal.")
    assert not any(kind == "research" for kind, _ in found), found


def test_a_named_group_is_a_named_source_and_a_nationality_is_not_a_name(analyzer):
    found = attributions(analyzer, "Results of NCLAN studies, published in a paper by AS Heagle, show that soybean loses more.")
    assert ("research", "NCLAN studies") in found and ("vague", "studies") not in found
    for text, vague in (
        ("But US officials say 300 troops died.", "officials"),
        ("Still, Democratic critics say the plan fails.", "critics"),
        ("The market fell, and analysts say it will fall again.", "analysts"),
    ):
        assert ("vague", vague) in attributions(analyzer, text), text


def test_the_subjects_own_users_are_the_subject_speaking(analyzer):
    doc = analyzer.document(read_text("Rust Survey Results\n\nRust is growing. Rust users say they like Rust. Rust teams use Rust at work."))
    found = [(a.type, a.name) for a in find_attributions(doc, analyzer.lexicons, "rust")]
    assert ("self", "Rust users") in found


@pytest.mark.parametrize(
    "text, not_speaker",
    [
        ("It also said AI tools cut costs by 40%.", "AI"),
        ("In a filing, it said US sales rose 30% last year.", "US"),
        ("As I said NASA spent $2 billion on it.", "NASA"),
        ("Quoted Ethereum private keys (0x + 64 hex) leak.", "Ethereum"),
    ],
)
def test_a_lone_word_that_opens_a_reported_clause_is_no_speaker(analyzer, text, not_speaker):
    assert not_speaker not in [name for _, name in attributions(analyzer, text)]


@pytest.mark.parametrize(
    "text, kind, name",
    [
        ("A Reuters analysis found 40% gains.", "outlet", "Reuters analysis"),
        ("As Nobel laureate Angus Deaton (2013) argued, 70% of gains went to the top.", "research", "Deaton"),
    ],
)
def test_named_studies_and_authors_are_typed(analyzer, kind, name, text):
    assert (kind, name) in attributions(analyzer, text)


@pytest.mark.parametrize("text", ["An AI study found 40% gains.", "The COVID-19 study found 40% gains."])
def test_a_topic_before_study_is_no_author(analyzer, text):
    assert not any(kind in ("research", "outlet") for kind, _ in attributions(analyzer, text))


@pytest.mark.parametrize("text", ["The study found 40% fewer crashes.", "A new study found 40% fewer crashes.", "The Annual Report lists 12 hires."])
def test_an_unnamed_study_names_no_source(analyzer, text):
    assert not any(kind == "research" for kind, _ in attributions(analyzer, text))
