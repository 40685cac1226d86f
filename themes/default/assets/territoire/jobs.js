/* Job board search, filters and sort (themes/default/jobs.html) over the JSON index, fetched at
   first use or idle. Keywords ignore accents and case, on title, employer and commune. */
(() => {
  const $ = (id) => document.getElementById(id), root = document.documentElement;
  const form = $("offres-filtres"), list = $("offres-liste");
  if (!form || !list || !window.fetch) { root.classList.remove("territoire-js"); return; }
  const status = $("offres-resultat"), more = $("offres-plus"), pager = document.querySelector(".territoire-pagination");
  const remote = $("offres-teletravail"), remoteN = $("offres-teletravail-n");
  const sel = { s: $("offres-secteur"), c: $("offres-contrat"), v: $("offres-ville") };
  const query = $("offres-q"), sorter = $("offres-tri"), fold = $("offres-plier"), active = $("offres-actifs");
  const d = form.dataset, base = new URL(d.base, location).href, index = new URL(d.index, location).href;
  const nf = new Intl.NumberFormat(root.lang || "fr"), original = [list.innerHTML, status.textContent];
  const empty = () => ({ s: d.sector, c: "", v: "", r: false, q: "", o: "" });
  const folded = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[\u2018\u2019]/g, "'").toLowerCase();  // l’ as l'
  const words = (text) => folded(text).split(/\s+/).filter(Boolean);
  const lang = root.lang || "fr", day = 864e5;
  const dayFormat = (year) => new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", timeZone: "UTC", ...(year ? { year: "numeric" } : {}) });
  const dayShort = [dayFormat(false), dayFormat(true)];
  const utm = new URLSearchParams([...new URLSearchParams(location.search)].filter(([k]) => k.startsWith("utm_")));
  let jobs = null, loading = null, shown = [], rendered = 0;

  function load() {
    loading = loading || fetch(index).then((r) => { if (!r.ok) throw r.status; return r.json(); }).then((j) => {
      const at = (t, i) => (i < 0 ? "" : j[t][i]);
      const day0 = Date.parse(j.day0), year = new Date(j.today).getUTCFullYear();
      jobs = j.jobs.map((r) => {
        const posted = new Date(day0 + r[9] * day), town = at("towns", r[5]);
        return { slug: r[0], title: r[1], employer: r[2], c: j.contracts[r[3]][0], cl: j.contracts[r[3]][1],
          s: j.sectors[r[4]][0], sl: j.sectors[r[4]][1], v: town, place: at("places", r[6]), r: r[7] === 1,
          salary: at("salaries", r[8]), posted: posted.toISOString().slice(0, 10), closing: r[10],
          postedLabel: dayShort[+(posted.getUTCFullYear() !== year)].format(posted),
          text: folded(`${r[1]} ${r[2]} ${town}`) };
      });
    }, (e) => { loading = null; throw e; });
    return loading;
  }

  const read = () => ({ s: sel.s.value, c: sel.c.value, v: sel.v.value, r: remote.checked, q: query.value.trim(), o: sorter.value });
  const write = (st) => {
    sel.s.value = st.s; sel.c.value = st.c; sel.v.value = st.v; remote.checked = st.r; query.value = st.q; sorter.value = st.o;
    if (sorter.value !== st.o) sorter.value = ""; /* an unknown sort: the default */
  };
  const isDefault = (st) => st.s === d.sector && !st.c && !st.v && !st.r && !st.q && !st.o;
  const match = (j, st, skip, q) => ["s", "c", "v"].every((k) => k === skip || !st[k] || j[k] === st[k]) &&
    (skip === "r" || !st.r || j.r) && q.every((w) => j.text.includes(w));
  const byClosing = (a, b) => (a.closing < 0) - (b.closing < 0) || a.closing - b.closing; /* none last; stable: newest first */

  function fromUrl() {
    const q = new URLSearchParams(location.search), st = empty();
    for (const k in sel) if (q.has(sel[k].name)) st[k] = q.get(sel[k].name);
    st.r = q.get(remote.name) === "1";
    st.q = (q.get(query.name) || "").trim();
    st.o = q.get(sorter.name) || "";
    return isDefault(st) && !q.has(sel.s.name) ? null : st;
  }

  function address(st) { /* utm_* and others stay */
    const q = new URLSearchParams(location.search), on = !isDefault(st);
    for (const k in sel) {
      q.delete(sel[k].name);
      if (on && (k === "s" ? st.s !== d.sector : st[k])) q.set(sel[k].name, st[k]);
    }
    q.delete(remote.name);
    if (st.r) q.set(remote.name, "1");
    for (const [el, v] of [[query, st.q], [sorter, st.o]]) { q.delete(el.name); if (v) q.set(el.name, v); }
    return location.pathname + (q.toString() ? "?" + q : "") + location.hash;
  }

  function recount(st, q) { /* each option: offers left if chosen */
    const n = { s: {}, c: {}, v: {} };
    let r = 0;
    for (const j of jobs) {
      if (q.length && !q.every((w) => j.text.includes(w))) continue;
      for (const k in sel) if (j[k] && match(j, st, k, [])) n[k][j[k]] = (n[k][j[k]] || 0) + 1;
      if (j.r && match(j, st, "r", [])) r += 1;
    }
    for (const k in sel) for (const o of sel[k].options) {
      if (!o.value) continue;
      const count = n[k][o.value] || 0;
      o.textContent = `${o.getAttribute("data-label")} (${nf.format(count)})`;
      o.disabled = !count && !o.selected;
    }
    remoteN.textContent = nf.format(r);
    remote.disabled = !r && !remote.checked;
  }

  const esc = (t) => String(t).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const card = (j) => `<li class="territoire-card territoire-card--job"><h3 class="territoire-card__title"><a href="${
    esc(base + j.slug + "/" + (utm.toString() ? "?" + utm : ""))}">${esc(j.title)}</a></h3><p class="territoire-card__meta">${
    esc(j.employer)}</p><ul class="territoire-tags"><li>${esc(j.cl)}</li><li>${esc(j.place)}</li><li>${esc(j.sl)}</li></ul>${
    j.salary ? `<p class="territoire-card__salary">${esc(j.salary)}</p>` : ""}<p class="territoire-card__date"><time datetime="${
    j.posted}">${esc(d.posted.replace("{date}", j.postedLabel))}</time></p></li>`;

  function batch() { /* the next 30; returns the first */
    const start = rendered;
    rendered = Math.min(start + 30, shown.length);
    list.insertAdjacentHTML("beforeend", shown.slice(start, rendered).map(card).join(""));
    const left = shown.length - rendered, next = Math.min(30, left);
    more.hidden = !left;
    more.textContent = next === 1 ? d.moreOne : d.moreMany.replace("{count}", nf.format(next)).replace("{remaining}", nf.format(left));
    return list.children[start];
  }

  function render(st, push) {
    if (isDefault(st)) { /* the page as the server made it */
      [list.innerHTML, status.textContent] = original;
      more.hidden = true;
    } else {
      const q = words(st.q);
      shown = jobs.filter((j) => match(j, st, null, q));
      if (sorter.selectedOptions[0]?.dataset.sort === "closing") shown.sort(byClosing);
      list.textContent = "";
      rendered = 0;
      batch();
      const n = shown.length;
      status.textContent = !n ? d.none : n === 1 ? d.one : d.many.replace("{count}", nf.format(n));
    }
    if (pager) pager.hidden = !isDefault(st);
    recount(st, words(st.q));
    const n = ["c", "v", "r", "o"].filter((k) => st[k]).length + (st.s !== d.sector ? 1 : 0);
    active.textContent = n ? ` (${nf.format(n)})` : "";
    const url = address(st);
    if (push && url !== location.pathname + location.search + location.hash) history[push](null, "", url);
  }

  function apply(st, push) {
    list.ariaBusy = "true";
    load().then(() => render(st, push), () => {}).then(() => { list.ariaBusy = null; });
  }

  let typing = 0, typed = false; /* while typing, one history entry, replaced; a new one after a pause */
  query.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { apply(read(), typed ? "replaceState" : "pushState"); typed = true; }, 150);
  });
  query.addEventListener("blur", () => { typed = false; });
  form.addEventListener("change", (e) => { if (e.target !== query) apply(read(), "pushState"); });
  form.addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(typing); apply(read(), typed ? "replaceState" : "pushState"); typed = false; });
  form.addEventListener("reset", (e) => { e.preventDefault(); write({ s: "", c: "", v: "", r: false, q: "", o: "" }); apply(read(), "pushState"); });
  more.addEventListener("click", () => { const first = batch(); if (first) first.querySelector("a").focus(); });
  window.addEventListener("popstate", () => { write(fromUrl() || empty()); apply(read(), null); });
  const prefetch = () => load().catch(() => {});
  for (const type of ["focusin", "pointerdown"]) form.addEventListener(type, prefetch, { once: true, passive: true });
  const idle = () => requestAnimationFrame(() => setTimeout(() => (window.requestIdleCallback || setTimeout)(prefetch, { timeout: 3000 })));
  window.addEventListener("load", idle); /* a deferred script runs before the load event */

  if (matchMedia("(min-width: 40em)").matches) fold.open = true; /* folded on a phone only */
  form.hidden = false;
  root.classList.add("territoire-jobs-ready");
  const start = fromUrl();
  if (start) { write(start); apply(read(), null); }
})();
