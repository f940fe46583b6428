"use strict";
// Around textual-serve's terminal: connect to this page's own server, wait for the bundled font so the
// terminal measures its cells right, and say why a tab ended (closed, full, or the server stopped).
(() => {
  const TRY_AGAIN_LATER = 1013;
  const GOING_AWAY = 1001;

  function showEnded(code) {
    const terminal = document.getElementById("terminal");
    const reasons = { [TRY_AGAIN_LATER]: "full", [GOING_AWAY]: "stopped" };
    document.getElementById("ended-message").textContent = terminal.dataset[reasons[code] || "closed"];
    document.getElementById("starting").hidden = true;
    document.getElementById("ended").hidden = false;
    terminal.hidden = true;
    document.getElementById("start-again").focus();
  }

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener("close", (event) => showEnded(event.code));
    }

    send(data) {
      // The terminal still reports focus changes after its tab has ended; there is no one left to tell.
      if (this.readyState === NativeWebSocket.OPEN) {
        super.send(data);
      }
    }
  };

  function ownWebSocketUrl() {
    const url = new URL("ws", window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    return url.href;
  }

  const startTerminal = window.onload;
  window.onload = async (event) => {
    const terminal = document.getElementById("terminal");
    if (!terminal.dataset.sessionWebsocketUrl) {
      terminal.dataset.sessionWebsocketUrl = ownWebSocketUrl();
    }
    document.getElementById("start-again").addEventListener("click", () => window.location.reload());
    try {
      await document.fonts.load(`${terminal.dataset.fontSize}px "Roboto Mono"`);
    } catch (error) {
      // The browser's own monospace font is used instead.
    }
    startTerminal(event);
  };
})();
