// One WebSocket to /ws of this page's origin: hello first, own heartbeat, reconnect with jittered backoff.

import { has, onLangChange, t } from "./i18n.js";

const PING_EVERY_MS = 15000;
const PONG_WITHIN_MS = 10000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 15000;
// A wrong room or token will not get better by asking again.
const FATAL = new Set(["bad_room", "bad_token", "bad_device", "bad_hello", "hello_first"]);

export function socketUrl() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws`;
}

/**
 * A connection that keeps itself up. `hello()` makes the first message each time; `onMessage(msg)` gets every
 * frame after hello/ok; `onReady()` runs after each hello/ok (resend what is waiting there).
 */
export class Connection {
  constructor({ hello, onMessage, onReady = () => {}, statusEl = null }) {
    this.hello = hello;
    this.onMessage = onMessage;
    this.onReady = onReady;
    this.statusEl = statusEl;
    this.ws = null;
    this.ready = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.pingTimer = null;
    this.pongTimer = null;
    this.stopped = false;
    this.paused = false; // a newer connection of this phone (another tab) took over, until this page is seen again
    this.state = "connecting";
    this.fatalMessage = "";
    onLangChange(() => this.showStatus());
  }

  start() {
    window.addEventListener("offline", () => this.drop("offline"));
    window.addEventListener("online", () => this.reconnectNow());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.reconnectNow();
    });
    this.open();
  }

  /** Send a message now; false when not connected (the caller decides whether it waits in an outbox). */
  send(message) {
    if (!this.ready || !this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  open() {
    clearTimeout(this.retryTimer);
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    if (navigator.onLine === false) {
      this.setState("offline");
      return;
    }
    this.setState("connecting");
    let ws;
    try {
      ws = new WebSocket(socketUrl());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.addEventListener("open", () => ws.send(JSON.stringify(this.hello())));
    ws.addEventListener("message", (event) => this.receive(ws, event));
    ws.addEventListener("close", () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.ready = false;
      this.stopHeartbeat();
      if (!this.stopped && !this.paused) this.scheduleRetry();
    });
  }

  receive(ws, event) {
    if (ws !== this.ws) return;
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!message || typeof message.type !== "string") return;
    if (message.type === "pong") {
      clearTimeout(this.pongTimer);
      return;
    }
    if (message.type === "hello/ok") {
      this.ready = true;
      this.attempt = 0;
      this.setState("online");
      this.startHeartbeat();
      this.onMessage(message);
      this.onReady();
      return;
    }
    if (message.type === "error" && message.code === "replaced") {
      // Opened again in another tab: that one goes on; taking the connection back at once would start a tug of war.
      this.paused = true;
      clearTimeout(this.retryTimer);
      this.setState("replaced");
      ws.close();
      return;
    }
    if (message.type === "error" && !this.ready && FATAL.has(message.code)) {
      this.stopped = true;
      this.fatalMessage = message.code;
      this.setState("refused");
      ws.close();
      return;
    }
    this.onMessage(message);
  }

  startHeartbeat() {
    this.stopHeartbeat();
    this.pingTimer = setInterval(() => {
      if (!this.send({ type: "ping" })) return;
      clearTimeout(this.pongTimer);
      this.pongTimer = setTimeout(() => this.drop("connecting"), PONG_WITHIN_MS);
    }, PING_EVERY_MS);
  }

  stopHeartbeat() {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
  }

  /** Give up on the current socket (silent network, offline) and try again by the usual backoff. */
  drop(state) {
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    this.stopHeartbeat();
    if (ws) ws.close();
    if (this.stopped) return;
    this.setState(state);
    this.scheduleRetry();
  }

  reconnectNow() {
    if (this.stopped || this.ws) return;
    this.paused = false; // looked at again: this page takes over
    this.attempt = 0;
    this.open();
  }

  scheduleRetry() {
    clearTimeout(this.retryTimer);
    if (this.state !== "offline") this.setState("connecting");
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    this.attempt += 1;
    // Full jitter between half and all of the ceiling, so a room of phones does not return in one wave.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  setState(state) {
    this.state = state;
    this.showStatus();
  }

  showStatus() {
    if (!this.statusEl) return;
    this.statusEl.dataset.state = this.state;
    let key = `conn.${this.state}`;
    if (this.state === "refused") {
      key = has(`conn.refused.${this.fatalMessage}`) ? `conn.refused.${this.fatalMessage}` : "conn.refused";
    }
    this.statusEl.textContent = t(key);
  }
}
