// Countdowns computed locally from the last view: remaining = length - elapsed - time since it arrived.

const stamps = new WeakMap(); // a timer object from the wire -> that timer with the moment it arrived

/**
 * A timer from a VIEW plus the moment it arrived (performance.now()). Views change in parts: a timer object is
 * stamped the first time it is seen, so drawing again for another change does not restart its countdown.
 */
export function stampTimer(timer) {
  if (!timer) return null;
  let stamped = stamps.get(timer);
  if (!stamped) {
    stamped = { ...timer, receivedAt: performance.now() };
    stamps.set(timer, stamped);
  }
  return stamped;
}

/** Seconds left, negative in overtime. */
export function remaining(timer) {
  if (!timer) return 0;
  const since = timer.running ? (performance.now() - timer.receivedAt) / 1000 : 0;
  return timer.length - timer.elapsed - since;
}

/** "12:05" while time is left, "+01:30" in overtime. */
export function formatClock(seconds) {
  const over = seconds < 0;
  // Count down in whole seconds shown at their start: 59.2 left reads 01:00 until it reaches 59.
  const whole = over ? Math.floor(-seconds) : Math.ceil(seconds);
  const mm = String(Math.floor(whole / 60)).padStart(2, "0");
  const ss = String(whole % 60).padStart(2, "0");
  return `${over ? "+" : ""}${mm}:${ss}`;
}

/** "normal", "amber" at 20% left, "red" at 5% left and in overtime. */
export function urgency(timer) {
  if (!timer || !timer.length) return "normal";
  const share = remaining(timer) / timer.length;
  if (share <= 0.05) return "red";
  if (share <= 0.2) return "amber";
  return "normal";
}

/** Call `tick` every half second so a countdown stays smooth without drifting. */
export function everyHalfSecond(tick) {
  tick();
  return setInterval(tick, 500);
}
