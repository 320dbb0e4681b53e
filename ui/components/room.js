// The room the presentation's charts have (in 20 px steps, so small changes do not redraw
// the page): the window's height and where the charts' row begins (the scenario view's
// charts; this element, just above the view, until they are drawn), sent again when either changes (a resize, a longer title or sentence above the
// charts). The page sizes the plots to what is left below. Static code.
const STEP = 20;

export default function ({ parentElement, setStateValue }) {
  const root = parentElement.getRootNode();
  const here = root && root.host ? root.host : parentElement;
  let sent = { height: -1, top: -1 };
  const send = () => {
    const height = Math.floor(window.innerHeight / STEP) * STEP;
    // The slide's charts row when the scenario view has drawn it, else this element.
    const charts = document.querySelector(".ikm-view .ikm-charts") || here;
    const top = Math.ceil((charts.getBoundingClientRect().top + window.scrollY) / STEP) * STEP;
    if (height === sent.height && top === sent.top) return;
    sent = { height, top };
    setStateValue("height", height);
    setStateValue("top", top);
  };
  send();
  let timer = null;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(send, 250);
  };
  window.addEventListener("resize", later);
  const above = document.querySelector("[data-testid='stMainBlockContainer']");
  const watch = above && window.ResizeObserver ? new ResizeObserver(later) : null;
  if (watch) watch.observe(above);
  return () => {
    window.removeEventListener("resize", later);
    if (watch) watch.disconnect();
    clearTimeout(timer);
  };
}
