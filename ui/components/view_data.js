// What the scenario view draws from, put on the window for it (view.js) and the levers:
// the current scenario's numbers (an object) or one lever's sweep (bytes, from
// simulator/sweeps.py). Kept here until the view is ready; nothing is drawn by this part.
export default function ({ data }) {
  const store = window.__ikmView || (window.__ikmView = { sweeps: {}, raw: {} });
  if (data instanceof Uint8Array) {
    const size = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + size)));
    store.raw[header.lever] = data;
    if (store.schedule) store.schedule();
  } else if (data && typeof data === "object") {
    if (store.setNow) store.setNow(data);
    else store.now = data;
  }
}
