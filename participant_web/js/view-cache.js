// The phone's last view of the evening, kept in the browser: a reload, "back" or a page opened without a network
// shows at once what it showed before (and what waits), then the socket brings only what changed since.

const KEEP_MS = 12 * 3600 * 1000; // an evening; older views are of another evening
const SAVE_AFTER_MS = 1000;

export class ViewCache {
  constructor(key) {
    this.key = key;
    this.timer = null;
    this.take = null;
  }

  read() {
    try {
      const saved = JSON.parse(localStorage.getItem(this.key) || "null");
      if (!saved || typeof saved !== "object" || !saved.view || Date.now() - (saved.at || 0) > KEEP_MS) return null;
      return saved;
    } catch {
      return null;
    }
  }

  /** Save what `take()` returns soon (changes come in bursts), and at once when the page is hidden or left. */
  follow(take) {
    this.take = take;
    const now = () => this.save();
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") now();
    });
    window.addEventListener("pagehide", now);
  }

  soon() {
    if (this.timer === null) this.timer = setTimeout(() => this.save(), SAVE_AFTER_MS);
  }

  save() {
    clearTimeout(this.timer);
    this.timer = null;
    const value = this.take && this.take();
    if (!value) return;
    try {
      localStorage.setItem(this.key, JSON.stringify({ ...value, at: Date.now() }));
    } catch {
      // storage full or blocked: the next load asks the hub, as it always can
    }
  }
}
