// The one stylesheet and the one script of every HTML page. Both are inline
// (a page is a single file that works offline) and allowed by their hash in
// the page's Content-Security-Policy, so neither may depend on the input.
#include "render/html.hpp"

namespace strata::render {

// Colours: every text/background pair below passes WCAG AA (4.5:1) for
// normal text; the darkest of each hue is used for text, the lightest as
// background. Changes are also marked without colour: strike-through and
// underline in word diffs, a sign and a word in each badge.
std::string_view html_stylesheet() {
  return R"CSS(
:root{--fg:#1f2328;--muted:#545d68;--line:#d0d7de;--soft:#f6f8fa;--link:#0550ae;--band:#0d2847;
--add:#116329;--add-bg:#dafbe1;--del:#82071e;--del-bg:#ffebe9;--mod:#6c4400;--mod-bg:#fff3c4;
--mov:#0550ae;--mov-bg:#ddf4ff;--ren:#6639ba;--ren-bg:#f1e8ff;--same:#545d68;--same-bg:#f0f2f4}
*{box-sizing:border-box}
html{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:#fff}
body{margin:0;overflow-wrap:break-word}
a{color:var(--link);text-underline-offset:2px}
:focus-visible{outline:3px solid #1f6feb;outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:1rem;background:#fff;color:var(--link);padding:.5rem 1rem;z-index:3}
.vh,del::before,del::after,ins::before,ins::after{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
del::before{content:" [deleted: "}del::after{content:"] "}
ins::before{content:" [inserted: "}ins::after{content:"] "}
.wrap{max-width:78rem;margin:0 auto;padding:0 1.5rem}
header.band{background:var(--band);color:#fff;padding:1.25rem 0 1.5rem}
header.band a{color:#cfe3ff}
header.band .kicker{font-size:.8rem;letter-spacing:.08em;text-transform:uppercase;color:#c9d7e8;margin:0}
h1{font-size:1.65rem;line-height:1.25;margin:.25rem 0 1rem;overflow-wrap:anywhere}
.versions{display:grid;grid-template-columns:minmax(0,1fr) auto minmax(0,1fr);gap:1rem}
.version{background:#173a63;border:1px solid #3d6594;border-radius:8px;padding:.7rem 1rem}
.version h2{all:unset;display:block;font-size:.75rem;letter-spacing:.08em;text-transform:uppercase;color:#c9d7e8}
.version .t{display:block;font-size:1.1rem;font-weight:600;margin:.15rem 0;overflow-wrap:anywhere}
.version dl{display:grid;grid-template-columns:auto 1fr;gap:0 .75rem;margin:.3rem 0 0;font-size:.9rem}
.version dt{color:#c9d7e8}.version dd{margin:0;overflow-wrap:anywhere}
.versions .arrow{align-self:center;font-size:1.6rem}
.links{margin:.9rem 0 0;font-size:.9rem}.links a{margin-right:1rem}
nav.toc{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);z-index:2}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;list-style:none;margin:0;padding:.55rem 0}
main section.part{margin:2.2rem 0}
h2{font-size:1.35rem;border-bottom:1px solid var(--line);padding-bottom:.3rem;margin:0 0 1rem}
h3{font-size:1.1rem;margin:1.6rem 0 .6rem}
p.lede{color:var(--muted);margin-top:-.4rem}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;margin:0;list-style:none}
.cards li{border:1px solid var(--line);border-radius:8px;padding:.55rem .9rem;min-width:9rem;background:var(--soft)}
.count{color:var(--muted)}
.cards .n{display:block;font-size:1.5rem;font-weight:700;font-variant-numeric:tabular-nums}
ol.highlights{margin:0;padding-left:1.6rem}
ol.highlights li{margin:.55rem 0;padding:.45rem .8rem;border-left:4px solid var(--ren);background:var(--soft);border-radius:0 6px 6px 0}
ol.highlights li::marker{font-weight:700;color:var(--ren)}
ol.highlights p{margin:.1rem 0}ol.highlights .more{color:var(--muted);font-size:.93rem}ol.highlights .kind{text-transform:capitalize}ol.highlights .kind .count{text-transform:none}
.narrative{font-size:1.05rem;max-width:60rem}
.warnings{border-left:4px solid var(--mod);background:var(--mod-bg);padding:.6rem 1rem;border-radius:0 6px 6px 0}
.warnings h2{border:0;font-size:1.05rem;margin:0 0 .3rem;color:var(--mod)}
.warnings ul{margin:0;padding-left:1.2rem}
table{border-collapse:collapse;width:100%;font-size:.93rem}
caption{text-align:left;color:var(--muted);padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--line)}
th.pair,td.files{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
.badge{display:inline-block;font-size:.78rem;font-weight:600;line-height:1.5;border-radius:999px;padding:0 .55rem;border:1px solid currentColor;white-space:nowrap}
.st-added{color:var(--add);background:var(--add-bg)}
.st-removed{color:var(--del);background:var(--del-bg)}
.st-modified{color:var(--mod);background:var(--mod-bg)}
.st-moved,.st-split,.st-merged{color:var(--mov);background:var(--mov-bg)}
.st-renamed{color:var(--ren);background:var(--ren-bg)}
.st-unchanged,.st-equivalent{color:var(--same);background:var(--same-bg)}
.outlines{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem}
table.counts{max-width:34rem}
.outlines h3{margin-top:0}
ol.outline{list-style:none;margin:0;padding:0;border-top:1px solid var(--line)}
ol.outline li{padding:.3rem .4rem;border-bottom:1px solid var(--line);scroll-margin-top:3.5rem}
ol.outline li:target{background:#fff8c5}
ol.outline .d2{padding-left:1.6rem}ol.outline .d3{padding-left:2.8rem}ol.outline .d4,ol.outline .d5,ol.outline .d6{padding-left:4rem}
ol.outline .to{display:block;font-size:.85rem;color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0 0 1rem}
.controls .seg{display:inline-flex;border:1px solid var(--line);border-radius:8px;overflow:hidden}
.controls .seg label{padding:.3rem .8rem;cursor:pointer}
#view-inline:checked~.controls label[for=view-inline],#view-sbs:checked~.controls label[for=view-sbs]{background:var(--band);color:#fff}
#view-inline:focus-visible~.controls label[for=view-inline],#view-sbs:focus-visible~.controls label[for=view-sbs]{outline:3px solid #1f6feb;outline-offset:-3px}
#view-inline:checked~.groups .sbs,#view-sbs:checked~.groups .inline{display:none}
.controls input[type=search]{font:inherit;padding:.25rem .5rem;border:1px solid #8c959f;border-radius:6px;min-width:16rem}
section.group{margin:0 0 1.5rem}
section.group h3{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.35rem .7rem;scroll-margin-top:3.5rem}
section.group h3 .count{font-weight:400;color:var(--muted);font-size:.9rem}
ol.claims{list-style:none;margin:0;padding:0}
li.claim{color:var(--fg);border-left:4px solid var(--line);padding:.35rem 0 .45rem .85rem;margin:.55rem 0;scroll-margin-top:3.5rem}
li.claim:target{background:#fff8c5}
li.claim.st-added{border-left-color:#1a7f37;background:none}li.claim.st-removed{border-left-color:#cf222e;background:none}
li.claim.st-modified{border-left-color:#bf8700;background:none}
li.claim.st-moved,li.claim.st-split,li.claim.st-merged{border-left-color:#0969da;background:none}
li.claim.st-unchanged,li.claim.st-equivalent{background:none}
li.claim .head{font-size:.85rem;color:var(--muted);margin:0 0 .15rem}
li.claim .head a.ref{color:var(--muted)}
li.claim p{margin:.1rem 0}
li.moved-out{margin:.2rem 0 .2rem .2rem;font-size:.9rem;color:var(--muted)}
li.moved-out p{margin:0}
del{color:var(--del);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:1px}
ins{color:var(--add);background:var(--add-bg);text-decoration:underline;text-decoration-thickness:1px}
.sbs{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.75rem}
.sbs>div{border:1px solid var(--line);border-radius:6px;padding:.3rem .6rem}
.sbs .side{display:block;font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
ul.facts{margin:.25rem 0 0;padding-left:1.1rem;font-size:.9rem;color:var(--muted)}
ul.sentences{margin:.4rem 0 0;padding:0 0 0 .6rem;list-style:none;border-left:2px solid var(--line);font-size:.95rem}
ul.sentences li{margin:.2rem 0}
p.note{font-size:.9rem;color:var(--muted)}
.chart{overflow-x:auto;border:1px solid var(--line);border-radius:8px;padding:.5rem}
.chart svg{display:block;font:13px system-ui,"DejaVu Sans",sans-serif}
.chart .lbl{fill:#1f2328}.chart .col{fill:#1f2328;font-weight:600}.chart .date{fill:#545d68;font-size:12px}
.chart .band{fill:#f6f8fa}.chart .grid{stroke:#d0d7de}
.chart .on{fill:#0550ae}.chart .off{fill:#d0d7de}.chart .run{stroke:#0550ae;stroke-width:3}
.chart .ren{stroke:#6639ba;stroke-width:2;stroke-dasharray:4 3;fill:none}
.chart .cnt{fill:#fff;font-size:10px;font-weight:700}
footer{border-top:1px solid var(--line);margin-top:3rem;padding:1rem 0 2rem;color:var(--muted);font-size:.85rem}
@media (max-width:50rem){.versions,.outlines,.sbs{grid-template-columns:1fr}.versions .arrow{display:none}}
@media print{
nav.toc,.controls,.skip{display:none}
header.band{background:none;color:#000;border-bottom:2px solid #000}
header.band a,header.band .kicker,.version h2,.version dt{color:#000}
.version{background:none;border-color:#000}
#view-sbs:checked~.groups .inline{display:block}.sbs{display:none!important}
li.claim,tr,.cards li{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit}
.badge,del,ins,.chart{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
)CSS";
}

// Conveniences only; the page reads the same without it. It marks the page
// as scripted (a check the browser test relies on) and filters the claims
// by the words typed into the find box, which it reveals.
std::string_view html_script() {
  return R"JS(
(function () {
  var d = document;
  d.documentElement.className += ' js';
  var box = d.getElementById('find');
  if (!box) return;
  box.parentNode.hidden = false;
  var out = d.getElementById('find-count');
  box.addEventListener('input', function () {
    var q = box.value.trim().toLowerCase(), shown = 0;
    d.querySelectorAll('li.claim').forEach(function (li) {
      var hit = !q || li.textContent.toLowerCase().indexOf(q) >= 0;
      li.hidden = !hit;
      if (hit) shown++;
    });
    d.querySelectorAll('section.group').forEach(function (g) {
      g.hidden = !g.querySelector('li.claim:not([hidden])');
    });
    out.textContent = q ? shown + ' shown' : '';
  });
})();
)JS";
}

}  // namespace strata::render
