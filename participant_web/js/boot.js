// What the hub put into the page for its first moments (kiosk/hub/page_bundle.py): the Dutch words, the other
// catalogs' versions and the languages on offer, so the page asks for none of them before its socket opens.
// A page opened as separate files has no such block: every field is then missing and the page asks as before.

let data = null;

export function bootData() {
  if (data === null) {
    try {
      data = JSON.parse(document.getElementById("boot")?.textContent || "{}") || {};
    } catch {
      data = {};
    }
  }
  return data;
}
