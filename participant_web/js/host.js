// The table host's page; for now it follows the evening until the table notepad arrives.

import { Connection } from "./connection.js";
import { bindSwitch, currentLang, preferredLang, setLang } from "./i18n.js";
import { randomId } from "./outbox.js";
import { byId } from "./elements.js";

const token = new URLSearchParams(location.search).get("token") || "";

function hostDevice() {
  try {
    let id = localStorage.getItem("kiosk.host.device");
    if (!id) {
      id = randomId("h-");
      localStorage.setItem("kiosk.host.device", id);
    }
    return id;
  } catch {
    return randomId("h-");
  }
}

const device = hostDevice();

async function start() {
  await setLang(preferredLang());
  bindSwitch(byId("lang"));
  new Connection({
    hello: () => ({ type: "hello", role: "host", token, device, lang: currentLang() }),
    onMessage(message) {
      if ((message.type === "state/reset" || message.type === "state/update") && message.state.block) {
        byId("block-title").textContent = message.state.block.title || "";
      }
    },
    statusEl: byId("conn"),
  }).start();
}

start();
