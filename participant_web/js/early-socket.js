// Opens the page's WebSocket while the rest of the page is still on its way. On a slow or crowded network the
// handshake (two round trips) then overlaps the download, and connection.js takes the open socket over and says
// hello on it. A classic script at the top of <head>: it runs as soon as it arrives, before the page's modules.
(() => {
  const query = new URLSearchParams(location.search);
  if (!query.get("room") && !query.get("token")) return;
  try {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    window.kioskEarlySocket = new WebSocket(`${scheme}//${location.host}/ws`);
  } catch {
    // the page opens its own socket, as it always can
  }
})();
