// The window's height (in 60 px steps, so small changes do not redraw the page) for the
// presentation view, whose charts use the room a big screen gives. Static code.
export default function ({ setStateValue }) {
  const send = () => setStateValue("height", Math.floor(window.innerHeight / 60) * 60);
  send();
  let timer = null;
  const onResize = () => {
    clearTimeout(timer);
    timer = setTimeout(send, 250);
  };
  window.addEventListener("resize", onResize);
  return () => window.removeEventListener("resize", onResize);
}
