/* Campaign attribution, first-party and without storage: when a page is reached through a
   short link (utm_* in its address), the values follow the visitor's links inside the site
   and reach the registration service: query parameters, a URL fragment (Typeform), or
   hidden fields of the forms on the page. Nothing is stored, nothing is sent elsewhere. */
(function () {
  "use strict";
  var KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_content"];
  var here = new URLSearchParams(window.location.search);
  var utm = {};
  KEYS.forEach(function (k) { var v = here.get(k); if (v) { utm[k] = v.slice(0, 100); } });
  if (!Object.keys(utm).length) { return; }

  function withQuery(href, extra) {
    var url = new URL(href, window.location.href);
    Object.keys(extra).forEach(function (k) { url.searchParams.set(k, extra[k]); });
    return url.href;
  }

  var decorate = {
    query: function (href) { return withQuery(href, utm); },
    fragment: function (href) { /* Typeform reads hidden fields from the fragment */
      var url = new URL(href, window.location.href);
      url.hash = new URLSearchParams(utm).toString();
      return url.href;
    },
    eventbrite: function (href) { return withQuery(href, Object.assign({ aff: utm.utm_content || utm.utm_campaign }, utm)); },
    prefill: function (href, link) { /* Google Forms: entry.<id>=<campaign/code> from the configured field */
      var field = link.getAttribute("data-prefill-field");
      if (!field) { return href; }
      var extra = {};
      extra[field] = [utm.utm_campaign, utm.utm_content].filter(Boolean).join("/");
      return withQuery(href, Object.assign({ usp: "pp_url" }, extra));
    }
  };

  document.querySelectorAll("a[href]").forEach(function (link) {
    var kind = link.getAttribute("data-attribution");
    if (kind && decorate[kind]) {
      link.href = decorate[kind](link.href, link);
    } else if (link.origin === window.location.origin && link.pathname !== window.location.pathname) {
      link.href = withQuery(link.href, utm); /* keep the attribution while the visitor browses */
    }
  });

  document.querySelectorAll("form[data-attribution]").forEach(function (form) {
    KEYS.forEach(function (k) {
      if (!utm[k]) { return; }
      var input = form.querySelector('input[name="' + k + '"]');
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = k;
        form.appendChild(input);
      }
      input.value = utm[k];
    });
  });
})();
