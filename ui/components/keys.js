// The arrow keys step through the presentation's slides (unless the focus is in a field or
// on a slider, where the arrows already mean something). Static code.
//
// A key pressed in a component's shadow root (a live lever's range input) reaches the
// document retargeted to the component's host, so `event.target` is a DIV there: the
// element that really has the focus is the first of the event's composed path.
export default function ({ setTriggerValue }) {
  window.__ikmKeysSend = setTriggerValue;
  if (window.__ikmKeysListening) return;
  window.__ikmKeysListening = true;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const path = event.composedPath ? event.composedPath() : [];
    const target = path[0] || event.target;
    const tag = (target && target.tagName) || "";
    const role = (target && target.getAttribute && target.getAttribute("role")) || "";
    if (["INPUT", "TEXTAREA", "SELECT"].includes(tag) || role === "slider") return;
    if (target && target.isContentEditable) return;
    if (!document.querySelector("[class*='st-key-present_slides']")) return;
    window.__ikmKeysSend("step", event.key === "ArrowRight" ? 1 : -1);
  });
}
