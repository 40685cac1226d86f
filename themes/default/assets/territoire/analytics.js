/* Audience measurement the CNIL way: no cookie nor identifier, the configured server only;
   campaign parameters only with consent (kept 6 months). */
(function () {
  "use strict";
  var doc = document, d = doc.currentScript.dataset, srv = d.server, matomo = d.provider === "matomo";
  var CHOICE = "territoire-consent", OFF = "territoire-no-measure";
  var PARAM = /^(utm|mtm|pk|matomo|piwik)_|^(gclid|fbclid|msclkid|dclid|mc_[ce]id)$/i;
  function get(k) { try { return localStorage.getItem(k); } catch (e) {} }
  function put(k, v) { try { localStorage.setItem(k, v); } catch (e) {} }
  function keys(s) { return Array.from(new URLSearchParams(s).keys()).filter(function (k) { return PARAM.test(k); }); }
  function clean(href) {
    var u = href && new URL(href);
    return u ? (keys(u.search).forEach(function (k) { u.searchParams.delete(k); }), u.href) : "";
  }
  var saved = (get(CHOICE) || "").split(" "), off = get(OFF) === "1", sent = false;
  var campaigns = d.campaigns === "true", choice = campaigns && Date.now() - saved[1] < 182 * 864e5 ? saved[0] : null;

  function measure(full) {
    if (sent || off) { return; }
    sent = true;
    var url = full ? location.href : clean(location.href);
    if (!matomo) { return plausible("pageview", { u: url }); }
    /* Matomo reads campaigns from this URL (any version) */
    _paq.push(["setCustomUrl", url], ["setReferrerUrl", clean(doc.referrer)], ["trackPageView"]);
  }

  if (!off) {
    var s = doc.createElement("script");
    s.async = true;
    if (matomo) {
      window._paq = window._paq || [];
      _paq.push(["setTrackerUrl", srv + "matomo.php"], ["setSiteId", d.siteId], ["disableCookies"], ["disableBrowserFeatureDetection"]);
      s.src = srv + "matomo.js";
    } else {
      window.plausible = window.plausible || function () { (plausible.q = plausible.q || []).push(arguments); };
      s.dataset.domain = d.domain;
      s.dataset.api = srv + "api/event";
      s.src = srv + "js/script.manual.js";
    }
    doc.head.appendChild(s);
    /* the next page's referrer: no path, so no campaign parameters */
    doc.head.insertAdjacentHTML("beforeend", '<meta name="referrer" content="strict-origin">');
    if (campaigns && !choice && keys(location.search).length) {
      addEventListener("pagehide", function () { measure(false); });
    } else {
      measure(choice === "granted");
    }
  }

  /* Banner: early in the DOM for keyboards, fixed at the bottom; two equal buttons. */
  var tpl = doc.getElementById("territoire-consent"), box = null, opener = null;
  function pad(h) { doc.body.style.paddingBottom = doc.documentElement.style.scrollPaddingBottom = h ? h + "px" : ""; }
  function decide(v) {
    var back = opener || (box.contains(doc.activeElement) && doc.getElementById("contenu"));
    choice = v;
    put(CHOICE, v + " " + Date.now());
    measure(v === "granted");
    box.hidden = true;
    pad(0);
    if (back) { back.focus({ preventScroll: !opener }); }
  }
  function show(link) {
    if (!box) {
      var skip = doc.querySelector(".territoire-skip"), parts = tpl.content.cloneNode(true);
      skip ? skip.after(parts) : doc.body.prepend(parts);
      box = doc.querySelector(".territoire-consent");
      box.onclick = function (e) { var v = e.target.dataset.consent; if (v) { decide(v); } };
    }
    box.hidden = false;
    pad(box.offsetHeight);
    opener = link;
    if (link) { box.querySelector("h2").focus(); }
  }
  if (tpl && !off) {
    if (!choice) { show(null); }
    doc.querySelectorAll('.territoire-footer a[href$="#' + d.anchor + '"]').forEach(function (a) {
      a.onclick = function (e) { e.preventDefault(); show(a); };
    });
  }

  /* Privacy page: object to any measurement, or accept it again. */
  doc.querySelectorAll("[data-territoire-measure]").forEach(function (label) {
    var i = label.querySelector("input");
    i.checked = !off;
    label.hidden = false;
    i.onchange = function () { off = !i.checked; put(OFF, off ? "1" : "0"); };
  });
})();
