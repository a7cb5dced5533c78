"""Resolve place mentions to gazetteer entries using context.

Evidence, strongest first: an explicit qualifier ("Fort Bragg, North Carolina"), the countries and
first-level regions the rest of the article is about, nearness to the article's other places, and the
place's own prominence (population, capitals, feature importance). One sense per discourse: every
mention of the same name in an article gets the same referent.

Entry point: :func:`resolve` (mentions in, :class:`~storymap.model.ResolvedMention` out).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import COARSE_KINDS, POINT_KINDS, Candidate, Mention, Place, ResolvedMention
from .gazetteer import GazetteerLike, NameMatch, prominence
from .names import normalize_name
from .qualifiers import can_qualify, qualifier_pairs, qualifies
from .words import ADMIN_SUFFIXES, DIRECTION_PREFIXES

__all__ = ["resolve", "ResolverConfig"]


@dataclass(frozen=True)
class ResolverConfig:
    """Weights of the resolver's evidence (fitted by hand on public corpora, see docs/benchmarks.md)."""

    max_candidates: int = 40
    importance_weight: float = 1.0
    pop_weight: float = 0.25
    primary_bonus: float = 0.35
    qualifier_bonus: float = 3.0
    country_ctx: float = 0.9
    admin1_ctx: float = 0.8
    proximity: float = 0.6
    proximity_scale_km: float = 400.0
    city_over_region: float = 0.25
    curated_bonus: float = 2.0
    country_name: float = 1.2  # a name that is a country's name means the country, not a town named after it
    home_country: str | None = None  # optional prior for a newsroom's own country ("US"), off by default
    home_bonus: float = 0.3
    temperature: float = 0.35
    max_alternatives: int = 5
    qualified_only_score: float = 0.2
    rounds: int = 3
    max_anchors: int = 64  # nearness is measured to the article's most trusted points only


def _candidates(gaz: GazetteerLike, m: Mention, cfg: ResolverConfig) -> list[NameMatch]:
    ms = [x for x in gaz.lookup(m.text) if x.demonym == m.demonym] if m.demonym else \
        [x for x in gaz.lookup(m.text) if not x.demonym]
    if not ms and not m.demonym:
        # "Anbar province" is Anbar; "Northeast Georgia" is in Georgia.
        text = m.text.strip()
        for stripped in (ADMIN_SUFFIXES.sub("", text), DIRECTION_PREFIXES.sub("", text)):
            if stripped != text and stripped:
                ms = [x for x in gaz.lookup(stripped) if not x.demonym]
                if ms:
                    break
    ms.sort(key=lambda x: -(prominence(x.place) + (cfg.primary_bonus if x.primary else 0)))
    return ms[: cfg.max_candidates]


class _Votes(dict):
    """Weighted votes with their positive total."""

    @property
    def total(self) -> float:
        return sum(v for v in self.values() if v > 1e-9)


@dataclass
class _Context:
    """What the other groups of an article say, from the previous round's choices."""

    countries: Counter
    admin1: Counter
    anchor_keys: list
    anchor_lat: "object"
    anchor_lon: "object"
    anchor_conf: "object"
    choice: dict
    weight: dict
    cfg: ResolverConfig

    @classmethod
    def build(cls, choice, confidence, groups, cfg: ResolverConfig) -> "_Context":
        import numpy as np

        countries: Counter = Counter()
        admin1: Counter = Counter()
        anchors = []
        weight = {}
        for key, p in choice.items():
            if p is None:
                continue
            # A group's vote counts as much as the resolver trusts its own choice, so one doubtful
            # pick cannot drag the rest of the article after it.
            w = len(groups[key]) * confidence.get(key, 0.0)
            weight[key] = w
            if p.country:
                countries[p.country] += w
            if p.admin1 and p.kind != "country":
                admin1[(p.country, p.admin1)] += w
            if p.kind in POINT_KINDS or p.feature_code == "ADM2":
                anchors.append((w, confidence.get(key, 0.0), key, p.lat, p.lon))
        anchors.sort(key=lambda a: -a[0])
        anchors = anchors[: cfg.max_anchors]
        return cls(countries, admin1, [a[2] for a in anchors], np.radians([a[3] for a in anchors]),
                   np.radians([a[4] for a in anchors]), np.array([a[1] for a in anchors]), choice, weight, cfg)

    def for_group(self, key, places: list[Place]):
        """The votes without this group's own, and each candidate's nearness (0..1) to the anchors."""
        import numpy as np

        own = self.choice.get(key)
        w = self.weight.get(key, 0.0)
        countries, admin1 = _Votes(self.countries), _Votes(self.admin1)
        if own is not None:
            if own.country:
                countries[own.country] = countries.get(own.country, 0.0) - w
            if own.admin1 and own.kind != "country":
                admin1[(own.country, own.admin1)] = admin1.get((own.country, own.admin1), 0.0) - w
        near: dict[str, float] = {}
        mask = np.array([k != key for k in self.anchor_keys], dtype=bool)
        if mask.any():
            lat2, lon2, conf = self.anchor_lat[mask], self.anchor_lon[mask], self.anchor_conf[mask]
            for p in places:
                if p.kind in COARSE_KINDS or p.id in near:
                    continue
                lat1, lon1 = math.radians(p.lat), math.radians(p.lon)
                a = np.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
                d = 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
                near[p.id] = float(np.max(conf * np.exp(-d / self.cfg.proximity_scale_km)))
        return countries, admin1, near


def _softmax_top(ranked: list[tuple[float, Place]], temperature: float) -> float:
    if not ranked:
        return 0.0
    top = ranked[0][0]
    return 1.0 / sum(math.exp((s - top) / temperature) for s, _ in ranked)


def _base_score(cfg: ResolverConfig, x: NameMatch, cands: list[NameMatch], quals: list[Place] | None) -> float:
    """A candidate's score before context: prominence, name kind, curation, qualifier."""
    p = x.place
    s = cfg.importance_weight * p.importance + cfg.pop_weight * math.log10(p.population + 1)
    s += cfg.primary_bonus if x.primary else 0.0
    if x.place.kind == "city":
        s += cfg.city_over_region
    if p.id.startswith("cur:") or p.feature_code == "CONT":
        # The curated table holds well-known features with no population; its importance stands in.
        s += cfg.curated_bonus * p.importance
    if x.place.kind == "country":
        # "Georgia" in a US story may be the state: the bonus shrinks when a first-level
        # region bears the same name.
        shares = any(y.place.feature_code == "ADM1" and y.primary and y.place.country != x.place.country
                     for y in cands)
        s += cfg.country_name * (0.25 if shares else 1.0)
    if cfg.home_country and x.place.country == cfg.home_country:
        s += cfg.home_bonus
    if quals is not None and qualifies(x.place, quals):
        s += cfg.qualifier_bonus
    return s


def _rank_group(cfg: ResolverConfig, ctx: _Context | None, key, idxs: list[int], cands, base) -> list[tuple[float, Place]]:
    """The candidates of one name group, best first, scored with the previous round's context."""
    own_country = own_admin1 = None
    if ctx is not None:
        own_country, own_admin1, cand_near = ctx.for_group(key, [x.place for i in idxs for x in cands[i]])
    best: dict[str, tuple[float, Place]] = {}
    for i in idxs:
        for j, x in enumerate(cands[i]):
            s = base[i][j]
            if ctx is not None:
                p = x.place
                share = own_country.get(p.country, 0.0) if p.country else 0.0
                if share > 1e-9:
                    s += cfg.country_ctx * min(1.0, share) * (0.5 + 0.5 * share / own_country.total)
                a1 = own_admin1.get((p.country, p.admin1), 0.0) if p.admin1 else 0.0
                if a1 > 1e-9:
                    s += cfg.admin1_ctx * min(1.0, a1)
                s += cfg.proximity * cand_near.get(p.id, 0.0)
            if x.place.id not in best or s > best[x.place.id][0]:
                best[x.place.id] = (s, x.place)
    return sorted(best.values(), key=lambda t: -t[0])


def resolve(mentions: list[Mention], gazetteer: GazetteerLike, text: str = "",
            config: ResolverConfig | None = None) -> list[ResolvedMention]:
    """Choose a referent for each mention. ``text`` is the article's raw text (for qualifiers).

    Mentions must come from one article and be in text order.
    """
    cfg = config or ResolverConfig()
    cands = [_candidates(gazetteer, m, cfg) for m in mentions]
    quals = qualifier_pairs(text, mentions, cands)
    base = [[_base_score(cfg, x, cands[i], quals.get(i)) for x in cands[i]] for i in range(len(mentions))]

    # Group by name: one sense per discourse.
    groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[(normalize_name(m.text), m.demonym)].append(i)

    # Round 0: prior only. Then rounds with the context of the other groups' choices in the round before.
    choice: dict[tuple[str, bool], Place | None] = {}
    confidence: dict[tuple[str, bool], float] = {}
    scores: dict[tuple[str, bool], list[tuple[float, Place]]] = {}
    for rnd in range(cfg.rounds):
        ctx = _Context.build(choice, confidence, groups, cfg) if rnd > 0 else None
        new_choice, new_conf = {}, {}
        for key, idxs in groups.items():
            ranked = _rank_group(cfg, ctx, key, idxs, cands, base)
            scores[key] = ranked
            new_choice[key] = ranked[0][1] if ranked else None
            new_conf[key] = _softmax_top(ranked, cfg.temperature)
        choice, confidence = new_choice, new_conf
    return [_resolved(cfg, mentions, i, quals, choice, scores) for i in range(len(mentions))]


def _resolved(cfg: ResolverConfig, mentions: list[Mention], i: int, quals, choice, scores) -> ResolvedMention:
    m = mentions[i]
    ranked = scores.get((normalize_name(m.text), m.demonym)) or []
    if not ranked:
        # A name the gazetteer lacks, qualified by its region ("Smallville, Conn."): placed at
        # that region, with a low score that says so.
        q = [p for p in quals.get(i, []) if can_qualify(p)]
        # The qualifier's own reading when it is one of them, else its first candidate.
        q_choice = choice.get((normalize_name(mentions[i + 1].text), False)) if q else None
        target = q_choice if q_choice in q else (q[0] if q else None)
        return ResolvedMention(m, target, cfg.qualified_only_score if target else 0.0, ())
    top = ranked[0][0]
    weights = [math.exp((s - top) / cfg.temperature) for s, _ in ranked]
    z = sum(weights)
    cs = tuple(Candidate(p, round(w / z, 4)) for (s, p), w in zip(ranked, weights))
    return ResolvedMention(m, cs[0].place, cs[0].score, cs[1: 1 + cfg.max_alternatives])
