"""The happening in a parsed sentence: its predicate, subject, object, and what a place or a time
expression is to it.

spaCy's dependency parse (the parser ships in the same small model as the entity recogniser; the
geoparser's pipeline keeps it loaded but disabled) is run on the candidate sentences only, by
:func:`parse_sentences`. :func:`clauses` lists a sentence's happenings: the root verb, or the clause a
reporting verb governs ("officials said the bridge collapsed" → "collapsed"), and verbs coordinated
with it; :func:`place_role` says whether a place is the site of one, its origin or destination, or only
mentioned; :func:`attached` whether a time expression dates it or a noun ("the 2010 floods").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

__all__ = ["Clause", "parse_sentences", "clauses", "place_role", "attached", "is_caption", "names_a_thing", "words",
           "dated_noun", "PARSE_PIPES"]

DATA_DIR = Path(__file__).resolve().parent / "data"
#: The components a parse needs, in pipeline order.
PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` (``#`` lines and blank lines skipped); the file must name its
    ``# source:`` and ``# licence:``."""
    path = DATA_DIR / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    for field in ("source", "licence"):
        if not any(line.startswith(f"# {field}:") for line in lines):
            raise ValueError(f"{path}: expected a '# {field}:' line in its header")
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))


REPORTING = frozenset(words("reporting_verbs"))
EVENT_NOUNS = frozenset(words("event_nouns"))
PLACE_OBJECT_VERBS = frozenset(words("place_object_verbs"))
MOTION = frozenset(words("motion_verbs"))
MOTION_NOUNS = frozenset(words("motion_nouns"))
LEAVING = frozenset(words("leaving_verbs"))
CAUSE_NOUNS = frozenset(words("cause_nouns"))
OPINION = frozenset(words("opinion_cues"))
STATIVE = frozenset(words("stative_verbs"))
PASSIVE_STATES = frozenset(words("passive_states"))
FEELINGS = frozenset(words("feeling_verbs"))
STANCE = frozenset(words("stance_verbs"))
PLAN = frozenset(words("plan_verbs"))
HABITS = frozenset(words("habit_adverbs"))
VOICES = frozenset(w.split()[1] for w in words("commentary") if w.startswith("voice "))
READINGS = frozenset(w.split()[1] for w in words("commentary") if w.startswith("reading "))
PERSON_NOUNS = frozenset(words("person_nouns"))
SOURCE_NOUNS = frozenset(words("source_nouns"))
HOME_NOUNS = frozenset(words("home_nouns"))
GOVERNMENT_NOUNS = frozenset(words("government_nouns"))
DECISION_VERBS = frozenset(words("decision_verbs"))
SITE_PREPS = frozenset(words("site_prepositions"))
_CAPTION = [re.compile(p, re.I) for p in words("caption_patterns")]
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_PAST = {"VBD", "VBN"}


def parse_sentences(nlp, texts: Sequence[str], entities: Sequence | None = None) -> list | None:
    """Parse ``texts`` with ``nlp``'s tagger, parser and lemmatizer (the parser is loaded but disabled
    in the geoparser's pipeline) and its entity recogniser (the people a later "he" may name);
    ``None`` when ``nlp`` has no parser. The pipeline is not changed, so builds may share it.

    ``entities``, one list of ``(start, end, label)`` a text, are entities already found (by the
    geoparser, over the whole paragraph): they are set on the docs and the recogniser is not run
    again (it costs as much as the parse)."""
    names = getattr(nlp, "component_names", ())
    if not texts or "parser" not in names:
        return None
    docs: Iterable = (nlp.make_doc(t) for t in texts)
    for name in PARSE_PIPES:
        if name in names and not (name == "ner" and entities is not None):
            docs = nlp.get_pipe(name).pipe(docs, batch_size=256)
    out = list(docs)
    if entities is not None:
        from spacy.util import filter_spans

        for doc, ents in zip(out, entities):
            spans = [doc.char_span(a, b, label=lab, alignment_mode="contract") for a, b, lab in ents]
            doc.ents = filter_spans([s for s in spans if s is not None and len(s)])
    return out


@dataclass(frozen=True)
class Clause:
    """A happening of a sentence: the predicate token (a verb), and what the parse says of it."""

    pred: object  # spacy Token
    reported: bool = False  # the clause a reporting verb governs
    opinion: bool = False  # modal, future, conditional or a question: no event of its own
    embedded: bool = False  # a relative or adverbial clause: an event only with a date of its own
    announce: bool = False  # "the council said it would...": the saying is the happening (a plan announced)

    @property
    def subject(self):
        if self.pred.dep_ == "acl" and _active_past(self.pred) and self.reported:
            return self.pred.head  # see _misread_report
        return _subject_of(self.pred) or (_subject_of(self.pred.head) if self.pred.dep_ == "conj" else None)

    @property
    def object(self):
        return _child(self.pred, ("dobj", "attr", "oprd", "acomp"))

    @property
    def past(self) -> bool:
        tags = {self.pred.tag_, *(c.tag_ for c in self.pred.children if c.dep_ in ("aux", "auxpass"))}
        return bool(tags & _PAST) and not self.opinion

    @property
    def lemma(self) -> str:
        comp = _child(self.pred, ("ccomp",)) if self.announce else None
        return (comp or self.pred).lemma_.lower()


def _child(tok, deps):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _misread_report(root):
    """The happening of "A storm hit the town on Sunday, the sheriff said." when the parser made the
    storm the subject of "said" and "hit" a clause describing it: the past-tense verb under the first of
    the reporting verb's two subjects, or ``None``."""
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    if len(subjects) < 2:
        return None
    return next((c for c in subjects[0].children if c.dep_ == "acl" and _active_past(c)), None)


def _active_past(verb) -> bool:
    """A past tense, or a participle with an object of its own ("killed 12 people": active, however
    the tagger read it)."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children)


#: "DPC had itself filed a suit": a reflexive the parser takes for a subject is none.
_REFLEXIVES = frozenset("itself himself herself themselves myself ourselves yourself".split())


def _subject_of(verb):
    """The verb's subject; of two the parser gave it ("The magnitude 6.8 quake hit": "magnitude" and
    "quake"), the one nearest before it, the phrase's head."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _REFLEXIVES]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


_CHRONOLOGY = re.compile(r"^\W*[^:.!?]{0,24}\d[^:.!?]{0,24}[:–—-]\s")


def _present(pred) -> bool:
    """Is the clause in the simple present ("the office is closed", "the team is working")? News
    narrates happenings in the past; the present is a state, a habit or a photo caption. The present
    perfect ("has closed") is a happening."""
    verbs = [pred, *(c for c in pred.children if c.dep_ in ("aux", "auxpass"))]
    tags = {t.tag_ for t in verbs}
    if tags & {"VBD", "MD"} or pred.tag_ == "VBN" and any(t.lemma_ == "have" for t in verbs[1:]):
        return False
    return bool(tags & {"VBZ", "VBP"})


def present_perfect(pred) -> bool:
    """Is the verb in the present perfect ("has closed", "have been arrested")?"""
    aux = [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    return pred.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in aux)


def _negated(pred) -> bool:
    """Is the verb negated, by itself or, when it is a conjoined verb with no auxiliary of its own, by
    the verb it is joined to ("had not admitted a role or implicated anyone")?"""
    if any(c.dep_ == "neg" for c in pred.children):
        return True
    return pred.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in pred.children) and any(
        c.dep_ == "neg" for c in pred.head.children)


def _a_thing(tok) -> bool:
    """Is the noun ``tok`` a thing or a happening ("the breach", "the report"), not a person or a group
    (a name, a plural, an office: "officials", "the minister")?"""
    if tok.lower_ in ("it", "this"):
        return True
    return (tok.pos_ == "NOUN" and tok.tag_ == "NN" and not tok.ent_type_
            and tok.lemma_.lower() not in PERSON_NOUNS and tok.lemma_.lower() not in HOME_NOUNS)


def _a_source(tok) -> bool:
    """Is the object of a reporting verb the person told or quoted ("quoted an officer", "told
    reporters", "told him"), not what was said or denied ("denied the charges")?"""
    lemma = tok.lemma_.lower()
    return (tok.ent_type_ == "PERSON" or lemma in PERSON_NOUNS or lemma in SOURCE_NOUNS
            or tok.pos_ == "PRON" and tok.lower_ not in ("it", "this", "that"))


def _is_opinion(pred, sent_text: str) -> bool:
    if pred.lemma_.lower() in STATIVE and (pred.lemma_.lower() in PASSIVE_STATES
                                           or not any(c.dep_ == "auxpass" for c in pred.children)):
        return True  # a state ("the bridge is old", "funds were needed"), not a happening
    if pred.lemma_.lower() in FEELINGS and any(c.dep_ == "auxpass" for c in pred.children):
        return True  # a feeling ("she was heartened by the help"), not a happening
    subj = _child(pred, ("nsubj", "nsubjpass"))
    if pred.lemma_.lower() in READINGS and subj is not None and (
            _a_thing(subj) or subj.tag_ == "NNS" and subj.lemma_.lower() in EVENT_NOUNS):
        # "the breach revealed strains", "the vote marked a shift", "the floods frightened visitors
        # away": a reading of what happened
        return True
    if pred.lemma_.lower() in REPORTING and not any(c.dep_ in ("dobj", "attr") and not _a_source(c)
                                                    for c in pred.children):
        # "officials have said (it resembles...)", "the paper quoted an officer", "told reporters": a
        # report, not a happening ("denied the charges" is)
        return True
    if _negated(pred):
        return True  # "did not say", "had not left": what did not happen is no step
    if present_perfect(pred) and any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for c in (
            *pred.children, *(subj.children if subj is not None else ()))):
        return True  # "relations have been strained since the war": a state that lasts
    if pred.lemma_.lower() in PLAN and any(c.dep_ in ("xcomp", "ccomp") for c in pred.children):
        return True  # "planned to pay", "is intended to show", "expected the firm to earn": an aim
    if not any(c.dep_ == "dobj" for c in pred.children) and any(
            c.dep_ == "xcomp" and c.lemma_ == "be" and any(a.lower_ == "to" for a in c.children) for c in pred.children):
        return True  # "appeared to be", "a site found to be a threat" (a participle the tagger took for
        # a past tense): a judgement or a state, not a happening
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in REPORTING for c in pred.children):
        return True  # "declined to comment", "refused to say": nothing happened but the asking
    if _present(pred) and not _CHRONOLOGY.match(sent_text):
        return True  # (a dated line of a chronology, "May 2010: Floods hit the city", narrates)
    aux = [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in OPINION or a.lemma_.lower() in OPINION for a in aux):
        return True
    if any(a.lower_ == "to" for a in aux) and pred.dep_ in ("xcomp", "ccomp"):
        return True  # "plans to build": a plan, not a happening
    return sent_text.rstrip(" \"'”’").endswith("?")


def _finite(pred) -> bool:
    if pred.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in pred.children):
        return True
    # A sentence's main verb with an active subject and no auxiliary is a past tense the tagger read as
    # a participle ("In Oslo, 200 people protested on Sunday": VBN for VBD).
    return pred.tag_ == "VBN" and pred.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in pred.children) and not any(
        c.dep_ in ("aux", "auxpass") for c in pred.children)


def clauses(doc) -> list[Clause]:
    """The happenings of a parsed sentence (a Doc or Span), main one first; ``[]`` when it has no finite
    verb (a caption, a heading, a dateline). A reporting verb ("said") that governs a clause gives way to
    it; its own subject is then the report's source."""
    out: list[Clause] = []
    text = doc.text
    for root in (t for t in doc if t.dep_ == "ROOT"):
        pred, reported = root, False
        comp = _child(root, ("ccomp",))
        if root.lemma_.lower() in REPORTING and comp is None:
            comp = _misread_report(root)
        if root.lemma_.lower() in REPORTING and comp is not None and comp.pos_ in ("VERB", "AUX"):
            pred, reported = comp, True
        if pred.pos_ not in ("VERB", "AUX") or not (_finite(pred) or reported and _finite(root)):
            continue
        voice = _child(root, ("nsubj",)) if reported else None
        judged = voice is not None and voice.lemma_.lower() in VOICES  # "critics say ..."
        # "officials have often said the road was unsafe": a claim made again and again tells of no happening
        judged = judged or reported and any(c.dep_ == "advmod" and c.lower_ in HABITS for c in root.children)
        judged_first = judged or _is_opinion(pred, text)
        out.append(Clause(pred, reported, judged_first))
        for c in pred.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ in _FINITE | {"VBN"} and not _torn_tense(pred, c):
                # A participle with no auxiliary of its own shares the first verb's ("the figures are
                # ... and injured": no happening either; "was closed and repaired": both happened).
                shares = c.tag_ == "VBN" and not any(a.dep_ in ("aux", "auxpass") for a in c.children)
                out.append(Clause(c, reported, _is_opinion(c, text) or shares and judged_first))
        if reported and out[-1].opinion and not judged and root.tag_ in _PAST and _dated_saying(root) and _plan(out[-1].pred):
            # "The council said on Monday it would close the bridge": the announcement happened (not
            # "forecasters said on Monday the storm would weaken": a judgement, no one's act).
            out.append(Clause(root, announce=True))
    return out + _embedded(doc, {c.pred.i for c in out})


def _torn_tense(pred, conj) -> bool:
    """Is the verb joined to ``pred`` in another tense, with no subject of its own, across a clause a
    "where", "who" or "which" opens ("tests link the man to a hair found where a gunman shot and killed
    a doctor", parsed "link ... and killed")? The parse tore the second verb from that clause ("he
    supports the plan and voted for it" is one clause)."""
    return (pred.tag_ in ("VBZ", "VBP") and conj.tag_ == "VBD"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            and any(t.tag_ in ("WDT", "WP", "WRB") for t in pred.doc[pred.i + 1:conj.i]))


def _plan(pred) -> bool:
    """Does the clause tell what someone will do ("it would close the bridge"), not a state ("the
    bridge was old") or a wish in the first person ("I would like...")?"""
    aux = [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    subj = _child(pred, ("nsubj", "nsubjpass"))
    if subj is not None and subj.lower_ in ("i", "we", "you"):
        return False
    return any(a.lower_ in OPINION or a.lemma_.lower() in OPINION or a.lower_ == "to" for a in aux)


def _modal(verb) -> bool:
    """Does the verb carry a modal or a future ("would weaken", "will move", "could hit")?"""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _dated_saying(root) -> bool:
    """Does the reporting verb carry a time of its own ("said Friday", "announced on Monday"), not only
    the forecast it reports ("forecasters said the storm could...")?"""
    comp = _child(root, ("ccomp",))
    subj = _child(comp, ("nsubj", "nsubjpass")) if comp is not None else None
    if subj is None or subj.left_edge.i <= root.i:
        return False
    # The words between the verb and its clause's subject are the saying's ("said on Monday it ...").
    return any(t.pos_ in ("PROPN", "NOUN", "NUM") for t in root.doc[root.i + 1:subj.left_edge.i])


def _embedded(doc, taken: set[int]) -> list[Clause]:
    """The finite past-tense verbs of relative, adverbial and complement clauses not yet listed ("the
    bridge, which collapsed in 2010, ..."): each is an event only when a time expression is its own."""
    out = []
    for t in doc:
        if t.i in taken or t.dep_ not in ("relcl", "advcl", "ccomp") or t.pos_ != "VERB":
            continue
        if t.tag_ == "VBD" or t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in t.children):
            # "the storm would weaken as it moved inland": the forecast's clause is forecast too
            hypothetical = t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX") and _modal(t.head)
            out.append(Clause(t, embedded=True, opinion=_is_opinion(t, doc.text) or hypothetical))
    return out


def dated_noun(doc, start: int, end: int):
    """The noun naming a happening that the time expression at ``[start, end)`` dates ("a raid last
    week", "the 2010 floods", "an attack on the depot in May"), or ``None``: the first event noun
    among its ancestors before any verb."""
    for anc in _ancestors_outside(doc, start, end):
        if anc.pos_ in ("VERB", "AUX"):
            return None
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in EVENT_NOUNS:
            return anc
    return None


def _span_head(doc, start: int, end: int):
    """The syntactic head of the characters ``[start, end)`` of ``doc``, or ``None``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _ancestors_outside(doc, start: int, end: int):
    """The ancestors of the head of the characters ``[start, end)``, nearest first, leaving out the
    span's own tokens and prepositions ("on" in "the attack on Monday")."""
    tok = _span_head(doc, start, end)
    if tok is None:
        return
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = {t.i for t in span} if span is not None else {tok.i}
    for anc in tok.ancestors:
        if anc.i not in inside and anc.pos_ != "ADP":
            yield anc


def _governor(tok, clause: Clause):
    """The verb a token depends on: its first verb ancestor, or ``None``."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def place_role(doc, start: int, end: int, clause: Clause | None, *, broad: bool = False) -> str:
    """What the place at characters ``[start, end)`` is to the clause: ``"site"`` (in/at/near ...
    it), ``"origin"``/``"destination"`` (from/to it, with a verb of motion), ``"actor"`` (the subject,
    or a modifier of a noun: "the Danish navy"), ``"addressed"`` (the object of a verb of judging or
    telling: a government, never the site), ``"described"`` (where the thing judged or the cause
    was: never the site either), ``"reference"`` (a point the site is measured from, a person's home:
    never the site), else ``"mentioned"``. A town naming a noun's place ("at the Oslo airport") takes
    the noun's role; a ``broad`` place (a country, a region) there owns the thing ("the Danish embassy")."""
    tok = _span_head(doc, start, end)
    if tok is None or clause is None:
        return "mentioned"
    if not broad and tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and tok.head.dep_ == "pobj":
        # "at the Riverton airport", "in a Salem suburb": the noun's place phrase is the town's. Not a
        # journey's end: "evidence from the Riverton fire arrived" did not travel from Riverton.
        role = _pobj_role(tok.head, clause)
        if role in ("site", "described", "reference"):
            return role
    if tok.dep_ in ("nsubj", "nsubjpass", "poss") or (tok.dep_ in ("compound", "amod") and tok.head.pos_ != "PROPN"):
        return "actor"
    if tok.dep_ == "conj":  # "in Oslo and Bergen": the second takes the first's role
        first = tok
        while first.dep_ == "conj":
            first = first.head
        tok = first
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in STANCE | REPORTING:
        return "addressed"  # "blamed Oslo", "told Oslo": the government there, not where it happened
    if tok.dep_ == "dobj" and tok.head.i == clause.pred.i and clause.lemma in PLACE_OBJECT_VERBS:
        return "site"  # "the storm hit Oslo", "crossed the peninsula": where it happened
    if tok.dep_ == "dobj" and tok.head.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in _BESIDE_VERBS:
        return "reference"  # "a town bordering Oslo", "hills that overlook Oslo": beside it, not in it
    if tok.dep_ != "pobj":
        return "mentioned"
    return _pobj_role(tok, clause)


#: Verbs that place a noun beside a place ("a village bordering Ruritania"): the place is a reference.
_BESIDE_VERBS = frozenset("border adjoin neighbour neighbor overlook surround straddle abut".split())


def leaves_from(doc, start: int, end: int) -> bool:
    """Is the place at characters ``[start, end)`` one left ("withdrew from Oslo", "the evacuation of
    staff from Oslo"), so that the journey's end is not known from it?"""
    tok = _span_head(doc, start, end)
    if tok is None or tok.dep_ != "pobj":
        return False
    prep = tok.head
    verb = _governor(prep, None)
    return prep.head.lemma_.lower() in LEAVING or (verb is not None and verb.lemma_.lower() in LEAVING)


def _pobj_role(tok, clause: Clause) -> str:
    """:func:`place_role` of the object of a preposition (the place's name or a noun it modifies)."""
    prep = tok.head
    if prep.lower_ == "of" and (_a_reference(prep.head) or _a_town_word_of_a_reference(prep.head)):
        return "reference"  # "20 km south of Oslo", "Ann Lee, 44, of Oslo": not where it happened
    if prep.lower_ == "from" and _after_a_distance(prep):
        return "reference"  # "17 kilometers (10 miles) from Oslo", "10 miles away from Oslo"
    if prep.dep_ == "agent":
        return "actor"  # "a militia backed by Ruritania": who acts, not where
    word = prep.lower_
    if prep.dep_ == "pcomp" or (prep.head.lower_ == "out" and word == "of"):
        word = "from"  # "out of Oslo"
    verb = _governor(prep, clause)
    moving = verb is not None and verb.lemma_.lower() in MOTION
    if moving and verb.i != clause.pred.i and verb.dep_ == "pcomp" and verb.head.lower_ in ("from", "of", "against"):
        return "mentioned"  # "barred the government from sending him to Oslo": no journey happened
    if (moving or _in_movement(prep, verb)) and not _within(prep, clause):
        return "mentioned"  # "sent signals that it wants to withdraw from Oslo": no journey of this clause
    if _in_movement(prep, verb) and word in ("from", "at", "to", "into"):
        return "origin" if word in ("from", "at") else "destination"  # "the deployment of a unit at Fort X"
    if moving and word in ("from",):
        return "origin"
    if moving and word in ("to", "into", "toward", "towards"):
        return "destination"
    if word in SITE_PREPS and word not in ("to", "into", "toward", "towards"):
        judged = clause.lemma in STANCE or clause.lemma in REPORTING
        if _below(prep, verb, CAUSE_NOUNS):
            return "described"  # "in response to the floods in Oslo": where the cause was
        if _for_a_purpose(prep, verb):
            return "described"  # "handed them over for trial in Oslo": where the trial is to be
        if judged and _on_a_participant(prep, verb):
            return "described"  # "condemned the attacks in Oslo": where the attacks were
        return "site" if _within(prep, clause) else "mentioned"
    return "mentioned"


#: Directions that, with "of", place something away from the town named ("15 miles south of Oslo").
_DIRECTIONS = frozenset("""north south east west northeast northwest southeast southwest northeastern
north-east north-west south-east south-west upstream downstream""".split())


def _a_reference(head) -> bool:
    """Is the word that "of" follows a direction or distance from a town ("15 miles south of", "just
    north of", "20 km of") or a person it gives the home of ("Ann Lee, 44, of Oslo, was seen...")? The
    town is then a reference point, not the site. "The north of Oslo" (a noun, a part of the town) is
    inside it."""
    if head.lower_ in _DIRECTIONS and head.pos_ in ("ADV", "ADJ"):
        return True
    if head.lemma_.lower() in ("mile", "kilometer", "kilometre", "km") and head.dep_ == "npadvmod":
        return True
    if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        return True
    return head.pos_ == "NUM" and head.dep_ == "appos" and head.head.ent_type_ == "PERSON"  # "Lee, 44, of"


#: Words that name a town before its name ("the port city of Oslo").
_TOWN_WORDS = frozenset(words("town_words"))


def _a_town_word_of_a_reference(noun) -> bool:
    """Is ``noun`` a word for a town in a reference phrase ("20 km north of the port city of Oslo")?"""
    return (noun.lemma_.lower() in _TOWN_WORDS and noun.dep_ == "pobj" and noun.head.lower_ == "of"
            and _a_reference(noun.head.head))


#: Units of distance ("17 kilometers from Oslo").
_UNITS = frozenset(words("distance_units"))


def _after_a_distance(prep) -> bool:
    """Does a distance come right before the preposition ("17 kilometers (10 miles) from", "a mile
    away from")?"""
    doc = prep.doc
    k = prep.i - 1
    if k >= 0 and doc[k].lower_ == ")":  # the distance in other units, in brackets
        k = next((j for j in range(k - 1, max(-1, k - 8), -1) if doc[j].lower_ == "("), 0) - 1
    if k >= 0 and doc[k].lower_ == "away":
        k -= 1
    return k >= 0 and doc[k].lemma_.lower() in _UNITS


def _in_movement(prep, verb) -> bool:
    """Is the preposition inside the phrase of a noun naming a movement, below the verb?"""
    return _below(prep, verb, MOTION_NOUNS)


def _below(prep, verb, nouns: frozenset[str]) -> bool:
    """Is the preposition inside the phrase of one of ``nouns``, below the verb?"""
    for anc in prep.ancestors:
        if verb is not None and anc.i == verb.i:
            return False
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in nouns:
            return True
    return False


def _for_a_purpose(prep, verb) -> bool:
    """Is the preposition inside a "for" phrase of the verb ("agreed to send them for trial in Oslo",
    "was arrested for a murder in Oslo"): where the aim or the charge is, not where it happened?"""
    for anc in prep.ancestors:
        if verb is not None and anc.i == verb.i:
            return False
        if anc.pos_ == "ADP" and anc.lower_ == "for" and anc.dep_ == "prep":
            return True
    return False


def _on_a_participant(prep, verb=None) -> bool:
    """Does the preposition describe a participant ("condemned the attacks in Oslo": where the attacks
    were), not the happening? Chains of place phrases ("in the north of Oslo") lead up to the verb. A
    phrase set before the verb ("At a rally in Oslo, she condemned ...") is the scene, not a participant."""
    head = prep.head
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and (
            head.ent_type_ in ("GPE", "LOC", "FAC") or head.lemma_.lower() in _PART_WORDS):
        head = head.head.head  # "in the north of Oslo", "in Bergen in Norway": one place phrase
    if verb is not None and head.i < verb.i and _fronted(head, verb):
        return False
    return head.pos_ in ("NOUN", "PROPN", "PRON") and head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj")


def _fronted(noun, verb) -> bool:
    """Is ``noun`` inside a chain of prepositional phrases that hangs from ``verb`` before it ("At a
    service in the cathedral in Oslo, she ...")?"""
    tok = noun
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep = tok.head
        if prep.head.i == verb.i:
            return prep.i < verb.i
        tok = prep.head
    return False


#: Nouns naming a part of a place ("the north of Oslo"): a place phrase goes on through them.
_PART_WORDS = frozenset("""north south east west northeast northwest southeast southwest centre center middle
heart part outskirts edge suburb suburbs border coast""".split())


def _within(tok, clause: Clause) -> bool:
    """Is the token in the clause's own part of the sentence, not in a clause of its own ("the man who
    lived in Oslo", "officials said ... in Oslo", "arriving days after the flood in Oslo, ...")?
    Infinitives and participles that complete the verb belong to it."""
    verb = _governor(tok, clause)
    while verb is not None and verb.i != clause.pred.i:
        if verb.dep_ in ("ccomp", "relcl", "csubj", "parataxis", "advcl"):
            return False
        verb = _governor(verb, clause)
    return verb is not None and verb.i == clause.pred.i


def attached(doc, start: int, end: int, clause: Clause | None) -> bool:
    """Does the time expression at characters ``[start, end)`` date the clause's predicate ("on Monday"
    → "thanked"), rather than a noun ("the 2010 floods", "the attack on Monday")?"""
    tok = _span_head(doc, start, end)
    if tok is None or clause is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = {t.i for t in span} if span is not None else {tok.i}
    for anc in tok.ancestors:
        if anc.i in inside:
            continue
        if anc.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and anc.dep_ != "npadvmod":
            # "heard arguments on Monday": a day in a phrase of the verb's object, when the object is
            # no happening, is the parser's attachment of the verb's time to the noun before it.
            return (anc.dep_ == "dobj" and anc.head.i == clause.pred.i and anc.pos_ == "NOUN"
                    and anc.lemma_.lower() not in EVENT_NOUNS and tok.head.pos_ == "ADP" and tok.head.head.i == anc.i
                    and tok.head.lower_ in ("on", "in", "at"))  # else the date names when a thing was: "the 2010 floods"
        if anc.pos_ in ("VERB", "AUX"):
            return anc.i == clause.pred.i or anc.head.i == clause.pred.i and anc.dep_ in ("aux", "auxpass", "xcomp")
    return False


def names_a_thing(doc, start: int, end: int) -> bool:
    """Does the time expression at ``[start, end)`` modify a noun before any verb ("the 2010 floods",
    "the attack on Monday")?"""
    for anc in _ancestors_outside(doc, start, end):
        return anc.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    return False


def in_a_relative(doc, start: int, end: int, clause: Clause | None) -> bool:
    """Does the time expression at ``[start, end)`` date the verb of a relative clause ("a house where
    the suspect lived last year", "two men who were sought last week")? That is the described
    thing's time, not the clause's."""
    for anc in _ancestors_outside(doc, start, end):
        if anc.pos_ in ("VERB", "AUX"):
            noun = anc.head
            # "... during the protest that unfolded on Monday": a happening the clause is set in
            # gives the clause its time.
            setting = noun.dep_ == "pobj" and noun.head.lower_ in _SETTING_PREPS
            return (clause is None or anc.i != clause.pred.i) and anc.dep_ == "relcl" and not setting
        if anc.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return False
    return False


_SETTING_PREPS = frozenset(("during", "amid", "amidst", "throughout"))


def after_a_thing(doc, start: int, end: int, clause: Clause | None) -> bool:
    """Does the time expression at ``[start, end)`` date a noun that the clause's predicate follows
    ("arrived after the storm on Monday", "following the vote in May")?"""
    tok = _span_head(doc, start, end)
    if tok is None or clause is None:
        return False
    for anc in (tok, *tok.ancestors):
        if anc.pos_ in ("VERB", "AUX"):
            return False
        if anc.dep_ == "pobj" and anc.head.lower_ in ("after", "following"):
            return anc.head.head.i == clause.pred.i
    return False


def is_caption(text: str, doc=None) -> bool:
    """A photo caption or credit line ("Picture: A. Photographer / Agency"), or a short line with no
    finite verb."""
    if any(p.search(text) for p in _CAPTION):
        return True
    return doc is not None and len(doc) <= 25 and not clauses(doc) and not text.rstrip().endswith(":")
