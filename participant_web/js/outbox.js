// Contributions waiting for the server's ack, kept in localStorage so a reload or a dead network loses nothing.

export class Outbox {
  constructor(key) {
    this.key = key;
  }

  items() {
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
    } catch {
      // storage full or blocked: the item still goes out while this page lives
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
    this.flushing = false;
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
      for (const item of this.outbox.items()) {
        const sentAt = this.lastSent.get(item.id);
        if (sentAt && Date.now() - sentAt < RESEND_AFTER_MS) continue;
        if (!this.outbox.get(item.id) || !this.sendNow(item)) continue;
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
