"""The report as schema.org ClaimReview JSON-LD: one review per flag, of the first claim it cites."""
from __future__ import annotations

from typing import Any

from factcheck.model import Flag, Report, Statement
from factcheck.render import who
from factcheck.render.safe import clean_data, json_text

# what the flag says about the claim, by rule kind (reviewRating.alternateName)
VERDICT = {
    "status-conflict": "Conflicting accounts", "completion-conflict": "Misleading: figures show it incomplete",
    "sum-mismatch": "Figures do not add up", "numeric-conflict": "Conflicting figures",
    "quote-mismatch": "Quote worded differently elsewhere", "misattribution": "Quote attributed to different speakers",
    "duration-mismatch": "Duration disagrees with the dates on record",
    "superlative-conflict": "Superlative contradicted by an earlier figure",
    "polarity-conflict": "Contradictory", "date-conflict": "Conflicting dates",
    "anonymous-source": "Rests on an unnamed source",
    "unsourced": "Unsourced",
}
STATE_PREFIX = {"open": "Under review: ", "resolved": "No longer found: "}


def party(s: Statement) -> dict[str, Any]:
    kind = {"person": "Person", "anonymous": "Person"}.get(s.source_kind or "", "Organization")
    if not s.source:
        return {"@type": "Organization", "name": s.outlet or "the story's writer"}
    return {"@type": kind, "name": s.source}


def rating(rec: Flag) -> dict[str, Any]:
    f = rec.finding
    if rec.state == "dismissed":
        name = "No contradiction found"
    else:
        name = STATE_PREFIX.get(rec.state or "", "") + VERDICT.get(f.kind, f.kind)
    return {"@type": "Rating", "alternateName": name, "ratingExplanation": f.detail or f.message}


def claim_review(rec: Flag, report: Report) -> dict[str, Any]:
    """One flag as a schema.org ClaimReview of the first claim it cites: the claim and where it appeared (the
    story and its other appearances), the rating, the review's url and author from factcheck.toml
    ([newsroom]), the editor's note as its body when there is one."""
    f = rec.finding
    claim = f.statements[0] if f.statements else Statement(text=f.message, start=0, end=0)
    seen = []
    if claim.document_id is not None:
        seen.append({"url": web_url(report.urls.get(claim.document_id)), "headline": claim.document,
                     "datePublished": claim.published, "outlet": claim.outlet})
        seen += [{"url": web_url(a.get("url")), "headline": claim.document, "datePublished": a.get("published"),
                  "outlet": a.get("outlet")} for a in report.appearances.get(claim.document_id, ())]
    appearance = [{k: v for k, v in {"@type": "NewsArticle", "headline": a["headline"], "url": a["url"],
                                     "datePublished": a["datePublished"],
                                     "publisher": {"@type": "Organization", "name": a["outlet"]} if a["outlet"] else None
                                     }.items() if v} for a in seen]
    item = {"@type": "Claim", "author": party(claim), "datePublished": claim.date or claim.published,
            "appearance": appearance[0] if len(appearance) == 1 else appearance or None}
    if claim.channel:
        item["firstAppearance"] = {"@type": "CreativeWork", "name": claim.channel}
    editor = rec.triaged_by if rec.state in ("confirmed", "dismissed") and rec.triaged_by else report.reviewer
    if report.newsroom:
        author: dict[str, Any] = {"@type": "Organization", "name": report.newsroom}
        if report.newsroom_url:
            author["url"] = report.newsroom_url
    else:
        author = {"@type": "Person" if editor else "Organization", "name": editor or "factcheck"}
    reviewed_on = (rec.triaged_at if rec.triaged_by else rec.last_seen) or report.generated or ""
    others = "; ".join(f"{who(s)}: {s.text}" for s in f.statements[1:])
    body = rec.note if rec.note and rec.state in ("confirmed", "dismissed") else \
        f.message.rstrip(".") + "." + (f" Compared with: {others}" if others else "")
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "identifier": rec.id,
              "url": report.review_url.replace("{id}", rec.id) if report.review_url else None,
              "claimReviewed": claim.text, "itemReviewed": {k: v for k, v in item.items() if v is not None},
              "reviewRating": rating(rec), "reviewBody": body, "author": author,
              "editor": {"@type": "Person", "name": editor} if report.newsroom and editor else None,
              "datePublished": reviewed_on[:10] or None}
    return {k: v for k, v in review.items() if v is not None}


def web_url(url: str | None) -> str | None:
    """The URL if it is http(s); anything else (javascript:, data:, a path) is left out of the review."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def report_claimreview(report: Report) -> str:
    """JSON-LD to paste into a <script type="application/ld+json"> block: '</' is written '<\\/' so article text
    cannot close the block, and '<!--' '\\u003c!--' so it cannot keep the page's own '</script>' from closing it;
    text is cleaned of control characters like every other report's. Both are the same string to a JSON reader."""
    reviews = [claim_review(rec, report) for rec in report.flags]
    return json_text(clean_data(reviews)).replace("</", "<\\/").replace("<!--", "\\u003c!--") + "\n"
