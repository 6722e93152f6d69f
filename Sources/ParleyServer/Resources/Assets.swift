/// The stylesheet and the script, served from memory: one file each, no build step.
enum Assets {
    /// `/assets/parley.css`.
    static let stylesheet = """
        .who { margin-left: auto; display: flex; flex-wrap: wrap; gap: .25rem .5rem; align-items: center; }
        .who form { display: inline; }
        svg circle.step { cursor: pointer; }
        svg a:focus circle.step { stroke: var(--ink); stroke-width: 3; }
        .alarm-area { position: relative; }
        .alarm-area summary { cursor: pointer; }
        .alarm-area .count:not(:empty) { background: var(--bad); color: #fff; border-radius: 1em; padding: 0 .45em; margin-left: .2em; }
        .alarm-panel { position: absolute; right: 0; z-index: 10; width: min(32rem, 92vw); max-height: 70vh; overflow: auto;
          background: var(--panel); color: var(--ink); border: 1px solid var(--line); border-radius: 6px; padding: .6rem; }
        header.top .alarm-panel a { color: var(--accent); text-decoration: underline; }
        ul.alarms { list-style: none; padding: 0; margin: 0 0 .5rem; }
        ul.alarms li.alarm { padding: .35rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
        ul.alarms li.alarm form { display: block; margin-top: .2rem; }
        .spaced-top { margin-top: 1rem; }
        .spaced-bottom { margin-bottom: 1rem; }
        :root { --ink: #1d2329; --muted: #5b6570; --line: #d5dbe1; --paper: #f7f8fa; --panel: #ffffff;
          --accent: #1f5f99; --ok: #1b7a3d; --warn: #8a5a00; --bad: #a3262a; --info: #4b4f9c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper); }
        header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .6rem 1rem; background: #22303c; color: #fff; }
        header.top a { color: #fff; text-decoration: none; }
        header.top nav a { margin-right: .9rem; opacity: .85; }
        header.top form.find input { padding: .15rem .4rem; border-radius: 3px; border: 1px solid #8a98a8; }
        header.top nav a[aria-current] { opacity: 1; text-decoration: underline; }
        header.top .brand { font-weight: 700; letter-spacing: .04em; }
        main { padding: 1rem; max-width: 1280px; margin: 0 auto; }
        h1 { font-size: 1.3rem; margin: .2rem 0 1rem; } h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(340px, 100%), 1fr)); gap: 1rem; }
        section.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; overflow-x: auto; min-width: 0; }
        .grid > * { min-width: 0; } h1, p, li { overflow-wrap: anywhere; } td { overflow-wrap: break-word; } .brief td, .brief th { overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; color: var(--muted); font-size: .85rem; }
        .muted { color: var(--muted); } .small { font-size: .85rem; }
        .tag { display: inline-block; padding: 0 .45rem; border-radius: 3px; border: 1px solid currentColor; font-size: .8rem; white-space: nowrap; }
        .tag.ok { color: var(--ok); } .tag.warn { color: var(--warn); } .tag.bad { color: var(--bad); } .tag.info { color: var(--info); } .tag.neutral { color: var(--muted); }
        .tag.ok::before { content: "● "; } .tag.warn::before { content: "▲ "; } .tag.bad::before { content: "✕ "; } .tag.info::before { content: "◆ "; } .tag.neutral::before { content: "○ "; }
        .tag.secret { color: var(--bad); border-style: dashed; } .tag.secret::before { content: "⊘ "; }
        form.stack { display: grid; gap: .5rem; } form.stack label { display: grid; gap: .15rem; font-weight: 600; font-size: .85rem; }
        input, select, textarea { font: inherit; padding: .3rem .4rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
        button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); }
        .field-error { color: var(--bad); font-weight: 600; font-size: .85rem; }
        .form-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(10rem, 100%), 1fr)); align-items: start; gap: .5rem; padding: .35rem 0; border-top: 1px dashed var(--line, #ccc); }
        .row-field { display: grid; gap: .15rem; min-width: 0; } fieldset { border: 1px solid var(--line, #ccc); padding: .5rem; min-width: 0; }
        form.stack label.field-label { display: block; } form.stack input, form.stack select { max-width: 100%; box-sizing: border-box; min-width: 0; }
        .banner { padding: .6rem .8rem; border-radius: 4px; margin-bottom: 1rem; border: 1px solid; }
        .banner.bad { color: var(--bad); background: #fbeeee; } .banner.ok { color: var(--ok); background: #edf7f0; } .banner.warn { color: #5c3b00; background: #fff4dc; }
        details.retract { display: inline-block; margin-left: .4rem; } details.retract summary { cursor: pointer; color: var(--muted); }
        .chain { font-size: .85rem; color: var(--muted); } .chain span + span::before { content: " → "; }
        ol.timeline { list-style: none; padding: 0; margin: 0; } ol.timeline li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
        ol.timeline .when { display: inline-block; min-width: 12rem; color: var(--muted); font-variant-numeric: tabular-nums; }
        time, .num { font-variant-numeric: tabular-nums; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
        @page { size: auto; margin: 14mm; }
        @media print { header.top, form, details, .no-print, script { display: none !important; } body { background: #fff; } .panel { border: none; } a { color: inherit; text-decoration: none; } }
        .as-of form, form.as-of-hidden { display: none; }
        .trip-days { display: none; }
        @media (max-width: 640px) { .trip-chart { display: none; } .trip-days { display: block; } }
        @media (max-width: 640px) { main { padding: .5rem; } .grid { grid-template-columns: 1fr; } ol.timeline .when { display: block; } }
        """

    /// `/assets/parley.js`: live updates over Server-Sent Events, countdowns, and times in the viewer's zone.
    static let script = """
        (function () {
          "use strict";
          function pad(n) { return n < 10 ? "0" + n : "" + n; }
          function span(ms) {
            var minutes = Math.floor(Math.abs(ms) / 60000), days = Math.floor(minutes / 1440),
                hours = Math.floor(minutes % 1440 / 60), rest = minutes % 60;
            if (days > 0) return days + "d " + hours + "h";
            if (hours > 0) return hours + "h " + rest + "m";
            return rest + "m " + pad(Math.floor(Math.abs(ms) / 1000) % 60) + "s";
          }
          function tick() {
            document.querySelectorAll("[data-countdown]").forEach(function (el) {
              var left = Date.parse(el.getAttribute("data-countdown")) - Date.now();
              el.textContent = left >= 0 ? span(left) + " left" : "overdue by " + span(left);
            });
          }
          function localTimes() {
            document.querySelectorAll("time[data-viewer]").forEach(function (el) {
              if (el.nextElementSibling && el.nextElementSibling.classList.contains("viewer-time")) return;
              var d = new Date(el.getAttribute("datetime")), out = document.createElement("span");
              out.className = "viewer-time muted small";
              out.textContent = " (your time: " + d.toLocaleString([], { year: "numeric", month: "short", day: "numeric",
                hour: "2-digit", minute: "2-digit", timeZoneName: "short" }) + ")";
              el.after(out);
            });
          }
          function refresh() {
            fetch(location.href, { headers: { "X-Parley-Live": "1" } }).then(function (r) { return r.text(); }).then(function (text) {
              var doc = new DOMParser().parseFromString(text, "text/html");
              document.querySelectorAll("[data-live]").forEach(function (el) {
                var fresh = doc.getElementById(el.id);
                if (fresh) el.innerHTML = fresh.innerHTML;
              });
              document.querySelectorAll("input[name=version]").forEach(function (el) {
                var fresh = doc.querySelector("input[name=version]");
                if (fresh && !el.form.hasAttribute("data-dirty")) el.value = fresh.value;
              });
              tick(); localTimes();
            });
          }
          // The header's alarm area, from /alarms: when the page opens, when the desk changes, and every 15
          // seconds (timers fire on pages that have no desk to follow).
          function alarms() {
            var panel = document.getElementById("alarm-panel"), count = document.getElementById("alarm-count");
            if (!panel || !count) return;
            fetch("/alarms", { headers: { "X-Parley-Live": "1" } }).then(function (r) { return r.ok ? r.text() : null; }).then(function (text) {
              if (!text) return;
              var list = new DOMParser().parseFromString(text, "text/html").getElementById("alarm-list");
              if (!list) return;
              var total = list.getAttribute("data-count");
              count.textContent = total === "0" ? "" : total;
              panel.innerHTML = list.innerHTML + '<p class="small"><a href="/alarms">All your alarms</a></p>';
            });
          }
          // Acknowledging from the header stays on the page.
          document.addEventListener("submit", function (e) {
            var form = e.target;
            if (!form.closest || !form.closest("#alarm-panel")) return;
            e.preventDefault();
            fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)) }).then(alarms);
          });
          document.addEventListener("input", function (e) { if (e.target.form) e.target.form.setAttribute("data-dirty", ""); });
          var live = document.body.getAttribute("data-live-url");
          if (live && window.EventSource) {
            var source = new EventSource(live);
            source.addEventListener("desk", refresh);
            source.addEventListener("desk", alarms);
            // A page left (or kept in the back-forward cache) lets its stream go: a browser holds only a
            // few connections per server, and streams of pages no longer shown would block new pages.
            window.addEventListener("pagehide", function () { source.close(); });
            window.addEventListener("pageshow", function (e) { if (e.persisted) location.reload(); });
          }
          // A marker on the odds chart links to its step in the list under it: open the list there.
          function openStep() {
            var step = location.hash.indexOf("#step-") === 0 ? document.getElementById(location.hash.slice(1)) : null;
            var details = step && step.closest("details");
            if (details) { details.open = true; step.scrollIntoView({ block: "nearest" }); }
          }
          window.addEventListener("hashchange", openStep); openStep();
          tick(); localTimes(); setInterval(tick, 1000);
          alarms(); setInterval(alarms, 15000);
        })();
        """
}
