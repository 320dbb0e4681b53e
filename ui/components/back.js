// Browser Back inside the page (and the page's language on <html>): when the address changes by Back or Forward, send the new
// query string to the page, which reopens that state (so Back undoes the last change, and
// leaves the app once there is nothing left to undo). Static code: nothing from a link or a
// visitor is put into it.
export default function ({ data, setTriggerValue }) {
  // The page's language for screen readers and translators: one of two fixed codes.
  if (data && (data.lang === "id" || data.lang === "en")) {
    document.documentElement.lang = data.lang;
  }
  window.__ikmBackSend = setTriggerValue;
  if (window.__ikmBackListening) return;
  window.__ikmBackListening = true;
  window.addEventListener("popstate", () => {
    window.__ikmBackSend("moved", window.location.search.replace(/^\?/, ""));
  });
}
