// The page's look: system fonts, text and links well above WCAG AA contrast on white, focus visible.
export const PAGE_STYLE = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1f2328;background:#fff}
a{color:#0550ae}a:focus-visible{outline:3px solid #0550ae;outline-offset:2px}
header,footer{border-bottom:1px solid #d1d9e0;margin-bottom:1rem}footer{border-top:1px solid #d1d9e0;border-bottom:0;margin-top:2rem;color:#454c54}
section{border:1px solid #d1d9e0;border-radius:6px;padding:0 1rem 1rem;margin:1rem 0}
h2{margin-bottom:0}.home{margin-top:0;color:#454c54}.when{font-size:1.15rem;font-weight:600}
ul.links{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;list-style:none}
h5{font-size:1rem;margin:.75rem 0 .25rem}.ref{color:#454c54;font-size:.875rem}
.new{background:#0550ae;color:#fff;border-radius:1em;padding:0 .5em;font-size:.75rem}`;

// Shows each <time datetime> in the reader's own zone; without it the meeting's zone stays.
export const PAGE_SCRIPT = `(function(){var f=new Intl.DateTimeFormat(undefined,{weekday:"long",day:"numeric",month:"long",year:"numeric",hour:"2-digit",minute:"2-digit",timeZoneName:"short"});
document.querySelectorAll("time[data-local]").forEach(function(t){var d=new Date(t.getAttribute("datetime"));if(isNaN(d))return;t.title=t.textContent;t.textContent=f.format(d);});
var z=document.querySelector("[data-reader-zone]");if(z)z.textContent="your time zone ("+Intl.DateTimeFormat().resolvedOptions().timeZone+")";})();`;
