// What waits for the server's ack, kept in localStorage so a reload or a dead network loses nothing.

export class Outbox {
  constructor(key) {
    this.key = key;
    this.memory = null; // the items while localStorage cannot hold them (blocked or full)
  }

  items() {
    if (this.memory) return [...this.memory];
    try {
      const parsed = JSON.parse(localStorage.getItem(this.key) || "[]");
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }

  save(items) {
    try {
      localStorage.setItem(this.key, JSON.stringify(items));
      this.memory = null;
    } catch {
      this.memory = [...items]; // storage full or blocked: the items still go out while this page lives
    }
  }

  add(item) {
    this.save([...this.items().filter((x) => x.id !== item.id), item]);
  }

  remove(id) {
    this.save(this.items().filter((x) => x.id !== id));
  }

  get(id) {
    return this.items().find((x) => x.id === id);
  }
}

/** A random id of letters and digits, e.g. for a device or a contribution. */
export function randomId(prefix, bytes = 10) {
  const data = new Uint8Array(bytes);
  crypto.getRandomValues(data);
  return prefix + Array.from(data, (b) => b.toString(16).padStart(2, "0")).join("");
}

export const RESEND_GAP_MS = 300; // under the hub's 5 messages a second
export const RESEND_AFTER_MS = 8000; // an unacknowledged message goes out again after this

/** Sends what waits in an outbox, oldest first and spaced out; a silent drop is sent again later. */
export class Sender {
  /** `send(item)` puts one item on the wire and says whether it went. */
  constructor(outbox, send) {
    this.outbox = outbox;
    this.send = send;
    this.lastSent = new Map(); // outbox key -> when it last went out
    this.notBefore = new Map(); // outbox key -> not again before then (the hub said "later")
    this.flushing = false;
  }

  /** The hub asked to wait (rate limited, storage trouble): this item goes again after `ms`. */
  later(id, ms) {
    this.notBefore.set(id, Date.now() + ms);
    setTimeout(() => this.flush(), ms + 50);
  }

  sendNow(item) {
    const sent = this.send(item);
    if (sent) this.lastSent.set(item.id, Date.now());
    return sent;
  }

  /** After a reconnect everything waiting goes out again at once. */
  forget() {
    this.lastSent.clear();
  }

  async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (const { id } of this.outbox.items()) {
        const sentAt = this.lastSent.get(id);
        if (sentAt && Date.now() - sentAt < RESEND_AFTER_MS) continue;
        if ((this.notBefore.get(id) || 0) > Date.now()) continue;
        const current = this.outbox.get(id); // as it is now: a tap during the gaps may have changed it
        if (!current || !this.sendNow(current)) continue;
        await new Promise((resolve) => setTimeout(resolve, RESEND_GAP_MS));
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Keep trying while the page is open. */
  every(isReady) {
    setInterval(() => {
      if (isReady()) this.flush();
    }, RESEND_AFTER_MS / 2);
  }
}
