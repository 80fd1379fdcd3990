// crosswire UI: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // A stale brief: poll the story JSON and reload once a newer brief is ready.
  var brief = document.getElementById("brief");
  if (brief && brief.dataset.stale === "true") {
    var id = brief.dataset.story, seen = brief.dataset.updated;
    var poll = function () {
      // Freshness is in the headers (the body is plain brief JSON).
      fetch("/stories/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then(function (r) {
          var stale = r.headers.get("X-Crosswire-Stale"), at = r.headers.get("X-Crosswire-Updated-At") || "";
          if (r.ok && stale === "false" && at !== seen) { window.location.reload(); }
          else { window.setTimeout(poll, 1500); }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    };
    window.setTimeout(poll, 1000);
  }

  // Admin forms: remember the token for this tab only (sessionStorage), never in a cookie.
  var fields = document.querySelectorAll("input.token");
  if (fields.length) {
    var saved = window.sessionStorage.getItem("crosswire-token") || "";
    fields.forEach(function (f) {
      if (saved && !f.value) { f.value = saved; }
      f.addEventListener("change", function () { window.sessionStorage.setItem("crosswire-token", f.value); });
    });
  }

  // The highlighted passage of an article: bring it to the middle of the screen.
  var hl = document.getElementById("hl");
  if (hl && typeof hl.scrollIntoView === "function") {
    hl.scrollIntoView({ block: "center" });
  }
})();
