// The door screen: a clock in the kiosk's zone, a card per scan from /kiosk/events, and the
// status strip from /kiosk/state. Every word comes from the daemon, in the requested language.
"use strict";
(function () {
  const language = new URLSearchParams(location.search).get("lang");
  const query = language ? "?lang=" + encodeURIComponent(language) : "";
  const icons = {
    on_time: "ok", check_out: "ok", late: "clock", early_leave: "clock", recorded: "clock",
    duplicate: "again", unknown: "no", unreadable: "no", fault: "fault",
  };
  const element = (id) => document.getElementById(id);

  // Read by the Chromium test: what is shown and how long each card took to reach the screen.
  const kiosk = (window.hadirKiosk = {
    state: null, connected: false, card: null, shownCards: 0, lastRenderedAt: null, latencies: [],
  });

  let kioskMinusBrowserMs = 0;
  let hideTimer = null;

  function setText(id, text) {
    const target = element(id);
    if (target.textContent !== text) target.textContent = text;
  }

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // The kiosk's own time in its zone: the daemon's clock plus the zone offset, read as UTC.
  function tick() {
    const state = kiosk.state;
    if (!state) return;
    const local = new Date(Date.now() + kioskMinusBrowserMs + state.zone_offset_s * 1000);
    setText("time", two(local.getUTCHours()) + ":" + two(local.getUTCMinutes()));
    setText("seconds", ":" + two(local.getUTCSeconds()));
    setText("zone", state.zone);
    const texts = state.texts;
    setText("date", texts.weekdays[local.getUTCDay()] + ", " + local.getUTCDate() + " " +
      texts.months[local.getUTCMonth()] + " " + local.getUTCFullYear());
  }

  function applyState(state) {
    kiosk.state = state;
    kioskMinusBrowserMs = state.now_ms - Date.now();
    document.documentElement.lang = state.language;
    setText("office", state.office_name);
    setText("prompt", state.texts.prompt);
    setText("language", state.texts.switch_language);
    setText("connecting", state.texts.connecting);
    const strip = element("strip");
    strip.replaceChildren(...state.strip.map((item) => {
      const span = document.createElement("span");
      span.className = item.level + " " + item.kind;
      span.textContent = item.text;
      return span;
    }));
    tick();
  }

  async function loadState() {
    try {
      const response = await fetch("/kiosk/state" + query, { cache: "no-store" });
      if (response.ok) applyState(await response.json());
    } catch (error) {
      // The next poll or stream reconnect tries again; the banner already says we are offline.
    }
  }

  function hideCard() {
    element("card").hidden = true;
    element("idle").hidden = false;
    kiosk.card = null;
  }

  function showCard(card) {
    const receivedAt = Date.now();
    const section = element("card");
    section.className = card.outcome;
    element("card-icon").firstElementChild.setAttribute("href", "#icon-" + (icons[card.outcome] || "fault"));
    setText("card-title", card.title);
    setText("card-direction", card.direction || "");
    setText("card-time", card.time || "");
    setText("card-status", card.status || "");
    element("card-line").hidden = !card.direction && !card.time;
    element("idle").hidden = true;
    section.hidden = false;
    kiosk.card = card;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideCard, ((kiosk.state && kiosk.state.result_seconds) || 3) * 1000);
    // On screen: the frame with the card has been produced once the task after its rAF runs.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const renderedAt = Date.now();
        kiosk.shownCards += 1;
        kiosk.lastRenderedAt = renderedAt;
        if (card.published_at_ms) {
          kiosk.latencies.push({
            seq: card.seq || null, outcome: card.outcome, published_at_ms: card.published_at_ms,
            received_ms: receivedAt - card.published_at_ms, rendered_ms: renderedAt - card.published_at_ms,
          });
          if (kiosk.latencies.length > 500) kiosk.latencies.shift();
        }
      };
      channel.port2.postMessage(0);
    });
  }

  function setConnected(connected) {
    kiosk.connected = connected;
    element("connecting").hidden = connected;
  }

  // EventSource reconnects by itself after a dropped stream; a refused one (daemon restarting,
  // error status) ends CLOSED, and then we start over ourselves.
  function connect() {
    const events = new EventSource("/kiosk/events" + query);
    events.onopen = () => {
      setConnected(true);
      loadState();
    };
    events.addEventListener("card", (event) => showCard(JSON.parse(event.data)));
    events.addEventListener("state", () => loadState());
    events.onerror = () => {
      setConnected(false);
      if (events.readyState === EventSource.CLOSED) {
        events.close();
        setTimeout(connect, 2000);
      }
    };
  }

  element("language").addEventListener("click", () => {
    const current = kiosk.state ? kiosk.state.language : "id";
    location.search = "?lang=" + (current === "en" ? "id" : "en");
  });

  setConnected(false);
  loadState();
  connect();
  setInterval(tick, 250);
  setInterval(loadState, 10000);
})();
