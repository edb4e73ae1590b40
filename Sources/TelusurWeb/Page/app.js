// telusur's search page: plain JavaScript, no library, no build step.
// Everything from the index is hostile input: text goes into the page only as text
// nodes (el(), textContent), never as HTML; <mark> highlights are rebuilt as elements.
"use strict";

const PAGE = 10;
const $ = (id) => document.getElementById(id);

// An element with attributes and children; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) node.append(typeof child === "string" ? document.createTextNode(child) : child);
  return node;
}

// "text <mark>hit</mark> more" → nodes; the markers are the server's, the text stays text.
function highlighted(text) {
  const nodes = [];
  const parts = String(text).split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === "<mark>") { inMark = true; continue; }
    if (part === "</mark>") { inMark = false; continue; }
    if (part) nodes.push(inMark ? el("mark", {}, part) : document.createTextNode(part));
  }
  return nodes;
}

// Only http(s) addresses become links.
function safeURL(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch { return null; }
}

// ---- the API -------------------------------------------------------------------

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) if (value !== undefined && value !== null && value !== "") query.set(name, value);
  const url = path + (query.toString() ? "?" + query : "");
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem("telusur-token");
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(url, { headers });
  const body = await response.json().catch(() => ({ error: "the server sent no JSON (status " + response.status + ")" }));
  if (response.status === 401) {
    const given = window.prompt("This server needs a token:");
    if (given) { sessionStorage.setItem("telusur-token", given); return api(path, params); }
  }
  if (!response.ok) {
    const error = new Error(body.error || ("HTTP " + response.status));
    error.column = body.column;
    throw error;
  }
  return body;
}

// ---- state in the URL ------------------------------------------------------------

// The view the URL names: a search, an article, a person or an agency.
function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get("q") || "", sort: p.get("sort") || "relevance", offset: Number(p.get("offset")) || 0,
    group: p.get("group") !== "0", paragraph: p.get("within") === "paragraph", article: p.get("article"), person: p.get("person"), agency: p.get("agency"),
  };
}

function urlFor(state) {
  const p = new URLSearchParams();
  if (state.article) p.set("article", state.article);
  if (state.person) p.set("person", state.person);
  if (state.agency) p.set("agency", state.agency);
  if (state.q) p.set("q", state.q);
  if (state.sort && state.sort !== "relevance") p.set("sort", state.sort);
  if (state.offset) p.set("offset", state.offset);
  if (state.group === false) p.set("group", "0");
  if (state.paragraph) p.set("within", "paragraph");
  return "/" + (p.toString() ? "?" + p : "");
}

function go(state) {
  history.pushState(null, "", urlFor(state));
  render();
}

// A link inside the page: a real href (so it opens in a new tab too), handled in place.
function link(state, ...children) {
  return el("a", {
    href: urlFor(state),
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(state);
    },
  }, ...children);
}

function status(text, isError) {
  const box = $("status");
  box.textContent = text || "";
  box.className = isError ? "error" : "";
}

// ---- query building ------------------------------------------------------------------

// A field clause for a value, quoted when it has spaces or syntax.
function clause(field, value) {
  const plain = /^[\p{L}\p{N}._@-]+$/u.test(value);
  return field + ":" + (plain ? value : '"' + value.replace(/"/g, "") + '"');
}

function addToQuery(text) {
  const state = readState();
  const q = state.q.trim();
  if ((" " + q + " ").includes(" " + text + " ")) return;
  go({ ...state, q: q ? q + " " + text : text, offset: 0, article: null, person: null, agency: null });
}

// ---- views ---------------------------------------------------------------------------

let generation = 0;

async function render() {
  const state = readState();
  const mine = ++generation;
  $("q").value = state.q;
  $("sort").value = state.sort;
  $("group").checked = state.group;
  $("paragraph").checked = state.paragraph;
  closeCompletions();
  try {
    if (state.article) await renderArticle(state, mine);
    else if (state.person || state.agency) await renderEntity(state, mine);
    else if (state.q) await renderSearch(state, mine);
    else renderHome();
  } catch (error) {
    if (mine !== generation) return;
    const where = error.column ? "\n" + state.q + "\n" + " ".repeat(error.column - 1) + "^" : "";
    status(error.message + where, true);
    $("main").replaceChildren();
    $("facets").replaceChildren();
  }
}

function renderHome() {
  status("");
  document.title = "telusur";
  $("facets").replaceChildren();
  $("main").replaceChildren(el("p", {}, "Type a query: words, \"a phrase\", OR, NOT, NEAR, and fields such as person:, agency:, source:, year:, date:."));
  api("/api/stats").then((stats) => {
    $("main").append(el("p", { class: "meta" }, stats.articles + " articles, " + stats.paragraphs + " paragraphs in the index."));
  }).catch(() => {});
}

async function renderSearch(state, mine) {
  status("Searching…");
  document.title = state.q + " · telusur";
  const results = await api("/api/search", {
    q: state.q, sort: state.sort, offset: state.offset, limit: PAGE, facets: 1, timeline: 1, group: state.group ? 1 : 0,
    within: state.paragraph ? "paragraph" : "article",
  });
  if (mine !== generation) return;
  status("");
  renderFacets(results.facets);
  const main = $("main");
  main.replaceChildren();
  main.append(el("p", { class: "totals", id: "totals" },
    results.total.articles + " article" + (results.total.articles === 1 ? "" : "s") + ", " +
    results.total.paragraphs + " paragraph" + (results.total.paragraphs === 1 ? "" : "s")));
  if (results.suggestion) {
    main.append(el("p", { class: "suggestion" }, "Did you mean ", link({ ...state, q: results.suggestion, offset: 0 }, results.suggestion), "?"));
  }
  if (results.missing_shards.length) {
    main.append(el("p", { class: "warning" }, "Not searched: " + results.missing_shards.map((s) => s.shard + " (" + s.error + ")").join(", ")));
  }
  main.append(timeline(results.facets.months || [], state));
  const list = el("div", { id: "results" });
  for (const result of results.results) list.append(resultView(result, state));
  main.append(list);
  main.append(pager(state, results.total.articles));
}

function resultView(result, state) {
  const url = safeURL(result.url);
  const entities = el("div", { class: "entities" });
  const view = el("article", { class: "result", "data-id": result.id },
    el("h3", {}, link({ article: result.id, q: state.q }, result.title || result.id)),
    el("div", { class: "meta" }, [result.date, result.source].filter(Boolean).join(" · "),
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
    result.paragraphs.map((p) => el("p", { class: "para" }, el("span", { class: "no" }, "¶" + p.no), highlighted(p.highlighted))),
    entities);
  if (result.duplicates.length) {
    view.append(el("div", { class: "duplicates" }, "Also published by: ",
      result.duplicates.map((d, i) => [i ? ", " : "", link({ article: d.id, q: state.q }, [d.source || d.id, d.date ? " (" + d.date + ")" : ""].join(""))])));
  }
  // The results document names each article's persons and agencies; an older server does not.
  if (result.persons && result.agencies) showEntities(result.persons, result.agencies, entities);
  else fillEntities(result.id, entities);
  return view;
}

// The persons and agencies of one article: the entity facets of a search for its id.
async function fillEntities(id, box) {
  try {
    const found = await api("/api/search", { q: clause("id", id), limit: 0 });
    showEntities(found.facets.persons, found.facets.agencies, box);
  } catch { /* the entities are extra: the result stands without them */ }
}

function showEntities(persons, agencies, box) {
  if (persons.length) box.append(el("span", { class: "label" }, "Persons:"), ...persons.map((p) => link({ person: p.name }, p.name)));
  if (agencies.length) box.append(el("span", { class: "label" }, "Agencies:"), ...agencies.map((a) => link({ agency: a.name }, a.name)));
}

function pager(state, total) {
  const page = Math.floor(state.offset / PAGE) + 1;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return el("nav", { class: "pages", "aria-label": "Pages" },
    el("button", { type: "button", disabled: state.offset <= 0, onclick: () => go({ ...state, offset: Math.max(0, state.offset - PAGE) }) }, "← Previous"),
    el("span", {}, "page " + page + " of " + pages),
    el("button", { type: "button", disabled: state.offset + PAGE >= total, onclick: () => go({ ...state, offset: state.offset + PAGE }) }, "Next →"));
}

const FACETS = [
  ["sources", "Sources", (v) => clause("source", v.key)],
  ["years", "Years", (v) => clause("year", v.key)],
  ["months", "Months", (v) => clause("date", v.key)],
  ["persons", "Persons", (v) => clause("person", v.name)],
  ["agencies", "Agencies", (v) => clause("agency", v.name)],
];

function renderFacets(facets, skip) {
  const aside = $("facets");
  aside.replaceChildren();
  for (const [name, title, toClause] of FACETS) {
    let values = facets[name] || [];
    if (name === "months") values = [...values].sort((a, b) => b.articles - a.articles).slice(0, 10);
    if (skip) values = values.filter((v) => v.key !== skip);
    if (!values.length) continue;
    aside.append(el("h2", {}, title), el("ul", { "data-facet": name },
      values.map((v) => el("li", {},
        el("button", { type: "button", class: "link", "data-clause": toClause(v), onclick: () => addToQuery(toClause(v)) }, v.name),
        el("span", { class: "count" }, String(v.articles))))));
  }
}

// Matching articles per month as bars; a bar narrows the query to its month.
function timeline(months, state, onPick) {
  const sorted = [...months].filter((m) => /^\d{4}-\d{2}$/.test(m.key)).sort((a, b) => a.key.localeCompare(b.key));
  if (!sorted.length) return el("div");
  // Every month between the first and last, empty ones too.
  const all = [];
  let [y, m] = sorted[0].key.split("-").map(Number);
  const [ly, lm] = sorted[sorted.length - 1].key.split("-").map(Number);
  const counts = new Map(sorted.map((v) => [v.key, v.articles]));
  while (y < ly || (y === ly && m <= lm)) {
    const key = y + "-" + String(m).padStart(2, "0");
    all.push({ key, articles: counts.get(key) || 0 });
    if (++m > 12) { m = 1; y++; }
    if (all.length > 1200) break;
  }
  const width = 600, height = 110, base = 95;
  const max = Math.max(...all.map((v) => v.articles), 1);
  const step = width / all.length;
  const chart = svg("svg", { class: "timeline", viewBox: "0 0 " + width + " " + height, role: "group", "aria-label": "Matching articles per month" });
  all.forEach((v, i) => {
    const h = Math.max(v.articles ? 2 : 0, (v.articles / max) * 85);
    const pick = () => (onPick ? onPick(v.key) : addToQuery(clause("date", v.key)));
    const bar = svg("rect", {
      class: "bar", x: i * step + 0.5, y: base - h, width: Math.max(1, step - 1), height: h, tabindex: v.articles ? 0 : -1,
      role: "button", "aria-label": v.key + ": " + v.articles + " articles", "data-month": v.key,
      onclick: pick, onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } },
    }, svg("title", {}, v.key + ": " + v.articles));
    chart.append(bar);
  });
  chart.append(svg("text", { x: 0, y: height - 2 }, all[0].key), svg("text", { x: width, y: height - 2, "text-anchor": "end" }, all[all.length - 1].key));
  return chart;
}

async function renderArticle(state, mine) {
  status("Opening…");
  const article = await api("/api/articles/" + encodeURIComponent(state.article), { q: state.q });
  if (mine !== generation) return;
  status("");
  document.title = article.title + " · telusur";
  const url = safeURL(article.url);
  const entities = el("div", { class: "entities" });
  const similar = el("ul", { class: "similar" });
  $("facets").replaceChildren(el("h2", {}, "Similar articles"), similar);
  $("main").replaceChildren(el("div", { class: "article" },
    state.q ? el("p", {}, link({ q: state.q, sort: state.sort }, "← back to results")) : null,
    el("h1", {}, article.title || article.id),
    el("div", { class: "meta" }, [article.date, article.source].filter(Boolean).join(" · "),
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
    entities,
    article.paragraphs.map((p) => el("p", { "data-no": p.no }, highlighted(p.highlighted)))));
  fillEntities(article.id, entities);
  api("/api/similar/" + encodeURIComponent(article.id), { limit: 5 }).then((found) => {
    similar.replaceChildren(...found.results.map((r) => el("li", {}, link({ article: r.id }, r.title || r.id),
      el("div", { class: "meta" }, [r.date, r.source].filter(Boolean).join(" · ")))));
  }).catch(() => similar.replaceChildren(el("li", { class: "meta" }, "none")));
}

// A person's or an agency's page: mentions over time, who appears with them, articles.
async function renderEntity(state, mine) {
  const person = Boolean(state.person);
  const name = state.person || state.agency;
  status("Reading…");
  const results = await api((person ? "/api/person/" : "/api/agency/") + encodeURIComponent(name),
    { facets: 1, timeline: 1, limit: PAGE, offset: state.offset, sort: state.sort === "relevance" ? "-date" : state.sort });
  if (mine !== generation) return;
  status("");
  document.title = name + " · telusur";
  const field = person ? "person" : "agency";
  const self = (person ? results.facets.persons : results.facets.agencies)[0];
  renderFacets(results.facets, self ? self.key : null);
  const main = $("main");
  main.replaceChildren(
    el("h1", {}, name),
    el("p", { class: "totals" }, results.total.articles + (results.total.articles === 1 ? " article mentions " : " articles mention ")
      + (person ? "this person" : "this body") + " · ",
      link({ q: clause(field, name) }, "search")),
    el("h2", {}, "Mentions over time"),
    timeline(results.facets.months || [], state, (month) => go({ q: clause(field, name) + " " + clause("date", month) })));
  const list = el("div", { id: "results" });
  for (const result of results.results) list.append(resultView(result, { q: clause(field, name) }));
  main.append(el("h2", {}, "Latest articles"), list, pager(state, results.total.articles));
}

// ---- completion --------------------------------------------------------------------------

let completion = { word: "", candidates: [], selected: -1 };
let suggestTimer = null;

function closeCompletions() {
  $("completions").hidden = true;
  $("q").setAttribute("aria-expanded", "false");
  completion = { word: "", candidates: [], selected: -1 };
}

function showCompletions() {
  const list = $("completions");
  list.replaceChildren(...completion.candidates.map((c, i) => el("li", {
    role: "option", id: "completion-" + i, "aria-selected": i === completion.selected ? "true" : "false",
    onmousedown: (e) => { e.preventDefault(); accept(i); },
  }, c)));
  list.hidden = completion.candidates.length === 0;
  $("q").setAttribute("aria-expanded", list.hidden ? "false" : "true");
  if (completion.selected >= 0) $("q").setAttribute("aria-activedescendant", "completion-" + completion.selected);
  else $("q").removeAttribute("aria-activedescendant");
}

function accept(i) {
  const input = $("q");
  const before = input.value.slice(0, input.selectionStart);
  const after = input.value.slice(input.selectionStart);
  const head = before.slice(0, before.length - completion.word.length);
  input.value = head + completion.candidates[i] + (completion.candidates[i].endsWith(":") ? "" : " ") + after;
  closeCompletions();
  input.focus();
}

async function suggest() {
  const input = $("q");
  const before = input.value.slice(0, input.selectionStart);
  if (!before.trim()) { closeCompletions(); return; }
  try {
    const found = await api("/api/suggest", { q: before });
    if (input.value.slice(0, input.selectionStart) !== before) return;
    completion = { word: found.word, candidates: found.candidates.slice(0, 12), selected: -1 };
    showCompletions();
  } catch { closeCompletions(); }
}

function onKey(event) {
  const open = !$("completions").hidden && completion.candidates.length;
  if (!open) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const n = completion.candidates.length;
    completion.selected = (completion.selected + (event.key === "ArrowDown" ? 1 : n - 1) + (completion.selected < 0 && event.key === "ArrowUp" ? 1 : 0)) % n;
    showCompletions();
  } else if ((event.key === "Enter" || event.key === "Tab") && completion.selected >= 0) {
    event.preventDefault();
    accept(completion.selected);
  } else if (event.key === "Tab" && completion.candidates.length === 1) {
    event.preventDefault();
    accept(0);
  } else if (event.key === "Escape") {
    closeCompletions();
  }
}

// ---- start ---------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = $("q").value.trim();
    go({ q, sort: $("sort").value, offset: 0, group: $("group").checked, paragraph: $("paragraph").checked });
  });
  $("sort").addEventListener("change", () => { const s = readState(); if (s.q || s.person || s.agency) go({ ...s, sort: $("sort").value, offset: 0 }); });
  $("group").addEventListener("change", () => { const s = readState(); if (s.q) go({ ...s, group: $("group").checked, offset: 0 }); });
  $("paragraph").addEventListener("change", () => { const s = readState(); if (s.q) go({ ...s, paragraph: $("paragraph").checked, offset: 0 }); });
  $("q").addEventListener("input", () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 120); });
  $("q").addEventListener("keydown", onKey);
  $("q").addEventListener("blur", () => setTimeout(closeCompletions, 100));
  $("home").addEventListener("click", (event) => { event.preventDefault(); go({}); });
  window.addEventListener("popstate", render);
  render();
});
