"""Resolve place mentions to gazetteer entries using context.

Evidence, strongest first: an explicit qualifier ("Fort Bragg, North Carolina"), the countries and
first-level regions the rest of the article is about, nearness to the article's other places, and the
place's own prominence (population, capitals, feature importance). One sense per discourse: every
mention of the same name in an article gets the same referent.

Each candidate is described by the features of :data:`FEATURES` and scored by a ranker: the learned
one (:mod:`storymap.places.ranker`, gradient-boosted trees trained on a development split of public
corpora by ``geodata/train_ranker.py``) by default, or the hand-set weights of :class:`ResolverConfig`
(``ranker="hand"``), a linear score of the first :data:`HAND_FEATURES`.

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

__all__ = ["resolve", "ResolverConfig", "FEATURES", "HAND_FEATURES"]


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
    ranker: str = "learned"  # "learned": the shipped model (storymap/places/data/ranker.json); "hand": these weights

    def hand_weights(self) -> tuple[float, ...]:
        """The weights of :data:`HAND_FEATURES`, in order."""
        return (self.importance_weight, self.pop_weight, self.primary_bonus, self.city_over_region,
                self.curated_bonus, self.country_name, self.home_bonus, self.qualifier_bonus,
                self.country_ctx, self.admin1_ctx, self.proximity)


#: What the ranker knows of a candidate. The first eleven (:data:`HAND_FEATURES`) are the terms of the
#: hand-set score; the rest only the learned ranker uses.
HAND_FEATURES = ("importance", "log_population", "primary_name", "city", "curated_importance", "country_name",
                 "home_country", "qualified", "country_context", "admin1_context", "nearness")
FEATURES = HAND_FEATURES + (
    "kind_country", "kind_region", "kind_coarse", "adm2", "demonym", "prominence_rank", "candidates",
    "mentions", "country_share", "has_context", "prominence_gap", "mention_words", "same_country_candidates",
    "hand_score", "hand_gap", "population_gap", "hand_top", "top_country", "top_admin1", "log_nearest_km")
_N_STATIC = len(FEATURES)


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
        """The votes without this group's own, each candidate's nearness (0..1) to the anchors, and its
        distance in km to the nearest anchor."""
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
        nearest: dict[str, float] = {}
        mask = np.array([k != key for k in self.anchor_keys], dtype=bool)
        todo = list({p.id: p for p in places if p.kind not in COARSE_KINDS}.values())
        if mask.any() and todo:
            # Every candidate against every anchor at once (a row each): one numpy call per group,
            # not one per candidate.
            lat2, lon2, conf = self.anchor_lat[mask], self.anchor_lon[mask], self.anchor_conf[mask]
            lat1 = np.radians([p.lat for p in todo])[:, None]
            lon1 = np.radians([p.lon for p in todo])[:, None]
            a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
            d = 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
            best = (conf * np.exp(-d / self.cfg.proximity_scale_km)).max(axis=1).tolist()
            low = d.min(axis=1).tolist()
            for p, b, lo in zip(todo, best, low):
                near[p.id] = b
                nearest[p.id] = lo
        return countries, admin1, near, nearest


def _softmax_top(ranked: list[tuple[float, Place]], temperature: float) -> float:
    if not ranked:
        return 0.0
    top = ranked[0][0]
    return 1.0 / sum(math.exp((s - top) / temperature) for s, _ in ranked)


_F = {name: k for k, name in enumerate(FEATURES)}
_NO_ANCHOR = 4.5  # log10 km when there is no other place to be near (farther than any two points on Earth)


def _static_features(cfg: ResolverConfig, m: Mention, j: int, x: NameMatch, cands: list[NameMatch],
                     quals: list[Place] | None, group_size: int) -> list[float]:
    """A candidate's features before context: prominence, name kind, curation, qualifier, and what the
    learned ranker also weighs (its kind, its rank among the name's candidates, how many mentions share
    the name)."""
    p = x.place
    row = [0.0] * _N_STATIC
    f = _F
    row[f["importance"]] = p.importance
    row[f["log_population"]] = math.log10(p.population + 1)
    row[f["primary_name"]] = 1.0 if x.primary else 0.0
    row[f["city"]] = 1.0 if p.kind == "city" else 0.0
    if p.id.startswith("cur:") or p.feature_code == "CONT":
        # The curated table holds well-known features with no population; its importance stands in.
        row[f["curated_importance"]] = p.importance
    if p.kind == "country":
        # "Georgia" in a US story may be the state: the bonus shrinks when a first-level
        # region bears the same name.
        shares = any(y.place.feature_code == "ADM1" and y.primary and y.place.country != p.country for y in cands)
        row[f["country_name"]] = 0.25 if shares else 1.0
    row[f["home_country"]] = 1.0 if cfg.home_country and p.country == cfg.home_country else 0.0
    row[f["qualified"]] = 1.0 if quals is not None and qualifies(p, quals) else 0.0
    row[f["kind_country"]] = 1.0 if p.kind == "country" else 0.0
    row[f["kind_region"]] = 1.0 if p.feature_code == "ADM1" else 0.0
    row[f["kind_coarse"]] = 1.0 if p.kind in COARSE_KINDS else 0.0
    row[f["adm2"]] = 1.0 if p.feature_code == "ADM2" else 0.0
    row[f["demonym"]] = 1.0 if m.demonym else 0.0
    row[f["prominence_rank"]] = float(j)
    row[f["candidates"]] = float(len(cands))
    row[f["mentions"]] = float(group_size)
    row[f["prominence_gap"]] = (prominence(cands[0].place) if cands else 0.0) - prominence(p)
    row[f["mention_words"]] = float(len(m.text.split()))
    row[f["same_country_candidates"]] = float(sum(1 for y in cands if y.place.country == p.country) - 1)
    row[f["log_nearest_km"]] = _NO_ANCHOR  # the context terms are set round by round (_group_rows)
    return row


def _group_rows(ctx: _Context | None, key, idxs: list[int], cands, static) -> tuple[list[list[float]], list[Place]]:
    """Feature rows of one name group's candidates (of every mention in it, in order), with this round's
    context; the comparisons among a mention's candidates are added by :func:`_compare`."""
    own_country = own_admin1 = None
    if ctx is not None:
        own_country, own_admin1, cand_near, nearest = ctx.for_group(key, [x.place for i in idxs for x in cands[i]])
        total = own_country.total
        top_c = max(own_country.items(), key=lambda kv: kv[1], default=(None, 0.0))
        top_a = max(own_admin1.items(), key=lambda kv: kv[1], default=(None, 0.0))
    rows, places = [], []
    for i in idxs:
        for j, x in enumerate(cands[i]):
            row = static[i][j]
            if ctx is not None:
                p = x.place
                row = list(row)
                share = own_country.get(p.country, 0.0) if p.country else 0.0
                if share > 1e-9:
                    row[_F["country_context"]] = min(1.0, share) * (0.5 + 0.5 * share / total)
                    row[_F["country_share"]] = share / total
                a1 = own_admin1.get((p.country, p.admin1), 0.0) if p.admin1 else 0.0
                if a1 > 1e-9:
                    row[_F["admin1_context"]] = min(1.0, a1)
                row[_F["nearness"]] = cand_near.get(p.id, 0.0)
                if p.id in nearest:
                    row[_F["log_nearest_km"]] = math.log10(nearest[p.id] + 1.0)
                row[_F["top_country"]] = 1.0 if top_c[1] > 1e-9 and p.country == top_c[0] else 0.0
                row[_F["top_admin1"]] = 1.0 if top_a[1] > 1e-9 and (p.country, p.admin1) == top_a[0] else 0.0
                row[_F["has_context"]] = 1.0
            rows.append(row)
            places.append(x.place)
    return rows, places


def _compare(X, sizes: list[int], hand) -> None:
    """Fill in, for each block of rows of one mention (``sizes``, in order), the hand-set score and how
    each candidate compares with the mention's others: its gap to the best hand-set score, to the most
    populous, and whether it is the hand-set choice."""
    import numpy as np

    hs, lp = _F["hand_score"], _F["log_population"]
    X[:, hs] = X[:, : len(hand)] @ np.asarray(hand, dtype=float)
    starts = np.cumsum([0, *sizes[:-1]])
    best = np.repeat(np.maximum.reduceat(X[:, hs], starts), sizes)
    most = np.repeat(np.maximum.reduceat(X[:, lp], starts), sizes)
    X[:, _F["hand_gap"]] = best - X[:, hs]
    X[:, _F["population_gap"]] = most - X[:, lp]
    X[:, _F["hand_top"]] = X[:, _F["hand_gap"]] <= 1e-12


#: How many times a first-level region must outnumber a town of the same name for a bare mention of
#: the name to be the region ("wounded in Alabama": the state, not a village called Alabama).
REGION_OVER_TOWN = 100


def _namesake_region(name: str, ranked: list[tuple[float, Place]]) -> int:
    """Index in ``ranked`` of a first-level region whose own name is ``name`` (normalised) and that
    outnumbers the top choice, a town, :data:`REGION_OVER_TOWN` times; -1 when there is none. A bare
    state or province name in news is the region; the village that shares it needs "Alabama, N.Y." to
    be read (the caller checks that no mention of the name is qualified)."""
    if not ranked or ranked[0][1].kind != "city":
        return -1
    town = max(ranked[0][1].population, 1)
    return next((k for k, (_, p) in enumerate(ranked) if k > 0 and p.feature_code == "ADM1"
                 and normalize_name(p.name) == name and p.population >= REGION_OVER_TOWN * town), -1)


def _ranked(scores, places: list[Place]) -> list[tuple[float, Place]]:
    """Each distinct place once, at its best score, best first."""
    best: dict[str, tuple[float, Place]] = {}
    for sc, p in zip(scores, places):
        sc = float(sc)
        if p.id not in best or sc > best[p.id][0]:
            best[p.id] = (sc, p)
    return sorted(best.values(), key=lambda t: -t[0])


def _scorer(cfg: ResolverConfig):
    """``(score(rows) -> scores, temperature)`` for the configured ranker."""
    if cfg.ranker == "hand":
        return (lambda X: X[:, _F["hand_score"]]), cfg.temperature
    if cfg.ranker != "learned":
        raise ValueError(f"ranker {cfg.ranker!r}: expected 'learned' or 'hand'")
    from .ranker import default_ranker

    model = default_ranker()
    home = _F["home_country"]
    if cfg.home_country:  # the user's prior for their own country, on top of what the model learned
        return (lambda X: model.score(X) + cfg.home_bonus * X[:, home]), model.temperature
    return model.score, model.temperature


def resolve(mentions: list[Mention], gazetteer: GazetteerLike, text: str = "",
            config: ResolverConfig | None = None, trace: list | None = None) -> list[ResolvedMention]:
    """Choose a referent for each mention. ``text`` is the article's raw text (for qualifiers).

    Mentions must come from one article and be in text order. ``trace``, when a list, receives
    ``(mention index, candidate, feature row)`` for every candidate of the last round (for training).
    """
    import numpy as np

    cfg = config or ResolverConfig()
    score, temperature = _scorer(cfg)
    hand = cfg.hand_weights()
    cands = [_candidates(gazetteer, m, cfg) for m in mentions]
    quals = qualifier_pairs(text, mentions, cands)

    # Group by name: one sense per discourse.
    groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[(normalize_name(m.text), m.demonym)].append(i)
    size = {i: len(idxs) for idxs in groups.values() for i in idxs}
    static = [[_static_features(cfg, m, j, x, cands[i], quals.get(i), size[i]) for j, x in enumerate(cands[i])]
              for i, m in enumerate(mentions)]

    # Round 0: prior only. Then rounds with the context of the other groups' choices in the round before.
    choice: dict[tuple[str, bool], Place | None] = {}
    confidence: dict[tuple[str, bool], float] = {}
    scores: dict[tuple[str, bool], list[tuple[float, Place]]] = {}
    for rnd in range(cfg.rounds):
        ctx = _Context.build(choice, confidence, groups, cfg) if rnd > 0 else None
        parts = [(key, *_group_rows(ctx, key, idxs, cands, static)) for key, idxs in groups.items()]
        X = np.array([r for _, rs, _ in parts for r in rs], dtype=float).reshape(-1, _N_STATIC)
        sizes = [len(cands[i]) for key, _, _ in parts for i in groups[key] if cands[i]]
        if len(X):
            _compare(X, sizes, hand)
        flat = score(X) if len(X) else []
        new_choice, new_conf, at = {}, {}, 0
        for key, rs, places in parts:
            ranked = _ranked(flat[at: at + len(rs)], places)
            at += len(rs)
            scores[key] = ranked
            new_choice[key] = ranked[0][1] if ranked else None
            new_conf[key] = _softmax_top(ranked, temperature)
        choice, confidence = new_choice, new_conf
        if trace is not None and rnd == cfg.rounds - 1:
            trace.clear()
            at = 0
            for key, rs, places in parts:
                pos = 0
                for i in groups[key]:
                    n = len(cands[i])
                    trace.extend((i, places[pos + j], X[at + pos + j].tolist()) for j in range(n))
                    pos += n
                at += len(rs)
    for key, ranked in scores.items():
        k = _namesake_region(key[0], ranked)
        if k > 0 and not any(quals.get(i) for i in groups[key]):
            ranked.insert(0, (ranked[0][0] + 1e-6, ranked.pop(k)[1]))
            choice[key] = ranked[0][1]
    return [_resolved(cfg, mentions, i, quals, choice, scores, temperature) for i in range(len(mentions))]


def _resolved(cfg: ResolverConfig, mentions: list[Mention], i: int, quals, choice, scores,
              temperature: float) -> ResolvedMention:
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
    weights = [math.exp((s - top) / temperature) for s, _ in ranked]
    z = sum(weights)
    cs = tuple(Candidate(p, round(w / z, 4)) for (s, p), w in zip(ranked, weights))
    return ResolvedMention(m, cs[0].place, cs[0].score, cs[1: 1 + cfg.max_alternatives])
