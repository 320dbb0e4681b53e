// A live lever: a native range input over the parameter's grid that sends its value while
// it is dragged, so the page moves with the thumb (as En-ROADS does).
//
// Streaming, not flooding: while a pointer drags the thumb, the latest value goes to the
// page at most every THROTTLE_MS and never while the page is still running the previous
// one (the page hands back the sequence number of the last value it took as `data.ack`;
// the latest pending value is sent when it arrives). Letting go (the input's change event,
// also a keyboard step) always sends the final value as a "release", which the page counts
// as one step (link, browser history, undo). Everything shown comes from `data` and is set
// as text, never as markup. Static code: nothing from a link or a visitor is put into it.
//
// Once the page has sent this lever's sweep (the scenario view's numbers at every point of
// its grid, ui/view.py), a move is shown by the view itself on every input event, with no
// server round trip, and only the release goes to the page (`driven` below).
const THROTTLE_MS = 60;
const STALL_MS = 2000; // no answer this long: the run was lost, send again

export default function ({ data, parentElement, setTriggerValue }) {
  const root = parentElement.querySelector(".ikm-lever");
  // The element stays mounted across the page's runs: set up once, then take new data.
  const lever = root.__lever || (root.__lever = setUp(root));
  lever.send = setTriggerValue;
  lever.update(data);
}

function setUp(root) {
  const input = root.querySelector("input");
  const label = root.querySelector(".label");
  const shown = root.querySelector(".value");
  const help = root.querySelector("button.help");
  const helpText = root.querySelector(".helptext");
  const lever = {
    send: null,
    values: [],
    labels: [],
    pointer: false, // a pointer is dragging the thumb
    pending: false, // a dragged value not sent yet
    dragSent: false, // values were streamed since the last release
    name: "", // the parameter's name (the view's sweeps are by name)
    shown: false, // the view has shown a value of this lever since the last release
    released: -1, // the index last released or set by the page
    seq: 0, // the last value sent
    ack: 0, // the last value the page took
    lastSend: 0,
    timer: null,
  };

  const now = () => performance.now();
  const index = () => Number(input.value);

  function paint() {
    const i = index();
    const text = lever.labels[i] ?? "";
    shown.textContent = text;
    input.setAttribute("aria-valuetext", text);
    const max = Number(input.max) || 1;
    input.style.setProperty("--fill", `${(100 * i) / max}%`);
  }

  function emit(kind) {
    lever.seq += 1;
    lever.lastSend = now();
    if (lever.send) lever.send(kind, { value: lever.values[index()], seq: lever.seq });
  }

  // The scenario view (ui/components/view.js) shows the value from this lever's sweep, if
  // it has one that fits the page's scenario.
  function driven() {
    const view = window.__ikmView;
    return !!(view && view.drive && view.drive(lever.name, lever.values[index()], lever.pointer));
  }

  function tellView(seq) {
    const view = window.__ikmView;
    if (view && view.released) view.released(lever.name, seq);
  }

  const inFlight = () => lever.seq > lever.ack && now() - lever.lastSend < STALL_MS;

  function flush() {
    lever.timer = null;
    if (!lever.pending || !lever.pointer) return;
    if (inFlight()) {
      // The page is still busy: the answer's arrival sends the latest value (or, if it
      // never comes, this timer does).
      lever.timer = setTimeout(flush, STALL_MS);
      return;
    }
    lever.pending = false;
    lever.dragSent = true;
    emit("drag");
  }

  function schedule() {
    lever.pending = true;
    if (lever.timer !== null) return;
    const wait = Math.max(0, lever.lastSend + THROTTLE_MS - now());
    lever.timer = setTimeout(flush, wait);
  }

  function finish() {
    clearTimeout(lever.timer);
    lever.timer = null;
    lever.pending = false;
    lever.pointer = false;
    const shown = lever.shown;
    lever.shown = false;
    if (index() === lever.released && !lever.dragSent) {
      if (shown) tellView(null); // the view moved, but the lever is back where it started
      return;
    }
    lever.released = index();
    lever.dragSent = false;
    emit("release");
    tellView(lever.seq);
  }

  input.addEventListener("pointerdown", () => {
    lever.pointer = true;
  });
  input.addEventListener("input", () => {
    paint();
    if (driven()) {
      lever.shown = true; // the view shows it; the release goes to the page
      return;
    }
    if (lever.pointer) schedule(); // keyboard steps wait for their change event
  });
  input.addEventListener("change", finish);
  // A drag that ends where it began fires no change event; a touch the browser turns into
  // a scroll is cancelled.
  for (const end of ["pointerup", "pointercancel", "lostpointercapture"]) {
    input.addEventListener(end, () => {
      if (lever.pointer) finish();
    });
  }

  help.addEventListener("click", () => {
    const open = helpText.hidden;
    helpText.hidden = !open;
    help.setAttribute("aria-expanded", String(open));
  });

  lever.update = (data) => {
    lever.name = data.name;
    label.textContent = data.label;
    input.setAttribute("aria-label", data.label);
    help.setAttribute("aria-label", data.helpLabel);
    help.title = data.helpLabel;
    helpText.textContent = data.help;
    const held = lever.values[index()];
    lever.labels = data.labels;
    lever.values = data.values;
    input.max = String(data.values.length - 1);
    if (typeof data.ack === "number" && data.ack > lever.ack) lever.ack = data.ack;
    if (lever.pointer) {
      // Mid-drag the thumb stays where the pointer holds it (on a new grid, at its value),
      // and the latest value goes out now that the page has answered.
      const at = lever.values.indexOf(held);
      if (at >= 0) input.value = String(at);
      if (lever.pending) {
        clearTimeout(lever.timer);
        lever.timer = null;
        schedule();
      }
    } else if (!inFlight()) {
      // Not while the page has yet to take the last value sent: this data is older.
      input.value = String(data.index);
      lever.released = data.index;
    }
    paint();
  };
  return lever;
}
