// The phone page without a room code (someone typed the address from the poster): a form to type the code in.

/** Type the code from the poster, then go to the evening's page with it (and the language asked, if any). */
export function bindRoomEntry(form, input, empty) {
  input.addEventListener("input", () => {
    empty.hidden = true;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault(); // the page's policy sends no forms; the address carries the code instead
    const code = input.value.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
    empty.hidden = Boolean(code);
    input.setAttribute("aria-invalid", code ? "false" : "true");
    if (!code) {
      input.focus();
      return;
    }
    const params = new URLSearchParams(location.search);
    params.set("room", code);
    location.assign(`/join?${params}`);
  });
}
