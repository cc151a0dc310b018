// A page's copy of its view, kept up by the wire: a whole view (state/reset), then only the changes, each with
// the next `seq`. A gap means something was missed: the page asks for a whole view again (state/resync).

const CHANGES = new Set([
  "state/set", "contributions/removed", "contributions/changed", "contributions/added", "contributions/counts",
]);

export class ViewState {
  /** `order(a, b)` sorts the contributions as this page lists them; `resync()` asks the server for a reset. */
  constructor({ order = null, resync = () => {} } = {}) {
    this.order = order;
    this.resync = resync;
    this.view = null;
    this.seq = null;
    this.stream = null; // which numbering `seq` belongs to (the reset names it)
    this.waiting = false; // a gap was seen: changes wait for the next reset
    this.items = new Map();
  }

  /** Take one message; returns what changed ({reset, fields}) or null when it was not about the view. */
  take(message) {
    if (message.type === "state/reset") {
      this.view = message.state || {};
      this.seq = message.seq;
      this.stream = message.stream || null;
      this.waiting = false;
      this.items = new Map((this.view.contributions || []).map((item) => [item.id, item]));
      this.list();
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
    if (message.type === "contributions/removed") {
      for (const id of message.ids || []) this.items.delete(id);
    } else if (message.type === "contributions/added") {
      for (const item of message.items || []) this.items.set(item.id, item);
    } else if (message.type === "contributions/changed") {
      for (const change of message.items || []) {
        const item = this.items.get(change.id);
        if (item) this.items.set(change.id, { ...item, ...change });
      }
    } else if (message.type === "contributions/counts") {
      // Keyed by the items' `by` field: their small `n` on phones and the projector, their id on the remote.
      const by = message.by || "id";
      const counts = message.counts || {};
      for (const [id, item] of this.items) {
        const key = String(item[by]);
        if (Object.hasOwn(counts, key)) this.items.set(id, { ...item, count: counts[key] });
      }
    }
    this.list();
    fields.add("contributions");
    return { reset: false, fields };
  }

  /** For a new connection's hello: the view this page holds, so the server sends only what it missed. */
  resume() {
    if (this.view === null || this.waiting || !this.stream) return undefined;
    return { stream: this.stream, seq: this.seq };
  }

  list() {
    const items = [...this.items.values()];
    if (this.order) items.sort(this.order);
    this.view.contributions = items;
  }
}
