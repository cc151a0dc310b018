// Opens the page's WebSocket while the rest of the page is still on its way. On a slow or crowded network the
// handshake then overlaps the download, and connection.js takes the socket over (with what came on it so far).
// A classic script at the top of <head>: it runs as soon as it arrives, before the page's modules.
//
// A phone whose language is certain (chosen before, asked for with ?lang=, or a Dutch or English browser) says
// hello at once too, so its view is waiting when the page's script starts; otherwise the page says hello itself.
// connection.js checks the hello is the one the page would have said, and starts afresh when it is not.
(() => {
  const query = new URLSearchParams(location.search);
  const room = (query.get("room") || "").trim();
  if (!room && !query.get("token")) return;
  let socket;
  try {
    socket = new WebSocket(`${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/ws`);
  } catch {
    return; // the page opens its own socket, as it always can
  }
  const early = { socket, hello: null, messages: [] };
  early.keep = (event) => early.messages.push(event);
  socket.addEventListener("message", early.keep);
  window.kioskEarly = early;

  function phoneHello() {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(room)) return null;
    const browser = ((navigator.languages && navigator.languages[0]) || navigator.language || "").toLowerCase();
    let lang = query.get("lang");
    try {
      lang = lang || localStorage.getItem("kiosk.lang");
      lang = lang || ["nl", "en"].find((code) => browser.split("-")[0] === code) || null;
      if (!lang) return null;
      // The same device id phone.js keeps (kiosk.device.<room>), made here when this is the first visit.
      const key = `kiosk.device.${room}`;
      let device = localStorage.getItem(key);
      if (!device) {
        const bytes = crypto.getRandomValues(new Uint8Array(10));
        device = "d-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
        localStorage.setItem(key, device);
      }
      return { type: "hello", role: "phone", room, device, lang };
    } catch {
      return null; // storage blocked: the page says hello itself
    }
  }

  early.hello = phoneHello();
  if (early.hello) {
    socket.addEventListener("open", () => socket.send(JSON.stringify(early.hello)));
  }
})();
