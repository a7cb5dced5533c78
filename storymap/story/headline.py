"""A step's headline from its event's own clause, in news style: subject, predicate in the present
tense, object, site ("Volunteers rebuild flooded school in Lyon"), at most 80 characters and never
cut in the middle of a phrase: the place goes first, then the object's modifiers, then the object.

Entry points: :func:`headline` (from a parsed :class:`~storymap.story.clauses.Clause`) and
:func:`fallback_headline` (from a sentence alone, when there is no parse).
"""

from __future__ import annotations

import re

from storymap.places.names import normalize_name
from storymap.story.clauses import MOTION, words

__all__ = ["MAX_CHARS", "headline", "noun_headline", "fallback_headline", "present", "subject_text"]

MAX_CHARS = 80
_MODIFIERS = ("compound", "amod", "nummod", "poss", "nmod", "quantmod")
_IRREGULAR = {"be": ("is", "are"), "have": ("has", "have"), "do": ("does", "do"), "go": ("goes", "go")}
_PLURAL_PRONOUNS = {"they", "we", "you", "i"}


def present(lemma: str, plural: bool) -> str:
    """The present tense of a verb's lemma: "kill" → "kills" (singular subject), "kill" (plural)."""
    lemma = lemma.lower()
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma][1 if plural else 0]
    if plural:
        return lemma
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _phrase(head, full: bool) -> list:
    """The head noun with its compounds (and, when ``full``, adjectives, numbers and possessives)."""
    keep = {head.i: head}

    def add(tok, depth: int) -> None:
        for c in tok.children:
            if c.i > head.i and c.dep_ != "case":
                continue  # "Oslo, worried about the floods, ...": words after the noun are no part of its name
            if c.dep_ == "compound" or (full and c.dep_ in _MODIFIERS):
                keep[c.i] = c
                if depth < 3:
                    add(c, depth + 1)
            elif c.dep_ == "case" and c.head.i in keep:  # "Iran 's"
                keep[c.i] = c

    add(head, 0)
    doc = head.doc

    def torn(t) -> bool:
        """Is ``t`` a piece of a hyphenated word whose other pieces are left out ("old" of "8-year-old")?"""
        before = t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_ and t.i - 2 not in keep
        after = t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ and t.i + 2 not in keep
        return before or after

    for i in [i for i in keep if i != head.i and torn(doc[i])]:
        for j in _hyphenated(doc, i) if full else ():
            keep.setdefault(j, doc[j])  # "a new $10-a-share offer": the whole word, not "$--"
        if not full:
            del keep[i]
    for i in [i for i in keep if doc[i].tag_ == "$" and (i + 1 >= len(doc) or i + 1 not in keep)]:
        del keep[i]  # a currency sign whose amount is left out
    lo, hi = min(keep), max(keep)
    # Commas between the adjectives go ("a new, larger offer" → "new larger offer"), as in headlines.
    return [t for t in doc[lo:hi + 1] if t.i in keep and t.text != "," or t.dep_ in ("punct", "case") and lo < t.i < hi
            and t.text != "," and (t.text != "-" or t.i - 1 in keep and t.i + 1 in keep)]


def _hyphenated(doc, i: int) -> range:
    """The tokens of the hyphenated word token ``i`` is a piece of ("$10-a-share", "8-year-old")."""
    lo = hi = i
    while lo >= 2 and doc[lo - 1].text == "-" and not doc[lo - 2].whitespace_ and not doc[lo - 1].whitespace_:
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and not doc[hi].whitespace_ and not doc[hi + 1].whitespace_:
        hi += 2
    if lo >= 1 and doc[lo - 1].tag_ == "$" and not doc[lo - 1].whitespace_:
        lo -= 1  # "$10-a-share": the sign goes with its amount
    return range(lo, hi + 1)


def _text(tokens) -> str:
    out, prev = "", None
    for t in tokens:
        joined = prev is not None and prev.i + 1 == t.i and not prev.whitespace_  # "pro-Iran", "U.S.-led"
        out += (t.text if not out or joined or t.dep_ == "case" or t.text in ("-", "'s") else " " + t.text)
        prev = t
    # Brackets whose words were left out ("the Riverton (Ontario) Herald" → "Riverton ( ) Herald").
    return re.sub(r"\s*[(\[]\s*[)\]]", "", out).strip()


def _plural(subj) -> bool:
    """Does the subject take a plural verb: a plural noun, "they", or a plural of people the tagger took
    for a name at the start of a sentence ("Kidnappers kept...", "Protesters marched...")?"""
    if subj.tag_ in ("NNS", "NNPS") or subj.lower_ in _PLURAL_PRONOUNS:
        return True
    nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
    one_word = subj.ent_iob_ != "I" and (nxt is None or nxt.ent_iob_ != "I")  # not part of a longer name
    return (subj.tag_ == "NNP" and subj.ent_type_ in ("", "ORG", "NORP") and one_word
            and _PEOPLE_PLURAL.fullmatch(subj.text) is not None)


#: Plurals of nouns for people ("kidnappers", "protesters", "activists", "residents", "guardians", "gunmen").
_PEOPLE_PLURAL = re.compile(r"[A-Z][a-z]{2,}(?:ers|ors|ists|ants|ents|ians|ees|men)")


#: Nouns that measure what follows them ("1,300 pounds of explosives", "a cache of weapons").
_MEASURES = frozenset(words("measure_nouns"))


def _measured(obj):
    """What a measuring object measures ("1,300 pounds of explosives" → "explosives"), or ``None``."""
    if obj is None or not (obj.lemma_.lower() in _MEASURES or obj.pos_ == "NUM"):
        return None
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    what = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return what if what is not None and what.pos_ in ("NOUN", "PROPN") else None


def _coordinated(subj):
    """The second of two coordinated subject nouns ("Lee and Meyer"), or ``None``; not when the verb is
    singular ("Lee, 52, and the father of four, was shot": one man)."""
    if subj is None:
        return None
    verb = subj.head
    if any(t.tag_ == "VBZ" or t.lower_ in ("was", "is", "has") for t in (verb, *verb.children)
           if t.i == verb.i or t.dep_ in ("aux", "auxpass")):
        return None
    found = next((c for c in subj.children if c.dep_ == "conj" and subj.pos_ in ("NOUN", "PROPN") and c.pos_ in ("NOUN", "PROPN")
                  and any(x.lower_ == "and" for x in subj.children if x.dep_ == "cc")), None)
    if found is None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", ""):
        # "Presidents Ann Lee of Ruritania and Paul Meyer of Freedonia signed": the parser may join the
        # second person to the first one's country; a person there ("... of Freedonia" too, or named
        # a person) is the second subject, a second country ("Lee of Ruritania and Freedonia") is not.
        for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = next((c for c in pobj.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                              and (c.ent_type_ == "PERSON" or any(x.dep_ == "prep" and x.lower_ == "of" for x in c.children))
                              and any(x.lower_ == "and" for x in pobj.children if x.dep_ == "cc")), found)
    return found


def _verb(clause, subj) -> str:
    pred = clause.pred
    plural = subj is not None and (_plural(subj) or _coordinated(subj) is not None)
    prt = " ".join(c.text for c in pred.children if c.dep_ == "prt")
    neg = any(c.dep_ == "neg" for c in pred.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in pred.children) or _reduced_relative(pred)
    if passive:
        verb = ("not " if neg else "") + pred.text.lower()  # "Two men arrested"
    elif neg:
        verb = ("do" if plural else "does") + " not " + pred.lemma_.lower()
    else:
        verb = present(pred.lemma_, plural)
    return f"{verb} {prt}".strip()


def _reduced_relative(pred) -> bool:
    """Is the participle a passive describing its "subject" ("the bomb found in Oslo was ..."): a VBN
    with no auxiliary and no object, followed by a verb with an auxiliary but no subject of its own
    (the parser gave it to the participle)?"""
    if pred.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "dobj") for c in pred.children):
        return False
    return any(t.pos_ in ("VERB", "AUX") and t.i > pred.i and t.head.i == pred.head.i
               and any(c.dep_ in ("aux", "auxpass") for c in t.children)
               and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
               for t in pred.doc)


def subject_text(tok) -> str:
    """A noun phrase as a headline's subject: the head with its modifiers ("Iran's supreme leader")."""
    return _text(_phrase(tok, True))


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


_RELATIVE = {"who", "that", "which", "whom"}
_PERSONAL = {"he", "she", "it", "they"}


def headline(clause, site: str | None = None, person: str | None = None) -> str:
    """Subject, predicate (present tense), object, site (``"in Lyon"``), at most :data:`MAX_CHARS`. An
    announced plan reads "Council to close bridge".

    A relative pronoun gives way to the noun its clause describes ("the mayor, who was elected in May"
    → "Mayor elected"); "he", "she", "it" or "they" to ``person``, what the caller read it to name
    (the person the article last named; the noun "it" or "they" stands for), when there is one."""
    subj, obj = clause.subject, clause.object
    if subj is not None and subj.lower_ in _RELATIVE and clause.pred.dep_ == "relcl":
        subj = clause.pred.head
    if subj is not None and not any(ch.isalnum() for ch in subj.text):
        # A dash the parser took for the subject ("About 200 Americans _ staff and families _ left"):
        # the noun the words between the dashes describe is the subject.
        subj = next((t for t in reversed(subj.doc[:subj.i]) if t.pos_ in ("NOUN", "PROPN")), None)
        while subj is not None and subj.dep_ in ("conj", "appos") and subj.head.i < subj.i:
            subj = subj.head
    comp = next((c for c in clause.pred.children if c.dep_ == "ccomp"), None) if clause.announce else None
    if comp is not None:
        obj = next((c for c in comp.children if c.dep_ in ("dobj", "attr", "oprd")), None)
        told = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if told is not None and told.pos_ in ("NOUN", "PROPN"):
            subj = told  # "officials said on Monday the bridge would close": "Bridge to close"
            site = None  # said there, not done there: "Bridge to close in <where it was said>" misleads
    subj_full = _text(_phrase(subj, True)) if subj is not None else ""
    subj_short = _text(_phrase(subj, False)) if subj is not None else ""
    also = _coordinated(subj) if comp is None else None
    if also is not None:  # "Ann Lee of Ruritania and Paul Meyer of Freedonia signed": "Lee and Meyer sign"
        subj_full = f"{subj_full} and {_text(_phrase(also, True))}"
        subj_short = f"{subj.text} and {also.text}" if subj.pos_ == "PROPN" else f"{subj_short} and {_text(_phrase(also, False))}"
    if person and subj is not None and subj.lower_ in _PERSONAL:
        subj_full = subj_short = person
    obj_full = _text(_phrase(obj, True)) if obj is not None else ""
    obj_short = _text(_phrase(obj, False)) if obj is not None else ""
    what = _measured(obj)
    if what is not None:  # "found 1,300 pounds of explosives": the explosives are what was found
        obj_full, obj_short = (f"{o} of {_text(_phrase(what, False))}" for o in (obj_full, obj_short))
    verb = _verb(clause, subj) if comp is None else " ".join(
        ["to", *(["be", comp.text.lower()] if comp.tag_ == "VBN" else [comp.lemma_.lower()]),
         *(c.text for c in comp.children if c.dep_ == "prt")])
    if _names(site, subj_full, obj_full):
        site = None  # "Oslo summons envoy", not "Oslo summons envoy in Oslo"
    if comp is None and obj is None and clause.pred.lemma_.lower() in _RULINGS:
        ruled = _ruling(clause, subj_full, subj_short, verb, site)
        if ruled:
            return ruled
    placed = _object_complement(clause.pred, obj) if comp is None else ""
    rest = placed or (_complement(clause.pred, obj is None) if comp is None else _journey(comp))
    # From the fullest to the barest; the first that fits wins (place first, then object modifiers).
    # Where a thing was put is part of the deed: no headline drops it ("Police place town").
    for parts in ((subj_full, verb, obj_full, rest, site), (subj_full, verb, obj_full, rest),
                  (subj_full, verb, obj_short, rest), (subj_short, verb, obj_short, rest),
                  *(() if placed else ((subj_full, verb, obj_full, site), (subj_full, verb, obj_full),
                                       (subj_full, verb, obj_short), (subj_short, verb, obj_short))), (subj_short, verb)):
        text = " ".join(p for p in parts if p)
        if len(text) <= MAX_CHARS:
            return _cap(text)
    return _cap(_fit(f"{subj_short} {verb}"))


_RULINGS = frozenset(words("ruling_verbs"))


def _journey(verb) -> str:
    """Where a planned movement goes from or to, by name ("will withdraw its troops from Ruritania" →
    "from Ruritania"); ``""`` when ``verb`` is no verb of motion or names no such place."""
    if verb.lemma_.lower() not in MOTION:
        return ""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "to", "into")):
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if pobj is not None and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
            return f"{prep.lower_} {_text(_phrase(pobj, False))}"
    return ""


def _ruling(clause, subj_full: str, subj_short: str, verb: str, site: str | None) -> str:
    """"Judge rules boy returned": a ruling's headline with what it decided (its that-clause's own
    headline), when it fits; ``""`` when the verb has no such clause."""
    from storymap.story.clauses import Clause

    that = next((c for c in clause.pred.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if that is None or not subj_short:
        return ""
    aux = [c for c in that.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in aux) or that.tag_ == "VB" and not any(a.lower_ == "to" for a in aux):
        # What must be done ("that the boy must be returned", "that he be released"): "boy to be returned"
        inner = headline(Clause(clause.pred, announce=True))
    else:
        inner = headline(Clause(that))
        said = that.tag_ in ("VBD", "VBN") and not any(a.dep_ == "auxpass" for a in aux)
        now = _verb(Clause(that), Clause(that).subject)
        if said and now and re.search(rf"\b{re.escape(now)}\b", inner):
            # a finding about the past stays past: "jury finds company polluted river"
            inner = re.sub(rf"\b{re.escape(now)}\b", that.text.lower(), inner, count=1)
    first = next((t for t in that.subtree if not t.is_punct and t.lower_ != "that"), None)
    if first is not None and first.pos_ != "PROPN" and not first.text.isupper():
        inner = inner[:1].lower() + inner[1:]
    for parts in ((subj_full, verb, inner, site), (subj_full, verb, inner), (subj_short, verb, inner)):
        text = " ".join(p for p in parts if p)
        if len(text) <= MAX_CHARS:
            return _cap(text)
    return ""


_OBJECT_PREPS = {"with", "on", "against", "for", "over", "about", "through", "into"}
_NOT_OBJECTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
#: Verb lemma -> the prepositions whose phrase completes its object (data/object_complements.txt).
OBJECT_COMPLEMENTS = {line.split()[0]: frozenset(line.split()[1:]) for line in words("object_complements")}


def _object_complement(pred, obj) -> str:
    """The phrase that completes the object of a verb of :data:`OBJECT_COMPLEMENTS` ("put two men on
    the wanted list" → "on list", "forced families from their homes", "convicted the mayor of
    fraud"): the first phrase after the object, when its preposition is one the verb takes and it
    names no place or time (the site and date are said apart). ``""`` for other verbs."""
    preps = OBJECT_COMPLEMENTS.get(pred.lemma_.lower()) if obj is not None else None
    if not preps:
        return ""
    # The parser often hangs the phrase on the object ("the mayor of fraud"): its last phrase counts too.
    after = [c for c in pred.children if c.dep_ == "prep" and c.i > obj.i]
    own = [c for c in obj.children if c.dep_ == "prep" and c.i > obj.i][-1:]
    for prep in sorted(after + own, key=lambda c: c.i):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ in preps and pobj is not None and pobj.pos_ == "NOUN" and pobj.ent_type_ not in _NOT_OBJECTS:
            return f"{prep.lower_} {_text(_phrase(pobj, False))}"
        pcomp = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if prep.lower_ in preps and pcomp is not None:
            # "barred the agency from sending the boy back": what it may not do, with its object
            what = next((c for c in pcomp.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            return " ".join([prep.lower_, pcomp.lower_, *([_text(_phrase(what, False))] if what is not None else [])])
        if pobj is not None and pobj.ent_type_ in ("DATE", "TIME"):
            continue  # "barred them on Monday from sending ...": the date is said apart
        if prep.head.i == pred.i:
            break  # the verb's first phrase is another ("put the head of the agency on leave" reads on)
    return ""


def _complement(pred, bare: bool) -> str:
    """What completes the predicate when it has no object of its own (``bare``): the thing it acts
    on through a preposition ("met with aides", "called on supporters"); and, object or not, what it
    was done for ("vowed to hunt down the bombers", "urged people to stay"). ``""`` when neither."""
    out = []
    if bare:
        to = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > pred.i), None)
        goal = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if goal is not None and goal.pos_ == "NOUN" and not goal.ent_type_ and not any(
                c.dep_ in ("det", "poss") for c in goal.children):
            out += ["to", goal.lower_]  # "went to war", "took it to court"
        preps = _OBJECT_PREPS | OBJECT_COMPLEMENTS.get(pred.lemma_.lower(), frozenset())  # "was convicted of fraud"
        prep = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ in preps and c.i > pred.i), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        pcomp = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if prep is not None else None
        if pobj is not None and pobj.ent_type_ not in _NOT_OBJECTS and pobj.pos_ in ("NOUN", "PROPN"):
            out += [prep.lower_, _text(_phrase(pobj, False))]
        elif pcomp is not None:  # "called for replacing the troops"
            pobj = next((c for c in pcomp.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            out += [prep.lower_, pcomp.lower_, *([_text(_phrase(pobj, False))] if pobj is not None else [])]
    xc = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    xobj = next((c for c in xc.children if c.dep_ == "dobj"), None) if xc is not None else None
    # Not a verb whose complement the headline cannot hold ("voted to make the country a republic"
    # would read "votes to make").
    dangling = xc is not None and (xobj is None and any(c.dep_ in ("ccomp", "oprd", "attr", "dative") for c in xc.children)
                                   or xobj is not None and any(c.dep_ == "nsubj" for c in xobj.children))
    if xc is not None and not dangling and any(a.lower_ == "to" for a in xc.children if a.dep_ == "aux"):
        out += ["to", xc.lemma_.lower(), *(c.text for c in xc.children if c.dep_ == "prt")]
        if xobj is not None and xobj.pos_ in ("NOUN", "PROPN"):
            out.append(_text(_phrase(xobj, False)))
    elif xc is not None and not dangling and xc.tag_ == "VBG" and xc.i > pred.i:
        # "started processing claims", "stopped selling arms": the gerund is what was started
        out += [xc.lower_, *(c.text for c in xc.children if c.dep_ == "prt")]
        if xobj is not None and xobj.pos_ in ("NOUN", "PROPN"):
            out.append(_text(_phrase(xobj, False)))
    return " ".join(out)


def noun_headline(noun, site: str | None = None, skip: frozenset[int] = frozenset()) -> str:
    """A headline from a noun naming a happening: the noun with its modifiers (but not the tokens
    ``skip``: its date, "the 2010 floods"), what it was on or against, and the site ("Drone attack on
    oil depot in Lyon"), at most :data:`MAX_CHARS`."""
    words = [t for t in _phrase(noun, True) if t.i not in skip and not (t.dep_ == "case" and t.head.i in skip)]
    head = _text(words)
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of")), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    target = f"{prep.lower_} {_part_of(pobj)}" if pobj is not None else ""
    if _names(site, head, target):
        site = None  # "Invasion of Oslo", not "Invasion of Oslo in Oslo"
    for parts in ((head, target, site), (head, target), (head, site), (_text(_phrase(noun, False)),)):
        text = " ".join(p for p in parts if p)
        if len(text) <= MAX_CHARS:
            return _cap(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I))
    return _cap(_fit(head))


#: Nouns that name a part of something ("the heart of the oil industry", "the outskirts of the city").
_PARTS = frozenset("heart centre center core middle edge outskirts part rest end side".split())


def _part_of(noun) -> str:
    """The noun's short phrase; for a part ("the heart of the oil industry"), with what it is part of
    ("heart of oil industry"), unless that is a place (the site says it)."""
    text = _text(_phrase(noun, False))
    if noun.lemma_.lower() not in _PARTS:
        return text
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None or whole.ent_type_ in _NOT_OBJECTS:
        return text
    return f"{text} of {_text(_phrase(whole, False))}"


def _names(site: str | None, *parts: str) -> bool:
    """Does one of the headline's ``parts`` already name the place of ``site`` ("in Oslo")? "The Oslo
    Fjord showdown" names Oslo Fjord."""
    if not site:
        return False
    # Folded as the gazetteer folds names: "Al Qā’im" and "Al-Qaim" alike.
    name = normalize_name(site.split(" ", 1)[-1])
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", normalize_name(p)) for p in parts if p)


_BREAK = re.compile(r"\s+(?=(?:in|at|on|near|after|before|as|while|when|for|from|to|with|and|but|who|which|that)\b)")


def _fit(text: str) -> str:
    """``text`` if it fits, else its longest start that ends before a preposition or conjunction (a
    phrase boundary), else its first words up to the limit."""
    if len(text) <= MAX_CHARS:
        return text
    cuts = [m.start() for m in _BREAK.finditer(text) if 20 <= m.start() <= MAX_CHARS]
    if cuts:
        return text[:cuts[-1]].rstrip(" ,;:")
    return text[:text.rfind(" ", 0, MAX_CHARS + 1)].rstrip(" ,;:")


def fallback_headline(sentence: str) -> str:
    """A headline from a sentence without its parse: its first clause, shortened at a phrase boundary."""
    q = re.sub(r"\s+", " ", sentence).strip().strip("\"“”'‘’").rstrip(".")
    clause = re.split(r"(?<=\w)[,;:—–]\s|\s[—–]\s", q, maxsplit=1)[0]
    if len(clause.split()) < 4:
        clause = q
    return _cap(_fit(clause))
