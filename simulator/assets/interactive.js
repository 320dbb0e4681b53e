// The interactive briefing's own part (simulator/interactive.py): the levers, the language
// switch, and the sentence and warnings at a moved lever's value.
//
// Everything a lever moves in the headline and the charts is the page's own view
// (view.js, view_data.js and view_format.js, inlined ahead of this part: `ikmView`,
// `ikmViewData`, `fill`), fed as the page feeds it: the scenario's state and each lever's
// sweep, then `drive(lever, value)` on the shared store. One lever moves at a time (a
// combination of two is a point no sweep holds): moving one puts any other back. Every text
// is set as text, never as markup.

const BRIEF = JSON.parse(document.getElementById("ikm-briefing-data").textContent);

const brief = {
  lang: BRIEF.first,
  moved: null, // the index of the lever off its scenario value, or null
  putBack: null, // the index of a lever a move put back to its scenario value, or null
  texts: null, // the sentences and warnings at every grid point, once inflated
  textsTried: false,
  levers: [],
};

function fromBase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

// The gzip'd JSON of the per-point texts, or null where the browser cannot inflate it
// (then the sentence and warnings stay the scenario's, and the file says so).
async function inflated(text) {
  if (typeof DecompressionStream !== "function") return null;
  try {
    const stream = new Blob([fromBase64(text)]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  } catch (error) {
    return null;
  }
}

const words = () => BRIEF.lang[brief.lang];
const store = () => window.__ikmView;

// --- the levers ---------------------------------------------------------------------------

function buildLevers() {
  const place = document.getElementById("levers");
  BRIEF.levers.forEach((lever, k) => {
    const el = document.createElement("div");
    el.className = "ikm-lever";
    el.dataset.lever = lever.name;
    const head = document.createElement("div");
    head.className = "head";
    const label = document.createElement("label");
    label.className = "label";
    const input = document.createElement("input");
    input.id = `lever-${lever.name}`;
    label.htmlFor = input.id;
    const help = document.createElement("button");
    help.type = "button";
    help.className = "help";
    help.textContent = "?";
    help.setAttribute("aria-expanded", "false");
    const helpText = document.createElement("p");
    helpText.className = "helptext";
    helpText.hidden = true;
    help.addEventListener("click", () => {
      helpText.hidden = !helpText.hidden;
      help.setAttribute("aria-expanded", String(!helpText.hidden));
    });
    head.append(label, help);
    const shown = document.createElement("output");
    shown.className = "value";
    shown.htmlFor = input.id;
    shown.setAttribute("aria-hidden", "true");
    input.type = "range";
    input.min = "0";
    input.max = String(lever.values.length - 1);
    input.step = "1";
    input.value = String(lever.saved);
    input.addEventListener("input", () => moved(k));
    const changed = document.createElement("p");
    changed.className = "changed";
    el.append(head, helpText, shown, input, changed);
    place.appendChild(el);
    brief.levers.push({ lever, el, input, label, help, helpText, shown, changed });
  });
}

function paintLevers() {
  brief.levers.forEach((one, k) => {
    const text = words().levers[k];
    const i = Number(one.input.value);
    one.label.textContent = text.label;
    one.help.setAttribute("aria-label", text.helpLabel);
    one.help.title = text.helpLabel;
    one.helpText.textContent = text.help;
    one.shown.textContent = text.labels[i];
    one.input.setAttribute("aria-valuetext", text.labels[i]);
    one.input.style.setProperty("--fill", `${(100 * i) / (Number(one.input.max) || 1)}%`);
    const off = one.lever.values[i] !== one.lever.base;
    one.changed.textContent = off ? text.changed : "";
    one.changed.hidden = !off;
    one.el.classList.toggle("moved", k === brief.moved);
  });
}

// Lever k moved: any other lever goes back to the scenario's value, and the view shows the
// point of k's sweep (or the scenario itself, when k is back at its value).
function moved(k) {
  const one = brief.levers[k];
  const index = Number(one.input.value);
  brief.levers.forEach((other, j) => {
    if (j !== k && Number(other.input.value) !== other.lever.saved) {
      other.input.value = String(other.lever.saved);
      brief.putBack = j;
    }
  });
  const view = store();
  if (index === one.lever.saved) {
    brief.moved = null;
    brief.putBack = null;
    if (view.point) view.released(view.point.lever, null);
  } else {
    brief.moved = k;
    view.drive(one.lever.name, one.lever.values[index], false);
  }
  show();
}

function back() {
  for (const one of brief.levers) one.input.value = String(one.lever.saved);
  brief.moved = null;
  brief.putBack = null;
  const view = store();
  if (view.point) view.released(view.point.lever, null);
  show();
}

// --- what the page around the view says ------------------------------------------------------

function movedLink(one, index) {
  const url = new URL(BRIEF.link);
  const { lever } = one;
  if (lever.values[index] === lever.base) url.searchParams.delete(lever.name);
  else url.searchParams.set(lever.name, lever.query[index]);
  if (brief.lang === BRIEF.defaultLang) url.searchParams.delete("lang");
  else url.searchParams.set("lang", brief.lang);
  return url.href;
}

function paintStatus() {
  const w = words();
  const status = document.querySelector(".levers .status");
  const backButton = document.querySelector(".levers .back");
  let text = "";
  if (brief.moved !== null) {
    const one = brief.levers[brief.moved];
    const labels = w.levers[brief.moved].labels;
    text = fill(w.words.moved, {
      label: w.levers[brief.moved].label,
      value: labels[Number(one.input.value)],
      saved: labels[one.lever.saved],
    });
    if (brief.putBack !== null) {
      text += ` ${fill(w.words.oneLever, { label: w.levers[brief.putBack].label })}`;
    }
  }
  if (status.textContent !== text) status.textContent = text;
  backButton.textContent = w.words.back;
  backButton.hidden = brief.moved === null;
  for (const place of document.querySelectorAll(".moved-link")) {
    const off = brief.moved !== null && !!BRIEF.link;
    place.hidden = !off;
    if (off) {
      const one = brief.levers[brief.moved];
      place.querySelector("a").href = movedLink(one, Number(one.input.value));
    }
  }
}

// The sentence and the warnings: the scenario's, or those at the moved lever's value.
function paintTexts() {
  const w = words();
  const place = document.querySelector(`.headline .said[data-lang="${brief.lang}"]`);
  const sentence = place.querySelector(".sentence");
  const flags = place.querySelector(".flags");
  const mine = brief.texts && brief.texts[brief.lang];
  let text = w.sentence;
  let warnings = w.flags;
  if (brief.moved !== null && mine) {
    const { name } = brief.levers[brief.moved].lever;
    const index = Number(brief.levers[brief.moved].input.value);
    text = mine.sentences[name][index];
    warnings = mine.flags[name][index].map((i) => mine.flag_texts[i]);
  }
  if (sentence.textContent !== text) sentence.textContent = text;
  const list = flags.querySelector("ul");
  const now = [...list.children].map((li) => li.textContent);
  if (JSON.stringify(now) !== JSON.stringify(warnings)) {
    list.replaceChildren(
      ...warnings.map((t) => {
        const li = document.createElement("li");
        li.textContent = t;
        return li;
      }),
    );
  }
  flags.hidden = warnings.length === 0;
  // No texts for the moved value (a browser that cannot inflate them): said so.
  const stale = brief.moved !== null && !mine && brief.textsTried;
  sentence.classList.toggle("stale", stale);
  const note = place.querySelector(".texts-saved");
  note.hidden = !stale;
  note.textContent = stale ? w.words.textsSaved : "";
}

// On a narrow screen the headline is out of sight while a lever moves: its first two cards,
// as the view has just painted them, are repeated in a strip kept at the bottom of the
// screen (hidden from screen readers: the cards themselves say it).
const GLANCE = 2;

function paintGlance() {
  const glance = document.querySelector(".levers .glance");
  if (brief.moved === null) {
    glance.hidden = true;
    glance.replaceChildren();
    return;
  }
  // After the view's own frame (it draws on the next animation frame, asked for first).
  requestAnimationFrame(() => {
    const cards = [...document.querySelectorAll("#view-head .ikm-card")].slice(0, GLANCE);
    glance.replaceChildren(
      ...cards.map((card) => {
        const row = document.createElement("div");
        row.className = "glance-card";
        for (const part of ["label", "value", "delta"]) {
          const from = card.querySelector(`.ikm-card-${part}`);
          const span = document.createElement("span");
          span.className = `glance-${part}`;
          if (part === "delta") {
            for (const tone of ["good", "bad"]) span.classList.toggle(tone, from.classList.contains(tone));
          }
          span.textContent = from.textContent;
          row.appendChild(span);
        }
        return row;
      }),
    );
    glance.hidden = brief.moved === null;
  });
}

function show() {
  paintLevers();
  paintStatus();
  paintTexts();
  paintGlance();
  const shown = brief.moved === null ? "scenario" : brief.levers[brief.moved].lever.name;
  document.body.dataset.moved = shown;
}

// --- both languages ---------------------------------------------------------------------------

function setLanguage(lang) {
  brief.lang = lang;
  const w = words();
  document.documentElement.lang = lang;
  document.title = w.title;
  for (const el of document.querySelectorAll("[data-lang]")) el.hidden = el.dataset.lang !== lang;
  for (const button of document.querySelectorAll("[data-set-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.setLang === lang));
  }
  ikmViewData({ data: w.now });
  mountViews();
  show();
}

function mountViews() {
  for (const part of ["head", "results"]) {
    ikmView({ data: words()[part], parentElement: document.getElementById(`view-${part}`) });
  }
}

function start() {
  ikmViewData({ data: words().now });
  for (const encoded of Object.values(BRIEF.sweeps)) ikmViewData({ data: fromBase64(encoded) });
  buildLevers();
  mountViews();
  for (const button of document.querySelectorAll("[data-set-lang]")) {
    button.addEventListener("click", () => setLanguage(button.dataset.setLang));
  }
  document.querySelector(".levers .back").addEventListener("click", back);
  show();
  inflated(BRIEF.points).then((texts) => {
    brief.texts = texts;
    brief.textsTried = true;
    show();
  });
}

start();
