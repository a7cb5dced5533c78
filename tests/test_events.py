"""Event extraction and merging, on hand-made articles, places and dates (no model, no database)."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from storymap.dates import Timex, find_timexes
from storymap.story.events import extract_events, keywords, sentences, timex_to_dates
from storymap.ingest import article_from_text
from storymap.model import Mention, ResolvedMention
from storymap.story.merge import merge_events

DCT = dt.date(2020, 1, 1)


def resolved_for(text, places, *names, path="a.txt"):
    out, pos = [], 0
    for n, key in names:
        i = text.index(n, pos)
        out.append(ResolvedMention(Mention(path, i, i + len(n), n), places[key], 0.9))
        pos = i + len(n)
    return out


def events_of(text, places, *names, path="a.txt", dct=DCT):
    art = article_from_text(text, path)
    return extract_events(art, resolved_for(text, places, *names, path=path), find_timexes(art.body, dct), dct)


@pytest.mark.parametrize("value,expected", [
    ("2019-12-31", ("2019-12-31", None)),
    ("2019-12-31TMO", ("2019-12-31", None)),
    ("2019-05", ("2019-05", None)),
    ("2012", ("2012", None)),
    ("2019-W52", ("2019-12-23", "2019-12-29")),
    ("2019-W52-WE", ("2019-12-28", "2019-12-29")),
    ("2019-Q3", ("2019-07", "2019-09")),
    ("PAST_REF", None),
])
def test_events_timex_values_become_story_dates(value, expected):
    assert timex_to_dates(Timex(0, 1, "x", "DATE", value, "day"), DCT) == expected


def test_events_sentence_with_date_and_place(places):
    evs = events_of("Protesters stormed the embassy in Baghdad on Tuesday.", places, ("Baghdad", "baghdad"))
    (e,) = evs
    assert e.date == "2019-12-31" and [p.place.name for p in e.places] == ["Baghdad"]
    assert e.places[0].role == "site"


def test_events_movement_from_to(places):
    text = "On Tuesday, U.S. Marines were sent from Kuwait... no: from Iraq to Baghdad."
    (e,) = events_of("On Tuesday, Marines were sent from Iraq to Baghdad.", places, ("Iraq", "iq"),
                     ("Baghdad", "baghdad"))
    roles = {p.place.name: p.role for p in e.places}
    assert roles == {"Iraq": "origin", "Baghdad": "destination"}


def test_events_destination_in_next_sentence(places):
    text = ("On Tuesday, Esper authorized the deployment of a battalion at Fort Bragg, North Carolina. "
            "An official said they will go to Baghdad.")
    evs = events_of(text, places, ("Fort Bragg", "bragg_nc"), ("North Carolina", "nc"), ("Baghdad", "baghdad"))
    e = evs[0]
    roles = {p.place.name: p.role for p in e.places}
    assert roles["Fort Bragg"] == "origin" and roles["Baghdad"] == "destination"
    assert "North Carolina" not in roles  # it qualifies Fort Bragg


def test_events_country_as_actor_is_not_a_site(places):
    (e,) = events_of("On Tuesday, Iran denied any role in Baghdad.", places, ("Iran", "ir"), ("Baghdad", "baghdad"))
    assert [p.place.name for p in e.places] == ["Baghdad"] and "Iran" in e.actors


def test_events_nothing_after_publication(places):
    assert events_of("Troops will stay in Baghdad until March 3.", places, ("Baghdad", "baghdad"),
                     dct=dt.date(2020, 1, 1))[0].date == "2020-03-03"
    assert not events_of("Troops stayed in Baghdad on March 3.", places, ("Baghdad", "baghdad"),
                         dct=dt.date(2020, 1, 1)) or events_of(
        "Troops stayed in Baghdad on March 3.", places, ("Baghdad", "baghdad"))[0].date <= "2020-01-01"


def test_events_background_chronology(places):
    (e,) = events_of("May 2019: Four tankers are struck near the Strait of Hormuz.", places,
                     ("Strait of Hormuz", "hormuz"))
    assert e.date == "2019-05" and e.background


def test_merge_same_event_from_two_articles(places):
    a = events_of("Protesters stormed the US embassy in Baghdad on Tuesday.", places, ("Baghdad", "baghdad"),
                  path="a.txt")
    b = events_of("On Tuesday thousands stormed the embassy compound in Baghdad.", places, ("Baghdad", "baghdad"),
                  path="b.txt")
    (step,) = merge_events(a + b)
    assert step.corroboration == 2 and {s.file for s in step.sources} == {"a.txt", "b.txt"}


def test_merge_different_events_same_day_same_place_stay_apart(places):
    a = events_of("Protesters stormed the US embassy in Baghdad on Tuesday.", places, ("Baghdad", "baghdad"),
                  path="a.txt")
    b = events_of("On Tuesday the prime minister opened a new bridge over the river in Baghdad.", places,
                  ("Baghdad", "baghdad"), path="b.txt")
    assert len(merge_events(a + b)) == 2


def test_merge_precise_date_wins_over_range(places):
    a = events_of("A contractor was killed in a rocket attack on a base in Baghdad last week.", places,
                  ("Baghdad", "baghdad"), path="a.txt")
    b = events_of("The attack on December 27 killed a contractor at the base.", places, path="b.txt")
    steps = merge_events(a + b)
    assert [s.date for s in steps] == ["2019-12-27"]


def test_merge_steps_in_time_order(places):
    evs = []
    for i, d in enumerate(["January 3, 2019", "May 2012", "Dec. 30, 2019"]):
        evs += events_of(f"Something different number {i} happened in Baghdad on {d}.", places,
                         ("Baghdad", "baghdad"), path=f"{i}.txt")
    dates = [s.date for s in merge_events(evs)]
    assert dates == sorted(dates)


@given(st.text(max_size=300))
def test_events_sentences_cover_only_the_body(text):
    art = article_from_text(text, "x.txt")
    for k, s, e in sentences(art):
        assert 0 <= s < e <= len(art.body)


@pytest.mark.parametrize("a,b", [("air strikes", "airstrikes"), ("stormed", "storming"), ("bases", "base")])
def test_events_keywords_fold_variants(a, b):
    assert keywords(f"the {a} happened") & keywords(f"the {b} happened")


def test_events_date_of_another_happening_keeps_only_later_places(places):
    text = "Protesters in Baghdad were angry over air strikes on Sunday near Al-Qaim."
    (e,) = events_of(text, places, ("Baghdad", "baghdad"), ("Al-Qaim", "qaim"))
    assert e.date == "2019-12-29" and [p.place.name for p in e.places] == ["Al Qā’im"]


def test_events_date_of_another_happening_does_not_cross_paragraphs(places):
    text = "Crowds gathered after the attack on Tuesday.\n\nThey later left Baghdad."
    assert [e for e in events_of(text, places, ("Baghdad", "baghdad")) if e.places] == []
    text = "Crowds gathered after the attack on Tuesday. Marines were sent from Iraq to Baghdad."
    (e,) = [e for e in events_of(text, places, ("Iraq", "iq"), ("Baghdad", "baghdad")) if e.places]
    assert e.date == "2019-12-31"


@pytest.mark.parametrize("between, dated", [
    ("", True),
    ("\u201cWe will not give in,\u201d he said.\n\n\u201cNever,\u201d he added.\n\n", True),  # quotes do not count
    ("The talks had stalled for months.\n\nDiplomats expected little.\n\n", False),  # two paragraphs of narration
])
def test_events_date_carries_past_quoted_paragraphs(places, nlp, between, dated):
    text = ("On Tuesday, the president condemned the raids.\n\nHe also rejected the charges.\n\n" + between
            + "Meanwhile, the ministry summoned the ambassador in Baghdad.")
    art = article_from_text(text, "a.txt")
    evs = extract_events(art, resolved_for(text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    summoned = [e for e in evs if "summon" in e.headline.lower()]
    assert bool(summoned and summoned[0].date == "2019-12-31") == dated


@pytest.mark.parametrize("text, site", [
    # A body that acts at home, named by its people: the happening was in that country.
    ("Iraqi police said on Tuesday they had arrested two men.", "Iraq"),
    ("Iraqi police arrested two men on Tuesday.", "Iraq"),
    # Troops act abroad too: no guess.
    ("Iraqi troops arrested two men on Tuesday.", None),
])
def test_events_home_body_of_a_people_acts_in_its_country(places, nlp, text, site):
    art = article_from_text(text, "a.txt")
    i = text.index("Iraqi")
    people = [ResolvedMention(Mention("a.txt", i, i + 5, "Iraqi", demonym=True), places["iq"], 0.9)]
    evs = extract_events(art, people, find_timexes(art.body, DCT), DCT, nlp=nlp)
    sites = [p.place.name for e in evs for p in e.places if p.role == "site"]
    assert sites == ([site] if site else [])


@pytest.mark.parametrize("text, site", [
    # The lead names no place of its own: it happened where the dateline is.
    ("BAGHDAD (AP) --\n\nPolice arrested two men near the Iraqi border on Tuesday.", "Baghdad"),
    # The lead names its own site: that wins.
    ("BAGHDAD (AP) --\n\nIraqi police arrested two men in Al-Qaim on Tuesday.", "Al Qā’im"),
    # A place the lead's unnamed village only borders is not where it happened.
    ("BAGHDAD (AP) --\n\nPolice arrested two men on Tuesday in a village bordering Al-Qaim near the Iraqi border.",
     "Baghdad"),
    # The dateline's region qualifies the dateline: it is not the lead's site.
    ("BAGHDAD, Iraq (AP) -- Police arrested two men in a town near the Iraqi border on Tuesday.", "Baghdad"),
])
def test_events_lead_without_a_site_happened_at_the_dateline(places, nlp, text, site):
    art = article_from_text(text, "a.txt")
    found = [ResolvedMention(Mention("a.txt", 0, 7, "BAGHDAD", source="dateline"), places["baghdad"], 0.9)]
    if ", Iraq (" in text:
        found.append(ResolvedMention(Mention("a.txt", 9, 13, "Iraq"), places["iq"], 0.9))
    if "Al-Qaim" in text:
        i = text.index("Al-Qaim")
        found.append(ResolvedMention(Mention("a.txt", i, i + 7, "Al-Qaim"), places["qaim"], 0.9))
    i = text.index("Iraqi")
    found.append(ResolvedMention(Mention("a.txt", i, i + 5, "Iraqi", demonym=True), places["iq"], 0.9))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    arrests = [e for e in evs if e.predicate == "arrest"]
    assert arrests and [p.place.name for p in arrests[0].places if p.role == "site"] == [site]


@pytest.mark.parametrize("lead, site", [
    # A government acts at its seat, wherever the report was filed.
    ("Georgia's parliament voted on Tuesday to join the alliance.", "Tbilisi"),
    ("Police arrested two men on Tuesday.", "Baghdad"),  # a deed with no place of its own: the dateline
])
def test_events_a_datelined_lead_puts_a_government_at_its_seat(places, nlp, mem_gaz, lead, site):
    from storymap.story.parsed import seat_places

    text = "BAGHDAD (AP) -- " + lead
    art = article_from_text(text, "a.txt")
    found = [ResolvedMention(Mention("a.txt", 0, 7, "BAGHDAD", source="dateline"), places["baghdad"], 0.9)]
    if "Georgia" in text:
        i = text.index("Georgia")
        found.append(ResolvedMention(Mention("a.txt", i, i + 7, "Georgia"), places["ge"], 0.9))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp, seats=seat_places(mem_gaz))
    assert [ep.place.name for e in evs for ep in e.places if ep.role == "site"] == [site]


@pytest.mark.parametrize("text", [
    "BAGHDAD, Iraq (AP) -- Police arrested two men on Tuesday.",
    "BAGHDAD, Dec. 31 (Wire) - Police arrested two men on Tuesday.",
    "BAGHDAD _ Police arrested two men on Tuesday.",
    "BAGHDAD (AP) — Police arrested two men on Tuesday.",
])
def test_events_dateline_is_not_the_subject_of_the_lead(places, nlp, text):
    art = article_from_text("Two held\n\n" + text, "a.txt")
    at = len("Two held\n\n")
    found = [ResolvedMention(Mention("a.txt", at, at + 7, "BAGHDAD", source="dateline"), places["baghdad"], 0.9)]
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    (e,) = [e for e in evs if e.predicate == "arrest"]
    assert e.headline == "Police arrest two men in Baghdad"
    assert e.quote == text  # the report as the article gives it


def test_events_a_place_named_by_the_dateline_and_the_lead_is_listed_once(places, nlp):
    text = "Two held\n\nBAGHDAD (AP) -- Police in Baghdad arrested two men on Tuesday."
    art = article_from_text(text, "a.txt")
    at = text.index("BAGHDAD")
    found = [ResolvedMention(Mention("a.txt", at, at + 7, "BAGHDAD", source="dateline"), places["baghdad"], 0.9),
             *resolved_for(text, places, ("Baghdad", "baghdad"))]
    (e,) = [e for e in extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp) if e.predicate == "arrest"]
    assert [(p.place.name, p.role) for p in e.places] == [("Baghdad", "site")]


@pytest.mark.parametrize("text", [
    'Protesters gathered on Tuesday, holding signs that read "Justice for Baghdad".',
    "Protesters gathered on Tuesday, holding signs that read “Justice for Baghdad”.",
])
def test_events_a_place_in_quoted_words_is_not_the_site(places, nlp, text):
    art = article_from_text(text, "a.txt")
    evs = extract_events(art, resolved_for(text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert not [p for e in evs for p in e.places if p.role == "site"]


def test_events_the_second_lead_paragraph_goes_on_with_the_first_ones_day(places, nlp):
    text = ("Police in Baghdad arrested two men on Tuesday.\n\n"
            "Protesters stormed a police station in Baghdad, officials said.")
    art = article_from_text(text, "a.txt")
    found = resolved_for(text, places, ("Baghdad", "baghdad"), ("Baghdad", "baghdad"))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert {e.predicate: e.date for e in evs} == {"arrest": "2019-12-31", "storm": "2019-12-31"}


@pytest.mark.parametrize("text, blanked", [
    ("OSLO, Norway (AP) -- Rescuers dug.", "                     Rescuers dug."),
    ("OSLO _ Rescuers dug.", "       Rescuers dug."),
    ("NATO troops arrived.", "NATO troops arrived."),  # capitals, but no dateline
    ("Rescuers dug - and found two men.", "Rescuers dug - and found two men."),
])
def test_events_blank_dateline_keeps_offsets(text, blanked):
    from storymap.story.events import blank_dateline

    assert blank_dateline(text) == blanked and len(blank_dateline(text)) == len(text)


def test_events_place_of_what_is_blamed_is_not_the_fallback_site(places, nlp):
    # The clause names no site of its own; the only place describes what was blamed: no site.
    text = "On Monday officials blamed the rebels for the sabotage of ships in Baghdad."
    art = article_from_text(text, "a.txt")
    evs = extract_events(art, resolved_for(text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT), DCT,
                         nlp=nlp)
    assert not [p for e in evs for p in e.places if p.role == "site"]


@pytest.mark.parametrize("later, date", [
    ("In the late afternoon the tents in Baghdad were taken down.", "2020-01-01"),  # the narrated day
    ("On Thursday morning the tents in Baghdad were taken down.", "2020-01-02"),  # a day of its own
])
def test_events_time_of_day_past_the_lead_is_on_the_narrated_day(places, nlp, later, date):
    # The day is named more than the date finder's look-back (400 characters) before the time of day.
    thursday = dt.date(2020, 1, 2)
    text = ("Crowds left the square.\n\nThe talks went on.\n\nOn Wednesday, protesters camped in Baghdad.\n\n"
            "Nobody was hurt, and no staff had to leave the offices that stand on the far side of the river, "
            "where the ministries and the old market share one long and narrow street.\n\n"
            "The council, which speaks for most of the groups that had joined the march, urged them to go home "
            "and to leave the square to the traders, who had lost three days of business to the camp, and "
            "to the buses that stop there on their way to the coast.\n\n" + later)
    art = article_from_text(text, "a.txt")
    found = resolved_for(text, places, ("Baghdad", "baghdad"), ("Baghdad", "baghdad"))
    evs = extract_events(art, found, find_timexes(art.body, thursday), thursday, nlp=nlp)
    (down,) = [e for e in evs if "taken down" in e.quote]
    assert down.date == date


@pytest.mark.parametrize("noun, dated", [("ceremony", True), ("meeting", False)])
def test_events_paragraph_about_the_thing_just_named_keeps_its_date(places, nlp, noun, dated):
    # "... spoke at a ceremony." / "The ceremony was held ...": the same thing, the same day.
    text = ("Crowds left the square.\n\nThe talks went on.\n\nOn Tuesday the president spoke at a ceremony in "
            f"Baghdad.\n\nThe {noun} was held in the Green Zone, where the coffins arrived.")
    art = article_from_text(text, "a.txt")
    found = resolved_for(text, places, ("Baghdad", "baghdad"), ("Green Zone", "green_zone"))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    held = [e for e in evs if "was held" in e.quote]
    assert bool(held and held[0].date == "2019-12-31") == dated


@pytest.mark.parametrize("sentence, evidence", [
    # Many happenings and no time of their own: a pattern, evidence for the story but no step.
    ("Meanwhile, militias in Baghdad have conducted numerous rocket attacks on the bases.", True),
    # A time of its own: one burst of them, a happening.
    ("Meanwhile, militias in Baghdad conducted several rocket attacks on the bases on Monday.", False),
    # Done many times, or often: a habit, not one happening.
    ("Meanwhile, militias in Baghdad have conducted attacks on the bases a dozen times.", True),
    ("Meanwhile, militias in Baghdad have repeatedly conducted attacks on the bases.", True),
])
def test_events_many_happenings_without_a_time_are_a_pattern(places, nlp, sentence, evidence):
    text = "Crowds left the square.\n\nThe talks went on.\n\nOn Tuesday the council met.\n\n" + sentence
    art = article_from_text(text, "a.txt")
    evs = extract_events(art, resolved_for(text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT), DCT,
                         nlp=nlp)
    attacks = [e for e in evs if e.predicate == "conduct"]
    assert attacks and all(e.evidence == evidence for e in attacks)


@pytest.mark.parametrize("text, n", [
    ("RIVERTON, Calif. (AP) — Police arrested two men on Monday.", 1),  # a dateline's abbreviation
    ("SPRINGFIELD, N.J. — Crews reopened the road.", 1),
    ("The crews came from Calif. Then they left.", 2),  # not a dateline: two sentences
])
def test_events_a_dateline_does_not_end_a_sentence(text, n):
    assert len(sentences(article_from_text(text, "a.txt"))) == n


def baghdad_datelined_events(text, places, nlp):
    """The events of ``text``, an article whose first word is its dateline, BAGHDAD, and names no other place."""
    art = article_from_text(text, "a.txt")
    found = [ResolvedMention(Mention("a.txt", 0, 7, "BAGHDAD", source="dateline"), places["baghdad"], 0.9)]
    return extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)


def test_events_single_article_gives_its_lead_event_on_its_date(places, nlp):
    # The dateline's region abbreviation once cut the lead in two, leaving its event without a place.
    evs = baghdad_datelined_events(
        "BAGHDAD, Iraq. (AP) — Police arrested two men after a fire destroyed a warehouse, officials said.", places, nlp)
    lead = [e for e in evs if e.predicate == "arrest"]
    assert lead and lead[0].date == DCT.isoformat() and lead[0].places[0].place.name == "Baghdad"


@pytest.mark.parametrize("text", [
    "On Monday the Atlanta Herald reported that crews reopened the road.",
    "On Monday the Salem (Oregon) Spectator reported that crews reopened the road.",
])
def test_events_a_town_inside_a_newspaper_name_is_no_site(places, nlp, text):
    name = "Salem" if "Salem" in text else "Atlanta"
    key = "salem_or" if name == "Salem" else "atlanta"
    art = article_from_text(text, "a.txt")
    evs = extract_events(art, resolved_for(text, places, (name, key)), find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert not [ep for e in evs for ep in e.places if ep.place.name == name]


@pytest.mark.parametrize("sentence, happenings", [
    # A finding is a report of what happened, not a happening of its own.
    ("On Monday investigators in Baghdad concluded that the fire was arson.", []),
    ("On Monday police in Baghdad determined that the fire was arson.", []),
    ("On Monday police in Baghdad arrested two men.", ["arrest"]),
    # ... nor is a feeling
    ("On Monday the minister in Baghdad was heartened by the help.", []),
    ("On Monday the minister in Baghdad was attacked by a crowd.", ["attack"]),
])
def test_events_a_finding_or_a_feeling_is_no_happening(places, nlp, sentence, happenings):
    art = article_from_text(sentence, "a.txt")
    evs = extract_events(art, resolved_for(sentence, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    assert [e.predicate for e in evs if not e.evidence] == happenings


@pytest.mark.parametrize("sentence, evidence", [
    # Who was quoted or told is the report's source: a report, not a happening.
    ("On Monday the paper quoted an officer in Baghdad as saying the road was open.", True),
    ("On Monday a radio station in Baghdad quoted him as saying the road was open.", True),
    # What was denied is a happening of its own.
    ("On Monday the ministry in Baghdad denied the charges.", False),
])
def test_events_reporting_to_a_person_is_evidence(places, nlp, sentence, evidence):
    art = article_from_text(sentence, "a.txt")
    evs = extract_events(art, resolved_for(sentence, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    said = [e for e in evs if e.predicate in ("quote", "tell", "deny")]
    assert said and all(e.evidence == evidence for e in said)


@pytest.mark.parametrize("sentence, site", [
    # A body that acts at one seat, named alone, with no place of its own: at its seat.
    ("The Security Council condemned the raid on Monday.", "Tbilisi"),
    ("The U.N. Security Council, which met for an hour, condemned the raid on Monday.", "Tbilisi"),
    # A place of its own wins; and members of the body act wherever they are.
    ("The Security Council met in Baghdad on Monday.", "Baghdad"),
    ("Security Council diplomats condemned the raid on Monday.", None),
    # What it decides is done at its seat; a deed of its own is done somewhere else.
    ("The Security Council voted on Monday to send observers.", "Tbilisi"),
    ("The Security Council built a camp on Monday.", None),
])
def test_events_a_body_with_one_seat_acts_there(places, nlp, sentence, site):
    from storymap.story.parsed import Seats

    names = [("Baghdad", "baghdad")] if "Baghdad" in sentence else []
    art = article_from_text(sentence, "a.txt")  # a lead sentence: parsed even when it names no place
    text = art.text
    evs = extract_events(art, resolved_for(text, places, *names), find_timexes(art.body, DCT), DCT, nlp=nlp,
                         seats=Seats.of({"security council": places["tbilisi"], "u.n. security council": places["tbilisi"]}))
    sites = {ep.place.name for e in evs for ep in e.places if ep.role == "site"}
    assert sites == ({site} if site else set())


@pytest.mark.parametrize("sentence, site", [
    # What a government or its head says or decides, naming no place, is said at the capital.
    ("Iraq's foreign ministry condemned the raid on Monday.", "Baghdad"),
    ("The Iraqi president summoned the envoy on Monday.", "Baghdad"),
    ("The Iraqi parliament ratified the treaty on Monday.", "Baghdad"),  # a legislature sits there too
    # Its police act somewhere in the country; a head of government travelling is not at home.
    ("Iraqi police arrested two men on Monday.", "Iraq"),
    ("Iraq's president toured a school on Monday.", None),
])
def test_events_a_government_speaks_at_its_capital(places, nlp, mem_gaz, sentence, site):
    from storymap.story.parsed import seat_places

    name = "Iraqi" if "Iraqi" in sentence else "Iraq"
    art = article_from_text(sentence, "a.txt")
    i = sentence.index(name)
    mention = ResolvedMention(Mention("a.txt", i, i + len(name), name, demonym=name == "Iraqi"), places["iq"], 0.9)
    evs = extract_events(art, [mention], find_timexes(art.body, DCT), DCT, nlp=nlp, seats=seat_places(mem_gaz))
    sites = {ep.place.name for e in evs for ep in e.places if ep.role == "site"}
    assert sites == ({site} if site else set())


@pytest.mark.parametrize("sentence, site", [
    ("Police in Iraq fired tear gas at protesters in the capital on Monday.", "Baghdad"),
    ("Police in Iraq fired tear gas at protesters on Monday.", "Iraq"),  # no capital named
    ("Police in Iraq fired tear gas in the capital of the province on Monday.", "Iraq"),  # another capital
])
def test_events_in_the_capital_is_the_countrys_capital(places, nlp, mem_gaz, sentence, site):
    from storymap.story.parsed import seat_places

    art = article_from_text(sentence, "a.txt")
    i = sentence.index("Iraq")
    mention = ResolvedMention(Mention("a.txt", i, i + 4, "Iraq"), places["iq"], 0.9)
    evs = extract_events(art, [mention], find_timexes(art.body, DCT), DCT, nlp=nlp, seats=seat_places(mem_gaz))
    assert {ep.place.name for e in evs for ep in e.places if ep.role == "site"} == {site}


@pytest.mark.parametrize("sentence, date", [
    # "has been arrested" cannot take "last year": that time is the floods', the arrest is the report's day.
    ("A man has been arrested in Baghdad in connection with the floods last year, police said today.",
     "2020-01-01"),
    ("A man was arrested in Baghdad last year, police said today.", "2019"),  # the simple past can
])
def test_events_present_perfect_does_not_take_a_finished_years_date(places, nlp, sentence, date):
    art = article_from_text("Some news.\n\n" * 3 + sentence, "a.txt")  # past the lead
    text = art.text
    evs = extract_events(art, resolved_for(text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    arrests = [e for e in evs if e.predicate == "arrest"]
    assert arrests and arrests[0].date == date


@pytest.mark.parametrize("sentence, expected", [
    # (headline, date) of each event: the signing is counted back from the vote's day
    ("The vote in Baghdad came on Dec. 20 a day after the minister signed the papers in Al-Qaim.",
     [("Minister signs papers in Al Qā’im", "2019-12-19"), ("Vote in Baghdad", "2019-12-20")]),
    ("The vote in Baghdad came on Dec. 1 two weeks before rebels seized Al-Qaim.",
     [("Vote in Baghdad", "2019-12-01"), ("Rebels seize Al-Qaim", "2019-12-15")]),
    ("The vote in Baghdad came on Dec. 20 after rebels seized Al-Qaim.", [("Vote in Baghdad", "2019-12-20")]),  # no count
])
def test_events_a_clause_counted_from_the_main_one_takes_its_day(places, nlp, sentence, expected):
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    art = article_from_text(lead + sentence, "a.txt")
    found = resolved_for(art.text, places, ("Baghdad", "baghdad"), ("Al-Qaim", "qaim"))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert sorted((e.headline, e.date) for e in evs) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    # (headline, site) of each event
    ("The storm crossed Iraq on Monday.", [("Storm crosses Iraq", "Iraq")]),  # where it happened: the object
    ("Rebels seized Al-Qaim on Monday.", [("Rebels seize Al-Qaim", "Al Qā’im")]),
    ("The storm slammed into the coast near Baghdad on Monday.", [("Storm slams into coast near Baghdad", "Baghdad")]),
    # a journey a court barred did not happen: no destination, the court's town is the site
    ("A court in Baghdad barred the agency on Monday from sending the boy to Iraq.",
     [("Court bars agency from sending boy in Baghdad", "Baghdad")]),
    # a forecast's clause is forecast too: no happening
    ("Forecasters said on Monday the storm would weaken as it moved over Baghdad.", []),
])
def test_events_where_a_storm_went_and_what_was_only_forecast(places, nlp, sentence, expected):
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    art = article_from_text(lead + sentence, "a.txt")
    names = sorted(((n, k) for n, k in (("Iraq", "iq"), ("Al-Qaim", "qaim"), ("Baghdad", "baghdad")) if n in sentence),
                   key=lambda x: sentence.index(x[0]))
    evs = extract_events(art, resolved_for(art.text, places, *names), find_timexes(art.body, DCT), DCT, nlp=nlp)
    got = [(e.headline, next(ep.place.name for ep in e.places if ep.role == "site")) for e in evs if not e.evidence
           and any(ep.role == "site" for ep in e.places)]
    assert got == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Jets struck a depot near Baghdad on Monday.", "Jets strike depot near Baghdad"),
    ("Police fired tear gas outside Baghdad on Monday.", "Police fire tear gas outside Baghdad"),
    ("The militia stormed across northern and western Baghdad on Monday.", "Militia storms across Baghdad"),
    ("The agents met at the bureau's Baghdad office on Monday.", "Agents meet in Baghdad"),  # the office is "at"
    # the phrase is another verb's: the headline does not say the call was made outside the city
    ("The council called on residents to regroup outside Baghdad on Monday.", "Council calls on residents to regroup in Baghdad"),
])
def test_events_headline_keeps_the_sites_preposition_of_its_own_verb(places, nlp, sentence, expected):
    art = article_from_text(sentence, "a.txt")
    evs = extract_events(art, resolved_for(art.text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    assert [e.headline for e in evs] == [expected]


@pytest.mark.parametrize("sentence, org, places_named", [
    # a town in a company's name is the firm's name, not a place of the happening
    ("Baghdad Instruments Corp. opened a plant in Al-Qaim on Monday.", "Baghdad Instruments Corp.", ["Al Qā’im"]),
    ("The Baghdad Police Department opened a station in Al-Qaim on Monday.", "The Baghdad Police Department",
     ["Baghdad", "Al Qā’im"]),  # no company: the town stays
])
def test_events_a_town_in_a_companys_name_is_no_place(places, nlp, sentence, org, places_named):
    art = article_from_text(sentence, "a.txt")
    found = resolved_for(art.text, places, ("Baghdad", "baghdad"), ("Al-Qaim", "qaim"))
    ents = [(art.body.index(org), art.body.index(org) + len(org), "ORG")]
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp, entities=ents)
    assert sorted({ep.place.name for e in evs for ep in e.places}) == sorted(places_named)


@pytest.mark.parametrize("sentence, dates", [
    # the first verb has a time of its own the date finder cannot read: December is the finding's only
    ("The car was seen in Baghdad in the weeks before the fire, and was found in Al-Qaim in December.",
     {"find": "2019-12"}),
    ("The car was seen in Baghdad and found in Al-Qaim in December.", {"see": "2019-12", "find": "2019-12"}),
])
def test_events_a_conjoined_verbs_date_is_not_a_timed_clauses(places, nlp, sentence, dates):
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    art = article_from_text(lead + sentence, "a.txt")
    found = resolved_for(art.text, places, ("Baghdad", "baghdad"), ("Al-Qaim", "qaim"))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert {e.predicate: e.date for e in evs} == dates


def test_events_a_day_hung_on_a_thing_is_the_clauses_own(places, nlp):
    # "found explosives Sunday": the parser may hang the day on the thing found; it is still the
    # finding's day, not the date the sentence before named.
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    text = lead + "The bridge was closed in Baghdad on Dec. 2. Police found 600 pounds of explosives Sunday in a shed in Baghdad."
    art = article_from_text(text, "a.txt")
    found = resolved_for(art.text, places, ("Baghdad", "baghdad"), ("Baghdad", "baghdad"))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert {e.predicate: e.date for e in evs} == {"close": "2019-12-02", "find": "2019-12-29"}


@pytest.mark.parametrize("between, dates", [
    ("", {"build": "2019-05", "repair": "2019-05"}),  # the next sentence goes on with the date
    ("It was long. It was wide. It was busy. ", {"build": "2019-05"}),  # four sentences on, it does not
])
def test_events_a_date_carries_a_few_sentences_only(places, nlp, between, dates):
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    text = lead + "The bridge was built in Baghdad in May 2019. " + between + "Workers repaired it in Baghdad."
    art = article_from_text(text, "a.txt")
    found = resolved_for(art.text, places, ("Baghdad", "baghdad"), ("Baghdad", "baghdad"))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert {e.predicate: e.date for e in evs} == dates


@pytest.mark.parametrize("second, dates", [
    # the perfect tells of now: it does not go on with the past month the sentence before named
    ("The council has stalled its ratification in Baghdad.", {"sign": "2019-05"}),
    ("The council stalled its ratification in Baghdad.", {"sign": "2019-05", "stall": "2019-05"}),
])
def test_events_the_perfect_does_not_inherit_a_past_date(places, nlp, second, dates):
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    text = lead + "The treaty was signed in Baghdad in May 2019. " + second
    art = article_from_text(text, "a.txt")
    found = resolved_for(art.text, places, ("Baghdad", "baghdad"), ("Baghdad", "baghdad"))
    evs = extract_events(art, found, find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert {e.predicate: e.date for e in evs} == dates


@pytest.mark.parametrize("sentence, date", [
    # The time of a relative clause is the described thing's: the search is not dated by the stay.
    ("Police searched a house in Baghdad where the suspect lived last year, officials said.", None),
    ("Police questioned a man in Baghdad who was sought last week, officials said.", None),
    ("Police searched a house in Baghdad last year, officials said.", "2019"),
    # ... unless the happening it describes is the clause's setting.
    ("Police fired tear gas in Baghdad during a protest that began on Monday.", "2019-12-30"),
])
def test_events_a_relative_clauses_time_does_not_date_the_main_clause(places, nlp, sentence, date):
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    art = article_from_text(lead + sentence, "a.txt")  # past the lead
    evs = extract_events(art, resolved_for(art.text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    main = [e for e in evs if e.predicate in ("search", "question", "fire")]
    assert [e.date for e in main] == ([date] if date else [])


@pytest.mark.parametrize("sentence, site", [
    ("The State Department condemned the raid on Monday.", "Washington"),
    ("The U.S. Senate voted on Monday to ratify the treaty.", "Washington"),
    ("The State Department built a school on Monday.", None),  # a deed, not a statement or decision
])
def test_events_us_federal_bodies_speak_at_washington(nlp, sentence, site):
    from storymap.model import Place
    from storymap.places.gazetteer import MemoryGazetteer
    from storymap.story.parsed import seat_places

    dc = Place("gn:4140963", "Washington", 38.9, -77.04, "city", country="US", feature_code="PPLC")
    art = article_from_text(sentence, "a.txt")
    evs = extract_events(art, [], find_timexes(art.body, DCT), DCT, nlp=nlp,
                         seats=seat_places(MemoryGazetteer([(dc, [])])))
    sites = {ep.place.name for e in evs for ep in e.places if ep.role == "site"}
    assert sites == ({site} if site else set())


def test_events_a_datelined_lede_naming_no_place_happened_at_the_dateline(places, nlp):
    # The first sentence of a datelined report is its news, told from the dateline; a later sentence that
    # names no place is not read for a step.
    evs = baghdad_datelined_events(
        "BAGHDAD (AP) --\n\nThe ministry put two men on its list of wanted fugitives Monday. Crews repaired the bridge.",
        places, nlp)
    put = [e for e in evs if e.predicate == "put"]
    assert put and [p.place.name for p in put[0].places if p.role == "site"] == ["Baghdad"]
    assert not [e for e in evs if e.predicate == "repair"]


@pytest.mark.parametrize("sentence, destination", [
    # sent from somewhere to help: the journey ends where the story is
    ("On Monday, troops were sent from Iraq to reinforce the compound.", "Baghdad"),
    # left somewhere: where they went is not said, and it is not the story's town
    ("On Monday, the rebels withdrew from Iraq.", None),
    ("On Monday, staff were evacuated from Iraq.", None),
])
def test_events_a_journey_left_from_has_no_implied_destination(places, nlp, sentence, destination):
    lead = "Crowds gathered in Baghdad.\n\nThe crowd in Baghdad grew.\n\nShops in Baghdad shut.\n\n"
    art = article_from_text(lead + sentence, "a.txt")
    names = [("Baghdad", "baghdad")] * 3 + [("Iraq", "iq")]
    evs = extract_events(art, resolved_for(art.text, places, *names), find_timexes(art.body, DCT), DCT, nlp=nlp)
    (e,) = [e for e in evs if any(ep.role == "origin" for ep in e.places)]
    assert next((ep.place.name for ep in e.places if ep.role == "destination"), None) == destination


@pytest.mark.parametrize("sentence, expected", [
    # an announced plan: said in the capital, to be done elsewhere; the headline does not put it in the capital
    ("The council announced in Baghdad on Monday that it will close the bridge.", "Council to close bridge"),
    ("The council announced on Monday that it will close the bridge in Baghdad.", "Council to close bridge in Baghdad"),
    ("The rebels announced on Monday that they will withdraw their fighters from Iraq.",
     "Rebels to withdraw their fighters from Iraq"),
    # "it" in what was told is the teller, not the nearest noun (the city)
    ("The army told reporters in Baghdad on Monday that it had seized the bridge.", "Army seizes bridge in Baghdad"),
])
def test_events_an_announced_plan_is_placed_where_it_is_to_be_done(places, nlp, sentence, expected):
    lead = "The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n"
    art = article_from_text(lead + sentence, "a.txt")
    names = sorted(((n, k) for n, k in (("Iraq", "iq"), ("Baghdad", "baghdad")) if n in sentence),
                   key=lambda x: sentence.index(x[0]))
    evs = extract_events(art, resolved_for(art.text, places, *names), find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert expected in [e.headline for e in evs]


@pytest.mark.parametrize("second, expected", [
    ("The council has approved a curfew in Baghdad.", "2019-12-30"),  # goes on with the day before it
    ("The council has already approved a curfew in Baghdad.", None),  # some time before: no day of its own
])
def test_events_what_has_already_happened_takes_no_day(places, nlp, second, expected):
    text = "Police arrested two men in Baghdad on Monday. " + second
    art = article_from_text("The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n" + text, "a.txt")
    names = [("Baghdad", "baghdad")] * 2
    evs = extract_events(art, resolved_for(art.text, places, *names), find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert next((e.date for e in evs if "curfew" in e.headline), None) == expected


@pytest.mark.parametrize("second, step", [
    # a habit with no time of its own is a pattern, not a step
    ("Rebels have repeatedly attacked the road to Baghdad.", False),
    ("The party has staunchly opposed the curfew in Baghdad.", False),
    ("The square in Baghdad has often flooded.", False),
    # with a day of its own it is that day's happening
    ("Rebels repeatedly attacked the road to Baghdad on Sunday.", True),
])
def test_events_a_habit_without_a_time_of_its_own_is_no_step(places, nlp, second, step):
    text = "Police arrested two men in Baghdad on Monday. " + second
    art = article_from_text("The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n" + text, "a.txt")
    evs = extract_events(art, resolved_for(art.text, places, *[("Baghdad", "baghdad")] * 2), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    assert any(not e.evidence and "Police" not in e.headline for e in evs) == step


@pytest.mark.parametrize("body, expected", [
    # an hour goes with the day named before it
    ("Police arrested two men in Baghdad on Monday. A guard was shot in Baghdad at 10 p.m. as he stood by the gate.",
     "2019-12-30"),
    # past the lead with no day near it: the hour is of some earlier day, not the article's
    ("A guard was shot in Baghdad at 10 p.m. as he stood by the gate.", None),
])
def test_events_a_bare_hour_is_of_the_day_named_before_it(places, nlp, body, expected):
    art = article_from_text("The council met.\n\nIt talked of roads.\n\nIt talked of schools.\n\n" + body, "a.txt")
    names = [("Baghdad", "baghdad")] * body.count("Baghdad")
    evs = extract_events(art, resolved_for(art.text, places, *names), find_timexes(art.body, DCT), DCT, nlp=nlp)
    assert next((e.date for e in evs if "shot" in e.quote and "Police" not in e.headline), None) == expected


def test_events_a_bare_hour_in_the_lead_is_the_articles_day(places, nlp):
    art = article_from_text("A guard was shot in Baghdad at 10 p.m. as he stood by the gate.", "a.txt")
    evs = extract_events(art, resolved_for(art.text, places, ("Baghdad", "baghdad")), find_timexes(art.body, DCT),
                         DCT, nlp=nlp)
    assert [e.date for e in evs] == [DCT.isoformat()]
