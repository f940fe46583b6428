"use strict";
// A little help on top of pages that work without it: what a change said, put in a live region once the
// page has loaded so that screen readers announce it, and on a shared computer the warning before an idle session ends, and a word to the server when the
// page is left (a session then ends unless another page follows at once).
(() => {
  const said = Array.from(document.querySelectorAll("[data-announce]"), (status) => status.innerText.trim());
  const announce = document.getElementById("announce");
  if (announce && said.length) {
    window.setTimeout(() => { announce.textContent = said.join(" "); }, 250);
  }

  const body = document.body;
  const idle = Number(body.dataset.idle || 0);
  if (idle > 0) {
    const warnAfter = Math.max(idle - 60, 1) * 1000;
    if (!document.querySelector("[data-countdown]")) {
      window.setTimeout(() => window.location.assign(body.dataset.stillThere), warnAfter);
    }
    window.addEventListener("pagehide", () => navigator.sendBeacon(body.dataset.away));
  }

  const countdown = document.querySelector("[data-countdown]");
  if (countdown) {
    const seconds = Number(countdown.dataset.countdown);
    window.setTimeout(() => window.location.reload(), (seconds + 1) * 1000);
  }
})();
