// A page's copy of its view, kept up by the wire: a whole view (state/reset), then only the changes, each with
// the next `seq`. A gap means something was missed: the page asks for a whole view again (state/resync).
// A view has keyed collections (`contributions`, `questions`): each changes by <collection>/removed, changed,
// added and counts.

const COLLECTIONS = ["contributions", "questions"];
const CHANGES = new Set(["state/set", ...COLLECTIONS.flatMap((c) => [
  `${c}/removed`, `${c}/changed`, `${c}/added`, `${c}/counts`,
])]);
// Most upvoted first; of equal votes the one asked first, as the server ranks them.
const byVotes = (a, b) => (b.count || 0) - (a.count || 0) || a.n - b.n;

export class ViewState {
  /** `order(a, b)` sorts the contributions as this page lists them (questions go by votes; `orders` may say
   * otherwise per collection); `resync()` asks the server for a reset. */
  constructor({ order = null, orders = {}, resync = () => {} } = {}) {
    this.orders = { contributions: order, questions: byVotes, ...orders };
    this.resync = resync;
    this.view = null;
    this.seq = null;
    this.stream = null; // which numbering `seq` belongs to (the reset names it)
    this.waiting = false; // a gap was seen: changes wait for the next reset
    this.collections = new Map(COLLECTIONS.map((c) => [c, new Map()]));
  }

  /** Take one message; returns what changed ({reset, fields}) or null when it was not about the view. */
  take(message) {
    if (message.type === "state/reset") {
      this.view = message.state || {};
      this.seq = message.seq;
      this.stream = message.stream || null;
      this.waiting = false;
      for (const c of COLLECTIONS) {
        this.collections.set(c, new Map((this.view[c] || []).map((item) => [item.id, item])));
        this.list(c);
      }
      return { reset: true, fields: new Set(Object.keys(this.view)) };
    }
    if (!CHANGES.has(message.type)) return null;
    if (this.view === null || this.waiting || message.seq !== this.seq + 1) {
      if (!this.waiting) {
        this.waiting = true;
        this.resync();
      }
      return null;
    }
    this.seq = message.seq;
    const fields = new Set();
    if (message.type === "state/set") {
      for (const [path, value] of Object.entries(message.set || {})) {
        const dot = path.indexOf(".");
        if (dot < 0) {
          this.view[path] = value;
          fields.add(path);
        } else {
          const parent = path.slice(0, dot);
          // A new object, so a page that compares objects sees the change.
          this.view[parent] = { ...this.view[parent], [path.slice(dot + 1)]: value };
          fields.add(parent);
        }
      }
      return { reset: false, fields };
    }
    const [collection, change] = message.type.split("/");
    const items = this.collections.get(collection);
    if (change === "removed") {
      for (const id of message.ids || []) items.delete(id);
    } else if (change === "added") {
      for (const item of message.items || []) items.set(item.id, item);
    } else if (change === "changed") {
      for (const update of message.items || []) {
        const item = items.get(update.id);
        if (item) items.set(update.id, { ...item, ...update });
      }
    } else if (change === "counts") {
      // Keyed by the items' `by` field: their small `n` on phones and the projector, their id on the remote.
      const by = message.by || "id";
      const counts = message.counts || {};
      for (const [id, item] of items) {
        const key = String(item[by]);
        if (Object.hasOwn(counts, key)) items.set(id, { ...item, count: counts[key] });
      }
    }
    this.list(collection);
    fields.add(collection);
    return { reset: false, fields };
  }

  /** What to keep to start from next time (view-cache.js); null before the first whole view. */
  snapshot() {
    if (this.view === null || this.waiting || !this.stream) return null;
    return { view: this.view, seq: this.seq, stream: this.stream };
  }

  /** Start from a kept snapshot: shown at once, and the hello asks only for what changed since. */
  restore(saved) {
    if (!saved || !saved.view || typeof saved.stream !== "string" || typeof saved.seq !== "number") return false;
    this.take({ type: "state/reset", state: saved.view, seq: saved.seq, stream: saved.stream });
    return true;
  }

  /** For a new connection's hello: the view this page holds, so the server sends only what it missed. */
  resume() {
    if (this.view === null || this.waiting || !this.stream) return undefined;
    return { stream: this.stream, seq: this.seq };
  }

  list(collection) {
    const items = [...this.collections.get(collection).values()];
    const order = this.orders[collection];
    if (order) items.sort(order);
    this.view[collection] = items;
  }
}
