"""Links and citations count as attributions: a careful reader follows them, so does hypecheck."""

from __future__ import annotations

import pytest

from hypecheck.facts.citations import domain_table, find_citations, source_type

BRIEF = """# Acme's AI chips: a research brief

- Acme shipped 1.2 million AI accelerators in 2025.[^1]
- Its data-centre revenue rose 34.1% year on year.[^2]
- Acme says demand will double by 2027.
- Analysts on X expect 40,000 new jobs.[^3]

Acme's share of the market reached 18% [4].

[^1]: Reuters, "Acme ships more chips", https://www.reuters.com/technology/acme-chips
[^2]: Acme investor relations, https://investors.acme.com/q4
[^3]: Post by @chipwatcher, https://x.com/chipwatcher/status/123

## References

4. IDC market tracker, https://www.idc.com/tracker
"""


def test_a_footnoted_brief_has_its_cited_figures_attributed(score):
    card = score(BRIEF, name="acme-brief", markdown=True)
    figures = {f["text"]: f for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["1.2 million"]["status"] == "attributed" and figures["1.2 million"]["source"] == "reuters.com"
    assert figures["34.1%"]["status"] == "weakly_sourced" and figures["34.1%"]["source_type"] == "self"  # the company's own site
    assert figures["40,000 new jobs"]["source_type"] == "social"  # a footnote to x.com is social media
    assert figures["18%"]["status"] == "attributed" and figures["18%"]["source"] == "idc.com"
    reasons = [e.reason for e in card["unattributed_numbers"].evidence if e.text == "1.2 million"]
    assert reasons == ["attributed to reuters.com via citation"]
    sources = {s["name"]: s for s in card["sourcing"].metrics["sources"]}
    assert sources["reuters.com"]["type"] == "outlet" and sources["reuters.com"]["url"].startswith("https://www.reuters.com/")
    assert sources["idc.com"]["type"] == "website"


def test_the_reference_list_attributes_nothing_by_itself(analyzer):
    doc = analyzer.document(__import__("hypecheck.read.load", fromlist=["read_text"]).read_text(BRIEF, "b", markdown=True))
    found = find_citations(doc, analyzer.lexicons["source_domains"], "acme")
    assert [c.domain for c in found] == ["reuters.com", "investors.acme.com", "x.com", "idc.com", "a list of 1 source (website)"]
    assert [c.via for c in found][-1] == "source list"
    assert all(doc.sentences[c.sentence].kind != "meta" for c in found)
    assert all("References" not in doc.sentences[c.sentence].text for c in found if c.via != "source list")
    meta = [s.text for s in doc.sentences if s.kind == "meta"]
    assert any(t.startswith("[^1]:") for t in meta)  # a footnote definition is not a sentence of the article


def test_an_html_page_whose_claims_link_to_reuters_counts_reuters(tmp_path, analyzer):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Council approves new budget</title></head><body><article>"
        "<h1>Council approves new budget</h1>"
        "<p>The city council approved a budget of $53 billion on Tuesday, "
        '<a href="https://www.reuters.com/world/us/budget">according to Reuters</a>. '
        'Spending on schools rises 12%, <a href="https://apnews.com/article/schools">the AP reported</a>.</p>'
        '<p>A viral <a href="https://x.com/someone/status/9">post</a> claimed 300 jobs would go. '
        'The mayor welcomed the vote on the <a href="https://www.citycouncil.example/news">council site</a>.</p>'
        "<p>Residents can read the full plan online and comment on it until the end of the month, "
        "when the council meets again to settle the details of the spending plan.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    card = analyzer.score_file(page)
    by_type = {(s["name"], s["type"]) for s in card["sourcing"].metrics["sources"]}
    assert ("Reuters", "outlet") in by_type or ("reuters.com", "outlet") in by_type
    assert ("x.com", "social") in by_type
    assert ("citycouncil.example", "website") in by_type
    figures = {f["text"]: f["status"] for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["$53 billion"] == "attributed" and figures["12%"] == "attributed"
    assert figures["300 jobs"] == "weakly_sourced"


@pytest.mark.parametrize(
    "domain, subject, expected",
    [
        ("reuters.com", "", "outlet"),
        ("uk.reuters.com", "", "outlet"),  # a listed parent
        ("cdc.gov", "", "official"),  # a listed suffix
        ("ons.gov.uk", "", "official"),
        ("who.int", "", "official"),
        ("arxiv.org", "", "research"),
        ("cs.stanford.edu", "", "research"),
        ("x.com", "", "social"),
        ("medium.com", "", "website"),  # a blog post has its named author: not a social-media post
        ("developers.facebook.com", "", "website"),  # the platform's company pages, not its users'
        ("facebook.com", "", "social"),
        ("t.co", "", "social"),
        ("alizila.com", "alibaba", "self"),  # a company-owned outlet, about its owner
        ("alizila.com", "tencent", "outlet"),  # the same outlet about another company
        ("investors.acme.com", "acme", "self"),  # the subject's own site
        ("example-blog.net", "acme", "website"),  # named, not vetted
        ("verifiedmarketresearch.com", "market", "website"),  # the subject's name inside a word is not its site
    ],
)
def test_domains_are_typed_without_the_network(analyzer, domain, subject, expected):
    assert source_type(domain, domain_table(analyzer.lexicons["source_domains"]), subject) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The vote passed [sic] with 12 in favour.",  # not a citation
        "Prices rose 5% [1] last year.",  # a bracket number with no reference list resolves to nothing
        "Shares rose 3% after the footnote[^9] that defines nothing.",
        "See the results at the bottom of the page, said nobody.",
        "Prices rose 5% (https://[broken-address/x and https:// alone).",  # malformed: no crash, no source
    ],
)
def test_markers_without_a_target_cite_nothing(analyzer, text):
    doc = analyzer.document(__import__("hypecheck.read.load", fromlist=["read_text"]).read_text(text, "t"))
    assert find_citations(doc, analyzer.lexicons["source_domains"], "") == ()


def test_bare_urls_and_plain_text_markdown_links(score):
    card = score("Unemployment fell to 4.1% (https://www.bls.gov/news.release/empsit.nr0.htm). "
                 "Sales rose 9%, [Bloomberg said](https://www.bloomberg.com/x).", name="plain")
    figures = {f["text"]: f for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["4.1%"]["source"] == "bls.gov" and figures["4.1%"]["source_type"] == "official"
    assert figures["9%"]["status"] == "attributed"


def test_mapped_text_maps_back_and_forth():
    from hypecheck.read.edits import Edit, apply_edits

    original = "Say [hello](https://x.com) to AgentAnders now."
    mapped = apply_edits(original, 0, len(original), [Edit(4, 5, ""), Edit(10, 26, ""), Edit(35, 35, " ")])
    assert mapped.text == "Say hello to Agent Anders now."
    for clean_index, ch in enumerate(mapped.text):
        orig = mapped.to_original(clean_index)
        if original[orig] == ch:
            assert mapped.from_original(orig) == clean_index
    assert mapped.from_original(4) is None  # the deleted "["


REPORT = """# The market for AI inference servers

The market was worth $24 billion in 2024 and grows 22% a year. Nvidia holds about 80% of it.

### Sources

- AI Inference Server Market Size : https://www.verifiedmarketresearch.com/product/ai-inference/
- AI Server Market Share Report 2032 : https://www.gminsights.com/industry-analysis/ai-server-market
- GPU market study : https://arxiv.org/abs/2401.00001

## Who sells them

Dell sold 30,000 servers in the quarter.
"""


def test_a_list_of_sources_counts_once_and_backs_no_figure(score):
    """A "Sources" list shows research but not which claim rests on which: one named
    attribution at its heading; the figures above it stay unattributed; its links are not
    counted one by one."""
    card = score(REPORT, name="report", markdown=True)
    sources = card["sourcing"].metrics["sources"]
    assert [(s["name"], s["via"]) for s in sources if s.get("via")] == [("a list of 3 sources (website)", "source list")]
    figures = {f["text"]: f["status"] for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["$24 billion"] == "unattributed" and figures["80%"] == "unattributed" and figures["30,000 servers"] == "unattributed"


def test_a_paper_cut_from_its_reference_list_still_cites(score):
    """Three or more distinct [n] markers and no list: each claim visibly cites a reference."""
    paper = ("Obesity rates rose to 42% in adults [3]. Earlier work found a 12% gap [5, 7]. "
             "Walkable streets matter [8-9].\n\nThe effect held in 4 cities.")  # a new paragraph: no carry-over
    card = score(paper, name="paper")
    figures = {f["text"]: f for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["42%"]["status"] == "attributed" and figures["42%"]["source"] == "reference [3], its list not in the text"
    assert figures["4 cities"]["status"] == "unattributed"
    assert score("Prices rose 5% [1] last year, and wages 3% [2].", name="two")["unattributed_numbers"].metrics["unattributed"] == 2


def test_a_list_of_sources_names_each_of_its_items(score):
    """Counted once as an attribution, the list still names three sources a reader can check."""
    card = score(REPORT, name="report", markdown=True)
    metrics = card["sourcing"].metrics
    listed = [s for s in metrics["sources"] if s.get("via") == "source list"]
    assert listed and listed[0]["items"] == 3
    assert metrics["named_distinct"] >= 3


@pytest.mark.parametrize(
    "markdown",
    [
        "![Acme logo](https://s3.amazonaws.com/acme/logo.png) Acme shipped 4 million chips.",
        "Acme shipped [4 million chips](https://cdn.example.org/photos/chips.jpg).",
        "Acme shipped 4 million chips. https://cdn.example.org/chart.svg",
    ],
)
def test_a_picture_is_not_a_source(score, markdown):
    card = score("Acme chips\n\n" + markdown, name="pictures", markdown=True)
    assert not [s for s in card["sourcing"].metrics["sources"] if s.get("via") == "link"]
    assert card["unattributed_numbers"].metrics["unattributed"] == 1


def test_reference_link_labels_are_not_bracket_citations(score):
    """``[text][1]`` with ``[1]: url`` is a link to that url, not a citation of an unseen reference [1]."""
    text = (
        "# HTTPS everywhere\n\nThe [best way to fix that is HTTPS][1], as [the FTC wrote][2]. "
        "We also [said so before][1], and [again][3].\n\n"
        "[1]: https://18f.gsa.gov/2014/11/13/why-we-use-https/\n[2]: https://www.ftc.gov/news\n[3]: https://18f.gsa.gov/later\n"
    )
    sources = score(text, name="https", markdown=True)["sourcing"].metrics["sources"]
    assert sorted(s["name"] for s in sources) == ["18f.gsa.gov", "ftc.gov"]


def test_a_link_to_the_readers_own_machine_names_no_source(score):
    card = score("# Try it\n\nOpen [the dashboard](http://localhost:8457/) and log in.", name="local", markdown=True)
    assert not card["sourcing"].metrics["sources"]


def test_links_within_the_site_are_its_own_pages(score):
    """A relative link points to another page of the same publication: checkable, not independent."""
    text = "# Consciousness\n\nThe [Chinese Room argument](/topics/ai-consciousness/#room) still divides philosophers deeply."
    sources = score(text, name="site", markdown=True)["sourcing"].metrics["sources"]
    assert [(s["name"], s["type"], s["via"]) for s in sources] == [("this site", "self", "link")]
    reasons = [e.reason for e in score(text, name="site", markdown=True)["sourcing"].evidence]
    assert reasons and "this site" in reasons[0] and "company" not in reasons[0]
    anchors = score("# Notes\n\nSee [the notes](#notes) below for more detail on this.", name="anchor", markdown=True)
    assert not anchors["sourcing"].metrics["sources"]


def test_a_printed_reference_list_names_its_items(score):
    text = (
        "# LLM consciousness\n\nLarge models still fail the test of continual learning, some argue.\n\n## References\n\n"
        "- Vaswani, A. et al. (2017). Attention Is All You Need. *NeurIPS*.\n"
        "- Hoel, E. (2026). A Disproof of Large Language Model Consciousness.\n"
        "- Bender, E. et al. (2021). On the Dangers of Stochastic Parrots.\n"
    )
    listed = [s for s in score(text, name="refs", markdown=True)["sourcing"].metrics["sources"] if s.get("via") == "source list"]
    assert [(s["type"], s["items"]) for s in listed] == [("research", 3)]


def test_a_code_hosting_account_is_its_owners_own_page(analyzer):
    """github.com/ag2ai/... is AG2 speaking about itself in an article about AG2; another account
    on the same platform is another website, named with its account."""
    from hypecheck.facts.citations import source_name

    table = domain_table(analyzer.lexicons["source_domains"])
    own, other = "https://github.com/ag2ai/build-with-ag2/tree/main", "https://github.com/assafelovic"
    assert source_type("github.com", table, "ag2", own) == "self"
    assert source_type("github.com", table, "ag2", other) == "website"
    assert source_type("github.com", table, "", own) == "website"
    assert (source_name(own, table), source_name(other, table)) == ("github.com/ag2ai", "github.com/assafelovic")
    assert source_name("https://www.reuters.com/tech/x", table) == "reuters.com"


FOOTNOTED_PAGE = """<html><head><title>Chip sales surge</title></head><body><article><h1>Chip sales surge</h1>
<p>Acme shipped 1.2 million accelerators in 2025.<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup> Its revenue rose 34.1% year on year.<sup><a href="#fn2">2</a></sup></p>
<p>The market grew by 18% in a year that the whole industry is watching closely as prices change every week.</p>
<p>Buyers expect more growth next year, when new factories open and supply catches up with the demand of every lab.</p>
<section class="footnotes"><ol>
<li id="fn1"><p>Reuters, "Acme ships more chips", <a href="https://www.reuters.com/technology/acme-chips">reuters.com</a> <a href="#fnref1">&#8617;</a></p></li>
<li id="fn2"><p>IDC market tracker, <a href="https://www.idc.com/tracker">idc.com</a></p></li>
</ol></section></article></body></html>
"""


def test_a_web_pages_superscript_footnotes_cite_their_notes(tmp_path, analyzer):
    """A page's footnote numbers link to its notes ("<sup><a href='#fn1'>1</a></sup>"): each
    marker cites its note's source for its own sentence, the notes cite nothing themselves, and
    the number does not glue to the text ("2025.1")."""
    page = tmp_path / "chips.html"
    page.write_text(FOOTNOTED_PAGE, encoding="utf-8")
    card = analyzer.score_file(page)
    figures = {f["text"]: (f["status"], f["source"]) for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures == {"1.2 million": ("attributed", "reuters.com"), "34.1%": ("attributed", "idc.com"), "18%": ("unattributed", None)}
    sources = [(s["name"], s["type"], s.get("via"), s["mentions"]) for s in card["sourcing"].metrics["sources"]]
    assert sources == [("reuters.com", "outlet", "citation", 1), ("idc.com", "website", "citation", 1)]


def test_footnote_markers_belong_to_the_sentence_they_close(score):
    card = score("Chips\n\nAcme shipped 1.2 million chips in 2025.[^1] Revenue rose 3% last year.[^1]\n\n"
                 "[^1]: Reuters, https://www.reuters.com/x\n", name="markers", markdown=True)
    texts = [card.sentence_text(i) for i in range(len(card.sentence_spans))]
    assert "Acme shipped 1.2 million chips in 2025.[^1]" in texts and "Revenue rose 3% last year.[^1]" in texts
    assert "[^1]" not in texts


REPOSTED = """# A registry of official accounts

*[Originally posted on Medium](https://medium.com/@agency/a-registry-1f81) by Jo Park, social media lead at [CivicLab](https://www.civiclab.example/).*

It's called [the Account Registry](https://www.civiclab.example/services/registry/), and agencies use it daily.

Agencies sign in through [the login service](https://login.gov/) to add their accounts to it.

Read [the guide](https://www.civiclab.example/guides/registry/) or the [Reuters story](https://www.reuters.com/tech/registry) on it.
"""


def test_a_provenance_line_names_the_publisher_not_a_source(score):
    """'Originally posted on Medium by ..., lead at CivicLab': the line says where the text first
    appeared and who published it. Its links are no sources, and the publisher's own site linked in
    the article is the publication citing itself; other sites keep their type."""
    card = score(REPOSTED, name="reposted", markdown=True)
    sources = {s["name"]: s["type"] for s in card["sourcing"].metrics["sources"]}
    assert sources == {"civiclab.example": "self", "login.gov": "official", "reuters.com": "outlet"}
    assert "medium.com" not in str(card["sourcing"].metrics["sources"])
    # Without the provenance line, the same site is an ordinary, unvetted website.
    plain = score(REPOSTED.replace(REPOSTED.splitlines()[2], ""), name="plain", markdown=True)
    assert {s["name"]: s["type"] for s in plain["sourcing"].metrics["sources"]}["civiclab.example"] == "website"


def test_a_platform_in_a_byline_makes_no_site_the_publishers(score):
    """A byline linking the writer's Medium page does not make every Medium link the publisher's."""
    text = "# Notes on queues\n\nBy [Jo Park](https://medium.com/@jopark)\n\nThe [benchmark post](https://medium.com/@someone/bench) measured 40,000 requests a second on one core."
    sources = score(text, name="platform", markdown=True)["sourcing"].metrics["sources"]
    assert [(s["name"], s["type"]) for s in sources] == [("medium.com", "website")]  # another author's post, not the publisher's


def test_a_pages_own_address_makes_its_links_to_itself_self(tmp_path, analyzer):
    """A news page linking its own earlier stories cites itself, not an independent outlet: the
    page's canonical address (or og:url) names the publisher."""
    body = (
        "<h1>Flood defences fail in the valley</h1>"
        '<p>The river rose 3 metres overnight, <a href="https://www.bbc.co.uk/news/uk-123">as we reported last week</a>. '
        'Some 400 homes were evacuated, <a href="https://www.reuters.com/world/uk/floods">Reuters reported</a>.</p>'
        "<p>Residents say the defences built ten years ago were never finished, and the council has promised "
        "a full inquiry into why the work stopped before the last section was built.</p>"
    )
    head = '<link rel="canonical" href="https://news.bbc.co.uk/2026/flood-defences">'
    for name, canonical, expected in (("own", head, "self"), ("plain", "", "outlet")):
        page = tmp_path / f"{name}.html"
        page.write_text(f"<html><head><title>Floods</title>{canonical}</head><body><article>{body}</article></body></html>", encoding="utf-8")
        card = analyzer.score_file(page)
        kinds = {s["name"]: s["type"] for s in card["sourcing"].metrics["sources"]}
        assert kinds["bbc.co.uk"] == expected and "outlet" in (kinds.get("reuters.com"), kinds.get("Reuters")), (name, kinds)
        assert ("Page address: https://news.bbc.co.uk/2026/flood-defences" in card.original) == bool(canonical)


def test_raw_html_anchors_in_markdown_are_links(score):
    """Hugo and Jekyll posts carry raw HTML anchors inside Markdown: a reader follows them as links."""
    text = (
        "# Safer rides\n\nSome 10,076 people died in crashes last year, "
        '<a href="https://www.nhtsa.gov/risky-driving/drunk-driving" target="_blank">NHTSA data show</a>.\n\n'
        "Read <a href='/guides/app/'>our guide</a> to the app, or see "
        '<a href="https://example.org/logo.png">the logo</a>.\n'
    )
    card = score(text, name="anchors", markdown=True)
    sources = [(s["name"], s["type"]) for s in card["sourcing"].metrics["sources"]]
    assert sources == [("nhtsa.gov", "official"), ("this site", "self")]
    figure = card["unattributed_numbers"].metrics["figures"][0]
    assert figure["text"] == "10,076 people" and figure["status"] == "attributed"


def test_an_app_store_link_is_where_to_get_the_app_not_a_source(score):
    text = (
        "# Safer rides\n\nThe app is free on [Google Play](https://play.google.com/store/apps/details?id=gov.app) "
        "and the [App Store](https://apps.apple.com/us/app/saferride/id950774008), "
        "[NHTSA says](https://www.nhtsa.gov/saferride).\n"
    )
    sources = score(text, name="store", markdown=True)["sourcing"].metrics["sources"]
    assert [(s["name"], s["type"]) for s in sources] == [("nhtsa.gov", "official")]


def test_a_site_the_headline_names_is_the_subject_speaking_about_itself(score):
    """'Cloud.gov: A Different Kind of Cloud' linking cloud.gov's own pages: the subject citing
    itself, though a .gov domain is otherwise an official source."""
    body = (
        "\n\nWe believe the service offers the best mix of cost and security, as [its documentation explains]"
        "(https://cloud.gov/docs/technology/iaas/). Agencies can read [the federal guidance](https://www.cio.gov/policies/cloud/) too."
    )
    own = score("# Cloud.gov: A different kind of cloud" + body, name="own", markdown=True)["sourcing"].metrics["sources"]
    other = score("# A different kind of cloud" + body, name="other", markdown=True)["sourcing"].metrics["sources"]
    assert {s["name"]: s["type"] for s in own} == {"cloud.gov": "self", "cio.gov": "official"}
    assert {s["name"]: s["type"] for s in other} == {"cloud.gov": "official", "cio.gov": "official"}


def test_a_social_platforms_front_page_names_the_platform_not_a_post(score):
    text = (
        "# Finding users\n\nYou can find your audience on [Reddit](https://www.reddit.com) and [Quora](https://www.quora.com/). "
        "One [thread on Reddit](https://www.reddit.com/r/opensource/comments/abc/) asked for 200 more maintainers.\n"
    )
    sources = score(text, name="front", markdown=True)["sourcing"].metrics["sources"]
    assert [s["type"] for s in sources] == ["social"] and sources[0]["first_sentence"] == 2  # the thread, not the front pages


def test_pinpoints_cite_the_document_linked_before_them_and_hugo_refs_are_the_site(score):
    """A post walking through a linked report slide by slide: "(Slide 117)" cites that report. A
    Hugo '{{< ref "post.md" >}}' link, in Markdown or in a raw anchor, is the site's own page."""
    text = (
        "# Seven takeaways\n\nMary Meeker's [Internet Trends report](http://www.kpcb.com/internet-trends) is out, "
        'as [we noted]({{< ref "2014-06-03-trends.md" >}}) last year.\n\n'
        '* Smartphone use rose from 18% in 2009 to 64% in 2014 (<a href="{{< ref "2015-05-26-smartphones.md" >}}">comScore said 77%</a>). (Slide 117)\n'
        "* Mobile video is up three points to 55%. (Slide 13)\n"
        "* Some 30% of people read news on phones.\n"
    )
    card = score(text, name="slides", markdown=True)
    sources = {s["name"]: (s["type"], s["mentions"]) for s in card["sourcing"].metrics["sources"]}
    assert sources["this site"] == ("self", 2) and sources["kpcb.com"][0] == "website" and sources["kpcb.com"][1] >= 2
    figures = {f["text"]: f for f in card["unattributed_numbers"].metrics["figures"]}
    assert figures["18%"]["source"] == figures["55%"]["source"] == "kpcb.com"
    assert figures["30%"]["status"] == "unattributed"
    # With no link before it, a pinpoint cites nothing a reader can tell.
    bare = score("# Notes\n\nSome 55% of people watch video on phones. (Slide 13)\n", name="bare", markdown=True)
    assert bare["unattributed_numbers"].metrics["figures"][0]["status"] == "unattributed"


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("A Year-End Letter from the Executive Director of Let's Encrypt", "self"),  # two words run together
        ("Letsencrypt in 2020", "self"),  # one word the text never writes in lower case
        ("Certificates for everyone", "website"),  # the headline does not name the site
    ],
)
def test_a_headline_names_a_site_as_a_domain_writes_it(score, headline, expected):
    body = "\n\nWe issued more certificates than ever, as [our statistics show](https://letsencrypt.org/stats/). The letter goes on."
    sources = {s["name"]: s["type"] for s in score(f"# {headline}{body}", name="h", markdown=True)["sourcing"].metrics["sources"]}
    assert sources["letsencrypt.org"] == expected


def test_a_provenance_line_in_a_blockquote(score):
    text = (
        "# A letter\n\n> This letter was originally published in our [2020 annual report](https://www.abetterinternet.org/annual-reports/).\n\n"
        "The report is [online](https://www.abetterinternet.org/annual-reports/2020/) with 200 pages of detail.\n"
    )
    sources = score(text, name="quoted", markdown=True)["sourcing"].metrics["sources"]
    assert [(s["name"], s["type"]) for s in sources] == [("abetterinternet.org", "self")]


def test_a_headline_word_the_text_uses_as_a_word_names_no_site(score):
    text = (
        "# The Nature of Trust\n\nTrust is in our nature, and [a study](https://www.nature.com/articles/s41586-020) "
        "found that 40% of people trust strangers.\n"
    )
    sources = {x["name"]: x["type"] for x in score(text, name="nature", markdown=True)["sourcing"].metrics["sources"]}
    assert sources["nature.com"] == "research"


@pytest.mark.parametrize(
    "text, name, kind",
    [
        # a headline naming its source, an outlet or a journal: never the subject speaking
        ("# Tesla recalls 2 million cars, nhtsa.gov says\n\nThe recall covers [2 million cars](https://www.nhtsa.gov/recalls/123).", "nhtsa.gov", "official"),
        ("# Reuters investigation finds 300 deaths\n\nThe toll was [300 deaths](https://www.reuters.com/investigates/x).", "reuters.com", "outlet"),
        ("# Superconductor claim in Nature retracted\n\nThe [paper](https://www.nature.com/articles/x) claimed 300 K.", "nature.com", "research"),
        # an official site the headline is about
        ("# Government launches login.gov to simplify access\n\nUse [the site](https://login.gov/help/) to reach 12 agencies.", "login.gov", "self"),
    ],
)
def test_a_headline_names_its_subject_not_its_source(score, text, name, kind):
    sources = {s["name"]: s["type"] for s in score(text, name="h", markdown=True)["sourcing"].metrics["sources"]}
    assert sources[name] == kind


@pytest.mark.parametrize(
    "line",
    [
        "First published in [Nature](https://www.nature.com/articles/x) in 2019, the study found that 40% of reefs had bleached.",
        "Originally published in 1850, the novel sold 2 million copies, [Reuters](https://www.reuters.com/x) reported.",
    ],
)
def test_a_body_sentence_about_first_publication_is_no_provenance_line(score, line):
    card = score(f"# Reefs\n\n{line}\n\nMore about the story follows here.", name="p", markdown=True)
    assert card["unattributed_numbers"].metrics["figures"], "the sentence's figure was lost as page chrome"
    assert all(s["type"] != "self" for s in card["sourcing"].metrics["sources"])


def test_a_pinpoint_cites_only_a_linked_document(score):
    """'(p. 12)' after an unrelated link (a news story, a tweet) cites nothing a reader can tell."""
    card = score(
        "# Q3\n\nThe deal was [first reported](https://www.reuters.com/x) in May.\n\n"
        "Later, the company's own filing put revenue up 40% (p. 12).\n",
        name="pin", markdown=True,
    )
    figure = card["unattributed_numbers"].metrics["figures"][0]
    assert figure["source"] != "reuters.com"


def test_a_notes_list_of_plain_claims_keeps_its_figures(score):
    card = score("# Q3 results\n\nThe quarter was strong.\n\n## Key notes\n\n- Revenue rose 40% to $5 billion.\n- The company cut 3,000 jobs.\n", markdown=True)
    assert {f["text"] for f in card["unattributed_numbers"].metrics["figures"]} == {"40%", "$5 billion", "3,000 jobs"}


def test_a_third_partys_respondents_are_not_the_writers_survey(score):
    card = score("# Trust in AI\n\nA Pew Research Center survey found 60% of respondents distrust AI.\n\nIn a YouGov poll, 55% of respondents backed the plan.")
    assert not any("own measurement" in e.reason for e in card["sourcing"].evidence)
    report = score("# Go 2016 Survey Results\n\nThank you for taking part. 90% of respondents said they use Go at work.")
    assert report["unattributed_numbers"].metrics["figures"][0]["status"] == "weakly_sourced"


@pytest.mark.parametrize(
    "link",
    [
        "[a report]({{site.baseurl}}/library/215-Report.pdf)",
        "[the post]({% post_url 2015-01-29-post %})",
        '<a href="{{site.baseurl}}/library/Assessment.pdf">the assessment</a>',
    ],
)
def test_jekyll_links_are_the_sites_own_pages(score, link):
    text = f"# Board report\n\nThis week brought {link} with 22 recommendations.\n"
    sources = score(text, name="jekyll", markdown=True)["sourcing"].metrics["sources"]
    assert [(s["name"], s["type"]) for s in sources] == [("this site", "self")]
