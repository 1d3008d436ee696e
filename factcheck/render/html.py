"""The report as one self-contained HTML file: inline style, no scripts, every piece of article text escaped."""
from __future__ import annotations

from html import escape

from factcheck.model import Flag, Report, Statement
from factcheck.render import (by_story, headline, listed, passed_line, pieces, story_key, triage_lines, verified, where,
                              who)
from factcheck.render.safe import clean

# scripts are refused by the page itself, should anything ever slip through escaping
CSP = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem}.counts{margin:.1rem 0}.story{margin-top:2rem}h2{border-bottom:1px solid #ccc;font-size:1.15rem}
.flag{border:1px solid #ccc;border-left:6px solid #888;border-radius:4px;padding:.6rem 1rem;margin:1rem 0}
.flag.error{border-left-color:#c0392b}.flag.warning{border-left-color:#d4a017}.flag.info{border-left-color:#2980b9}
.flag h3{margin:0;font-size:1rem}.flag h3 code{color:#666;font-weight:normal}.state{float:right;font-weight:normal}
.message{font-weight:600}.cites{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem}
.cite{margin:0;padding:.4rem .6rem;background:#f6f6f6;border-radius:4px}.cite .where{color:#666;font-size:.9em}
.cite blockquote{margin:.3rem 0 0}mark{background:#ffe58a;font-weight:600}.why,.triage{margin:.4rem 0 0}
.triage{font-style:italic}.verified li{list-style:none}.verified li::before{content:"\\2713  ";color:#27ae60}
footer{margin-top:2rem;color:#888;font-size:.85em}
@media print{body{margin:0;max-width:none}.flag{break-inside:avoid}mark{outline:1px solid #000}}
"""


def e(text: str | None) -> str:
    return escape(text or "", quote=True)


def statement_html(s: Statement, story: int | None) -> str:
    sentence = "".join(f"<mark>{e(p)}</mark>" if marked else e(p) for p, marked in pieces(s))
    return (f'<figure class="cite"><figcaption><b>{e(who(s))}</b><br><span class="where">{e(where(s, story))}</span>'
            f"</figcaption><blockquote>{sentence}</blockquote></figure>")


def flag_html(rec: Flag, story: int | None) -> str:
    f = rec.finding
    state = f'<span class="state">{e(rec.state)}</span>' if rec.state else ""
    event = f.event
    why = f"rule <code>{e(f.rule)}</code>" + (f" \u00b7 event {e(event)}" if event else "")
    if f.detail:
        why += f"<br>why: {e(f.detail)}"
    triage = "".join(f'<p class="triage">{e(line)}</p>' for line in triage_lines(rec))
    cites = "".join(statement_html(s, story) for s in f.statements[:2])
    if len(f.statements) > 2:  # the two sides first; what supports them under "also"
        cites += '<p class="also">also</p>' + "".join(statement_html(s, story) for s in f.statements[2:])
    return (f'<article class="flag {e(f.severity)}" id="flag-{e(rec.id)}"><h3>{e(f.severity.upper())} {e(f.kind)} '
            f"<code>{e(rec.id[:8])}</code>{state}</h3><p class=\"message\">{e(f.message)}</p>"
            f'<div class="cites">{cites}</div><p class="why">{why}</p>{triage}</article>')


def report_html(report: Report) -> str:
    counts = headline(report)
    parts = [f"<header><h1>{e(report.title)}</h1>", f'<p class="counts"><b>{e(counts[0])}</b></p>']
    parts += [f'<p class="counts">{e(c)}</p>' for c in counts[1:]]
    parts.append("</header>")
    shown, untold = listed(report)
    for story, heading, records in by_story(shown):
        parts.append(f'<section class="story"><h2>{e(heading)}</h2>')
        parts += [flag_html(rec, story) for rec in records]
        parts.append("</section>")
    parts += [f'<p class="untold">{e(line)}</p>' for line in untold]
    passed, unlisted = verified(report)
    if passed:
        items = "".join(f"<li>{e(passed_line(p))} <small>({e(story_key(p)[1])})</small></li>" for p in passed)
        parts.append(f'<section class="verified"><h2>Verified</h2><ul>{items}</ul></section>')
    parts += [f'<p class="untold">{e(line)}</p>' for line in unlisted]
    if report.generated:
        parts.append(f"<footer>Generated {e(report.generated)} by factcheck.</footer>")
    return clean("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
                 '<meta name="viewport" content="width=device-width, initial-scale=1">'
                 f"<title>{e(report.title)}</title><style>{STYLE}</style></head>\n<body>\n"
                 + "\n".join(parts) + "\n</body></html>\n")
