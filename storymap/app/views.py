"""The pieces of the story page: controls, map, narrative, timeline, editors, sidebar.

Each function draws one part of the UI from the current :class:`AppState`; changes go through
callbacks that call the pure transitions of :mod:`storymap.app.state` (via
:func:`storymap.app.session.apply`), so a click is handled before the page is drawn again.
"""

from __future__ import annotations

import time

import streamlit as st

from storymap.app import session
from storymap.app.narrative import mark_places, md_escape, source_label, step_caption
from storymap.app.state import (
    AppState,
    Filters,
    add_step,
    delete_step,
    edit_step,
    goto,
    merge_steps,
    move_step,
    next_step,
    PAGE_SIZE,
    position,
    prev_step,
    set_filters,
    set_place,
    set_playing,
    step_page,
    undo,
    visible_indices,
)
from storymap.errors import StorymapError
from storymap.story import build_place_index, date_bounds, dumps_story
from storymap.story.citations import citations, cite, public_story

MAP_KEY = "story_map"
MAP_HEIGHT = 540
PRESENT_MAP_HEIGHT = 640

# --------------------------------------------------------------------------------------------
# Messages


def messages() -> None:
    """Errors and notices left by callbacks, shown once, inline."""
    for name, show in (("error", st.error), ("notice", st.info), ("success", st.success)):
        msg = st.session_state.pop(name, None)
        if msg:  # messages quote titles, names and paths: shown as text, never as Markdown
            show(md_escape(msg))


# --------------------------------------------------------------------------------------------
# Moving through the story


def _go(fn):
    def run():
        s = session.state()
        if s is not None:
            session.apply(fn(s))

    return run


def _toggle_play() -> None:
    s = session.state()
    if s is None:
        return
    session.mark_play_tick()
    playing = not s.playing
    k, n = position(s)
    if playing and k == n - 1:  # play from the start when at the end
        vis = visible_indices(s.story, s.filters)
        s = goto(s, vis[0]) if vis else s
    session.apply(set_playing(s, playing))


def slider_key(k: int) -> str:
    """The step slider's key while the story shows visible step ``k`` (0-based).

    The slider is a new widget at every step, made with that step as its value, rather than one
    widget whose value the script overwrites through ``st.session_state`` on each run: a browser
    that clicked "Next step" while a run was still being drawn could send the overwritten widget's
    old value back with the click, and the slider's callback then moved the story back a step, so
    the click seemed lost. A stale value of an earlier step's slider now names a widget that no
    longer exists.

    Streamlit can still run that stale widget's callback when the click arrives while the earlier
    run is being drawn (its widget metadata is dropped only when a run completes), so
    ``_slider_changed`` also ignores any slider but the one made for the step on show.
    """
    return f"step_slider_{k}"


def _slider_changed(k: int) -> None:
    s = session.state()
    if s is None:
        return
    if position(s)[0] != k:  # a slider drawn for an earlier step: its value is stale, not a choice
        return
    vis = visible_indices(s.story, s.filters)
    target = int(st.session_state[slider_key(k)]) - 1
    if 0 <= target < len(vis):
        session.apply(goto(s, vis[target]))


def controls(s: AppState) -> None:
    """Previous / Play / Next buttons and the step slider."""
    k, n = position(s)
    steps = s.story.steps
    has_overview = bool(steps) and steps[0].is_overview
    c1, c2, c3, c0, c5, c4 = st.columns([1.25, 0.9, 1.05, 1.35, 0.95, 2.6], vertical_alignment="center")
    # Keys give the buttons one identity across reruns, so a rerun never shows a stale twin.
    c1.button("Previous step", key="nav_prev", on_click=_go(prev_step), disabled=k <= 0, width="stretch")
    c2.button("Pause" if s.playing else "Play", key="nav_play", on_click=_toggle_play, disabled=n < 2,
              width="stretch", type="primary" if s.playing else "secondary")
    c3.button("Next step", key="nav_next", on_click=_go(next_step), disabled=k < 0 or k >= n - 1, width="stretch")
    if has_overview:  # the overview is step 1 (?step=1); from any other step, one click back to it
        c0.button("Back to overview", key="nav_overview", on_click=_go(lambda state: goto(state, 0)),
                  disabled=s.index == 0, width="stretch")
    c5.button("Present", key="nav_present", on_click=_set_presenting, args=(True,), disabled=not steps,
              width="stretch", help="Full-width map and large type for a projector; Space and arrows move, Esc leaves")
    with c4:
        if n > 1:
            k = max(k, 0)
            st.slider("Step", 1, n, value=k + 1, key=slider_key(k), on_change=_slider_changed, args=(k,),
                      label_visibility="collapsed")
        else:
            st.caption(f"{n} step" + ("" if n == 1 else "s"))


def _set_presenting(on: bool) -> None:
    st.session_state.presenting = bool(on)


# Presentation mode's look: no sidebar or app header, the headline in large type. Constant CSS,
# no article text and no script.
_PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] { display: none !important; }
.block-container { padding-top: 1rem !important; max-width: 100% !important; }
.st-key-slide h2 { font-size: clamp(2rem, 3.6vw, 3.4rem) !important; line-height: 1.12 !important; margin: .1rem 0 .3rem !important; }
.st-key-slide p { font-size: clamp(1.1rem, 1.6vw, 1.5rem) !important; }
</style>"""


def presentation(s: AppState) -> None:
    """The story for a projector: Previous / Next / Leave, the step's date, headline in large type
    and places, and the map across the page; no sidebar, editors or timeline. Space and the arrows
    move, Esc leaves."""
    st.html(_PRESENT_CSS, width="content")
    k, n = position(s)
    step = s.story.steps[s.index]
    c1, c2, c3, c4 = st.columns([1, 1, 5, 1.4], vertical_alignment="center")
    c1.button("Previous step", key="nav_prev", on_click=_go(prev_step), disabled=k <= 0, width="stretch")
    c2.button("Next step", key="nav_next", on_click=_go(next_step), disabled=k < 0 or k >= n - 1, width="stretch")
    c3.caption(step_caption(k, n, step))
    c4.button("Leave presentation", key="nav_leave", on_click=_set_presenting, args=(False,), width="stretch")
    with st.container(key="slide"):
        st.markdown("## " + md_escape(step.display_headline))
        names = list(dict.fromkeys(p.name for p in step.places if p.role != "mentioned" or step.is_overview))
        if names:
            st.markdown(md_escape(" · ".join(names)))
    map_panel(s, height=PRESENT_MAP_HEIGHT)


def player(s: AppState) -> None:
    """While playing, a fragment that advances one step every ``pace`` seconds."""
    if not s.playing:
        return
    pace = float(st.session_state.get("pace", 3.0))

    @st.fragment(run_every=pace)
    def tick() -> None:
        cur = session.state()
        if cur is None or not cur.playing:
            return
        if time.monotonic() - st.session_state.get("last_advance", 0.0) < pace * 0.8:
            return
        nxt = next_step(cur)
        session.mark_play_tick()
        session.apply(nxt if nxt.index != cur.index else set_playing(cur, False))
        st.rerun(scope="app")

    tick()


_KEYS_JS = """
<script>
(function () {
  const doc = document;
  const names = {ArrowLeft: "Previous step", ArrowRight: "Next step"};
  function button(label) {
    return Array.from(doc.querySelectorAll("button")).find(b => b.innerText.trim() === label && !b.disabled);
  }
  function onKey(e) {
    const t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey || (t && (t.isContentEditable ||
        ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || t.getAttribute("role") === "slider"))) {
      return;
    }
    let b = null;
    const presenting = !!button("Leave presentation");
    if (e.key in names) { b = button(names[e.key]); }
    else if (e.key === " ") { b = presenting ? button(e.shiftKey ? "Previous step" : "Next step") : (button("Play") || button("Pause")); }
    else if (e.key === "Escape" && presenting) { b = button("Leave presentation"); }
    if (b) { e.preventDefault(); b.click(); }
  }
  if (window.__storymapKeys) { doc.removeEventListener("keydown", window.__storymapKeys); }
  window.__storymapKeys = onKey;
  doc.addEventListener("keydown", onKey);
})();
</script>
"""


def keyboard() -> None:
    """Left/right arrows for previous/next, space for play/pause (not while typing); in
    presentation mode space for next (Shift+Space back) and Esc to leave.

    Streamlit has no key bindings: this constant script (no article text in it) clicks the
    buttons by their names."""
    st.html(_KEYS_JS, unsafe_allow_javascript=True, width="content")


def sync_url(s: AppState) -> None:
    """Keep ``?step=N`` (1-based step of the story) in the address bar."""
    step = str(s.index + 1)
    if st.query_params.get("step") != step:
        st.query_params["step"] = step
    presenting = bool(st.session_state.get("presenting"))
    if presenting and st.query_params.get("present") != "1":
        st.query_params["present"] = "1"
    elif not presenting and "present" in st.query_params:
        del st.query_params["present"]


# --------------------------------------------------------------------------------------------
# The map


def page_base_map():
    """The base map every map of the app is drawn on (Leaflet served by the app, the countries,
    online tiles only when turned on), after saying so when Leaflet cannot be served."""
    from storymap.app.mapview import base_map

    if not session.static_ok():
        st.error("Leaflet is missing from the app's static folder: start the app with `storymap app`.")
    elif not st.get_option("server.enableStaticServing"):
        st.warning("Static file serving is off, so the map cannot load Leaflet: start the app with "
                   "`storymap app`, or pass `--server.enableStaticServing true` to `streamlit run`.")
    tiles = bool(st.session_state.get("tiles", False))
    url = session.basemap_url()
    inline = None
    if url is None:
        try:
            from storymap.render.basemap import load_basemap

            inline = load_basemap()
        except Exception:
            inline = None
    return base_map(basemap_url=url, basemap_inline=inline, tiles=tiles)


def map_panel(s: AppState, height: int = 0) -> None:
    """The map: the base map stays, the step's layer is swapped (no re-mount, no flicker)."""
    from streamlit_folium import st_folium

    from storymap.app.mapview import step_layer

    vis = visible_indices(s.story, s.filters)
    m = page_base_map()
    layer = step_layer(s.story, s.index, vis, area=session.area_geometry) if s.story.steps else None
    picking = st.session_state.get("pick_place")
    out = st_folium(m, key=MAP_KEY, height=height or MAP_HEIGHT, use_container_width=True,  # streamlit-folium's own argument
                   
                    feature_group_to_add=layer, returned_objects=["last_clicked"])
    clicked = (out or {}).get("last_clicked")
    if clicked and clicked != st.session_state.get("last_click_seen"):
        st.session_state.last_click_seen = clicked
        if picking:
            step_id, p = picking
            ids = [x.id for x in s.story.steps]
            if step_id in ids:
                try:
                    session.apply(set_place(s, ids.index(step_id), p, lat=clicked["lat"],
                                            lon=((clicked["lng"] + 180) % 360) - 180))
                    st.session_state.success = "Place moved to the clicked point."
                except StorymapError as e:
                    st.session_state.error = str(e)
            st.session_state.pick_place = None
            st.rerun()
    if picking:
        st.caption("Click on the map to place it.")


# --------------------------------------------------------------------------------------------
# The narrative


def narrative_panel(s: AppState) -> None:
    """Step title, date, text with its place names marked, sources with their quotes."""
    if not s.story.steps:
        st.info("This story has no steps yet. Add one under “Edit step”, or make a new story.")
        return
    step = s.story.steps[s.index]
    k, n = position(s)
    st.caption(step_caption(k, n, step))
    st.subheader(md_escape(step.display_headline), anchor=False)
    if step.text:
        st.markdown(mark_places(step.text, [p.name for p in step.places]))
    _step_media(step)
    places = [p for p in step.places]
    if places:
        st.markdown(" ".join(
            f":gray-badge[{md_escape(p.name)}" + (f" · {p.role}" if p.role != "site" and not step.is_overview else "")
            + (" · not placed" if p.lat is None else "") + (" · corrected" if p.corrected else "") + "]"
            for p in places))
    files = {src.file for src in step.sources}
    count = max(step.corroboration, len(files))
    st.markdown(f"**Sources** · reported by {count} source" + ("" if count == 1 else "s"))
    if not step.sources:
        st.caption("No sources for this step.")
    table = citations(s.story)
    for src in step.sources:
        quote = md_escape(src.quote) if src.quote else "_(no quote)_"
        st.markdown(f"> {quote}\n\n— {md_escape(source_label(src, table))} · characters {src.start}–{src.end}")
    if step.actors:
        st.caption("Actors: " + ", ".join(md_escape(a) for a in step.actors))


def _step_media(step) -> None:
    """The step's pictures: an embedded one shown, one on the web offered as a link (the app loads
    nothing from the internet by itself)."""
    import base64

    for m in step.media:
        caption = m.caption + (f" ({m.credit})" if m.credit else "")
        if m.url.startswith("data:image/"):
            try:
                st.image(base64.b64decode(m.url.split(",", 1)[1]), width="content")
            except Exception:  # a damaged picture is not worth an error on screen
                continue
            if caption:
                st.caption(md_escape(caption))
        elif m.url.startswith(("http://", "https://")):
            st.link_button("Picture on the web" + (f": {m.caption[:60]}" if m.caption else ""), m.url)


def timeline_panel(s: AppState) -> None:
    """All dated steps on a time axis; a click jumps to the step."""
    from storymap.app.timeline import SELECTION, timeline_chart, timeline_rows

    vis = visible_indices(s.story, s.filters)
    # One page of steps around the current one: a chart of 100,000 dots helps nobody and costs
    # seconds per click to build and send.
    page = step_page(vis, s.index) if len(vis) > PAGE_SIZE else None
    rows = timeline_rows(s.story, s.index, vis, page)
    undated = _facts(s.story)["undated"]
    if rows:
        event = st.altair_chart(timeline_chart(rows), on_select="rerun", selection_mode=SELECTION, key="timeline",
                                width="stretch")
        picked = (getattr(event, "selection", None) or {}).get(SELECTION) or []
        token = repr(picked)
        if picked and token != st.session_state.get("timeline_seen"):
            st.session_state.timeline_seen = token
            idx = picked[0].get("idx")
            if isinstance(idx, (int, float)) and int(idx) != s.index:
                session.apply(goto(s, int(idx)))
                st.rerun()
    if page:
        st.caption(f"Steps {vis.index(page[0]) + 1}–{vis.index(page[-1]) + 1} of {len(vis)} on the time axis.")
    if undated:
        st.caption(f"{undated} undated step" + ("s are" if undated > 1 else " is") + " not on the time axis.")


# --------------------------------------------------------------------------------------------
# Editing a step


def _save_step(i: int, rev: str) -> None:
    s = session.state()
    if s is None:
        return
    get = st.session_state.get
    try:
        session.apply(edit_step(s, i, title=get(f"ed_title_{rev}", ""), text=get(f"ed_text_{rev}", ""),
                                date=get(f"ed_date_{rev}", ""), date_end=get(f"ed_end_{rev}", "")))
        st.session_state.success = "Step updated."
    except StorymapError as e:
        st.session_state.error = str(e)


def _merge(i: int, rev: str) -> None:
    s = session.state()
    label = st.session_state.get(f"merge_with_{rev}")
    if s is None or not label:
        return
    j = int(label.split(".", 1)[0]) - 1
    session.guarded(merge_steps, i, j)()


def step_editor(s: AppState) -> None:
    """Edit the current step (title, text, dates) and the story's steps (add, delete, merge,
    reorder)."""
    if s.story.steps:
        i = s.index
        step = s.story.steps[i]
        # Keys name the step and the story revision, so the fields show the step's values after
        # a step change, an edit or an undo.
        rev = f"{st.session_state.get('rev', 0)}_{step.id}"
        with st.form(f"edit_step_{rev}", border=False):
            st.text_input("Title", value=step.title, key=f"ed_title_{rev}")
            c1, c2 = st.columns(2)
            c1.text_input("Date", value=step.date or "", key=f"ed_date_{rev}",
                          help="YYYY-MM-DD, YYYY-MM or YYYY; empty for undated")
            c2.text_input("Until", value=step.date_end or "", key=f"ed_end_{rev}", help="end of a range (optional)")
            st.text_area("Text", value=step.text, key=f"ed_text_{rev}", height=110)
            st.form_submit_button("Save step changes", on_click=_save_step, args=(i, rev))
        c1, c2, c3, c4 = st.columns(4)
        c1.button("Move up", on_click=session.guarded(move_step, i, -1), disabled=i == 0, width="stretch")
        c2.button("Move down", on_click=session.guarded(move_step, i, 1),
                  disabled=i >= len(s.story.steps) - 1, width="stretch")
        c3.button("Add step after", on_click=session.guarded(add_step, i), width="stretch")
        c4.button("Delete step", on_click=session.guarded(delete_step, i), width="stretch")
        # The steps of the current page only (options are plain text: no escaping needed).
        near = step_page(tuple(range(len(s.story.steps))), i)
        others = [f"{k + 1}. {s.story.steps[k].title}" for k in near if k != i]
        if others:
            c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
            default = min(sum(1 for k in near if k < i), len(others) - 1)
            c1.selectbox("Merge another step into this one", others, index=default, key=f"merge_with_{rev}")
            c2.button("Merge", on_click=_merge, args=(i, rev), width="stretch")
    else:
        st.button("Add step", on_click=session.guarded(add_step, -1))


# --------------------------------------------------------------------------------------------
# Correcting places


def _use_alternative(i: int, p: int, alt: dict) -> None:
    s = session.state()
    if s is None:
        return
    session.guarded(set_place, i, p, name=alt.get("name"), lat=alt.get("lat"), lon=alt.get("lon"),
                    kind=alt.get("kind"), country=alt.get("country"), place_id=alt.get("place_id"),
                    geonameid=_geonameid(alt.get("place_id")))()
    if "error" not in st.session_state:
        st.session_state.success = f"{alt.get('name')} chosen."


def _geonameid(place_id: str | None) -> int | None:
    if place_id and place_id.startswith("gn:") and place_id[3:].isdigit():
        return int(place_id[3:])
    return None


def _pick_on_map(step_id: str, p: int) -> None:
    st.session_state.pick_place = (step_id, p)


def _pick_row(options: list[dict], select_label: str, button_label: str, select_key: str, button_key: str,
              i: int, p: int) -> None:
    """A list of readings of place ``p`` of step ``i`` and a button that puts the chosen one in."""
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    labels = [f"{n + 1}. {_alt_label(a)}" for n, a in enumerate(options)]
    label = c1.selectbox(select_label, labels, key=select_key)
    chosen = options[labels.index(label)] if label in labels else options[0]
    c2.button(button_label, key=button_key, on_click=_use_alternative, args=(i, p, chosen), width="stretch")


def _alt_label(a: dict) -> str:
    where = f"{a['lat']:.2f}, {a['lon']:.2f}" if a.get("lat") is not None else "not placed"
    extra = ", ".join(str(x) for x in (a.get("kind"), a.get("country")) if x)
    score = f" · {a['score']:.2f}" if isinstance(a.get("score"), (int, float)) else ""
    return f"{a.get('name')} ({extra}) · {where}{score}" if extra else f"{a.get('name')} · {where}{score}"


@st.cache_data(show_spinner=False, max_entries=256)
def _search(query: str, country: str | None) -> list[dict]:
    g = session.gazetteer()
    if g is None or not query.strip():
        return []
    return [
        {"name": m.place.name, "lat": m.place.lat, "lon": m.place.lon, "kind": m.place.kind,
         "country": m.place.country, "place_id": m.place.id}
        for m in g.search(query, country=country or None, limit=10)
    ]


def place_editor(s: AppState) -> None:
    """For each place of the current step: its ranked alternatives, a gazetteer search, or a
    click on the map."""
    if not s.story.steps:
        return
    i = s.index
    step = s.story.steps[i]
    rev = f"{st.session_state.get('rev', 0)}_{step.id}"
    if not step.places:
        st.caption("This step has no places.")
    for p, place in enumerate(step.places):
        where = f"{place.lat:.3f}, {place.lon:.3f}" if place.lat is not None else "not placed"
        title = md_escape(f"{place.name} · {place.role} · {where}" + (" · corrected" if place.corrected else ""))
        with st.expander(title, expanded=len(step.places) <= 2):
            alts = [a for a in place.alternatives if a.get("name")]
            if alts:
                _pick_row(alts, "Other readings", "Use this", f"alt_{rev}_{p}", f"use_alt_{rev}_{p}", i, p)
            c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
            q = c1.text_input("Search the gazetteer", value="", key=f"q_{rev}_{p}", placeholder=place.name)
            cc = c2.text_input("Country", value="", key=f"qc_{rev}_{p}", placeholder="e.g. IQ", max_chars=2)
            if q.strip():
                found = _search(q.strip(), cc.strip().upper() or None)
                if found:
                    _pick_row(found, "Matches", "Use match", f"found_{rev}_{p}", f"use_found_{rev}_{p}", i, p)
                else:
                    st.caption("No match in the gazetteer.")
            st.button("Pick on the map", key=f"pick_{rev}_{p}", on_click=_pick_on_map, args=(step.id, p))


# --------------------------------------------------------------------------------------------
# Sidebar: filters, options, saving


def _filters_changed() -> None:
    s = session.state()
    if s is None:
        return
    get = st.session_state.get
    lo = hi = None
    rng = get("f_dates")
    full = get("f_dates_full")
    if rng and full and tuple(rng) != tuple(full):
        lo, hi = rng[0].isoformat(), rng[1].isoformat()
    try:
        session.apply(set_filters(s, Filters(frozenset(get("f_places") or ()), frozenset(get("f_files") or ()),
                                             lo, hi)))
    except StorymapError as e:
        st.session_state.error = str(e)


def filters(s: AppState) -> None:
    """Limit the steps to move through by place, source article and date range."""
    st.subheader("Filters", anchor=False)
    facts = _facts(s.story)
    labels = facts["places"]
    st.multiselect("Places", _place_options(labels), format_func=lambda k: labels.get(k, k), key="f_places",
                   on_change=_filters_changed, placeholder="All places")
    cites = facts["cites"]
    st.multiselect("Source articles", facts["files"], format_func=lambda f: cites.get(f, f),
                   key="f_files", on_change=_filters_changed, placeholder="All articles")
    full = facts["dates"]
    if full and not (SLIDER_YEARS[0] <= full[0].year and full[1].year <= SLIDER_YEARS[1]):
        # Streamlit's date slider cannot represent such dates (it raises), so no date filter.
        st.caption(f"Dates run from {full[0]} to {full[1]}: too far apart for the date filter.")
        full = None
    if full:
        st.session_state.f_dates_full = full
        if "f_dates" not in st.session_state or st.session_state.get("f_dates_story") != full:
            st.session_state.f_dates = full
            st.session_state.f_dates_story = full
        st.slider("Dates", min_value=full[0], max_value=full[1], key="f_dates", on_change=_filters_changed,
                  format="YYYY-MM-DD")
    k, n = position(s)
    if s.filters.active:
        st.caption(f"{n} of {len(s.story.steps)} steps shown.")


#: Above this many places the filter lists the ones matching a search (a list of 400,000 names
#: would be sent to the browser on every click).
PLACE_OPTIONS = 200


#: The years Streamlit's date slider can show (JavaScript numbers in microseconds since 1970).
SLIDER_YEARS = (1690, 2250)


def _facts(story) -> dict:
    """What the sidebar and timeline need from the whole story, computed once per story.

    Kept in the session as one entry (replaced when the story changes), so clicks do not grow it."""
    hit = st.session_state.get("_story_facts")
    if hit is not None and hit[0] is story:
        return hit[1]
    labels: dict[str, str] = {}
    for e in story.places or build_place_index(story.steps):
        labels.setdefault(e.place_id or f"name:{e.name}", e.name)
    lo = hi = None
    undated = 0
    for x in story.steps:
        if not x.date:
            undated += 1
            continue
        first, last = date_bounds(x.date)[0], date_bounds(x.date_end or x.date)[1]
        lo = first if lo is None or first < lo else lo
        hi = last if hi is None or last > hi else hi
    table = citations(story)
    files = sorted({src.file for x in story.steps for src in x.sources})
    facts = {"places": labels, "files": files, "cites": {f: cite(f, table).label for f in files},
             "dates": (lo, hi) if lo is not None and lo < hi else None, "undated": undated}
    st.session_state["_story_facts"] = (story, facts)
    return facts


def _place_options(labels: dict[str, str]) -> list[str]:
    """Every place, or for a long list the chosen ones and the first matches of a search."""
    if len(labels) <= PLACE_OPTIONS:
        return list(labels)
    q = st.text_input("Find places", key="f_place_query", placeholder=f"{len(labels):,} places: type a name").strip()
    chosen = [k for k in st.session_state.get("f_places") or () if k in labels]
    found = [k for k, n in labels.items() if q.casefold() in n.casefold()][:PLACE_OPTIONS] if q else []
    return list(dict.fromkeys(chosen + found))


def options() -> None:
    st.subheader("Options", anchor=False)
    st.session_state.setdefault("pace", 3.0)
    st.slider("Seconds per step when playing", 1.0, 10.0, key="pace", step=0.5)
    st.toggle("Online map tiles (OpenStreetMap)", key="tiles",
              help="Off by default: the app then contacts no server but itself.")


def _undo() -> None:
    s = session.state()
    if s is not None and s.history:
        session.apply(undo(s), autosave_now=True)


def _stale_panel() -> None:
    """A save was refused because the file changed on disk: say so, and offer both ways out."""
    st.warning(st.session_state.stale)
    st.button("Reload from disk (drops your edits)", on_click=session.reload_from_disk, width="stretch",
              key="reload_from_disk")
    st.caption("Or keep your edits: save them as a new name below.")


def save_panel(s: AppState) -> None:
    """Undo, save to the story's file or under a new name in the stories folder, download as JSON."""
    st.subheader("Story", anchor=False)
    st.caption(("Unsaved changes (autosaved)" if s.dirty else "No unsaved changes")
               + f" · {len(s.history)} undo step" + ("" if len(s.history) == 1 else "s"))
    st.button("Undo", on_click=_undo, disabled=not s.history, width="stretch")
    path = st.session_state.get("story_path")
    if path:
        st.button("Save", on_click=session.save_to_file, args=(path,), width="stretch",
                  type="primary" if s.dirty else "secondary", help=f"Save to {path} (the previous version is kept as .bak)")
    if st.session_state.get("stale"):
        _stale_panel()
    folder = session.stories_dir(path)
    with st.expander("Save as", expanded=not path or bool(st.session_state.get("stale"))):
        name = st.text_input("File name", value=st.session_state.get("save_as", "story.json"), key="save_as",
                             help=f"A new file name ending in .json, saved in {folder}")
        # The callback reads the field's value itself: args bound at drawing time could be one edit old.
        st.button("Save as new file", on_click=session.save_as, width="stretch", disabled=not name)
    name = "".join(c if c.isalnum() else "-" for c in s.story.title.lower()).strip("-")[:60] or "story"
    # Made when the button is clicked, not on every rerun (a 5,000-step story takes 20 s to write).
    story = s.story
    st.download_button("Download story JSON", data=lambda: story_download(story), file_name=f"{name}.json",
                       mime="application/json", width="stretch", on_click="ignore")
    export_panel(story, name)


def story_download(story) -> str:
    """The story file as downloaded for sharing: sources named by article, no folder or private
    metadata of this machine (the saved story file keeps everything)."""
    return dumps_story(public_story(story))


EXPORTS = {  # label -> (file suffix, MIME type)
    "Web page (HTML, works offline)": (".html", "text/html"),
    "Slides (HTML, presentation mode)": (".slides.html", "text/html"),
    "Scrolling story (HTML, the map follows the text)": (".scroll.html", "text/html"),
    "StoryMapJS (JSON)": (".storymapjs.json", "application/json"),
    "TimelineJS (JSON)": (".timelinejs.json", "application/json"),
    "GeoJSON": (".geojson", "application/geo+json"),
    "KML (Google Earth)": (".kml", "application/vnd.google-earth.kml+xml"),
    "CSV": (".csv", "text/csv"),
}


def _export(story, label: str) -> bytes:
    """One export of the story (a Story, or its JSON text), made when its download button is clicked."""
    import json

    from storymap import render as export
    from storymap.story import loads_story

    if isinstance(story, str):
        story = loads_story(story)

    if label.startswith(("Web page", "Slides", "Scrolling")):
        areas = export.step_geometries(story, session.gazetteer())
        return export.to_html(story, present=label.startswith("Slides"), geometries=areas,
                              layout="scroll" if label.startswith("Scrolling") else "steps").encode("utf-8")
    if label.startswith("StoryMapJS"):
        return json.dumps(export.to_storymapjs(story), ensure_ascii=False, indent=1).encode("utf-8")
    if label.startswith("TimelineJS"):
        return json.dumps(export.to_timelinejs(story), ensure_ascii=False, indent=1).encode("utf-8")
    if label == "GeoJSON":
        return json.dumps(export.to_geojson(story), ensure_ascii=False).encode("utf-8")
    if label.startswith("KML"):
        return export.to_kml(story).encode("utf-8")
    return export.to_csv(story).encode("utf-8")


def export_panel(story, name: str) -> None:
    """Every export of the story as a download (the same files as ``storymap export``), and the
    snippet that embeds the downloaded web page in an article."""
    label = st.selectbox("Export as", list(EXPORTS), key="export_format")
    suffix, mime = EXPORTS[label]
    st.download_button(f"Download {label.split(' (')[0]}", data=lambda: _export(story, label), file_name=f"{name}{suffix}", mime=mime,
                       width="stretch", on_click="ignore", key="export_download")
    with st.expander("Embed in an article"):
        embed_panel(name)


def embed_panel(name: str) -> None:
    """An ``<iframe>`` snippet for the downloaded web page at a chosen size (``storymap export
    --embed --embed-size WxH`` gives the same)."""
    from pathlib import Path

    from storymap.render import embed_snippet

    page = st.text_input("Page address", value=f"{name}.html", key="embed_src",
                         help="Where the downloaded web page will be: its file name beside the article, or its https:// address")
    c1, c2 = st.columns(2)
    width = c1.number_input("Width (px)", min_value=200, max_value=4000, value=720, step=10, key="embed_w")
    height = c2.number_input("Height (px)", min_value=200, max_value=4000, value=450, step=10, key="embed_h")
    src = page.strip()
    try:
        snippet = embed_snippet(src if src.lower().startswith(("http://", "https://")) else Path(src or f"{name}.html"),
                                width=int(width), height=int(height), title=st.session_state.get("app").story.title
                                if st.session_state.get("app") else "Story map")
    except ValueError as e:
        st.error(md_escape(str(e)))
        return
    st.code(snippet, language="html")
    st.caption("The frame shows the map with each step's headline and text below it, and Previous / Next.")


def sidebar(s: AppState | None) -> None:
    with st.sidebar:
        if s is not None:
            st.markdown(f"**{md_escape(s.story.title)}**")
            if s.story.summary:
                st.caption(md_escape(s.story.summary))
            save_panel(s)
            filters(s)
        options()

