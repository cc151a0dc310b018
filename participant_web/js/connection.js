// One WebSocket to /ws of this page's origin: hello first, its own heartbeat, a time limit on every attempt, and
// back at once when the network or the page is. A phone in a hall hops between the school's Wi-Fi and mobile
// data and locks its screen: an attempt made while the hub is out of reach would hang for minutes (Chromium's own
// limit), and a socket whose path died says nothing until the next ping goes unanswered.

import { has, onLangChange, t } from "./i18n.js";

// While the page is in front a quiet socket is asked every 5 s and must answer within 4 s: a dead one is noticed
// within about 9 s. Hidden (a locked screen), every 25 s within 10 s, to spare the battery; on unlocking at once.
const HEARTBEAT = { visible: { every: 5000, within: 4000 }, hidden: { every: 25000, within: 10000 } };
const CHECK_WITHIN_MS = 3000; // the answer to the check made when the network or the page comes back
// From `new WebSocket` to hello/ok. An attempt whose handshake never completed went into a dead network: the next
// one follows at once, so the phone is back within seconds of the network. One that got through the handshake
// reached a hub that is slow to answer: the next gets twice the time (up to 20 s) after the usual backoff.
const ATTEMPT_LIMIT_MS = 5000;
const SLOW_HUB_LIMIT_MS = 20000;
const FRESH_ATTEMPT_MS = 1500; // a check leaves an attempt younger than this alone
const AGAIN_MS = 500; // after an attempt into a dead network
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = { visible: 4000, hidden: 15000 };
const TRY_LATER_MS = 15000; // the hub said it is full: come back later, not sooner
const TRY_LATER = 1013; // the close code of "full" and "too_many_joins"
const OFFLINE_LOOK_MS = 10000; // while the browser says offline, look again now and then (an `online` can be missed)
const SAY_AFTER_MS = 1500; // a state is announced once it has lasted this long, so a flicker is not read out
// A wrong room or token will not get better by asking again.
const FATAL = new Set(["bad_room", "bad_token", "bad_device", "bad_hello", "hello_first"]);

export function socketUrl() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws`;
}

/** What early-socket.js opened while the page loaded ({socket, hello, messages}), once, if it is still usable. */
function early() {
  const opened = window.kioskEarly;
  window.kioskEarly = null;
  return opened && opened.socket && opened.socket.readyState <= WebSocket.OPEN ? opened : null;
}

function sameHello(a, b) {
  return ["type", "role", "room", "device", "lang"].every((field) => a[field] === b[field]);
}

/**
 * A connection that keeps itself up. `hello()` makes the first message each time; `onMessage(msg)` gets every
 * frame after hello/ok; `onReady()` runs after each hello/ok (resend what is waiting there). `statusEl` shows the
 * state; `sayEl` (a live region), when given, announces it once it settles.
 */
export class Connection {
  constructor({ hello, onMessage, onReady = () => {}, statusEl = null, sayEl = null }) {
    this.hello = hello;
    this.onMessage = onMessage;
    this.onReady = onReady;
    this.statusEl = statusEl;
    this.sayEl = sayEl;
    this.ws = null;
    this.ready = false;
    this.attempt = 0;
    this.limit = ATTEMPT_LIMIT_MS;
    this.openedAt = 0;
    this.lastHeard = 0;
    this.pingSentAt = 0; // a ping waits for its answer since then (0: none)
    this.pingWithin = 0;
    this.retryTimer = null;
    this.limitTimer = null;
    this.sayTimer = null;
    this.said = "";
    this.stopped = false;
    this.paused = false; // a newer connection of this phone (another tab) took over, until this page is seen again
    this.state = "connecting";
    this.fatalMessage = "";
    this.listeners = [];
    onLangChange(() => this.showStatus());
  }

  start() {
    window.addEventListener("offline", () => this.drop("offline"));
    window.addEventListener("online", () => this.check());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.check();
    });
    window.addEventListener("focus", () => this.check());
    document.addEventListener("resume", () => this.check()); // the browser unfroze the page
    // Leaving the page closes the socket, so the browser may keep the page for "back"; coming back opens it.
    window.addEventListener("pagehide", () => this.suspend());
    window.addEventListener("pageshow", (event) => {
      if (event.persisted) this.check();
    });
    setInterval(() => this.beat(), 1000);
    this.showStatus();
    this.open();
  }

  /** Called with no arguments whenever the state or readiness changes. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  /** Send a message now; false when not connected (the caller decides whether it waits in an outbox). */
  send(message) {
    if (!this.ready || !this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  open() {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.stopped || this.paused || this.ws) return;
    if (navigator.onLine === false) {
      this.setState("offline");
      this.retryTimer = setTimeout(() => this.open(), OFFLINE_LOOK_MS);
      return;
    }
    this.setState("connecting");
    // The socket the page's first bytes opened, unless it said a hello other than this page's (then it goes).
    let taken = early();
    const said = Boolean(taken && taken.hello && sameHello(taken.hello, this.hello()));
    if (taken && taken.hello && !said) {
      taken.socket.close();
      taken = null;
    }
    let ws = taken ? taken.socket : null;
    try {
      ws = ws || new WebSocket(socketUrl());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    this.openedAt = Date.now();
    let handshake = ws.readyState === WebSocket.OPEN;
    clearTimeout(this.limitTimer);
    this.limitTimer = setTimeout(() => {
      if (this.ws !== ws || this.ready) return;
      if (handshake) {
        this.limit = Math.min(this.limit * 2, SLOW_HUB_LIMIT_MS);
        this.drop("connecting");
      } else {
        this.abandon();
        this.retryTimer = setTimeout(() => this.open(), AGAIN_MS / 2 + Math.random() * (AGAIN_MS / 2));
      }
    }, this.limit);
    ws.addEventListener("open", () => {
      handshake = true;
      if (this.ws === ws && !said) ws.send(JSON.stringify(this.hello()));
    });
    if (handshake && !said) ws.send(JSON.stringify(this.hello()));
    ws.addEventListener("message", (event) => this.receive(ws, event));
    ws.addEventListener("close", (event) => {
      if (this.ws !== ws) return;
      this.forget();
      if (!this.stopped) this.scheduleRetry(event.code === TRY_LATER);
    });
    if (taken) {
      // What came before this script ran (hello/ok, the view), in order, as if it came now.
      ws.removeEventListener("message", taken.keep);
      for (const event of taken.messages) this.receive(ws, event);
    }
  }

  receive(ws, event) {
    if (ws !== this.ws) return;
    // Any frame shows the line is alive, so a busy page never pings.
    this.lastHeard = Date.now();
    this.pingSentAt = 0;
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!message || typeof message.type !== "string" || message.type === "pong") return;
    if (message.type === "hello/ok") {
      clearTimeout(this.limitTimer);
      this.ready = true;
      this.attempt = 0;
      this.limit = ATTEMPT_LIMIT_MS;
      this.setState("online");
      this.onMessage(message);
      this.onReady();
      this.changed();
      return;
    }
    if (message.type === "error" && message.code === "replaced") {
      // Opened again in another tab: that one goes on; taking the connection back at once would start a tug of war.
      this.paused = true;
      clearTimeout(this.retryTimer);
      this.abandon();
      this.setState("replaced");
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

  /** Once a second: ping a quiet socket, give up on one whose ping went unanswered. */
  beat() {
    if (!this.ready) return;
    const now = Date.now();
    if (this.pingSentAt) {
      if (now - this.pingSentAt > this.pingWithin) this.drop("connecting");
      return;
    }
    const beat = document.visibilityState === "hidden" ? HEARTBEAT.hidden : HEARTBEAT.visible;
    if (now - this.lastHeard >= beat.every) this.ping(beat.within);
  }

  ping(within) {
    if (this.pingSentAt) {
      this.pingWithin = Math.min(this.pingWithin, Date.now() - this.pingSentAt + within);
    } else if (this.send({ type: "ping" })) {
      this.pingSentAt = Date.now();
      this.pingWithin = within;
    }
  }

  /** The network or the page is back: know now whether the socket works, and if there is none, try at once. */
  check() {
    if (this.stopped) return;
    if (this.paused) {
      if (document.visibilityState !== "visible") return;
      this.paused = false; // looked at again: this page takes over
    }
    if (this.ready) {
      this.ping(CHECK_WITHIN_MS);
      return;
    }
    this.attempt = 0; // the backoff starts again
    if (this.ws && Date.now() - this.openedAt < FRESH_ATTEMPT_MS) return;
    // An attempt made while the network was away may hang for minutes: start a fresh one.
    this.abandon();
    this.open();
  }

  /** Give up on the current socket (silent network, offline) and try again by the usual backoff. */
  drop(state) {
    this.abandon();
    if (this.stopped) return;
    if (state === "offline") this.setState("offline");
    this.scheduleRetry();
  }

  /** The page goes away (or into the back/forward cache): close quietly, try nothing until it is shown again. */
  suspend() {
    this.abandon();
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  abandon() {
    const ws = this.ws;
    this.forget();
    if (ws) {
      try {
        ws.close();
      } catch {
        // closing a socket that never opened can throw in old browsers; it is gone either way
      }
    }
  }

  forget() {
    const was = this.ready;
    this.ws = null;
    this.ready = false;
    this.pingSentAt = 0;
    clearTimeout(this.limitTimer);
    if (was) this.changed();
  }

  scheduleRetry(later = false) {
    clearTimeout(this.retryTimer);
    if (this.paused) return;
    if (this.state !== "offline") this.setState("connecting");
    const most = document.visibilityState === "hidden" ? BACKOFF_MAX_MS.hidden : BACKOFF_MAX_MS.visible;
    const ceiling = later ? TRY_LATER_MS : Math.min(most, BACKOFF_MIN_MS * 2 ** this.attempt);
    this.attempt += 1;
    // Full jitter between half and all of the ceiling, so a room of phones does not return in one wave.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  setState(state) {
    if (state === this.state) return;
    this.state = state;
    this.showStatus();
    this.changed();
  }

  changed() {
    for (const listener of this.listeners) listener();
  }

  statusText() {
    let key = `conn.${this.state}`;
    if (this.state === "refused") {
      key = has(`conn.refused.${this.fatalMessage}`) ? `conn.refused.${this.fatalMessage}` : "conn.refused";
    }
    return t(key);
  }

  showStatus() {
    if (!this.statusEl) return;
    this.statusEl.dataset.state = this.state;
    this.statusEl.textContent = this.statusText();
    if (!this.sayEl) return;
    clearTimeout(this.sayTimer);
    this.sayTimer = setTimeout(() => {
      const text = this.statusText();
      if (text !== this.said) this.sayEl.textContent = text;
      this.said = text;
    }, SAY_AFTER_MS);
  }
}
