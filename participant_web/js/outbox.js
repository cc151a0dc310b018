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
